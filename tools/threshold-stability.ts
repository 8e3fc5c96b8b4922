// `npx tsx tools/threshold-stability.ts [--seeds N] [--drop F] [--estimators order,hd,hd-logit]
// [--blend] [--lambdas 1,0.3,3]`:
// how far the thresholds `npm run train` would ship move when the corpus changes a little, for
// each way of reading them from the out-of-fold scores (thresholds.ts, ThresholdEstimator). On
// data/corpus with the shipped features, the whole corpus and N copies of it, each without a
// random share F of its pages (default 2%, seeds 1 … N; the grouped folds are made again on what
// is left, as `npm run train` would), go through buildModel's inner cross-validation once at every
// L2 strength of `--lambdas` (default L2_CANDIDATES, the choice `npm run train` made until session
// 17; it now ships 1 alone, the "held" row when the whole corpus chooses 1); every estimator then
// chooses the L2 strength and the thresholds from the same out-of-fold scores. Printed per estimator and script: the warning
// threshold of each run, its range and standard deviation and the largest move from the whole
// corpus's, the same at the whole corpus's L2 strength held fixed (the estimator's own spread,
// without the L2 choice switching), the caution and danger ranges, the L2 strength chosen and the
// share of the run's negatives at or above its warning threshold (out of fold: the rule is at
// most the target). With `--blend`, each run's pages also go through the inner cross-validation
// of the blend of those L2 strengths (PipelineOptions.blendLambdas: one model, nothing chosen),
// and each estimator's thresholds from its out-of-fold scores are printed the same way. No page
// is judged here, only the thresholds' spread.
import { loadCorpus } from './lib/corpus';
import { CORPUS_DIR, L2_CANDIDATES, SHIPPED_PIPELINE, trainingPages } from './lib/training-set';
import { flagValue } from './lib/args';
import { withFitPool } from './lib/fit-pool';
import {
  allPlans,
  chooseFromOutOfFold,
  outOfFoldPlan,
  pooledScores,
  runPlanWith,
  type TrainingPage,
} from '../utils/detector/pipeline';
import {
  chooseThresholdSet,
  FPR_TARGETS,
  THRESHOLD_ESTIMATORS,
  type ThresholdEstimator,
} from '../utils/detector/thresholds';
import { SCRIPTS, type Script } from '../utils/detector/features';
import type { ThresholdSet } from '../utils/detector/model';

/** 32-bit FNV-1a: a page's place in a seed's random order. */
function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i += 1) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The pages without a share `drop` of them, the ones first in seed `seed`'s order (0: none). */
export function withoutShare(
  pages: readonly TrainingPage[],
  drop: number,
  seed: number,
): TrainingPage[] {
  if (seed === 0) return [...pages];
  const count = Math.round(drop * pages.length);
  const gone = new Set(
    pages
      .map((p, i) => ({ i, key: fnv(`${seed}:${p.slug}`) }))
      .sort((a, b) => a.key - b.key || a.i - b.i)
      .slice(0, count)
      .map((x) => x.i),
  );
  return pages.filter((_, i) => !gone.has(i));
}

interface Run {
  seed: number;
  pages: TrainingPage[];
  /** Out-of-fold scores per L2 strength (one inner split each). */
  oofsOf: number[][][];
  /** With --blend: the out-of-fold scores of the blend of every strength. */
  blend?: number[];
}

interface Chosen {
  lambda: number | string;
  thresholds: ThresholdSet;
  /** At the whole corpus's L2 strength, whatever this run would choose. */
  fixed: ThresholdSet;
  /** Per script: the share of its negatives at or above the warning threshold. */
  alarms: Record<Script, number>;
}

/** `oofsOf`: the run's own per-strength scores, or its blend's alone (one "strength", `blend`). */
function choose(
  run: Run,
  estimator: ThresholdEstimator,
  lambdas: readonly (number | string)[],
  fixedAt: number,
  oofsOf: readonly (readonly number[])[][] = run.oofsOf,
) {
  const options = { fprWarning: SHIPPED_PIPELINE.fprWarning, thresholdEstimator: estimator };
  const { index, thresholds } = chooseFromOutOfFold(run.pages, oofsOf, options);
  const scored = (oof: readonly number[]) => pooledScores(run.pages, [oof]);
  const fixed = chooseThresholdSet(scored(oofsOf[fixedAt]![0]!), options.fprWarning, estimator);
  const rows = scored(oofsOf[index]![0]!);
  const alarms = Object.fromEntries(
    SCRIPTS.map((s) => {
      const negatives = rows.filter((r) => r.lang === s && !r.positive);
      const over = negatives.filter((r) => r.probability >= thresholds[s].warning).length;
      return [s, over / Math.max(negatives.length, 1)];
    }),
  ) as Record<Script, number>;
  return { lambda: lambdas[index]!, thresholds, fixed, alarms } satisfies Chosen;
}

const f4 = (x: number) => x.toFixed(4);

function describe(values: readonly number[]): string {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
  const moved = Math.max(...values.slice(1).map((v) => Math.abs(v - values[0]!)));
  return `range ${f4(Math.max(...values) - Math.min(...values))}, sd ${f4(sd)}, largest move ${f4(moved)}`;
}

/** `--lambdas 1,0.3,3` (default L2_CANDIDATES): positive, distinct numbers, at least two. */
export function lambdasArg(argv: readonly string[]): number[] {
  const given = flagValue(argv, '--lambdas');
  const lambdas = given === undefined ? [...L2_CANDIDATES] : given.split(',').map(Number);
  if (lambdas.length < 2 || new Set(lambdas).size !== lambdas.length)
    throw new Error('--lambdas needs at least two distinct L2 strengths');
  if (lambdas.some((l) => !(l > 0) || !Number.isFinite(l)))
    throw new Error('--lambdas takes positive numbers');
  return lambdas;
}

async function main(argv: string[]): Promise<number> {
  const seeds = Number(flagValue(argv, '--seeds') ?? 5);
  const drop = Number(flagValue(argv, '--drop') ?? 0.02);
  const estimators = (flagValue(argv, '--estimators') ?? THRESHOLD_ESTIMATORS.join(','))
    .split(',')
    .map((e) => {
      if (!(THRESHOLD_ESTIMATORS as readonly string[]).includes(e))
        throw new Error(`unknown estimator ${e} (${THRESHOLD_ESTIMATORS.join(', ')})`);
      return e as ThresholdEstimator;
    });
  const blend = argv.includes('--blend');
  if (!Number.isInteger(seeds) || seeds < 1) throw new Error('--seeds needs a count of at least 1');
  if (!(drop > 0 && drop < 1)) throw new Error('--drop needs a share between 0 and 1');
  const started = performance.now();
  const all = trainingPages(await loadCorpus(CORPUS_DIR), SHIPPED_PIPELINE.features);
  // The strengths to choose from or blend (not SHIPPED_PIPELINE's one: a choice of one moves nothing).
  const lambdas = lambdasArg(argv);
  const single = { ...SHIPPED_PIPELINE, lambdas: undefined, blendLambdas: undefined };
  const runs: Run[] = [];
  await withFitPool(async (pool) => {
    for (let seed = 0; seed <= seeds; seed += 1) {
      const pages = withoutShare(all, drop, seed);
      const plans = lambdas.map((lambda) => outOfFoldPlan(pages, { ...single, fit: { lambda } }));
      // The blend's inner fits join the same batch (both cores busy).
      if (blend) plans.push(outOfFoldPlan(pages, { ...single, blendLambdas: lambdas }));
      const oofs = await runPlanWith(pages, allPlans(plans), pool.run);
      const blended = blend ? oofs.pop() : undefined;
      runs.push({
        seed,
        pages,
        oofsOf: oofs.map((o) => [o]),
        ...(blended ? { blend: blended } : {}),
      });
      console.error(
        `run ${seed}: ${pages.length} pages (${((performance.now() - started) / 1000).toFixed(0)} s)`,
      );
    }
  });
  console.log(
    `${all.length} pages; ${seeds} runs without ${(drop * 100).toFixed(1)}% of them (seeds 1–${seeds}) beside the whole corpus (first figure); L2 from ${lambdas.join(', ')}; warning target ${((SHIPPED_PIPELINE.fprWarning ?? FPR_TARGETS.warning) * 100).toFixed(1)}%`,
  );
  for (const estimator of estimators) {
    const whole = chooseFromOutOfFold(runs[0]!.pages, runs[0]!.oofsOf, {
      fprWarning: SHIPPED_PIPELINE.fprWarning,
      thresholdEstimator: estimator,
    }).index;
    const chosen = runs.map((run) => choose(run, estimator, lambdas, whole));
    console.log(`\n${estimator}: L2 chosen ${chosen.map((c) => c.lambda).join(' ')}`);
    report(chosen);
    if (!blend) continue;
    console.log(`${estimator}, the blend of ${lambdas.join(', ')} (nothing chosen):`);
    report(
      runs.map((run) => choose(run, estimator, ['blend'], 0, [[run.blend!]])),
      false,
    );
  }
  console.log(`(${((performance.now() - started) / 1000).toFixed(0)} s)`);
  return 0;
}

/** Per script: the warning thresholds of the runs, their spread, the other levels' ranges. */
function report(chosen: readonly Chosen[], choice = true): void {
  for (const s of SCRIPTS) {
    const warning = chosen.map((c) => c.thresholds[s].warning);
    const fixed = chosen.map((c) => c.fixed[s].warning);
    const range = (level: 'caution' | 'danger') => {
      const v = chosen.map((c) => c.thresholds[s][level]);
      return f4(Math.max(...v) - Math.min(...v));
    };
    console.log(`  ${s} warning ${warning.map(f4).join(' ')}: ${describe(warning)}`);
    // Without a choice (the blend) the strength is always the whole corpus's.
    if (choice)
      console.log(`  ${s} at the whole corpus's L2 ${fixed.map(f4).join(' ')}: ${describe(fixed)}`);
    console.log(
      `  ${s} caution range ${range('caution')}, danger range ${range('danger')}; negatives at or above warning (out of fold) ${chosen.map((c) => `${(c.alarms[s] * 100).toFixed(2)}%`).join(' ')}`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
