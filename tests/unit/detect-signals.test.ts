import { describe, expect, it } from 'vitest';
import { scorePage, levelFor, THRESHOLDS } from '../../utils/detector/score';
import { WEIGHTS, type SignalCode } from '../../utils/detector/signals';
import { pageSample } from './page-sample';
import { readCorpus } from '../../tools/lib/corpus';

const page = (text: string, url = 'https://shop.example/item', title = '') =>
  pageSample(text, url, title);
function signals(text: string, url?: string): Partial<Record<SignalCode, number>> {
  return Object.fromEntries(scorePage(page(text, url)).signals.map((s) => [s.code, s.weight]));
}

describe('individual signals', () => {
  it('read a drug and mail-order words as one offer only within one sentence of 160 characters', () => {
    const fires = (text: string) =>
      scorePage(page(text)).signals.some((s) => s.code === 'rx-mail-order');
    const gap = (n: number) => 'and '.repeat(n);
    // Many drugs far away, and one near: the near one decides.
    const far = `tadalafil. ${gap(100)}`.repeat(30);
    expect(fires(`${far}tadalafil ${gap(35)}online without`)).toBe(true);
    expect(fires(`${far}${gap(35)}online without ${gap(35)}tadalafil`)).toBe(true);
    // Farther than the sentence reaches, or across a full stop: not one offer.
    expect(fires(`${far}tadalafil ${gap(45)}online without`)).toBe(false);
    expect(fires(`${far}tadalafil. online without`)).toBe(false);
  });

  it('unapproved drugs, with the drug named for the reason text', () => {
    const result = scorePage(page('カマグラゴールド 100mg 4錠'));
    const hit = result.signals.find((s) => s.code === 'unapproved-drug')!;
    expect(hit.weight).toBe(WEIGHTS['unapproved-drug'].first);
    expect(hit.drug).toEqual({ en: 'Kamagra', ja: 'カマグラ' });
    expect(hit.evidence).toContain('カマグラゴールド');
  });

  it('matches drug names in any script and width', () => {
    for (const text of ['ﾌｨﾝﾍﾟｼｱ 1箱', 'ふぃんぺしあ 1箱', 'FINPECIA 1mg', 'フィンペシア1mg']) {
      expect(signals(text)['unapproved-drug'], text).toBeGreaterThan(0);
    }
  });

  it('prefers the longest name (デュタステリド is not デュタス)', () => {
    const hit = scorePage(page('デュタステリド0.5mg')).signals.find((s) => s.code === 'rx-drug');
    expect(hit?.drug?.en).toBe('dutasteride');
    expect(signals('デュタステリド0.5mg')['unapproved-drug']).toBeUndefined();
  });

  it('reads English drug names as whole words only', () => {
    expect(signals('Cheap pills: viagra and cialis')['rx-drug']).toBeGreaterThan(0);
    expect(signals('we sell the newest cialisx pills')['rx-drug']).toBeUndefined();
  });

  it('no-prescription claims, in Japanese and English', () => {
    expect(signals('処方箋不要でご注文いただけます')['no-prescription']).toBe(30);
    expect(signals('Buy tadalafil online without a prescription')['no-prescription']).toBe(30);
  });

  it('does not count a claim quoted inside a warning', () => {
    expect(
      signals(
        'Stay away from websites that offer prescription-only medicines without a prescription.',
      )['no-prescription'],
    ).toBeUndefined();
    expect(
      signals('「処方箋不要」をうたう通販サイトには注意してください。医薬品は医師に相談を。')[
        'no-prescription'
      ],
    ).toBeUndefined();
  });

  it('personal-import agencies, and personal import', () => {
    expect(signals('医薬品の個人輸入代行サービスです。')['import-agency']).toBe(32);
    expect(signals('海外医薬品を個人輸入で')['personal-import']).toBeGreaterThan(0);
  });

  it('payment red flags grow with each distinct one', () => {
    expect(signals('医薬品 お支払いはJCBのみ')['payment']).toBe(15);
    expect(
      signals('医薬品 お支払いはJCBのみ、米ドルで決済、ご注文ごとに振込先を発行')['payment'],
    ).toBe(31);
  });

  it('legality and FDA claims, but not "is it illegal?" warnings', () => {
    expect(signals('医薬品の個人輸入は100%合法です')['legality']).toBeGreaterThan(0);
    expect(signals('Our pills are FDA approved generics')['legality']).toBeGreaterThan(0);
  });

  it('drug words in the domain name, IDN included', () => {
    const idn = scorePage({
      ...page('ジェネリック', 'https://xn--l8jd1b8h6emh4bwd2epetpy238ghmja.net/'),
      hostUnicode: 'ばいあぐらジェネリック通販.net',
    });
    expect(idn.signals.find((s) => s.code === 'drug-domain')?.weight).toBe(
      WEIGHTS['drug-domain'].max,
    );
    expect(signals('medicine', 'https://stop-ed-info.example/')['drug-domain']).toBe(8);
    expect(signals('medicine', 'https://bedding-shop.example/')['drug-domain']).toBeUndefined(); // "ed" only as a word
  });

  it('licence disclosure counts against, and licence text next to unapproved drugs is a contradiction', () => {
    const licensed = signals(
      '医薬品 許可の区分:店舗販売業 許可番号:第1234号 特定販売 登録販売者 カートに入れる',
    );
    expect(licensed['licence-present']).toBe(WEIGHTS['licence-present'].max);
    const copied = signals('許可番号:第1234号 店舗販売業。処方箋不要でフィンペシアをお届け');
    expect(copied['licence-contradiction']).toBe(25);
    expect(copied['licence-present']).toBeUndefined();
  });

  it('licence missing only on pages that sell medicines', () => {
    expect(signals('シアリス 20mg カートに入れる 3,980円')['licence-missing']).toBe(15);
    expect(signals('シアリスの副作用について解説します')['licence-missing']).toBeUndefined();
  });

  it('clinic markers and information framing count against', () => {
    expect(
      signals('オンライン診療で医師の診察のうえ、シルデナフィルを処方します')['clinic'],
    ).toBeLessThan(0);
    expect(
      signals(
        '厚生労働省医薬・生活衛生局は調査の結果、シブトラミンを検出したと発表し、通報を呼びかけた',
      )['info'],
    ).toBeLessThan(-10);
  });

  it('a regulator site is information whatever it quotes', () => {
    const result = scorePage(
      page('処方箋不要のバイアグラを売るサイトの一覧', 'https://www.mhlw.go.jp/kinkyu/iyaku.html'),
    );
    expect(result.signals.find((s) => s.code === 'info')?.weight).toBe(WEIGHTS.info.max);
  });
});

describe('scoring', () => {
  it('maps scores to levels at the documented thresholds', () => {
    expect(levelFor(0)).toBe('none');
    expect(levelFor(THRESHOLDS.caution)).toBe('caution');
    expect(levelFor(THRESHOLDS.warning)).toBe('warning');
    expect(levelFor(THRESHOLDS.danger)).toBe('danger');
  });

  it('gives nothing to pages that are not about medicines', () => {
    expect(
      scorePage(page('Worldwide shipping, bitcoin accepted, 100% legal sneakers. Add to cart.')),
    ).toEqual({
      score: 0,
      level: 'none',
      signals: [],
    });
  });

  it('clamps the score to 0..100 and sorts signals strongest first', () => {
    const result = scorePage(
      page('処方箋不要 カマグラ 個人輸入代行 JCBのみ 米ドル 海外発送 100%合法 カートに入れる'),
    );
    expect(result.score).toBe(100);
    const weights = result.signals.map((s) => s.weight);
    expect([...weights].sort((a, b) => b - a)).toEqual(weights);
  });

  it('halves rogue evidence on reporting pages that address no customer', () => {
    const report =
      '警察は、処方箋不要をうたいカマグラを販売した個人輸入代行業者を逮捕した。ニュース記事。';
    const shop = 'お客様へ:処方箋不要でカマグラをお届けします。個人輸入代行。';
    expect(scorePage(page(report)).score).toBeLessThan(scorePage(page(shop)).score / 2 + 1);
  });
});

describe("the project's fixture pages (every class, ja and en, and the tricky ones)", () => {
  const pages = readCorpus('tests/fixtures/pages');
  const warns = (level: string) => level === 'warning' || level === 'danger';

  it.each(pages.map((p) => [p.slug, p] as const))('%s', (_slug, fixture) => {
    const result = scorePage(fixture.sample);
    if (fixture.class === 'rogue' || fixture.class === 'affiliate')
      expect(warns(result.level), JSON.stringify(result.signals.map((s) => s.code))).toBe(true);
    else
      expect(
        warns(result.level),
        JSON.stringify(result.signals.map((s) => [s.code, s.weight])),
      ).toBe(false);
  });
});
