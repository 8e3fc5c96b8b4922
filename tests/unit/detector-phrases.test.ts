// The page's phrases (utils/detector/phrases.ts; docs/performance-history.md, "Scoring, eleventh
// pass"): the heat around one place against the heat of every occurrence (textOccurrences), where
// each distinct n-gram first occurs, the strongest n-grams the dot product keeps, and the phrases
// shown on corpus pages (paraphrases of public pages, Japanese and English), each holding one of
// them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../utils/content/normalize';
import { scoreFeatures } from '../../utils/detector/features';
import { Collector, textOccurrences } from '../../utils/detector/ngrams';
import {
  gramAt,
  heatAround,
  phrasesAround,
  PHRASE_MIN,
  PHRASE_WINDOW,
  STRONGEST,
} from '../../utils/detector/phrases';
import { scoreWithModel } from '../../utils/detector/model-score';
import { shippedModel } from '../../utils/detector/shipped';
import { parseTextPage, sampleFromText } from '../../tools/lib/corpus';
import { syntheticPage } from '../../tools/bench/pages';
import { pageSample } from './page-sample';

const { weights, bias, features: options } = shippedModel();
const TEXT_VALUE = 0.0734;

/** Each character's share of every occurrence's weight (the old heat, before prefix sums). */
function referenceShares(text: string): Float64Array {
  const occ = textOccurrences(text);
  const heat = new Float64Array(text.length);
  for (let k = 0; k < occ.length; k += 1) {
    const w = weights[occ.feature[k]!]! * TEXT_VALUE;
    const len = occ.end[k]! - occ.start[k]!;
    for (let c = occ.start[k]!; c < occ.end[k]!; c += 1) heat[c] = heat[c]! + w / len;
  }
  return heat;
}

function expectHeat(text: string, reference: Float64Array, lo: number, hi: number) {
  // A dirty buffer: heatAround must clear what it writes.
  const out = new Float64Array(hi - lo + 3).fill(5);
  heatAround(text, lo, hi, weights, TEXT_VALUE, out);
  for (let k = lo; k < hi; k += 1) expect(out[k - lo]).toBeCloseTo(reference[k]!, 12);
}

const TEXTS: [string, string][] = [
  ['one kana', 'く'],
  ['one letter', 'a'],
  ['a run at both ends', 'くすり buy 通販'],
  ['a word at both ends', 'buy くすり now'],
  ['words over lines and full stops', 'cheap viagra\nno prescription. order now 24h, 5mg x 10'],
  ['pairs over a long gap', `buy ${'- '.repeat(40)}cheap ${', '.repeat(30)}pills now`],
  ['a long word', `x${'a'.repeat(100)} b ${'c'.repeat(60)}`],
  ['zero-width splits', 'vi\u200bag\u200dra カマ\u200bグラ c\u2060ialis'],
  ['look-alike letters', 'vіаgrа сіаlіs without prеscrіption'], // Cyrillic і, а, с, е
  ['full-width and half-width', 'ＶＩＡＧＲＡ１００ｍｇ ｶﾏｸﾞﾗ ＢＵＹ．ｎｏｗ　処方箋不要'],
  ['Chinese', '处方药网上购买，无需处方。伟哥 100mg 价格'],
  ['Korean', '비아그라 처방전 없이 구매 viagra 구입'],
  ['surrogates and emoji', '💊お薬💊 pills 💊'],
  ['punctuation only', '... !!! --- 、。'],
  ['ideographic spaces between runs', 'くすり\u3000通販\u3000最安値'],
];

describe('heatAround', () => {
  it.each(TEXTS)('gives every range the shares every occurrence gives: %s', (_, raw) => {
    const text = normalizeText(raw);
    const reference = referenceShares(text);
    // Every range of up to 12 characters, and the whole text.
    for (let lo = 0; lo <= text.length; lo += 1)
      for (let hi = lo; hi <= Math.min(text.length, lo + 12); hi += 1)
        expectHeat(text, reference, lo, hi);
    expectHeat(text, reference, 0, text.length);
  });

  it('gives the shares at the edges of the bench page and of windows across it', () => {
    const text = normalizeText(syntheticPage(200 * 1024).text).slice(0, 40_000);
    const reference = referenceShares(text);
    expectHeat(text, reference, 0, 2 * PHRASE_WINDOW);
    expectHeat(text, reference, text.length - 2 * PHRASE_WINDOW, text.length);
    for (let lo = 7; lo < text.length - 48; lo += 997) expectHeat(text, reference, lo, lo + 48);
  });

  it('reads only near the range on a 5 MB page', () => {
    const text = normalizeText(
      '個人輸入代行のお店です。Buy cheap generic pills online today! 価格 3,980円 '.repeat(80_000),
    );
    expect(text.length).toBeGreaterThan(4_000_000);
    const from = 3_000_000;
    const piece = text.slice(from - 200, from + 248);
    const reference = referenceShares(piece);
    const out = new Float64Array(48);
    heatAround(text, from, from + 48, weights, TEXT_VALUE, out);
    for (let k = 0; k < 48; k += 1) expect(out[k]).toBeCloseTo(reference[200 + k]!, 12);
  });
});

/** Each distinct feature's first occurrence, in the model's order (the reference walk). */
function firstOccurrences(text: string): Map<number, [number, number]> {
  const occ = textOccurrences(text);
  const first = new Map<number, [number, number]>();
  for (let k = 0; k < occ.length; k += 1)
    if (!first.has(occ.feature[k]!)) first.set(occ.feature[k]!, [occ.start[k]!, occ.end[k]!]);
  return first;
}

describe('the first occurrences the n-gram pass records', () => {
  it.each([...TEXTS, ['empty', '']])(
    'are the reference walk’s, feature by feature: %s',
    (_, raw) => {
      const text = normalizeText(raw);
      const c = new Collector();
      c.addText(text, true);
      const features = Array.from(c.distinct.subarray(0, c.count));
      const at = features.map((_, i) => gramAt(text, c.slots[i]!));
      c.release();
      const first = firstOccurrences(text);
      expect(at.map((g) => [g.start, g.end])).toEqual(features.map((f) => first.get(f)));
    },
  );
});

const corpusPage = (slug: string) => {
  const page = parseTextPage(readFileSync(`data/corpus/pages/${slug}.txt`, 'utf8'));
  return sampleFromText(page.url, page.text);
};

describe('the strongest n-grams the dot product keeps', () => {
  it.each([
    ['ja', corpusPage('ja-affiliate-40anscatimini-pill-legal-import')],
    ['en', corpusPage('en-affiliate-40tag-modafinil-buying-us')],
    ['the bench page', pageSample(syntheticPage(200 * 1024).text)],
    ['few n-grams', pageSample('くすり')],
    ['empty', pageSample('')],
  ])('are the positive-weight features that weigh most, first seen first: %s', (_, sample) => {
    const scored = scoreFeatures(sample, weights, bias, options);
    const text = scored.evidence.text;
    const first = firstOccurrences(text);
    const ranked = [...first.keys()]
      .map((f, order) => ({ f, order, w: weights[f]! }))
      .filter((x) => x.w > 0)
      .sort((a, b) => b.w - a.w || a.order - b.order)
      .slice(0, STRONGEST)
      .map((x) => first.get(x.f));
    const got = Array.from(scored.strongest, (slot) => {
      const g = gramAt(text, slot);
      return [g.start, g.end];
    });
    expect(got).toEqual(ranked);
  });
});

describe('phrases on pages', () => {
  const cases: [string, ReturnType<typeof corpusPage>][] = [
    ['ja', corpusPage('ja-affiliate-40anscatimini-pill-legal-import')],
    ['ja', corpusPage('ja-affiliate-13indigobay-depas-alternatives')],
    ['en', corpusPage('en-affiliate-40tag-modafinil-buying-us')],
    ['en', corpusPage('en-affiliate-1-pharm-su-customs-tag')],
  ];
  it.each(cases)(
    'hold one of the strongest n-grams, from the page, none twice or overlapping: %s',
    (_, sample) => {
      const model = shippedModel();
      const result = scoreWithModel(model, sample);
      expect(result.level).not.toBe('none');
      const phrases = result.signals.filter((s) => s.code === 'phrase');
      expect(phrases.length).toBeGreaterThan(0);
      expect(phrases.length).toBeLessThanOrEqual(3);
      const scored = scoreFeatures(sample, weights, bias, options);
      const text = scored.evidence.text;
      const strong = Array.from(scored.strongest, (slot) => {
        const g = gramAt(text, slot);
        return text.slice(g.start, g.end);
      });
      const found = phrasesAround(text, scored.strongest, weights, scored.textValue);
      for (const [k, p] of phrases.entries()) {
        expect(sample.text.replace(/\s+/g, ' ')).toContain(p.evidence);
        expect(strong.some((s) => p.terms[0]!.includes(s.trim()))).toBe(true);
        expect(p.weight).toBeGreaterThanOrEqual(Math.round(PHRASE_MIN * 10));
        if (k > 0) expect(p.weight).toBeLessThanOrEqual(phrases[k - 1]!.weight);
      }
      expect(new Set(phrases.map((p) => p.evidence)).size).toBe(phrases.length);
      for (const [i, a] of found.entries()) {
        expect(a.heat).toBeGreaterThan(PHRASE_MIN);
        for (const b of found.slice(i + 1)) expect(a.end <= b.start || b.end <= a.start).toBe(true);
      }
    },
  );

  it('name the page’s strongest place first on the bench page (danger)', () => {
    const result = scoreWithModel(shippedModel(), pageSample(syntheticPage(2 * 1024 * 1024).text));
    expect(result.level).toBe('danger');
    const phrases = result.signals.filter((s) => s.code === 'phrase');
    expect(phrases[0]!.evidence).toContain('個人輸入代行');
  });

  it('of a page are the same after a longer and a shorter page were scored', () => {
    const model = shippedModel();
    const ja = corpusPage('ja-affiliate-40anscatimini-pill-legal-import');
    const before = scoreWithModel(model, ja).signals;
    scoreWithModel(model, pageSample(syntheticPage(2 * 1024 * 1024).text));
    scoreWithModel(model, pageSample('個人輸入代行 buy'));
    expect(scoreWithModel(model, ja).signals).toEqual(before);
  });

  it('are none on an empty page and on a page the model leaves alone', () => {
    expect(phrasesAround('', new Int32Array(0), weights, 0)).toEqual([]);
    const calm = scoreWithModel(shippedModel(), pageSample('園芸の道具と季節の花の育て方。'));
    expect(calm.signals.filter((s) => s.code === 'phrase')).toEqual([]);
  });
});
