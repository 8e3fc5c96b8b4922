// `npm run cv:variants -- [name …] [--corpus dir]`: the nested, grouped cross-validation
// of `npm run eval -- --cv` for several training configurations on one set of extracted
// features, so that variants are compared on the same folds. Each variant changes how the model
// is fitted, its thresholds chosen (all on the training folds) or, for the `latin*` variants, one
// optional feature (the Latin-script grams, extracted once beside the others); the figures are per
// language, per page and per site, with Wilson 95% intervals.
import { loadCorpus, POSITIVE, type CorpusPage } from './lib/corpus';
import { CORPUS_DIR, scoredPages, siteOf, trainingPages } from './lib/training-set';
import { formatRate, pageRates, siteRates, type JudgedRow, type Rates } from './lib/metrics';
import {
  crossValidate,
  PIPELINE_DEFAULTS,
  type PipelineOptions,
  type TrainingPage,
} from '../utils/detector/pipeline';
import { FEATURE_DEFAULTS, type FeatureOptions } from '../utils/detector/features';
import { levelRank } from '../utils/verdicts/model';

export type Variant = Partial<PipelineOptions> & { features?: FeatureOptions };

/** Run C: main before session 7 (no Latin-script grams, warning target 2%). */
const C: Variant = { fprWarning: 0.02, features: { latinGrams: false } };
const LATIN: FeatureOptions = { latinGrams: true };
const INNER_L2 = [1, 0.3, 3];

/**
 * Run C and its variants, each alone, then combinations (README "Measured detection", session 7);
 * `shipped` is the configuration `npm run train` uses.
 */
export const VARIANTS: Record<string, Variant> = {
  shipped: {},
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
};

export interface VariantResult {
  name: string;
  seconds: number;
  byLanguage: Record<string, { pages: Rates; sites: Rates }>;
}

export async function runVariant(
  name: string,
  dir = CORPUS_DIR,
  cache = new Map<string, Prepared>(),
): Promise<VariantResult> {
  const variant = VARIANTS[name];
  if (!variant) throw new Error(`unknown variant ${name}`);
  const { features = FEATURE_DEFAULTS, ...rest } = variant;
  const key = JSON.stringify(features);
  if (!cache.has(key)) cache.set(key, await prepare(dir, features));
  const { corpus, training } = cache.get(key)!;
  const options: PipelineOptions = {
    ...PIPELINE_DEFAULTS,
    ...rest,
    fit: { ...PIPELINE_DEFAULTS.fit, ...rest.fit },
  };
  const started = performance.now();
  const rows = crossValidate(training, options);
  const seconds = (performance.now() - started) / 1000;
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
  return { name, seconds, byLanguage };
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
  const at = argv.indexOf('--corpus');
  const dir = at >= 0 ? argv[at + 1]! : CORPUS_DIR;
  const names = argv.filter((a, i) => !a.startsWith('--') && (at < 0 || i !== at + 1));
  const chosen = names.length > 0 ? names : Object.keys(VARIANTS);
  const cache = new Map<string, Prepared>();
  for (const name of chosen) {
    const r = await runVariant(name, dir, cache);
    const cell = (lang: string, unit: 'pages' | 'sites') => {
      const x = r.byLanguage[lang]?.[unit];
      return x ? `${formatRate(x.recall)} | ${formatRate(x.falsePositiveRate)}` : '– | –';
    };
    console.log(
      `| ${r.name} | pages | ${cell('ja', 'pages')} | ${cell('en', 'pages')} |\n| ${r.name} | sites | ${cell('ja', 'sites')} | ${cell('en', 'sites')} |  (${r.seconds.toFixed(0)} s)`,
    );
  }
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`)
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
