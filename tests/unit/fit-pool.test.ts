// tools/lib/fit-pool.ts: on worker threads, the model file and the cross-validated rows are the
// same as today's in-process loop gives, and a failing worker fails the run instead of hanging it.
// A small, fixed subset of the corpus keeps the fits short.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../tools/lib/corpus';
import { SHIPPED_PIPELINE, trainingPages } from '../../tools/lib/training-set';
import {
  configuredWorkers,
  fitPool,
  packPages,
  unpackPages,
  type FitPool,
} from '../../tools/lib/fit-pool';
import { serializeModel } from '../../tools/train';
import {
  buildModel,
  buildModelWith,
  crossValidate,
  crossValidateWith,
  inProcess,
  type FitTask,
  type PipelineOptions,
  type TrainingPage,
} from '../../utils/detector/pipeline';

let pages: TrainingPage[] = [];
let pool: FitPool;

beforeAll(async () => {
  // Every 50th corpus page: both languages, both classes, about fifty pages.
  const corpus = (await loadCorpus('data/corpus')).filter((_, i) => i % 50 === 0);
  pages = trainingPages(corpus, SHIPPED_PIPELINE.features);
  pool = fitPool(2);
}, 120_000);

afterAll(() => pool.close());

const options: PipelineOptions = { ...SHIPPED_PIPELINE, folds: 3, lambdas: [1, 3] };

describe('the fit pool', () => {
  it('works on a subset with both languages and both classes', () => {
    expect(pages.length).toBeGreaterThan(40);
    for (const script of ['ja', 'en'])
      for (const positive of [true, false])
        expect(pages.some((p) => p.script === script && p.positive === positive)).toBe(true);
  });

  it('gives buildModel the same file bytes and out-of-fold scores as the in-process loop', async () => {
    const here = buildModel(pages, { pages: pages.length }, options);
    const pooled = await buildModelWith(pages, { pages: pages.length }, options, pool.run);
    expect(serializeModel(pooled.file)).toBe(serializeModel(here.file));
    expect(pooled.outOfFold).toEqual(here.outOfFold);
  }, 60_000);

  it('gives crossValidate the same rows, joint and per script with pooled inner splits', async () => {
    for (const variant of [options, { ...options, perScript: true, foldSeed: 2, innerSeeds: 2 }]) {
      const rows = await crossValidateWith(pages, variant, pool.run);
      expect(rows).toEqual(crossValidate(pages, variant));
      expect(rows.filter(Boolean)).toHaveLength(pages.length);
    }
  }, 60_000);

  it('ships the pages once: a second page list replaces the first', async () => {
    const fewer = pages.slice(0, 40);
    const task: FitTask = {
      train: fewer.map((_, i) => i),
      score: [0, 1, 2],
      thresholds: { ja: HALF, en: HALF },
      trainedOn: {},
      options: { ...options, lambdas: undefined },
      file: false,
    };
    const [alone] = await inProcess(fewer, [task]);
    expect(await pool.run(fewer, [task, task])).toEqual([alone, alone]);
  }, 60_000);

  it('packs the feature arrays into shared buffers and back unchanged', () => {
    const packed = packPages(pages);
    expect(packed.index.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(unpackPages(packed)).toEqual(pages);
  });

  it('fails a task that names a page it was not sent, with the worker’s error', async () => {
    const bad: FitTask = {
      train: [0, pages.length + 7],
      score: [],
      thresholds: { ja: HALF, en: HALF },
      trainedOn: {},
      options,
      file: true,
    };
    await expect(pool.run(pages, [bad])).rejects.toThrow(
      `fit task names page ${pages.length + 7} of ${pages.length}`,
    );
  }, 30_000);

  it('fails the run, not hangs it, when a worker dies', async () => {
    const dying = fitPool(2, new URL('./fit-worker-that-exits.mjs', import.meta.url));
    const task: FitTask = {
      train: [0, 1],
      score: [],
      thresholds: { ja: HALF, en: HALF },
      trainedOn: {},
      options,
      file: false,
    };
    try {
      await expect(dying.run(pages, [task, task, task])).rejects.toThrow(
        'fit worker exited (code 3) with a job unfinished',
      );
      // The pool stays failed: later runs fail at once.
      await expect(dying.run(pages, [task])).rejects.toThrow('fit worker exited');
    } finally {
      await dying.close();
    }
  }, 30_000);
});

const HALF = { caution: 0.5, warning: 0.5, danger: 0.5 };

describe('KG_TRAIN_WORKERS', () => {
  it('sets the pool size; 1 fits in this thread without a worker', () => {
    expect(configuredWorkers({ KG_TRAIN_WORKERS: '3' })).toBe(3);
    expect(configuredWorkers({})).toBeGreaterThanOrEqual(1);
    expect(() => configuredWorkers({ KG_TRAIN_WORKERS: '0' })).toThrow('KG_TRAIN_WORKERS');
    expect(() => configuredWorkers({ KG_TRAIN_WORKERS: 'two' })).toThrow('KG_TRAIN_WORKERS');
    expect(fitPool(1).run).toBe(inProcess);
  });
});
