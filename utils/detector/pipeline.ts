// Training and honest evaluation (pure: pages in, model file and out-of-fold scores out).
// - buildModel: thresholds from a grouped cross-validation on the pages given, then one fit on all
//   of them, pruned and quantised exactly as shipped.
// - crossValidate: the same buildModel on each outer training split (its thresholds come from an
//   inner cross-validation of that split only), judged on the held-out sites.
import type { Level } from '../verdicts/model';
import { groupFolds } from './cv';
import type { Script } from './features';
import {
  compactModel,
  loadModel,
  KEEP_HASHED,
  type ModelFile,
  type ThresholdSet,
  type Thresholds,
} from './model';
import { logit, levelForProbability } from './model-score';
import { chooseThresholdSet } from './thresholds';
import { fitLogistic, sigmoid, type Example, type FitOptions } from './train';

export interface TrainingPage {
  slug: string;
  /** Registrable domain: the unit of grouping. */
  site: string;
  lang: string;
  /** The script the scorer sees (its thresholds); usually the same as lang. */
  script: Script;
  positive: boolean;
  index: Int32Array;
  value: Float32Array;
}

export interface PipelineOptions {
  folds: number;
  fit: Partial<FitOptions>;
  keep: number;
}

export const PIPELINE_DEFAULTS: PipelineOptions = { folds: 5, fit: {}, keep: KEEP_HASHED };

/** Example weights: pages to warn on and pages to leave alone weigh the same in each language. */
export function examples(pages: readonly TrainingPage[]): Example[] {
  const groups = new Map<string, number>();
  const key = (p: TrainingPage) => `${p.lang}:${p.positive ? 1 : 0}`;
  for (const p of pages) groups.set(key(p), (groups.get(key(p)) ?? 0) + 1);
  return pages.map((p) => ({
    index: p.index,
    value: p.value,
    label: p.positive ? 1 : 0,
    weight: pages.length / (groups.size * groups.get(key(p))!),
  }));
}

function fitFile(
  pages: readonly TrainingPage[],
  thresholds: ThresholdSet,
  trainedOn: ModelFile['trainedOn'],
  options: PipelineOptions,
): ModelFile {
  return compactModel(
    fitLogistic(examples(pages), options.fit),
    thresholds,
    trainedOn,
    options.keep,
  );
}

function probability(file: ModelFile, pages: readonly TrainingPage[]): number[] {
  const model = loadModel(file);
  return pages.map((p) => sigmoid(logit(model, p)));
}

/** Out-of-fold probabilities of every page: each scored by a model that never saw its site. */
export function outOfFold(
  pages: readonly TrainingPage[],
  options: PipelineOptions = PIPELINE_DEFAULTS,
): number[] {
  const fold = groupFolds(pages, options.folds);
  const out = new Array<number>(pages.length).fill(0);
  const half: Thresholds = { caution: 0.5, warning: 0.5, danger: 0.5 };
  const none: ThresholdSet = { ja: half, en: half };
  for (let f = 0; f < options.folds; f += 1) {
    const train = pages.filter((_, i) => fold[i] !== f);
    const testAt = pages.map((_, i) => i).filter((i) => fold[i] === f);
    if (testAt.length === 0 || train.length === 0) continue;
    const file = fitFile(train, none, {}, options);
    const p = probability(
      file,
      testAt.map((i) => pages[i]!),
    );
    testAt.forEach((i, k) => (out[i] = p[k]!));
  }
  return out;
}

export function buildModel(
  pages: readonly TrainingPage[],
  trainedOn: ModelFile['trainedOn'],
  options: PipelineOptions = PIPELINE_DEFAULTS,
): { file: ModelFile; outOfFold: number[] } {
  const oof = outOfFold(pages, options);
  const thresholds = chooseThresholdSet(
    pages.map((p, i) => ({ probability: oof[i]!, positive: p.positive, lang: p.script })),
  );
  return { file: fitFile(pages, thresholds, trainedOn, options), outOfFold: oof };
}

export interface CrossValidatedRow {
  slug: string;
  fold: number;
  probability: number;
  level: Level;
  thresholds: Thresholds;
}

/** Nested, grouped cross-validation: thresholds never see the fold they are judged on. */
export function crossValidate(
  pages: readonly TrainingPage[],
  options: PipelineOptions = PIPELINE_DEFAULTS,
): CrossValidatedRow[] {
  const fold = groupFolds(pages, options.folds);
  const rows = new Array<CrossValidatedRow>(pages.length);
  for (let f = 0; f < options.folds; f += 1) {
    const train = pages.filter((_, i) => fold[i] !== f);
    const testAt = pages.map((_, i) => i).filter((i) => fold[i] === f);
    if (testAt.length === 0) continue;
    const { file } = buildModel(train, {}, options);
    const p = probability(
      file,
      testAt.map((i) => pages[i]!),
    );
    testAt.forEach((i, k) => {
      rows[i] = {
        slug: pages[i]!.slug,
        fold: f,
        probability: p[k]!,
        level: levelForProbability(p[k]!, file.thresholds[pages[i]!.script]),
        thresholds: file.thresholds[pages[i]!.script],
      };
    });
  }
  return rows;
}
