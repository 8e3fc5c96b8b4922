// The Harrell–Davis threshold (utils/detector/quantile.ts, thresholds.ts `hd` and `hd-logit`): the
// incomplete beta and the quantile against reference values (SciPy 1.x: scipy.special.betainc,
// gammaln, scipy.stats.mstats.hdquantiles), their monotonicity, the rule that no language has more
// than the target's share of its negatives at or above the threshold, and determinism; the
// cv:variants runner that makes each fit once, and the perturbation tool's page drop.
import { describe, expect, it } from 'vitest';
import { harrellDavis, incompleteBeta, logGamma } from '../../utils/detector/quantile';
import {
  chooseThreshold,
  chooseThresholds,
  chooseThresholdSet,
  hdLevel,
  THRESHOLD_ESTIMATORS,
  type Scored,
} from '../../utils/detector/thresholds';
import { parseVariant, reusingFits } from '../../tools/cv-variants';
import { withoutShare } from '../../tools/threshold-stability';
import type { FitTask, TrainingPage } from '../../utils/detector/pipeline';

describe('log-gamma and the regularised incomplete beta', () => {
  it('match reference values', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(0.5)).toBeCloseTo(0.5723649429247, 12);
    expect(logGamma(10)).toBeCloseTo(12.801827480081469, 12);
    expect(logGamma(100.5)).toBeCloseTo(361.43554046777757, 9);
    expect(logGamma(0.1)).toBeCloseTo(2.252712651734206, 12);
    const cases: [number, number, number, number][] = [
      [0.4, 2, 3, 0.5248],
      [0.97, 673.75, 17.25, 0.1908981660050129],
      [0.3, 0.5, 0.5, 0.36901011956554536],
      [0.9, 5, 2, 0.885735],
      [0.3, 100, 200, 0.10884306564490986],
      [0.25, 1, 1, 0.25],
      [0.999, 20, 0.5, 0.8424161860163615],
    ];
    for (const [x, a, b, want] of cases) expect(incompleteBeta(x, a, b)).toBeCloseTo(want, 11);
  });

  it('are 0 and 1 at the ends, symmetric, and rise with x', () => {
    expect(incompleteBeta(0, 3, 4)).toBe(0);
    expect(incompleteBeta(1, 3, 4)).toBe(1);
    for (const [a, b] of [
      [2, 3],
      [673.75, 17.25],
      [0.5, 7],
    ] as const) {
      let before = 0;
      for (let x = 0.01; x < 1; x += 0.01) {
        const v = incompleteBeta(x, a, b);
        expect(v).toBeGreaterThanOrEqual(before);
        expect(v).toBeCloseTo(1 - incompleteBeta(1 - x, b, a), 12);
        before = v;
      }
    }
  });

  it('refuse arguments outside their domain', () => {
    expect(() => incompleteBeta(1.5, 1, 1)).toThrow();
    expect(() => incompleteBeta(0.5, 0, 1)).toThrow();
    expect(() => logGamma(0)).toThrow();
  });
});

describe('the Harrell–Davis quantile', () => {
  const sample = Array.from({ length: 50 }, (_, i) => Math.sin(i * 1.7) * 3 + i * 0.1);

  it('matches SciPy’s hdquantiles', () => {
    expect(harrellDavis(sample, 0.1)).toBeCloseTo(-0.9999632099105586, 11);
    expect(harrellDavis(sample, 0.5)).toBeCloseTo(2.476312627352358, 11);
    expect(harrellDavis(sample, 0.9)).toBeCloseTo(6.0746880493569, 11);
    expect(harrellDavis(sample, 0.975)).toBeCloseTo(7.433524967219258, 11);
  });

  it('rises with p, stays within the sample, ignores its order and is the value of one page', () => {
    let before = -Infinity;
    for (let p = 0.01; p < 1; p += 0.01) {
      const q = harrellDavis(sample, p);
      expect(q).toBeGreaterThanOrEqual(before);
      expect(q).toBeGreaterThanOrEqual(Math.min(...sample));
      expect(q).toBeLessThanOrEqual(Math.max(...sample));
      before = q;
    }
    expect(harrellDavis([...sample].reverse(), 0.9)).toBe(harrellDavis(sample, 0.9));
    expect(harrellDavis([0.3], 0.9)).toBe(0.3);
    expect(() => harrellDavis([], 0.5)).toThrow();
  });

  it('moves less than the order statistic when any one value is left out', () => {
    const order = (xs: number[]) => [...xs].sort((a, b) => b - a)[Math.floor(0.1 * xs.length)]!;
    const spread = (f: (xs: number[]) => number) => {
      const v = sample.map((_, i) => f(sample.filter((_, j) => j !== i)));
      return Math.max(...v) - Math.min(...v);
    };
    expect(spread(order)).toBeCloseTo(0.4917, 4);
    expect(spread((xs) => harrellDavis(xs, 0.9))).toBeCloseTo(0.2666, 4);
  });
});

/** Pages' scores from a fixed generator: negatives low with a long tail, positives high. */
function scores(lang: string, negatives: number, positives: number, seed: number): Scored[] {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  return [
    ...Array.from({ length: negatives }, () => ({
      probability: next() ** 4,
      positive: false,
      lang,
    })),
    ...Array.from({ length: positives }, () => ({
      probability: 1 - next() ** 3 * 0.6,
      positive: true,
      lang,
    })),
  ];
}

describe('thresholds read with Harrell–Davis', () => {
  const rows = [...scores('ja', 690, 700, 1), ...scores('en', 660, 760, 2)];
  const alarmShare = (data: readonly Scored[], lang: string, t: number) => {
    const negatives = data.filter((r) => r.lang === lang && !r.positive);
    return negatives.filter((r) => r.probability >= t).length / negatives.length;
  };

  it('leave at most the target share of every language’s negatives at or above them', () => {
    for (const estimator of ['order', 'hd', 'hd-logit'] as const)
      for (const target of [0.005, 0.025, 0.1, 0.3])
        for (const seed of [1, 2, 3]) {
          const data = [...scores('ja', 300, 100, seed), ...scores('en', 40, 30, seed + 10)];
          const t = chooseThreshold(data, target, estimator);
          for (const lang of ['ja', 'en'])
            expect(alarmShare(data, lang, t)).toBeLessThanOrEqual(target);
        }
  });

  it('loose, are the highest of the languages’ own Harrell–Davis quantiles', () => {
    const ja = rows.filter((r) => r.lang === 'ja' && !r.positive).map((r) => r.probability);
    const en = rows.filter((r) => r.lang === 'en' && !r.positive).map((r) => r.probability);
    const own = (xs: number[]) => harrellDavis(xs, hdLevel(0.025, xs.length));
    expect(chooseThreshold(rows, 0.025, 'hd-loose')).toBe(Math.max(own(ja), own(en)));
    // Where the strict rule holds anyway, strict and loose agree.
    for (const [strict, loose] of [
      ['hd', 'hd-loose'],
      ['hd-logit', 'hd-logit-loose'],
    ] as const) {
      const t = chooseThreshold(rows, 0.025, loose);
      if (alarmShare(rows, 'ja', t) <= 0.025 && alarmShare(rows, 'en', t) <= 0.025)
        expect(chooseThreshold(rows, 0.025, strict)).toBe(t);
    }
  });

  it('read the quantile level centred on the order rule’s gap', () => {
    expect(hdLevel(0.025, 690)).toBeCloseTo(1 - 0.025 + 0.5 / 690, 12);
    expect(hdLevel(0.9999, 10)).toBeLessThan(1);
    expect(hdLevel(0, 10)).toBeLessThan(1);
  });

  it('leave the order rule exactly as it was before the estimators (a frozen copy of it)', () => {
    // chooseThreshold as session 15 shipped it, before thresholdEstimator existed.
    const before = (list: readonly Scored[], maxFpr: number): number => {
      let floor = 0;
      for (const lang of new Set(list.map((r) => r.lang))) {
        const negatives = list
          .filter((r) => r.lang === lang && !r.positive)
          .map((r) => r.probability)
          .sort((a, b) => b - a);
        const allowed = Math.floor(maxFpr * negatives.length);
        if (allowed < negatives.length) floor = Math.max(floor, negatives[allowed]!);
      }
      const above = list.map((r) => r.probability).filter((p) => p > floor);
      const next = above.length > 0 ? Math.min(...above) : 1;
      return (floor + next) / 2;
    };
    let seed = 16;
    const random = () => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return seed / 2 ** 32;
    };
    for (let trial = 0; trial < 300; trial += 1) {
      const n = 1 + Math.floor(random() * 120);
      // Two decimals: many ties, as scores rounded in a model file have.
      const list: Scored[] = Array.from({ length: n }, () => ({
        probability: Math.round(random() * 100) / 100,
        positive: random() < 0.4,
        lang: random() < 0.5 ? 'ja' : 'en',
      }));
      for (const target of [0, 0.005, 0.025, 0.1, 0.5])
        expect(chooseThreshold(list, target)).toBe(before(list, target));
    }
  });

  it('keep the order rule as the default, and use it where no false alarm is allowed', () => {
    expect(chooseThresholdSet(rows)).toEqual(chooseThresholdSet(rows, undefined, 'order'));
    for (const estimator of THRESHOLD_ESTIMATORS)
      expect(chooseThreshold(rows, 0, estimator)).toBe(chooseThreshold(rows, 0));
  });

  it('differ from the order rule, are ordered caution ≤ warning ≤ danger, and fall as the target rises', () => {
    for (const estimator of ['hd', 'hd-logit', 'hd-loose', 'hd-logit-loose'] as const) {
      const t = chooseThresholds(rows, undefined, estimator);
      expect(t.warning).not.toBe(chooseThresholds(rows).warning);
      expect(t.caution).toBeLessThanOrEqual(t.warning);
      expect(t.warning).toBeLessThanOrEqual(t.danger);
      let before = Infinity;
      for (const target of [0.005, 0.01, 0.025, 0.05, 0.1, 0.2]) {
        const w = chooseThreshold(rows, target, estimator);
        expect(w).toBeLessThanOrEqual(before);
        before = w;
      }
    }
  });

  it('do not depend on the rows’ order', () => {
    const shuffled = [...rows].sort(
      (a, b) => ((a.probability * 1e9) % 7) - ((b.probability * 1e9) % 7),
    );
    for (const estimator of THRESHOLD_ESTIMATORS)
      expect(chooseThresholdSet(shuffled, undefined, estimator)).toEqual(
        chooseThresholdSet(rows, undefined, estimator),
      );
  });

  it('move less than the order rule’s when 2% of the pages are dropped', () => {
    const spread = (estimator: (typeof THRESHOLD_ESTIMATORS)[number]) => {
      const w = [1, 2, 3, 4, 5, 6, 7, 8].map(
        (k) =>
          chooseThresholdSet(
            rows.filter((_, i) => (i * 7919 + k * 104729) % 1000 >= 20),
            undefined,
            estimator,
          ).ja.warning,
      );
      return Math.max(...w) - Math.min(...w);
    };
    for (const estimator of ['hd', 'hd-logit', 'hd-loose', 'hd-logit-loose'] as const)
      expect(spread(estimator)).toBeLessThan(spread('order'));
  });

  it('are a cv:variants variant', () => {
    expect(parseVariant('shipped+hd').pipeline.thresholdEstimator).toBe('hd');
    expect(parseVariant('hd-logit').pipeline.thresholdEstimator).toBe('hd-logit');
    expect(parseVariant('shipped').pipeline.thresholdEstimator).toBeUndefined();
  });
});

describe('the tools', () => {
  const page = (slug: string): TrainingPage => ({
    slug,
    site: slug,
    lang: 'ja',
    script: 'ja',
    positive: slug.endsWith('1'),
    index: new Int32Array([1]),
    value: new Float32Array([1]),
  });
  const pages = Array.from({ length: 200 }, (_, i) => page(`p${i}`));

  it('cv:variants fits a task once, whatever threshold estimator asked for it', async () => {
    let fitted = 0;
    const run = reusingFits((_, tasks) => {
      fitted += tasks.length;
      return Promise.resolve(tasks.map((t) => ({ scores: t.score.map((i) => i / 10) })));
    });
    const task = (lambda: number, estimator?: 'hd'): FitTask => ({
      train: [0, 1],
      score: [2],
      thresholds: {
        ja: { caution: 0.5, warning: 0.5, danger: 0.5 },
        en: { caution: 0.5, warning: 0.5, danger: 0.5 },
      },
      trainedOn: {},
      options: { folds: 5, fit: { lambda }, keep: 10, thresholdEstimator: estimator },
      file: false,
    });
    const first = await run(pages, [task(1), task(3), task(1)]);
    expect(fitted).toBe(2);
    const again = await run(pages, [task(3, 'hd'), task(1, 'hd'), task(0.3)]);
    expect(fitted).toBe(3);
    expect(again[0]).toEqual(first[1]);
    expect(again[1]).toEqual(first[0]);
    // Other pages: fitted again.
    await run([...pages], [task(1)]);
    expect(fitted).toBe(4);
  });

  it('threshold-stability drops the same 2% of the pages for a seed, others for another', () => {
    const a = withoutShare(pages, 0.02, 1);
    expect(a).toHaveLength(196);
    expect(withoutShare(pages, 0.02, 1)).toEqual(a);
    expect(withoutShare(pages, 0.02, 2)).not.toEqual(a);
    expect(withoutShare(pages, 0.02, 0)).toEqual(pages);
  });
});
