// Training and honest evaluation (pure: pages in, model file and out-of-fold scores out).
// - buildModel: thresholds from a grouped cross-validation on the pages given, then one fit on all
//   of them, pruned and quantised exactly as shipped.
// - crossValidate: the same buildModel on each outer training split (its thresholds come from an
//   inner cross-validation of that split only), judged on the held-out sites.
import type { Level } from '../verdicts/model';
import { groupFolds, siteInFraction } from './cv';
import { SCRIPTS, type FeatureOptions, type Script } from './features';
import {
  compactModel,
  loadModel,
  KEEP_HASHED,
  type ModelFile,
  type ThresholdSet,
  type Thresholds,
} from './model';
import { logit, levelForProbability } from './model-score';
import { chooseThresholdSet, type ThresholdEstimator } from './thresholds';
import { HASHED_OFFSET } from './feature-space';
import {
  FIT_DEFAULTS,
  fitLogistic,
  sigmoid,
  type Example,
  type FitOptions,
  type Fitted,
} from './train';

export interface TrainingPage {
  slug: string;
  /** Registrable domain, joined with the sites of its near-copies: the unit of grouping. */
  site: string;
  /** The registrable domain alone (the unit of `perSite` weighting; `site` when absent). */
  domain?: string;
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
  /** Extra weight of the pages to warn on (1: balanced with the pages to leave alone). */
  positiveWeight?: number;
  /**
   * Each registrable domain weighs the same in the loss (its pages share one page's weight),
   * instead of each page: a shop with ten pages in the corpus does not outweigh ten shops.
   */
  perSite?: boolean;
  /** The warning level's false-positive target (default FPR_TARGETS.warning). */
  fprWarning?: number;
  /**
   * How each level's quantile of the negatives' out-of-fold scores is read (thresholds.ts):
   * `order` (absent) one order statistic, `hd` the Harrell–Davis quantile, `hd-logit` the same on
   * the logits.
   */
  thresholdEstimator?: ThresholdEstimator;
  /**
   * Naive-Bayes log-count ratios (NBSVM, Wang & Manning 2012) scaling the hashed features, with
   * this smoothing; 0 or absent: not used.
   */
  nbAlpha?: number;
  /**
   * With nbAlpha: the ratios are learned from the pages of these scripts only and scale only the
   * hashed features that occur on them (absent: every page, every feature). Session 11 measured
   * NB helping Japanese and hurting English; Japanese n-grams (kana and kanji) hardly occur on
   * English pages, so `['ja']` leaves English pages' text features nearly as they were. A
   * feature both scripts share (a Latin word on a Japanese page) is scaled for both: one weight
   * per feature keeps the model file and the scorer unchanged.
   */
  nbScripts?: readonly Script[];
  /**
   * One model per script (pages of the other script never in its fit, its own L2 and
   * thresholds), in crossValidate only: whether one joint fit or one per language ranks better.
   */
  perScript?: boolean;
  /**
   * L2 strengths to choose from by the grouped cross-validation of the pages given (the most
   * pages warned at the warning target, summed over the scripts; ties to the earlier one).
   */
  lambdas?: readonly number[];
  /**
   * Every fit is made at each of these L2 strengths on the same examples and their weights and
   * biases averaged (one linear model: the mean of the unpruned fits' logits), then pruned and
   * quantised as one fit is. Nothing is chosen, so nothing flips when the pages change a little;
   * the inner cross-validation scores the same blend the final fit ships. Not with `lambdas`.
   */
  blendLambdas?: readonly number[];
  /** The feature options the pages were extracted with (recorded in the model file). */
  features?: FeatureOptions;
  /**
   * The split's seed (groupFolds), for the outer folds and the inner ones alike; 0 or absent:
   * the split `npm run train` and every earlier measure used.
   */
  foldSeed?: number;
  /**
   * Inner splits whose out-of-fold scores are pooled to choose the thresholds and the L2 strength
   * (1 or absent: the one split of foldSeed). A threshold set by where a dozen quiet pages fall on
   * one split moves with the split; pooled, each page counts once per split.
   */
  innerSeeds?: number;
  /**
   * A learning curve's point, in crossValidate only (crossValidateStacked refuses it): each outer
   * fold's model learns from this fraction of its training sites (siteInFraction with foldSeed:
   * the same sites in every fold of a split, nested between fractions) and is judged on the whole
   * fold, so the figures at each fraction are on the same pages. 1 or absent: every training site.
   */
  trainFraction?: number;
}

/** Seeds of the pooled inner splits: foldSeed's own first, then ones no outer split uses. */
export const INNER_SEED_STEP = 1000;

/**
 * The out-of-fold scores of one or more inner splits as the threshold choice reads them: every
 * page once per split (pooled splits weigh each page equally).
 */
export function pooledScores(
  pages: readonly TrainingPage[],
  oofs: readonly (readonly number[])[],
): { probability: number; positive: boolean; lang: Script }[] {
  return oofs.flatMap((scores) =>
    pages.map((p, i) => ({ probability: scores[i]!, positive: p.positive, lang: p.script })),
  );
}

export const PIPELINE_DEFAULTS: PipelineOptions = { folds: 5, fit: {}, keep: KEEP_HASHED };

/**
 * Example weights: pages to warn on and pages to leave alone weigh the same in each language;
 * with `perSite`, within each of those groups every registrable domain weighs the same.
 */
export function examples(
  pages: readonly TrainingPage[],
  positiveWeight = 1,
  perSite = false,
): Example[] {
  const domainOf = (p: TrainingPage) => p.domain ?? p.site;
  const perDomain = new Map<string, number>();
  if (perSite)
    for (const p of pages) perDomain.set(domainOf(p), (perDomain.get(domainOf(p)) ?? 0) + 1);
  // A page's share of its group: 1, or 1 / (its domain's pages) so that each domain sums to 1.
  const share = pages.map((p) => (perSite ? 1 / perDomain.get(domainOf(p))! : 1));
  const groups = new Map<string, number>();
  const key = (p: TrainingPage) => `${p.lang}:${p.positive ? 1 : 0}`;
  let total = 0;
  pages.forEach((p, i) => {
    groups.set(key(p), (groups.get(key(p)) ?? 0) + share[i]!);
    total += share[i]!;
  });
  return pages.map((p, i) => ({
    index: p.index,
    value: p.value,
    label: p.positive ? 1 : 0,
    weight:
      share[i]! * (total / (groups.size * groups.get(key(p))!)) * (p.positive ? positiveWeight : 1),
  }));
}

/**
 * Each hashed feature's log-count ratio over the examples (presence counts, example-weighted):
 * log((α + pos_j) / ‖α + pos‖₁) − log((α + neg_j) / ‖α + neg‖₁).
 */
export function nbRatios(list: readonly Example[], alpha: number): Map<number, number> {
  const pos = new Map<number, number>();
  const neg = new Map<number, number>();
  for (const e of list) {
    const into = e.label === 1 ? pos : neg;
    for (const f of e.index) if (f >= HASHED_OFFSET) into.set(f, (into.get(f) ?? 0) + e.weight);
  }
  const all = [...new Set([...pos.keys(), ...neg.keys()])].sort((a, b) => a - b);
  let pSum = 0;
  let nSum = 0;
  for (const f of all) {
    pSum += alpha + (pos.get(f) ?? 0);
    nSum += alpha + (neg.get(f) ?? 0);
  }
  const r = new Map<number, number>();
  for (const f of all)
    r.set(
      f,
      Math.log((alpha + (pos.get(f) ?? 0)) / pSum) - Math.log((alpha + (neg.get(f) ?? 0)) / nSum),
    );
  return r;
}

/**
 * The mean of fits of the same examples (the same features, in the same order): each weight and
 * the bias averaged; iterations summed, loss averaged (reported only).
 */
export function averageFits(fits: readonly Fitted[]): Fitted {
  const [first] = fits;
  if (!first) throw new Error('no fit to average');
  const weights = new Float64Array(first.weights.length);
  for (const fit of fits) {
    if (
      fit.features.length !== first.features.length ||
      fit.features.some((f, i) => f !== first.features[i])
    )
      throw new Error('averaged fits must share their features');
    fit.weights.forEach((w, i) => (weights[i] = weights[i]! + w));
  }
  const n = fits.length;
  return {
    bias: fits.reduce((s, f) => s + f.bias, 0) / n,
    features: first.features,
    weights: weights.map((w) => w / n),
    iterations: fits.reduce((s, f) => s + f.iterations, 0),
    loss: fits.reduce((s, f) => s + f.loss, 0) / n,
  };
}

/**
 * The regression a fit task makes, before pruning: one fit at `options.fit`, or with
 * `blendLambdas` the average of one fit per strength (averageFits).
 */
export function fitWeights(pages: readonly TrainingPage[], options: PipelineOptions): Fitted {
  let list = examples(pages, options.positiveWeight, options.perSite);
  const alpha = options.nbAlpha ?? 0;
  const scripts = options.nbScripts;
  const ratios =
    alpha > 0
      ? nbRatios(scripts ? list.filter((_, i) => scripts.includes(pages[i]!.script)) : list, alpha)
      : null;
  // A hashed feature the ratios never saw (only on pages of the other script) keeps scale 1.
  const scale = (f: number) => (f >= HASHED_OFFSET ? Math.abs(ratios!.get(f) ?? 1) : 1);
  if (ratios)
    list = list.map((e) => ({
      ...e,
      value: Float32Array.from(e.value, (v, k) => v * scale(e.index[k]!)),
    }));
  const fitted = options.blendLambdas
    ? averageFits(
        options.blendLambdas.map((lambda) => fitLogistic(list, { ...options.fit, lambda })),
      )
    : fitLogistic(list, options.fit);
  // The model sees the raw features: a scaled feature's weight absorbs its scale.
  if (ratios)
    fitted.features.forEach((f, i) => (fitted.weights[i] = fitted.weights[i]! * scale(f)));
  return fitted;
}

function fitFile(
  pages: readonly TrainingPage[],
  thresholds: ThresholdSet,
  trainedOn: ModelFile['trainedOn'],
  options: PipelineOptions,
): ModelFile {
  const fitted = fitWeights(pages, options);
  return compactModel(fitted, thresholds, trainedOn, options.keep, options.features);
}

function probability(file: ModelFile, pages: readonly TrainingPage[]): number[] {
  const model = loadModel(file);
  return pages.map((p) => sigmoid(logit(model, p)));
}

/**
 * One regression fit the pipeline needs, its pages named by their positions in the pages it was
 * given: plain data, so that a runner can send it to another thread or process.
 */
export interface FitTask {
  /** Positions of the pages fitted on, ascending (the order the fit sees them in). */
  train: number[];
  /** Positions of the pages the fitted model scores. */
  score: number[];
  thresholds: ThresholdSet;
  trainedOn: ModelFile['trainedOn'];
  options: PipelineOptions;
  /** Whether the model file is wanted back (an inner fold's fit is wanted for its scores only). */
  file: boolean;
}

export interface FitResult {
  file?: ModelFile;
  scores: number[];
}

/** Fits the tasks on these pages; the results in the tasks' order. */
export type FitRunner = (
  pages: readonly TrainingPage[],
  tasks: readonly FitTask[],
) => Promise<FitResult[]>;

export function runFitTask(pages: readonly TrainingPage[], task: FitTask): FitResult {
  const at = (i: number) => {
    const page = pages[i];
    if (!page) throw new Error(`fit task names page ${i} of ${pages.length}`);
    return page;
  };
  const file = fitFile(task.train.map(at), task.thresholds, task.trainedOn, task.options);
  const scores = probability(file, task.score.map(at));
  return task.file ? { file, scores } : { scores };
}

/** Today's loop: every fit in this thread, one after another. */
export const inProcess: FitRunner = (pages, tasks) =>
  Promise.resolve(tasks.map((task) => runFitTask(pages, task)));

/**
 * A computation as batches of independent fits: it yields each batch and is resumed with the
 * batch's results. The same plan runs in this thread (runPlan) or on a runner (runPlanWith), so
 * the thresholds, the L2 choice and the files cannot depend on where the fits ran.
 */
export type Plan<T> = Generator<readonly FitTask[], T, FitResult[]>;

export function runPlan<T>(pages: readonly TrainingPage[], plan: Plan<T>): T {
  let step = plan.next();
  while (!step.done) step = plan.next(step.value.map((task) => runFitTask(pages, task)));
  return step.value;
}

export async function runPlanWith<T>(
  pages: readonly TrainingPage[],
  plan: Plan<T>,
  runner: FitRunner = inProcess,
): Promise<T> {
  let step = plan.next();
  while (!step.done) {
    const tasks = step.value;
    const results = await runner(pages, tasks);
    if (results.length !== tasks.length)
      throw new Error(`fit runner returned ${results.length} results for ${tasks.length} tasks`);
    step = plan.next(results);
  }
  return step.value;
}

/** Several plans in lockstep: each batch joins their batches, so a runner sees them all at once. */
export function* allPlans<T>(plans: readonly Plan<T>[]): Plan<T[]> {
  const done = new Array<T>(plans.length);
  let steps = plans.map((plan) => plan.next());
  for (;;) {
    const waiting = steps.flatMap((step, k) => (step.done ? [] : [k]));
    steps.forEach((step, k) => {
      if (step.done) done[k] = step.value;
    });
    if (waiting.length === 0) return done;
    const batches = waiting.map((k) => steps[k]!.value as readonly FitTask[]);
    const results = yield batches.flat();
    let from = 0;
    steps = steps.map((step, k) => {
      if (step.done) return step;
      const n = (step.value as readonly FitTask[]).length;
      const mine = results.slice(from, from + n);
      from += n;
      return plans[k]!.next(mine);
    });
  }
}

/** A plan on a subset of the pages (their positions `at`) as a plan on all of them. */
function* onSubset<T>(plan: Plan<T>, at: readonly number[]): Plan<T> {
  let step = plan.next();
  while (!step.done) {
    const moved = step.value.map((task) => ({
      ...task,
      train: task.train.map((i) => at[i]!),
      score: task.score.map((i) => at[i]!),
    }));
    step = plan.next(yield moved);
  }
  return step.value;
}

const HALF: Thresholds = { caution: 0.5, warning: 0.5, danger: 0.5 };

/** The fits of one grouped split: each fold's model, fitted without it, scores it. */
function foldTasks(pages: readonly TrainingPage[], options: PipelineOptions): FitTask[] {
  const fold = groupFolds(pages, options.folds, options.foldSeed);
  const tasks: FitTask[] = [];
  for (let f = 0; f < options.folds; f += 1) {
    const train = pages.map((_, i) => i).filter((i) => fold[i] !== f);
    const score = pages.map((_, i) => i).filter((i) => fold[i] === f);
    if (score.length === 0 || train.length === 0) continue;
    const none: ThresholdSet = { ja: HALF, en: HALF };
    tasks.push({ train, score, thresholds: none, trainedOn: {}, options, file: false });
  }
  return tasks;
}

function outOfFoldScores(count: number, tasks: readonly FitTask[], results: FitResult[]): number[] {
  const out = new Array<number>(count).fill(0);
  tasks.forEach((task, k) => task.score.forEach((i, j) => (out[i] = results[k]!.scores[j]!)));
  return out;
}

export function* outOfFoldPlan(
  pages: readonly TrainingPage[],
  options: PipelineOptions = PIPELINE_DEFAULTS,
): Plan<number[]> {
  const tasks = foldTasks(pages, options);
  return outOfFoldScores(pages.length, tasks, yield tasks);
}

/** Out-of-fold probabilities of every page: each scored by a model that never saw its site. */
export function outOfFold(
  pages: readonly TrainingPage[],
  options: PipelineOptions = PIPELINE_DEFAULTS,
): number[] {
  return runPlan(pages, outOfFoldPlan(pages, options));
}

/**
 * The L2 strength and thresholds buildModel keeps, from the out-of-fold scores of each strength
 * tried (`oofsOf[k]`: one score list per inner split): the strength warning the most pages to
 * warn on at the chosen warning thresholds (ties to the earlier one), with those thresholds.
 */
export function chooseFromOutOfFold(
  pages: readonly TrainingPage[],
  oofsOf: readonly (readonly (readonly number[])[])[],
  options: Pick<PipelineOptions, 'fprWarning' | 'thresholdEstimator'>,
): { index: number; thresholds: ThresholdSet; warned: number } {
  let best: { index: number; thresholds: ThresholdSet; warned: number } | null = null;
  oofsOf.forEach((oofs, index) => {
    const scored = pooledScores(pages, oofs);
    const thresholds = chooseThresholdSet(scored, options.fprWarning, options.thresholdEstimator);
    const warned = scored.filter(
      (r) => r.positive && r.probability >= thresholds[r.lang].warning,
    ).length;
    if (!best || warned > best.warned) best = { index, thresholds, warned };
  });
  if (!best) throw new Error('no L2 strength was tried');
  return best;
}

export interface BuiltModel {
  file: ModelFile;
  outOfFold: number[];
}

/**
 * Every inner fit (each L2 strength, each inner split, each fold) in one batch, then the final
 * fit with the chosen strength and thresholds in a second.
 */
export function* buildModelPlan(
  pages: readonly TrainingPage[],
  trainedOn: ModelFile['trainedOn'],
  options: PipelineOptions = PIPELINE_DEFAULTS,
): Plan<BuiltModel> {
  // A blend is one model: choosing among strengths as well would be two answers to one question.
  if (options.blendLambdas && options.lambdas)
    throw new Error('blendLambdas and lambdas cannot both be given');
  const tried = (options.lambdas ?? [options.fit.lambda]).map((lambda) =>
    lambda === undefined ? options : { ...options, fit: { ...options.fit, lambda } },
  );
  const seeds = Array.from(
    { length: options.innerSeeds ?? 1 },
    (_, k) => (options.foldSeed ?? 0) + k * INNER_SEED_STEP,
  );
  const splits = tried.map((t) => seeds.map((foldSeed) => foldTasks(pages, { ...t, foldSeed })));
  const results = yield splits.flat(2);
  let from = 0;
  const oofsOf = splits.map((bySeed) =>
    bySeed.map((tasks) => {
      const mine = results.slice(from, from + tasks.length);
      from += tasks.length;
      return outOfFoldScores(pages.length, tasks, mine);
    }),
  );
  const { index, thresholds } = chooseFromOutOfFold(pages, oofsOf, options);
  const chosen = tried[index]!;
  const oof = oofsOf[index]![0]!;
  // The L2 strength chosen is recorded when there was a choice; a blend records its strengths.
  const recorded = options.lambdas
    ? { ...trainedOn, lambda: chosen.fit.lambda ?? FIT_DEFAULTS.lambda }
    : options.blendLambdas
      ? { ...trainedOn, blend: options.blendLambdas.join(' ') }
      : trainedOn;
  const all = pages.map((_, i) => i);
  const [final] = yield [
    { train: all, score: [], thresholds, trainedOn: recorded, options: chosen, file: true },
  ];
  return { file: final!.file!, outOfFold: oof };
}

export function buildModel(
  pages: readonly TrainingPage[],
  trainedOn: ModelFile['trainedOn'],
  options: PipelineOptions = PIPELINE_DEFAULTS,
): BuiltModel {
  return runPlan(pages, buildModelPlan(pages, trainedOn, options));
}

/** buildModel with its fits on a runner (tools/lib/fit-pool.ts: both cores). */
export function buildModelWith(
  pages: readonly TrainingPage[],
  trainedOn: ModelFile['trainedOn'],
  options: PipelineOptions = PIPELINE_DEFAULTS,
  runner: FitRunner = inProcess,
): Promise<BuiltModel> {
  return runPlanWith(pages, buildModelPlan(pages, trainedOn, options), runner);
}

export interface CrossValidatedRow {
  slug: string;
  fold: number;
  probability: number;
  level: Level;
  thresholds: Thresholds;
}

/**
 * Nested, grouped cross-validation: thresholds never see the fold they are judged on. The outer
 * folds' buildModel plans run in lockstep, so a runner gets every inner fit of every fold at once.
 */
export function* crossValidatePlan(
  pages: readonly TrainingPage[],
  options: PipelineOptions = PIPELINE_DEFAULTS,
): Plan<CrossValidatedRow[]> {
  const fold = groupFolds(pages, options.folds, options.foldSeed);
  const judgedBy: { f: number; judged: number[] }[] = [];
  const plans: Plan<BuiltModel>[] = [];
  const fraction = options.trainFraction ?? 1;
  for (let f = 0; f < options.folds; f += 1) {
    const train = pages
      .map((_, i) => i)
      .filter((i) => fold[i] !== f && siteInFraction(pages[i]!.site, fraction, options.foldSeed));
    const testAt = pages.map((_, i) => i).filter((i) => fold[i] === f);
    if (testAt.length === 0) continue;
    // Joint: one model for every script; perScript: each script's pages by its own model.
    for (const scripts of options.perScript ? SCRIPTS.map((s) => [s]) : [SCRIPTS]) {
      const own = (i: number) => (scripts as readonly Script[]).includes(pages[i]!.script);
      const judged = testAt.filter(own);
      if (judged.length === 0) continue;
      const at = train.filter(own);
      const subset = at.map((i) => pages[i]!);
      judgedBy.push({ f, judged });
      plans.push(onSubset(buildModelPlan(subset, {}, options), at));
    }
  }
  const built = yield* allPlans(plans);
  const rows = new Array<CrossValidatedRow>(pages.length);
  judgedBy.forEach(({ f, judged }, k) => {
    const { file } = built[k]!;
    const p = probability(
      file,
      judged.map((i) => pages[i]!),
    );
    judged.forEach((i, j) => {
      rows[i] = {
        slug: pages[i]!.slug,
        fold: f,
        probability: p[j]!,
        level: levelForProbability(p[j]!, file.thresholds[pages[i]!.script]),
        thresholds: file.thresholds[pages[i]!.script],
      };
    });
  });
  return rows;
}

export function crossValidate(
  pages: readonly TrainingPage[],
  options: PipelineOptions = PIPELINE_DEFAULTS,
): CrossValidatedRow[] {
  return runPlan(pages, crossValidatePlan(pages, options));
}

/** crossValidate with its fits on a runner. */
export function crossValidateWith(
  pages: readonly TrainingPage[],
  options: PipelineOptions = PIPELINE_DEFAULTS,
  runner: FitRunner = inProcess,
): Promise<CrossValidatedRow[]> {
  return runPlanWith(pages, crossValidatePlan(pages, options), runner);
}
