// Features and scoring of the learned detector: what a page turns into, and that odd pages
// (empty, huge, other scripts, disguised words) neither crash nor take unbounded time.
import { describe, expect, it } from 'vitest';
import {
  FEATURE_DEFAULTS,
  extractFeatures,
  HASHED_OFFSET,
  scoreFeatures,
  NAMED_FEATURES,
  pageScript,
} from '../../utils/detector/features';
import { scoreDetected, shippedModel } from '../../utils/detector/shipped';
import { asciiGrams } from '../../utils/detector/ascii-grams';
import { Collector } from '../../utils/detector/ngrams';
import { pageSample } from './page-sample';

const page = (text: string, host = 'shop.example') => pageSample(text, `https://${host}/`);

/** Hashed features before the Latin-script character n-grams of Japanese pages. */
const hashed = (text: string, host?: string) => {
  const f = extractFeatures(page(text, host));
  return new Set(Array.from(f.index.subarray(0, f.baseCount)).filter((i) => i >= HASHED_OFFSET));
};

describe('features', () => {
  it('name the signals that fired and the page voice', () => {
    const f = extractFeatures(
      page('処方箋不要でカマグラゴールドをお届けします。個人輸入代行。カートに入れる'),
    );
    const named = Array.from(f.index)
      .filter((i) => i < HASHED_OFFSET)
      .map((i) => NAMED_FEATURES[i]);
    expect(named).toEqual(
      expect.arrayContaining([
        'no-prescription',
        'unapproved-drug',
        'import-agency',
        'about-medicines',
      ]),
    );
  });

  it('read Japanese as character n-grams: one more character adds its 1-, 2- and 3-grams', () => {
    const a = hashed('くすり', 'a.example');
    const b = hashed('くすりや', 'a.example');
    const added = [...b].filter((f) => !a.has(f));
    expect(added.length).toBe(3); // や, りや, すりや
  });

  it('fold digits, so doses and prices generalise', () => {
    expect(hashed('viagra 100mg price 30')).toEqual(hashed('viagra 50mg price 12'));
  });

  it('see through zero-width characters and full-width letters', () => {
    expect(hashed('処\u200b方\u200c箋\u200d不\u2060要 ＶＩＡＧＲＡ')).toEqual(
      hashed('処方箋不要 viagra'),
    );
  });

  it('tell Japanese pages from the rest by their kana, not by kanji alone', () => {
    expect(pageScript('処方箋なしでお届けします')).toBe('ja');
    expect(pageScript('buy cialis online without prescription. 日本語対応')).toBe('en');
    expect(pageScript('无需处方 伟哥 西地那非')).toBe('en');
    expect(pageScript('Order now — '.repeat(100) + 'ご注文はこちらから'.repeat(10))).toBe('ja');
    expect(pageScript('')).toBe('en');
  });

  it('take tokens of the host name', () => {
    expect(hashed('same text', 'cheap-viagra.example')).not.toEqual(
      hashed('same text', 'city-library.example'),
    );
  });

  it('give every text n-gram one value, so the text vector has the same length on any page', () => {
    const short = extractFeatures(page('A short page about medicines.'));
    const long = extractFeatures(
      page('A much longer page about medicines. '.repeat(50) + 'And more words.'),
    );
    expect(short.textValue).toBeGreaterThan(long.textValue);
  });
});

function grams(text: string): Set<number> {
  const out = new Collector(false, 0);
  asciiGrams(text, out);
  const found = new Set(out.distinct.subarray(0, out.count));
  out.release();
  return found;
}

describe('character n-grams of Latin words', () => {
  it('take the 3-, 4- and 5-grams of each word padded with spaces', () => {
    // " pill " has 6 characters: 4 trigrams, 3 four-grams, 2 five-grams.
    expect(grams('pill').size).toBe(9);
    expect(grams('pill pill').size).toBe(9);
    // "pills" shares " pil", "pill", "ill" … with "pill": word n-grams would share nothing.
    const shared = [...grams('pills')].filter((g) => grams('pill').has(g));
    expect(shared.length).toBeGreaterThanOrEqual(5);
  });

  it('fold digits and skip words too long to be words', () => {
    expect(grams('100mg')).toEqual(grams('50mg'));
    expect(grams('x'.repeat(41)).size).toBe(0);
    expect(grams('x'.repeat(40)).size).toBeGreaterThan(0);
    expect(grams('').size).toBe(0);
    expect(grams('処方箋 ー 、').size).toBe(0);
    expect(grams('ab').size).toBe(3); // " ab", "ab ", " ab "
  });

  it('are features of Japanese pages (drug and brand names in Latin letters), not English ones', () => {
    // Off in the shipped model (docs/detection-history.md, session 7): asked for here.
    expect(FEATURE_DEFAULTS.latinGrams).toBe(false);
    const off = { latinGrams: false, host: 'raw' } as const;
    expect(extractFeatures(page('カマグラ kamagra 100mg'), off).baseCount).toBe(
      extractFeatures(page('カマグラ kamagra 100mg'), off).index.length,
    );
    const f = extractFeatures(page('カマグラ kamagra 100mg をお届けします'), { latinGrams: true });
    const extra = new Set(Array.from(f.index.subarray(f.baseCount)));
    const latin = grams('kamagra 100mg');
    expect(extra.size).toBeGreaterThan(0);
    // Each is one of the words' grams (a gram whose bucket a text n-gram or token already holds
    // keeps that feature's value and is not repeated).
    for (const g of extra) expect(latin.has(g)).toBe(true);
    expect(extra.size).toBeGreaterThanOrEqual(latin.size - 2);
    // English pages have word n-grams of the same letters already.
    const en = extractFeatures(page('kamagra 100mg delivered to your door'), {
      latinGrams: true,
    });
    expect(en.index.length).toBe(en.baseCount);
    // Asked for on English pages too (latinGramsEn), they come after the base features there.
    const both = extractFeatures(page('kamagra 100mg delivered to your door'), {
      latinGrams: false,
      latinGramsEn: true,
    });
    const enExtra = Array.from(both.index.subarray(both.baseCount));
    expect(enExtra.length).toBeGreaterThan(0);
    const enLatin = grams('kamagra 100mg delivered to your door');
    for (const g of enExtra) expect(enLatin.has(g)).toBe(true);
  });

  it('score a page the same through the vector and through the scorer', () => {
    const sample = page('カマグラ kamagra 100mg をお届けします。処方箋不要 tadalafil');
    const model = shippedModel();
    const f = extractFeatures(sample);
    let z = model.bias;
    f.index.forEach((i, k) => (z += model.weights[i]! * f.value[k]!));
    expect(scoreFeatures(sample, model.weights, model.bias).logit).toBeCloseTo(z, 9);
  });
});

describe('scoring odd pages', () => {
  const inputs: [string, string][] = [
    ['empty', ''],
    ['only spaces', ' \n\t '.repeat(1000)],
    [
      'Chinese drug shop',
      '无需处方 伟哥 西地那非 100mg 价格 加入购物车 货到付款 保密包装'.repeat(50),
    ],
    ['Korean drug shop', '처방전 없이 비아그라 구매 100mg 가격 장바구니 익명 배송'.repeat(50)],
    ['homoglyphs', 'vіagrа wіthout prеscrіption (Cyrillic і, а, е) '.repeat(100)],
    [
      'zero-width split',
      'カ\u200bマ\u200bグ\u200bラ\u200b処\u200b方\u200b箋\u200b不\u200b要'.repeat(200),
    ],
    ['lone surrogates', '\ud800\udc00\ud800x\udfff'.repeat(1000)],
  ];

  it.each(inputs)('%s: a valid verdict', (_, text) => {
    const result = scoreDetected(page(text));
    expect(result.score).toBeGreaterThanOrEqual(0);
    expect(result.score).toBeLessThanOrEqual(100);
    expect(['none', 'caution', 'warning', 'danger']).toContain(result.level);
    expect(Number.isFinite(result.probability)).toBe(true);
  });

  it('scores a 5 MB page in bounded time', { timeout: 30_000 }, () => {
    const unit = '個人輸入代行のお店です。Buy cheap generic pills online today! 価格 3,980円 ';
    const text = unit.repeat(Math.ceil((5 * 1024 * 1024) / unit.length));
    const started = performance.now();
    const result = scoreDetected(page(text));
    // Generous: this is a crash-and-hang test, not a benchmark (npm run bench measures time).
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(result.level).not.toBe('none');
  });

  it('gives the same verdict twice (no state carried between pages)', () => {
    const text = '処方箋不要でカマグラゴールドをお届けします。個人輸入代行。';
    const first = scoreDetected(page(text));
    scoreDetected(page('まったく別のページ、園芸の話。'));
    expect(scoreDetected(page(text))).toEqual(first);
  });
});

describe('reasons', () => {
  const rogue = page(
    '処方箋不要でカマグラゴールドをお届けします。当店は個人輸入代行です。お支払いは銀行振込のみ。中身が分からないよう梱包します。カートに入れる',
    'kamagra-shop.example',
  );

  it('name the signals that weighed most, each with the page’s own words', () => {
    const result = scoreDetected(rogue);
    expect(result.level).not.toBe('none');
    const named = result.signals.filter((s) => s.code !== 'phrase' && s.weight > 0);
    expect(named.length).toBeGreaterThan(0);
    for (const s of named) expect(s.evidence.length).toBeGreaterThan(0);
    const weights = named.map((s) => s.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
  });

  it('quote the phrases that weighed most as they stand on the page', () => {
    const result = scoreDetected(rogue);
    const phrases = result.signals.filter((s) => s.code === 'phrase');
    expect(phrases.length).toBeGreaterThan(0);
    for (const p of phrases) expect(rogue.text).toContain(p.evidence);
  });

  it('never list a rogue signal as evidence against, nor a licence as evidence for', () => {
    const model = shippedModel();
    expect(model.thresholds.ja.warning).toBeGreaterThan(0);
    for (const text of [rogue.text, '許可番号 第0123号 店舗販売業 薬剤師 処方箋不要']) {
      for (const s of scoreDetected(page(text)).signals) {
        if (s.code === 'licence-present' || s.code === 'clinic' || s.code === 'info')
          expect(s.weight).toBeLessThan(0);
        if (s.code === 'no-prescription' || s.code === 'import-agency')
          expect(s.weight).toBeGreaterThan(0);
      }
    }
  });
});
