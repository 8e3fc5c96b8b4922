// A second stage over the logistic regression (issue 12): boosted shallow trees (boost.ts) that
// read the regression's logit beside the named signals' values, the page's script and its length
// in hashed features, so that evidence can combine non-linearly ("this signal matters only on a
// page the regression is unsure of"). Learned, like the regression's thresholds, without the
// judged fold: the trees learn from the regression's out-of-fold logits on the training split,
// and their own thresholds come from an inner grouped cross-validation of that split.
import { groupFolds } from './cv';
import { boostedLogit, fitBoosted, type BoostOptions, type Boosted } from './boost';
import { HASHED_OFFSET } from './feature-space';
import { loadModel } from './model';
import { levelForProbability, logit } from './model-score';
import {
  buildModel,
  examples,
  PIPELINE_DEFAULTS,
  type CrossValidatedRow,
  type PipelineOptions,
  type TrainingPage,
} from './pipeline';
import { chooseThresholdSet } from './thresholds';
import { logOdds, sigmoid } from './train';

/**
 * The second stage's inputs: [the regression's logit, 1 on a Japanese-script page, log(1 + the
 * page's hashed features), the named features' values in their order].
 */
export function stageTwoRow(page: Pick<TrainingPage, 'index' | 'value' | 'script'>, z: number) {
  const x = new Array<number>(3 + HASHED_OFFSET).fill(0);
  x[0] = z;
  x[1] = page.script === 'ja' ? 1 : 0;
  let hashed = 0;
  page.index.forEach((f, k) => {
    if (f >= HASHED_OFFSET) hashed += 1;
    else x[3 + f] = page.value[k]!;
  });
  x[2] = Math.log1p(hashed);
  return x;
}

function fitStage(
  pages: readonly TrainingPage[],
  logits: readonly number[],
  options: PipelineOptions,
  boost: Partial<BoostOptions>,
): Boosted {
  const weights = examples(pages, options.positiveWeight, options.perSite);
  return fitBoosted(
    pages.map((p, i) => ({
      x: stageTwoRow(p, logits[i]!),
      label: p.positive ? 1 : 0,
      weight: weights[i]!.weight,
    })),
    boost,
  );
}

/**
 * Nested, grouped cross-validation of the regression and of the regression with the second stage,
 * on the same folds and the same regression fits: `base` is what crossValidate gives.
 */
export function crossValidateStacked(
  pages: readonly TrainingPage[],
  options: PipelineOptions = PIPELINE_DEFAULTS,
  boost: Partial<BoostOptions> = {},
): { base: CrossValidatedRow[]; stacked: CrossValidatedRow[] } {
  if ((options.trainFraction ?? 1) < 1)
    throw new Error('a learning curve (trainFraction) is measured with crossValidate only');
  const fold = groupFolds(pages, options.folds, options.foldSeed);
  const base = new Array<CrossValidatedRow>(pages.length);
  const stacked = new Array<CrossValidatedRow>(pages.length);
  for (let f = 0; f < options.folds; f += 1) {
    const train = pages.filter((_, i) => fold[i] !== f);
    const testAt = pages.map((_, i) => i).filter((i) => fold[i] === f);
    if (testAt.length === 0) continue;
    const { file, outOfFold } = buildModel(train, {}, options);
    const oofLogits = outOfFold.map(logOdds);
    // The second stage's own out-of-fold probabilities on the training split (the inner folds
    // buildModel used), for its thresholds.
    const inner = groupFolds(train, options.folds, options.foldSeed);
    const innerP = new Array<number>(train.length).fill(0);
    for (let j = 0; j < options.folds; j += 1) {
      const fitAt = train.map((_, i) => i).filter((i) => inner[i] !== j);
      const at = train.map((_, i) => i).filter((i) => inner[i] === j);
      if (at.length === 0 || fitAt.length === 0) continue;
      const m = fitStage(
        fitAt.map((i) => train[i]!),
        fitAt.map((i) => oofLogits[i]!),
        options,
        boost,
      );
      for (const i of at)
        innerP[i] = sigmoid(boostedLogit(m, stageTwoRow(train[i]!, oofLogits[i]!)));
    }
    const thresholds = chooseThresholdSet(
      train.map((p, i) => ({ probability: innerP[i]!, positive: p.positive, lang: p.script })),
      options.fprWarning,
      options.thresholdEstimator,
    );
    const stage = fitStage(train, oofLogits, options, boost);
    const model = loadModel(file);
    for (const i of testAt) {
      const page = pages[i]!;
      const z = logit(model, page);
      const p1 = sigmoid(z);
      const p2 = sigmoid(boostedLogit(stage, stageTwoRow(page, z)));
      const t1 = file.thresholds[page.script];
      const t2 = thresholds[page.script];
      base[i] = {
        slug: page.slug,
        fold: f,
        probability: p1,
        level: levelForProbability(p1, t1),
        thresholds: t1,
      };
      stacked[i] = {
        slug: page.slug,
        fold: f,
        probability: p2,
        level: levelForProbability(p2, t2),
        thresholds: t2,
      };
    }
  }
  return { base, stacked };
}
