// The L2 blend (PipelineOptions.blendLambdas): every fit averages the fits at several L2 strengths
// instead of choosing one. Checked on a small problem: the blend is the mean of the single fits,
// a blend of one strength is that fit, it is deterministic, it does not fall back on one strength,
// and cv:variants tells a blended fit from a plain one when it reuses fits.
import { describe, expect, it } from 'vitest';
import { fitLogistic } from '../../utils/detector/train';
import { HASHED_OFFSET } from '../../utils/detector/features';
import {
  averageFits,
  buildModel,
  examples,
  fitWeights,
  outOfFold,
  type FitTask,
  type PipelineOptions,
  type TrainingPage,
} from '../../utils/detector/pipeline';
import { parseVariant, reusingFits } from '../../tools/cv-variants';
import { serializeModel } from '../../tools/train';
import { L2_CANDIDATES, SHIPPED_PIPELINE } from '../../tools/lib/training-set';
import { lambdasArg } from '../../tools/threshold-stability';

/** Feature 0 says "rogue", 1 "licensed", 2 is everywhere, the hashed ones are partly informative. */
const pages: TrainingPage[] = Array.from({ length: 60 }, (_, i) => {
  const positive = i % 2 === 0;
  return {
    slug: `p${i}`,
    site: `s${i % 30}.example`,
    lang: i % 3 === 0 ? 'ja' : 'en',
    script: i % 3 === 0 ? 'ja' : 'en',
    positive,
    index: Int32Array.from([positive ? 0 : 1, 2, HASHED_OFFSET + (i % 7), HASHED_OFFSET + 9]),
    value: Float32Array.from([1, 1, 1, positive && i % 4 === 0 ? 1 : 0.5]),
  };
});
const LAMBDAS = [1, 0.3, 3];
const base: PipelineOptions = { folds: 3, fit: {}, keep: 100 };

describe('the L2 blend', () => {
  it('is the mean of the single-strength fits, weight by weight and bias (before compaction)', () => {
    const list = examples(pages);
    const singles = LAMBDAS.map((lambda) => fitLogistic(list, { lambda }));
    const blend = fitWeights(pages, { ...base, blendLambdas: LAMBDAS });
    expect(blend.features).toEqual(singles[0]!.features);
    blend.weights.forEach((w, i) => {
      const mean = singles.reduce((s, f) => s + f.weights[i]!, 0) / LAMBDAS.length;
      expect(w).toBeCloseTo(mean, 12);
    });
    expect(blend.bias).toBeCloseTo(singles.reduce((s, f) => s + f.bias, 0) / 3, 12);
    // The same through averageFits and through the pipeline's own single fits.
    const viaPipeline = averageFits(
      LAMBDAS.map((lambda) => fitWeights(pages, { ...base, fit: { lambda } })),
    );
    expect(Array.from(blend.weights)).toEqual(Array.from(viaPipeline.weights));
  });

  it('does not silently use one strength: it differs from every single fit', () => {
    const blend = fitWeights(pages, { ...base, blendLambdas: LAMBDAS });
    for (const lambda of LAMBDAS) {
      const single = fitWeights(pages, { ...base, fit: { lambda } });
      expect(Array.from(blend.weights)).not.toEqual(Array.from(single.weights));
    }
    // Strongest shrinkage (3) below, weakest (0.3) above: the blend's weight of "rogue" between.
    const at = (lambda: number) => fitWeights(pages, { ...base, fit: { lambda } }).weights[0]!;
    expect(blend.weights[0]!).toBeGreaterThan(at(3));
    expect(blend.weights[0]!).toBeLessThan(at(0.3));
  });

  it('of one strength is that fit, and its model file the same but for trainedOn', () => {
    const one = fitWeights(pages, { ...base, blendLambdas: [3] });
    expect(one).toEqual(fitWeights(pages, { ...base, fit: { lambda: 3 } }));
    const blended = buildModel(pages, {}, { ...base, blendLambdas: [3] }).file;
    const fixed = buildModel(pages, {}, { ...base, fit: { lambda: 3 } }).file;
    expect(blended.trainedOn).toEqual({ blend: '3' });
    expect({ ...blended, trainedOn: {} }).toEqual(fixed);
  });

  it('scores its inner folds with blends too, and gives the same bytes for the same pages', () => {
    const a = buildModel(pages, { pages: 60 }, { ...base, blendLambdas: LAMBDAS });
    const b = buildModel(pages, { pages: 60 }, { ...base, blendLambdas: LAMBDAS });
    expect(serializeModel(a.file)).toBe(serializeModel(b.file));
    expect(a.outOfFold).toEqual(b.outOfFold);
    expect(a.file.trainedOn).toEqual({ pages: 60, blend: '1 0.3 3' });
    const chosen = buildModel(pages, {}, { ...base, lambdas: LAMBDAS });
    expect(a.outOfFold).not.toEqual(chosen.outOfFold);
    // The inner folds are scored by blends, not by one strength's fits.
    expect(a.outOfFold).toEqual(outOfFold(pages, { ...base, blendLambdas: LAMBDAS }));
    for (const lambda of LAMBDAS)
      expect(a.outOfFold).not.toEqual(outOfFold(pages, { ...base, fit: { lambda } }));
  });

  it('blends the naive-Bayes-scaled fits the same way (the scale taken back after averaging)', () => {
    const nb = { ...base, nbAlpha: 1 };
    const blend = fitWeights(pages, { ...nb, blendLambdas: LAMBDAS });
    const singles = LAMBDAS.map((lambda) => fitWeights(pages, { ...nb, fit: { lambda } }));
    const mean = averageFits(singles);
    blend.weights.forEach((w, i) => expect(w).toBeCloseTo(mean.weights[i]!, 12));
    expect(blend.bias).toBeCloseTo(mean.bias, 12);
    // Not the unscaled blend: the scale reached the hashed weights.
    const plain = fitWeights(pages, { ...base, blendLambdas: LAMBDAS });
    expect(Array.from(blend.weights)).not.toEqual(Array.from(plain.weights));
  });

  it('refuses a choice and a blend at once, and fits that do not share their features', () => {
    expect(() =>
      buildModel(pages, {}, { ...base, lambdas: LAMBDAS, blendLambdas: LAMBDAS }),
    ).toThrow(/both/);
    const a = fitWeights(pages, base);
    const b = fitWeights(pages.slice(0, 5), base);
    expect(() => averageFits([a, b])).toThrow(/features/);
    // As many features, not the same ones.
    const other = { ...a, features: Int32Array.from(a.features, (f, i) => (i === 0 ? f + 99 : f)) };
    expect(() => averageFits([a, other])).toThrow(/features/);
    expect(() => averageFits([])).toThrow();
  });
});

describe('cv:variants blend and l2-fixed-1', () => {
  it('parse on top of shipped: a blend of its strengths, or strength 1 alone, no choice', () => {
    const blend = parseVariant('shipped+blend').pipeline;
    expect(blend.lambdas).toBeUndefined();
    expect(blend.blendLambdas).toEqual(LAMBDAS);
    const fixed = parseVariant('shipped+l2-fixed-1').pipeline;
    expect(fixed.lambdas).toBeUndefined();
    expect(fixed.blendLambdas).toBeUndefined();
    expect(fixed.fit.lambda).toBe(1);
    expect(parseVariant('shipped').pipeline.blendLambdas).toBeUndefined();
  });

  it('reuse a fit only when it is the same fit: blended or not, the strengths to choose from aside', async () => {
    let fitted = 0;
    const run = reusingFits((_, tasks) => {
      fitted += tasks.length;
      return Promise.resolve(tasks.map((t) => ({ scores: t.score.map((i) => i / 10) })));
    });
    const half = { caution: 0.5, warning: 0.5, danger: 0.5 };
    const task = (options: Partial<PipelineOptions>): FitTask => ({
      train: [0, 1],
      score: [2],
      thresholds: { ja: half, en: half },
      trainedOn: {},
      options: { ...base, ...options },
      file: false,
    });
    await run(pages, [
      task({ fit: { lambda: 1 } }),
      task({ blendLambdas: LAMBDAS }),
      task({ blendLambdas: [1] }),
      task({ blendLambdas: [3, 1, 0.3] }),
    ]);
    expect(fitted).toBe(4);
    // `shipped`'s inner fit at 1 (it names the strengths it chooses from) is l2-fixed-1's.
    await run(pages, [
      task({ fit: { lambda: 1 }, lambdas: LAMBDAS }),
      task({ blendLambdas: LAMBDAS }),
    ]);
    expect(fitted).toBe(4);
  });
});

describe('the shipped L2 strength and the candidates the tools compare', () => {
  it('ships one strength, 1, and compares it with 1, 0.3 and 3', () => {
    expect(SHIPPED_PIPELINE.lambdas).toEqual([1]);
    expect(SHIPPED_PIPELINE.blendLambdas).toBeUndefined();
    expect(L2_CANDIDATES).toEqual(LAMBDAS);
    expect(parseVariant('shipped+l2-inner-only').pipeline.lambdas).toEqual(LAMBDAS);
  });

  it('threshold-stability takes the candidates unless told, and refuses a choice of one', () => {
    expect(lambdasArg([])).toEqual(LAMBDAS);
    expect(lambdasArg(['--lambdas', '1,3'])).toEqual([1, 3]);
    expect(() => lambdasArg(['--lambdas', '1'])).toThrow(/two/);
    expect(() => lambdasArg(['--lambdas', '1,1'])).toThrow(/two/);
    expect(() => lambdasArg(['--lambdas', '1,-3'])).toThrow(/positive/);
    expect(() => lambdasArg(['--lambdas', '1,x'])).toThrow(/positive/);
  });
});
