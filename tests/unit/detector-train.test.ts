// Training, compaction and thresholds of the learned detector, on small problems whose answer is
// known.
import { describe, expect, it } from 'vitest';
import { fitLogistic, sigmoid, type Example } from '../../utils/detector/train';
import { compactModel, loadModel } from '../../utils/detector/model';
import { HASHED_OFFSET, NAMED_FEATURES } from '../../utils/detector/features';
import {
  chooseThreshold,
  chooseThresholds,
  chooseThresholdSet,
  MIN_NEGATIVES_PER_SCRIPT,
} from '../../utils/detector/thresholds';
import { groupFolds } from '../../utils/detector/cv';
import { scoreFor, levelForProbability } from '../../utils/detector/model-score';
import {
  buildModel,
  examples,
  INNER_SEED_STEP,
  nbRatios,
  outOfFold,
  type TrainingPage,
} from '../../utils/detector/pipeline';
import { wilson } from '../../tools/lib/metrics';

/** Feature 0 says "rogue", feature 1 says "licensed", feature 2 is noise present everywhere. */
function toyExamples(n: number): Example[] {
  const out: Example[] = [];
  for (let i = 0; i < n; i += 1) {
    const positive = i % 2 === 0;
    out.push({
      index: Int32Array.from([positive ? 0 : 1, 2, HASHED_OFFSET + (i % 7)]),
      value: Float32Array.from([1, 1, 1]),
      label: positive ? 1 : 0,
      weight: 1,
    });
  }
  return out;
}

describe('logistic regression', () => {
  it('learns the sign of informative features and separates the classes', () => {
    const fit = fitLogistic(toyExamples(40), { lambda: 0.1 });
    const w = (f: number) => fit.weights[fit.features.indexOf(f)]!;
    expect(w(0)).toBeGreaterThan(1);
    expect(w(1)).toBeLessThan(-1);
    const p = (f: number) => sigmoid(fit.bias + w(f) + w(2));
    expect(p(0)).toBeGreaterThan(0.9);
    expect(p(1)).toBeLessThan(0.1);
  });

  it('is deterministic: the same examples give the same bits', () => {
    const a = fitLogistic(toyExamples(30), { lambda: 0.5 });
    const b = fitLogistic(toyExamples(30), { lambda: 0.5 });
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
    expect(a.bias).toBe(b.bias);
  });

  it('shrinks weights as the L2 penalty grows', () => {
    const norm = (lambda: number) =>
      Math.hypot(...fitLogistic(toyExamples(30), { lambda }).weights);
    expect(norm(10)).toBeLessThan(norm(1));
    expect(norm(1)).toBeLessThan(norm(0.1));
  });

  it('weighs each class and language the same, whatever their page counts', () => {
    const page = (lang: string, positive: boolean) => ({
      slug: 'x',
      site: 'x',
      lang,
      script: lang as 'ja' | 'en',
      positive,
      index: new Int32Array(),
      value: new Float32Array(),
    });
    const ex = examples([page('ja', true), page('ja', true), page('ja', false), page('en', false)]);
    const total = (f: (i: number) => boolean) =>
      ex.reduce((s, e, i) => s + (f(i) ? e.weight : 0), 0);
    expect(total((i) => i < 2)).toBeCloseTo(total((i) => i === 2));
    expect(total((i) => i === 3)).toBeCloseTo(total((i) => i === 2));
  });

  it('weigh the pages to warn on more when asked, and only those', () => {
    const page = (positive: boolean): TrainingPage => ({
      slug: 'x',
      site: 'x',
      lang: 'en',
      script: 'en',
      positive,
      index: new Int32Array(),
      value: new Float32Array(),
    });
    const pages = [page(true), page(false), page(false)];
    const plain = examples(pages);
    const heavier = examples(pages, 2);
    expect(heavier[0]!.weight).toBeCloseTo(2 * plain[0]!.weight);
    expect(heavier[1]!.weight).toBe(plain[1]!.weight);
  });

  it('weigh every registrable domain the same when asked, within each language and class', () => {
    const page = (domain: string, positive: boolean): TrainingPage => ({
      slug: domain,
      site: 'one-group',
      domain,
      lang: 'en',
      script: 'en',
      positive,
      index: new Int32Array(),
      value: new Float32Array(),
    });
    // Three pages of one shop, one of another; two pages to leave alone.
    const pages = [
      page('a.example', true),
      page('a.example', true),
      page('a.example', true),
      page('b.example', true),
      page('c.example', false),
      page('d.example', false),
    ];
    const plain = examples(pages);
    const bySite = examples(pages, 1, true);
    // Per page: the shop with three pages outweighs the other three to one.
    expect(plain[0]!.weight).toBe(plain[3]!.weight);
    // Per site: its pages share one site's weight, and the classes still balance.
    expect(bySite[0]!.weight * 3).toBeCloseTo(bySite[3]!.weight);
    const sum = (from: number, to: number) =>
      bySite.slice(from, to).reduce((s, e) => s + e.weight, 0);
    expect(sum(0, 4)).toBeCloseTo(sum(4, 6));
    // Unchanged, bit for bit, when every domain has one page.
    const single = [pages[3]!, pages[4]!, pages[5]!];
    expect(examples(single, 1, true).map((e) => e.weight)).toEqual(
      examples(single).map((e) => e.weight),
    );
  });
});

describe('naive-Bayes log-count ratios', () => {
  it('are positive for hashed features of pages to warn on, negative for the others, 0 for both', () => {
    const r = nbRatios(toyExamples(40), 1);
    expect(r.has(0)).toBe(false); // named features are not scaled
    const evenOnly = toyExamples(40).filter((_, i) => i % 14 === 0);
    const ratios = nbRatios(
      [
        ...evenOnly,
        ...evenOnly.map((e) => ({
          ...e,
          label: 0 as const,
          index: Int32Array.from([HASHED_OFFSET + 9]),
        })),
      ],
      1,
    );
    expect(ratios.get(HASHED_OFFSET)!).toBeGreaterThan(0);
    expect(ratios.get(HASHED_OFFSET + 9)!).toBeLessThan(0);
    const both = nbRatios(
      [
        {
          index: Int32Array.from([HASHED_OFFSET + 1]),
          value: Float32Array.from([1]),
          label: 1,
          weight: 1,
        },
        {
          index: Int32Array.from([HASHED_OFFSET + 1]),
          value: Float32Array.from([1]),
          label: 0,
          weight: 1,
        },
      ],
      1,
    );
    expect(both.get(HASHED_OFFSET + 1)).toBeCloseTo(0);
  });
});

describe('the training pipeline', () => {
  const pages: TrainingPage[] = toyExamples(60).map((e, i) => ({
    slug: `p${i}`,
    site: `s${i % 30}.example`,
    lang: 'en',
    script: 'en',
    positive: e.label === 1,
    index: e.index,
    value: e.value,
  }));

  it('with one L2 strength to choose from, gives the model that strength gives', () => {
    const fixed = buildModel(pages, {}, { folds: 3, fit: { lambda: 3 }, keep: 100 }).file;
    const chosen = buildModel(pages, {}, { folds: 3, fit: {}, keep: 100, lambdas: [3] }).file;
    // The strength chosen is recorded; the rest of the file is the same.
    expect(chosen.trainedOn).toEqual({ lambda: 3 });
    expect({ ...chosen, trainedOn: {} }).toEqual(fixed);
  });

  it('learns NB ratios from the scripts asked for only: none there, a model without NB', () => {
    const options = { folds: 3, fit: {}, keep: 100 };
    const plain = buildModel(pages, {}, options).file;
    const nb = buildModel(pages, {}, { ...options, nbAlpha: 1 }).file;
    expect(nb).not.toEqual(plain);
    // Every page is English: ratios of Japanese pages scale nothing; of English ones, everything.
    expect(buildModel(pages, {}, { ...options, nbAlpha: 1, nbScripts: ['ja'] }).file).toEqual(
      plain,
    );
    expect(buildModel(pages, {}, { ...options, nbAlpha: 1, nbScripts: ['en'] }).file).toEqual(nb);
  });

  it('chooses thresholds on the out-of-fold scores of several inner splits pooled', () => {
    const options = { folds: 3, fit: { lambda: 1 }, keep: 100 };
    const one = buildModel(pages, {}, options).file;
    expect(buildModel(pages, {}, { ...options, innerSeeds: 1 }).file).toEqual(one);
    const pooled = buildModel(pages, {}, { ...options, innerSeeds: 2 }).file;
    const scored = [0, INNER_SEED_STEP].flatMap((foldSeed) => {
      const oof = outOfFold(pages, { ...options, foldSeed });
      return pages.map((p, i) => ({ probability: oof[i]!, positive: p.positive, lang: p.script }));
    });
    const chosen = chooseThresholdSet(scored);
    // The file keeps thresholds to four decimals.
    for (const script of ['ja', 'en'] as const)
      for (const level of ['caution', 'warning', 'danger'] as const)
        expect(pooled.thresholds[script][level]).toBeCloseTo(chosen[script][level], 4);
    // The weights are the one fit on every page, whatever the thresholds were chosen on.
    expect(pooled.hashed).toEqual(one.hashed);
  });

  it('ships a scaled feature with its scale folded into its weight', () => {
    const file = buildModel(pages, {}, { folds: 3, fit: {}, keep: 100, nbAlpha: 1 }).file;
    const model = loadModel(file);
    // Feature 0 (named, unscaled) says rogue; the hashed buckets are noise shared by both classes.
    expect(model.weights[0]!).toBeGreaterThan(0);
    expect(Number.isFinite(model.bias)).toBe(true);
  });
});

const T = { caution: 0.3, warning: 0.5, danger: 0.8 };

describe('the shipped model file', () => {
  it('keeps the strongest weights within one quantisation step', () => {
    const fit = fitLogistic(toyExamples(40), { lambda: 0.1 });
    const file = compactModel(fit, { ja: T, en: T }, { pages: 40 }, 3);
    expect(file.hashed.count).toBe(3);
    const model = loadModel(JSON.parse(JSON.stringify(file)));
    const named = (f: number) => fit.weights[fit.features.indexOf(f)]!;
    expect(model.weights[0]).toBeCloseTo(named(0), 3);
    expect(model.weights[1]).toBeCloseTo(named(1), 3);
    for (let b = 0; b < 7; b += 1) {
      const i = fit.features.indexOf(HASHED_OFFSET + b);
      const kept = model.weights[HASHED_OFFSET + b]!;
      if (kept !== 0)
        expect(Math.abs(kept - fit.weights[i]!)).toBeLessThanOrEqual(file.hashed.scale);
    }
    expect(
      model.weights.filter((w, i) => i >= HASHED_OFFSET && w !== 0).length,
    ).toBeLessThanOrEqual(3);
  });

  it('refuses a file with other named features or broken weights', () => {
    const fit = fitLogistic(toyExamples(10), { lambda: 1 });
    const file = compactModel(fit, { ja: T, en: T }, {});
    expect(() => loadModel({ ...file, named: [...NAMED_FEATURES].reverse() })).toThrow();
    expect(() => loadModel({ ...file, hashed: { ...file.hashed, count: 99 } })).toThrow();
    expect(() => loadModel({ ...file, format: 'other' })).toThrow();
  });
});

describe('thresholds', () => {
  const rows = (lang: string, neg: number[], pos: number[]) => [
    ...neg.map((probability) => ({ probability, positive: false, lang })),
    ...pos.map((probability) => ({ probability, positive: true, lang })),
  ];

  it('sit above every page to leave alone when no false alarm is allowed, halfway to the next page', () => {
    const t = chooseThreshold(rows('ja', [0.1, 0.2, 0.6], [0.5, 0.8, 0.9]), 0);
    expect(t).toBeCloseTo(0.7);
  });

  it('hold the false-positive limit in every language, not only overall', () => {
    const data = [
      ...rows('ja', [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1], [0.9]),
      ...rows('en', [0.7, 0.2], [0.8, 0.95]),
    ];
    // Overall 1 of 12 false alarms would pass a 10% limit; in English it is 1 of 2.
    const t = chooseThreshold(data, 0.1);
    expect(t).toBeGreaterThan(0.7);
    expect(t).toBeLessThan(0.8);
  });

  it('are chosen per script when a script has enough pages, else from all pages', () => {
    const many = MIN_NEGATIVES_PER_SCRIPT;
    const ja = rows(
      'ja',
      Array.from({ length: many }, () => 0.2),
      [0.5, 0.9],
    );
    const en = rows(
      'en',
      Array.from({ length: many }, () => 0.6),
      [0.7, 0.9],
    );
    const set = chooseThresholdSet([...ja, ...en]);
    expect(set.ja.warning).toBeLessThan(0.5);
    expect(set.en.warning).toBeGreaterThan(0.6);
    const fewEnglish = chooseThresholdSet([...ja, ...rows('en', [0.6], [0.7])]);
    expect(fewEnglish.en).toEqual(chooseThresholds([...ja, ...rows('en', [0.6], [0.7])]));
  });

  it('allow more false alarms at a higher warning target, never more than it', () => {
    const data = rows(
      'en',
      Array.from({ length: 40 }, (_, i) => i / 40),
      [0.5, 0.9],
    );
    const strict = chooseThresholds(data, 0.02);
    const looser = chooseThresholds(data, 0.05);
    expect(looser.warning).toBeLessThan(strict.warning);
    const alarms = (t: number) => data.filter((r) => !r.positive && r.probability >= t).length;
    expect(alarms(strict.warning)).toBe(0);
    expect(alarms(looser.warning)).toBe(2);
  });

  it('are ordered caution ≤ warning ≤ danger', () => {
    const data = rows(
      'ja',
      Array.from({ length: 50 }, (_, i) => i / 100),
      Array.from({ length: 50 }, (_, i) => 0.3 + i / 80),
    );
    const t = chooseThresholds(data);
    expect(t.caution).toBeLessThanOrEqual(t.warning);
    expect(t.warning).toBeLessThanOrEqual(t.danger);
  });

  it('map the probability onto the verdict scale at the level bounds', () => {
    const t = { caution: 0.3, warning: 0.6, danger: 0.9 };
    expect(scoreFor(0, t)).toBe(0);
    expect(scoreFor(0.3, t)).toBe(20);
    expect(scoreFor(0.6, t)).toBe(40);
    expect(scoreFor(0.5999, t)).toBe(39);
    expect(scoreFor(0.9, t)).toBe(75);
    expect(scoreFor(1, t)).toBe(100);
    expect(levelForProbability(0.61, t)).toBe('warning');
    expect(levelForProbability(0.29, t)).toBe('none');
  });
});

describe('grouped folds', () => {
  it('never split a site and keep folds balanced', () => {
    const items = Array.from({ length: 100 }, (_, i) => ({
      site: `site${i % 37}.example`,
      positive: i % 3 === 0,
    }));
    const folds = groupFolds(items, 5);
    const foldOf = new Map<string, number>();
    items.forEach((item, i) => {
      expect(foldOf.get(item.site) ?? folds[i]).toBe(folds[i]);
      foldOf.set(item.site, folds[i]!);
    });
    const sizes = [0, 1, 2, 3, 4].map((f) => folds.filter((x) => x === f).length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(6);
    expect(groupFolds(items, 5)).toEqual(folds);
  });
});

describe('Wilson intervals', () => {
  it('match the textbook values', () => {
    const a = wilson(0, 10);
    expect(a.low).toBe(0);
    expect(a.high).toBeCloseTo(0.2775, 3);
    const b = wilson(5, 10);
    expect(b.low).toBeCloseTo(0.2366, 3);
    expect(b.high).toBeCloseTo(0.7634, 3);
    expect(wilson(0, 0)).toMatchObject({ rate: 0, low: 0, high: 1 });
  });
});
