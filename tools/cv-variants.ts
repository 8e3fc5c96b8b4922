// `npm run cv:variants -- [name …] [--corpus dir]`: the nested, grouped cross-validation
// of `npm run eval -- --cv` for several training configurations on one set of extracted
// features, so that variants are compared on the same folds. Each variant changes how the model
// is fitted, its thresholds chosen (all on the training folds) or its optional features
// (FeatureOptions: the Latin-script grams, the host read as typed words, the page's shape, the
// path's words, English word 3-grams; extracted once per set of options); names joined by `+`
// combine variants. The folds are the same for every variant (grouped on the features of the raw
// host, tools/lib/training-set.ts); the figures are per language, per page and per site, with
// Wilson 95% intervals, from the held-out folds only. `--repeats N` measures every variant on N
// splits (fold seeds 0 … N-1) and prints, per language, the mean and range over them and the
// pooled counts (tools/lib/repeats.ts). A name with `+stack` adds the second stage (stacked.ts)
// and prints the same configuration without it too: both come from the same regression fits.
import { loadCorpus, POSITIVE, type CorpusPage } from './lib/corpus';
import {
  CORPUS_DIR,
  L2_CANDIDATES,
  SHIPPED_PIPELINE,
  scoredPages,
  siteOf,
  trainingPages,
} from './lib/training-set';
import { formatRate, pageRates, siteRates, type JudgedRow, type Rates } from './lib/metrics';
import {
  crossValidate,
  crossValidateWith,
  inProcess,
  type FitResult,
  type FitRunner,
  PIPELINE_DEFAULTS,
  type CrossValidatedRow,
  type PipelineOptions,
  type TrainingPage,
} from '../utils/detector/pipeline';
import {
  resolveFeatureOptions,
  type FeatureOptions,
  type Script,
} from '../utils/detector/features';
import { FeatureOptionsSchema } from '../utils/detector/model';
import { levelRank } from '../utils/verdicts/model';
import { crossValidateStacked } from '../utils/detector/stacked';
import {
  formatSpread,
  pagesByLanguage,
  repeatsArg,
  summariseRepeats,
  type RepeatedRates,
} from './lib/repeats';
import { flagValue, positional } from './lib/args';
import { fitPool } from './lib/fit-pool';
import { createHash } from 'node:crypto';

export type Variant = Partial<Omit<PipelineOptions, 'features'>> & {
  features?: Partial<FeatureOptions>;
  /** The second stage (boosted trees over the regression's logit and the named signals). */
  stack?: boolean;
};

/** Run C: main before session 7 (no Latin-script grams, warning target 2%). */
const C: Variant = { fprWarning: 0.02, features: { latinGrams: false } };
const LATIN: FeatureOptions = { latinGrams: true };
const INNER_L2 = L2_CANDIDATES;

/**
 * Run C and its variants, each alone, then combinations (docs/detection-history.md, "Session 7's
 * runs"); `shipped` is the configuration `npm run train` uses.
 */
export const VARIANTS: Record<string, Variant> = {
  shipped: { lambdas: SHIPPED_PIPELINE.lambdas, features: SHIPPED_PIPELINE.features },
  /** Session 7's shipped configuration (run L): the raw host tokens, no optional features. */
  session7: {},
  baseline: C,
  'fpr-2.5': { ...C, fprWarning: 0.025 },
  'fpr-3': { ...C, fprWarning: 0.03 },
  'pos-1.5': { ...C, positiveWeight: 1.5 },
  'pos-2': { ...C, positiveWeight: 2 },
  'l2-0.3': { ...C, fit: { lambda: 0.3 } },
  'l2-3': { ...C, fit: { lambda: 3 } },
  'l2-inner': { ...C, lambdas: INNER_L2 },
  'nb-1': { ...C, nbAlpha: 1 },
  'nb-0.5': { ...C, nbAlpha: 0.5 },
  'nb-1-l2-3': { ...C, nbAlpha: 1, fit: { lambda: 3 } },
  latin: { ...C, features: LATIN },
  'latin-fpr-2.5': { ...C, features: LATIN, fprWarning: 0.025 },
  'latin-l2-inner': { ...C, features: LATIN, lambdas: INNER_L2 },
  'fpr-2.5-l2-inner': { ...C, fprWarning: 0.025, lambdas: INNER_L2 },
  // Session 8: features of page-shape.ts and word-trigrams.ts, each alone on top of `session7`;
  // join names with `+` to combine (`path+host-typed`), later names overriding earlier ones.
  'host-typed': { features: { host: 'typed' } },
  'host-none': { features: { host: 'none' } },
  shape: { features: { shape: true } },
  path: { features: { pathWords: true } },
  trigrams: { features: { wordTrigrams: true } },
  'with-latin': { features: { latinGrams: true } },
  'l2-inner-only': { lambdas: INNER_L2 },
  // Session 10, each on top of `shipped` (`shipped+nb`): NB-SVM log-count ratios scaling the
  // hashed features (learned on the training folds only), Latin-script character 3–5-grams on
  // English pages beside the word n-grams, every registrable domain weighing the same;
  // `nb-half` the ratios' smoothing halved (how much α = 1 matters).
  nb: { nbAlpha: 1 },
  'nb-half': { nbAlpha: 0.5 },
  'en-chars': { features: { latinGramsEn: true } },
  'per-site': { perSite: true },
  // Session 11 (`shipped+miss`): assertive offers, named import shops, rogue policies
  // (utils/detector/miss-signals.ts), written after reading the misses: see data/holdout too.
  miss: { features: { missSignals: true } },
  // Session 11: the second stage on top of the regression (`shipped+stack`).
  stack: { stack: true },
  // Session 12: `miss`'s three signals, each alone (`shipped+miss-offer`, `shipped+ja:miss-shops`).
  'miss-offer': { features: { missSignals: true, missGroups: ['assertive-offer'] } },
  'miss-shops': { features: { missSignals: true, missGroups: ['import-shop-named'] } },
  'miss-policy': { features: { missSignals: true, missGroups: ['rogue-policy'] } },
  // Session 12: one model per language instead of one joint fit (crossValidate only); thresholds
  // and L2 from the out-of-fold scores of three inner splits pooled.
  split: { perScript: true },
  'pooled-3': { innerSeeds: 3 },
  /** How many hashed weights the model keeps after pruning (shipped 40,000). */
  'keep-20k': { keep: 20_000 },
  'keep-80k': { keep: 80_000 },
  'keep-160k': { keep: 160_000 },
  // Session 16: the thresholds from the Harrell–Davis quantile of the negatives' out-of-fold
  // scores instead of one order statistic (thresholds.ts), on the probability or its logit;
  // `-loose`: without falling back on the order statistic where the estimate leaves too many.
  hd: { thresholdEstimator: 'hd' },
  'hd-logit': { thresholdEstimator: 'hd-logit' },
  'hd-loose': { thresholdEstimator: 'hd-loose' },
  'hd-logit-loose': { thresholdEstimator: 'hd-logit-loose' },
  // Session 17 (`shipped+blend`, `shipped+l2-fixed-1`): instead of choosing the L2 strength by the
  // inner cross-validation, every fit averages the fits at 1, 0.3 and 3 (PipelineOptions.
  // blendLambdas), or fits at 1 only (no choice, no blend). Since `shipped` itself became the one
  // strength 1 (`lambdas: [1]`), `shipped+l2-fixed-1` is `shipped` but for the `lambda` its file
  // records; `shipped+l2-inner-only` is session 16's choice.
  blend: { lambdas: undefined, blendLambdas: INNER_L2 },
  'l2-fixed-1': { lambdas: undefined, blendLambdas: undefined, fit: { lambda: 1 } },
};

/**
 * The scripts or miss groups two merged variants ask for: both lists joined, each named once. A
 * variant that turns the option on without a list (`nb`, `miss`) asks for all (undefined); one
 * that leaves the option off asks for none.
 */
function union<T>(
  a: { on: boolean; list?: readonly T[] },
  b: { on: boolean; list?: readonly T[] },
): T[] | undefined {
  if ((a.on && !a.list) || (b.on && !b.list)) return undefined;
  const joined = [...(a.on ? a.list! : []), ...(b.on ? b.list! : [])];
  return joined.length > 0 ? [...new Set(joined)] : undefined;
}

/**
 * Two variants as one: `b`'s settings over `a`'s (fit and features merged field by field); the
 * per-language lists (nbScripts, missOn) and the miss groups are joined, so that `ja:nb+en:nb`
 * is `nb` on both, `miss-offer+miss-policy` those two signals and `miss+en:miss` `miss`.
 */
export function mergeVariants(a: Variant, b: Variant): Variant {
  const { missOn: _on, missGroups: _groups, ...features } = { ...a.features, ...b.features };
  const on = (v: Variant) => v.features?.missSignals === true;
  const missOn = union(
    { on: on(a), list: a.features?.missOn },
    { on: on(b), list: b.features?.missOn },
  );
  const missGroups = union(
    { on: on(a), list: a.features?.missGroups },
    { on: on(b), list: b.features?.missGroups },
  );
  const nb = (v: Variant) => ({ on: (v.nbAlpha ?? 0) > 0, list: v.nbScripts });
  const { nbScripts: _scripts, ...rest } = { ...a, ...b };
  const nbScripts = union(nb(a), nb(b));
  return {
    ...rest,
    ...(nbScripts ? { nbScripts } : {}),
    fit: { ...a.fit, ...b.fit },
    features: {
      ...features,
      ...(missOn ? { missOn } : {}),
      ...(missGroups ? { missGroups } : {}),
    },
  };
}

/**
 * A variant for one language's pages only (`ja:nb`, `en:miss`): NB ratios learned from and
 * applied to that script's features (PipelineOptions.nbScripts), the miss signals on its pages
 * (FeatureOptions.missOn). Other settings act on the whole fit and cannot be split this way.
 */
export function forScript(variant: Variant, script: Script): Variant {
  const { nbAlpha, features, ...rest } = variant;
  const { missSignals, missGroups, ...otherFeatures } = features ?? {};
  if (Object.keys(rest).length > 0 || Object.keys(otherFeatures).length > 0)
    throw new Error(`only nb and miss variants can be given per language`);
  return {
    ...(nbAlpha ? { nbAlpha, nbScripts: [script] } : {}),
    features: {
      ...(missSignals ? { missSignals, missOn: [script] } : {}),
      ...(missGroups ? { missGroups } : {}),
    },
  };
}

export interface ParsedVariant {
  pipeline: PipelineOptions;
  features: FeatureOptions;
  stack: boolean;
}

/** The features every variant starts from: session 7's (raw host tokens, nothing optional). */
const SESSION7_FEATURES: FeatureOptions = { latinGrams: false };

/**
 * A configuration by name: one of VARIANTS, or several joined by `+` (applied left to right on
 * the pipeline's defaults and session 7's features). Throws on an unknown name or feature option.
 */
export function parseVariant(name: string): ParsedVariant {
  let merged: Variant = {};
  for (const part of name.split('+')) {
    // `ja:nb`: a variant for one language's pages only.
    const [, script, base = part] = /^(?:(ja|en):)?(.*)$/.exec(part)!;
    const variant = VARIANTS[base];
    if (!variant) throw new Error(`unknown variant ${part}`);
    merged = mergeVariants(merged, script ? forScript(variant, script as Script) : variant);
  }
  const { features: partial, stack, ...rest } = merged;
  const features = FeatureOptionsSchema.parse(
    resolveFeatureOptions({ ...SESSION7_FEATURES, ...partial }),
  );
  const pipeline: PipelineOptions = {
    ...PIPELINE_DEFAULTS,
    ...rest,
    fit: { ...PIPELINE_DEFAULTS.fit, ...rest.fit },
    features,
  };
  return { pipeline, features, stack: stack ?? false };
}

export interface VariantResult {
  name: string;
  seconds: number;
  byLanguage: Record<string, { pages: Rates; sites: Rates }>;
  /** Every scored page, in corpus order: its language, its class's side, whether it was warned. */
  judged: Pick<JudgedRow, 'lang' | 'positive' | 'warned'>[];
  /** With more than one split: per language, the spread over them (seed 0 is `byLanguage`). */
  repeated?: Record<string, RepeatedRates>;
}

/**
 * How two variants' verdicts differ page by page, per language: pages to warn on that only `b`
 * warns (gained) or only `a` warns (lost), and the same for false alarms. Counts only: which
 * pages they are is not printed, so that no choice is made by looking at test folds' pages.
 */
export function discordant(
  a: VariantResult['judged'],
  b: VariantResult['judged'],
): Record<string, { gained: number; lost: number; newAlarms: number; goneAlarms: number }> {
  const out: ReturnType<typeof discordant> = {};
  a.forEach((x, i) => {
    const y = b[i]!;
    const d = (out[x.lang] ??= { gained: 0, lost: 0, newAlarms: 0, goneAlarms: 0 });
    if (x.warned === y.warned) return;
    if (x.positive) d[y.warned ? 'gained' : 'lost'] += 1;
    else d[y.warned ? 'newAlarms' : 'goneAlarms'] += 1;
  });
  return out;
}

/**
 * A configuration's figures on `repeats` splits; a stacked name gives two results, the
 * regression alone (named without `+stack`) and with its second stage.
 */
export async function runVariant(
  name: string,
  dir = CORPUS_DIR,
  cache = new Map<string, Prepared>(),
  repeats = 1,
  runner: FitRunner = inProcess,
): Promise<VariantResult[]> {
  const { pipeline, features, stack } = parseVariant(name);
  const key = JSON.stringify(features);
  if (!cache.has(key)) cache.set(key, await prepare(dir, features));
  const { corpus, training } = cache.get(key)!;
  const started = performance.now();
  const names = stack
    ? [
        name
          .split('+')
          .filter((x) => x !== 'stack')
          .join('+'),
        name,
      ]
    : [name];
  const splits: ReturnType<typeof judgeVariant>[][] = [];
  for (let seed = 0; seed < repeats; seed += 1) {
    const options = { ...pipeline, foldSeed: seed };
    if (stack) {
      const { base, stacked } = crossValidateStacked(training, options);
      splits.push([judgeRows(corpus, base), judgeRows(corpus, stacked)]);
    } else splits.push([judgeRows(corpus, await crossValidateWith(training, options, runner))]);
    // Each split as it ends (on stderr): a long run leaves figures behind even if cut short.
    if (repeats > 1)
      splits.at(-1)!.forEach((r, k) =>
        console.error(
          `${names[k]} seed ${seed}: ${Object.entries(r.byLanguage)
            .map(
              ([l, x]) =>
                `${l} ${formatRate(x.pages.recall)} FP ${formatRate(x.pages.falsePositiveRate)}`,
            )
            .join(
              '; ',
            )}; ${foldWarnings(r.rows, training)} (${((performance.now() - started) / 1000).toFixed(0)} s)`,
        ),
      );
  }
  const seconds = (performance.now() - started) / 1000;
  return names.map((n, k) => ({
    name: n,
    seconds,
    byLanguage: splits[0]![k]!.byLanguage,
    judged: splits[0]![k]!.judged,
    ...(repeats > 1
      ? { repeated: summariseRepeats(splits.map((s) => pagesByLanguage(s[k]!.byLanguage))) }
      : {}),
  }));
}

/**
 * The warning thresholds each outer fold's model was given (chosen on its training folds), per
 * script: `ja warning 0.8905 0.8623 …` in fold order, with their range.
 */
export function foldWarnings(
  rows: readonly CrossValidatedRow[],
  training: readonly Pick<TrainingPage, 'script'>[],
): string {
  return (['ja', 'en'] as const)
    .map((script) => {
      const byFold = new Map<number, number>();
      rows.forEach((r, i) => {
        if (training[i]!.script === script) byFold.set(r.fold, r.thresholds.warning);
      });
      const w = [...byFold].sort((a, b) => a[0] - b[0]).map(([, t]) => t);
      if (w.length === 0) return `${script} warning –`;
      const range = Math.max(...w) - Math.min(...w);
      return `${script} warning ${w.map((t) => t.toFixed(4)).join(' ')} (range ${range.toFixed(4)})`;
    })
    .join('; ');
}

/**
 * A configuration's figures: every page judged by the nested, grouped cross-validation (the model
 * of the fold that held its site out, with thresholds from that fold's training pages), per
 * language, per page and per site. `corpus[i]` is the page of `training[i]`.
 */
export function judgeVariant(
  corpus: readonly Pick<CorpusPage, 'class' | 'lang' | 'url' | 'sample'>[],
  training: readonly TrainingPage[],
  options: PipelineOptions,
): { rows: CrossValidatedRow[]; byLanguage: VariantResult['byLanguage']; judged: JudgedRow[] } {
  return judgeRows(corpus, crossValidate(training, options));
}

/** Cross-validated rows (`rows[i]` of `corpus[i]`) as figures per language. */
export function judgeRows(
  corpus: readonly Pick<CorpusPage, 'class' | 'lang' | 'url' | 'sample'>[],
  rows: CrossValidatedRow[],
): { rows: CrossValidatedRow[]; byLanguage: VariantResult['byLanguage']; judged: JudgedRow[] } {
  const judged: JudgedRow[] = corpus.map((page, i) => ({
    site: siteOf(page),
    lang: page.lang,
    positive: POSITIVE.includes(page.class),
    warned: levelRank(rows[i]!.level) >= levelRank('warning'),
  }));
  const byLanguage: VariantResult['byLanguage'] = {};
  for (const lang of [...new Set(judged.map((r) => r.lang))].sort()) {
    const list = judged.filter((r) => r.lang === lang);
    byLanguage[lang] = { pages: pageRates(list), sites: siteRates(list) };
  }
  return { rows, byLanguage, judged };
}

/**
 * A runner that fits each task once per set of pages: a task asked for again (another variant
 * whose fits are the same: `shipped+hd` differs from `shipped` only in how thresholds are read
 * from the same out-of-fold scores) gets the first result. The key leaves out the threshold
 * estimator and the L2 strengths to choose from, which no fit reads (`shipped+l2-fixed-1`'s inner
 * fits are `shipped`'s at 1); a task's thresholds stay in it (the final fit's file has them), and
 * so do its fit options and blendLambdas (a blend is not the fit at its first strength).
 */
export function reusingFits(runner: FitRunner): FitRunner {
  const done = new WeakMap<readonly TrainingPage[], Map<string, FitResult>>();
  return async (pages, tasks) => {
    let known = done.get(pages);
    if (!known) done.set(pages, (known = new Map()));
    const keys = tasks.map((task) => {
      const { thresholdEstimator: _unread, lambdas: _choice, ...options } = task.options;
      return createHash('sha256')
        .update(JSON.stringify({ ...task, options }))
        .digest('hex');
    });
    const missing = [...new Set(keys.filter((k) => !known.has(k)))];
    const first = missing.map((k) => tasks[keys.indexOf(k)]!);
    const results = first.length > 0 ? await runner(pages, first) : [];
    missing.forEach((k, i) => known.set(k, results[i]!));
    return keys.map((k) => known.get(k)!);
  };
}

interface Prepared {
  corpus: CorpusPage[];
  training: TrainingPage[];
}

async function prepare(dir: string, features: FeatureOptions): Promise<Prepared> {
  const corpus = scoredPages(await loadCorpus(dir));
  return { corpus, training: trainingPages(corpus, features) };
}

async function main(argv: string[]): Promise<number> {
  const dir = flagValue(argv, '--corpus') ?? CORPUS_DIR;
  const repeats = repeatsArg(argv);
  const names = positional(argv, ['--corpus', '--repeats']);
  const chosen = names.length > 0 ? names : Object.keys(VARIANTS);
  const cache = new Map<string, Prepared>();
  let first: VariantResult | undefined;
  // Every plain variant's fits on a pool of KG_TRAIN_WORKERS workers (tools/lib/fit-pool.ts).
  const pool = fitPool();
  // Fits another variant already made are not made again (the same folds, the same options).
  const run = reusingFits(pool.run);
  const results = async function* () {
    for (const name of chosen) yield* await runVariant(name, dir, cache, repeats, run);
  };
  try {
    for await (const r of results()) {
      const cell = (lang: string, unit: 'pages' | 'sites') => {
        const x = r.byLanguage[lang]?.[unit];
        return x ? `${formatRate(x.recall)} | ${formatRate(x.falsePositiveRate)}` : '– | –';
      };
      console.log(
        `| ${r.name} | pages | ${cell('ja', 'pages')} | ${cell('en', 'pages')} |\n| ${r.name} | sites | ${cell('ja', 'sites')} | ${cell('en', 'sites')} |  (${r.seconds.toFixed(0)} s)`,
      );
      for (const [lang, x] of Object.entries(r.repeated ?? {}))
        console.log(
          `  ${lang} over ${repeats} splits: recall ${formatSpread(x.recall)}; false positives ${formatSpread(x.falsePositiveRate)}`,
        );
      // Against the first variant named: how many pages changed verdict (the noise of the measure).
      if (first)
        for (const [lang, d] of Object.entries(discordant(first.judged, r.judged)).sort())
          console.log(
            `  ${lang} against ${first.name}: recall +${d.gained} −${d.lost}, false alarms +${d.newAlarms} −${d.goneAlarms}`,
          );
      else first = r;
    }
  } finally {
    await pool.close();
  }
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`)
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
