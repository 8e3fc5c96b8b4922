// `npm run eval -- <corpus-dir> [--json] [--verbose] [--rules]`: scores a labelled corpus (.txt or
// .html pages) with the shipped detector model and prints, per class and language, how many pages
// reached level ≥ warning, the recall on rogue+affiliate and the false-positive rate on
// licensed+clinic+info+other. `--rules` scores with the old hand-weighted rules instead.
// `--breakdown` adds the misses by class × language × page kind and the spread of the scores.
// `npm run eval -- --cv [corpus-dir] [--json] [--verbose]`: nested k-fold cross-validation grouped
// by registrable domain (default data/corpus): each fold is judged by a model, with thresholds,
// that never saw a page of its sites. Per language, per page and per site, with Wilson 95%
// intervals. `--repeats N` repeats it on N splits (fold seeds 0 … N-1; the report is seed 0's)
// and adds, per language, the mean and range over them and the pooled counts (tools/lib/repeats.ts).
// `--variant <name>` (with a corpus dir) scores with a model trained in memory on data/corpus
// with a configuration of `npm run cv:variants` (`shipped`, `shipped+miss`) instead of the
// shipped file: how a variant does on pages nobody tuned it on (data/holdout).
// `--train-fraction F` (with --cv, 0 < F ≤ 1): a learning curve's point — each fold's model learns
// from that fraction of its training sites (the same sites in every fold of a split, drawn anew
// for each split; a smaller fraction's sites are among a larger one's) and is judged on the whole
// fold.
// Only the page text and the URL's host are used: list hits are left out so the figures measure
// the detector alone. Each row also says whether the content script's pre-check would have sent
// the page at all (`gated`: it names no medicine word the pre-check knows, so in the browser it is
// never scored); the `browser` line counts a gated page as not warned.
import { readFileSync } from 'node:fs';
import { loadCorpus, POSITIVE, NEGATIVE, type CorpusPage } from './lib/corpus';
import {
  CORPUS_DIR,
  MODEL_FILE,
  SHIPPED_PIPELINE,
  scoredPages,
  siteOf,
  trainingPages,
} from './lib/training-set';
import { formatBreakdown, type BreakdownRow } from './lib/breakdown';
import { formatRate, pageRates, siteRates, type JudgedRow, type Rates } from './lib/metrics';
import { scorePage } from '../utils/detector/score';
import { levelRank } from '../utils/verdicts/model';
import { loadModel, type LoadedModel } from '../utils/detector/model';
import { scoreWithModel, scoreFor } from '../utils/detector/model-score';
import { warnedAfterSite } from './lib/site-browsing';
import { buildModel, crossValidateWith, PIPELINE_DEFAULTS } from '../utils/detector/pipeline';
import { withFitPool } from './lib/fit-pool';
import { parseVariant } from './cv-variants';
import { formatSpread, pagesByLanguage, repeatsArg, summariseRepeats } from './lib/repeats';
import { flagValue, positional } from './lib/args';
import { formatRanking, formatRankingSpread, ranking, type Ranking } from './lib/ranking';
import { sampleMentionsMedicines } from '../utils/content/medicine-gate';
import type { PageSample } from '../utils/detector/evidence';

export interface EvalRow {
  slug: string;
  class: string;
  lang: string;
  score: number;
  level: string;
  warned: boolean;
  signals: string[];
  probability?: number;
  fold?: number;
  /** Shown at warning or above after the site's other pages were seen (model mode only). */
  warnedWithSite?: boolean;
  /** The content script's pre-check finds no medicine word: the browser never scores the page. */
  gated: boolean;
}

export interface EvalReport {
  corpus: string;
  mode: 'model' | 'rules' | 'cv';
  /** The cv:variants configuration of a model trained in memory (`--variant`), if any. */
  variant?: string;
  /** With --cv: the fraction of each fold's training sites its model learned from (1: all). */
  trainFraction?: number;
  /**
   * With --cv, per language: how the out-of-fold probabilities rank the pages, whatever the
   * thresholds (tools/lib/ranking.ts).
   */
  ranking?: Record<string, Ranking>;
  /** The address of every page, for the breakdown by page kind. */
  urls: Record<string, string>;
  pages: number;
  scored: number;
  recall: number;
  falsePositiveRate: number;
  positives: { total: number; warned: number };
  negatives: { total: number; warned: number };
  byClass: Record<string, Record<string, { total: number; warned: number }>>;
  /** Per language (and "all"): page and site rates with intervals. */
  byLanguage: Record<string, { pages: Rates; sites: Rates; browser: Rates; withSite?: Rates }>;
  rows: EvalRow[];
}

export function shippedModel(): LoadedModel {
  return loadModel(JSON.parse(readFileSync(MODEL_FILE, 'utf8')));
}

/** A model trained on data/corpus, in memory, with a cv:variants configuration. */
export async function variantModel(name: string, corpusDir = CORPUS_DIR): Promise<LoadedModel> {
  const { pipeline, features } = parseVariant(name);
  const pages = trainingPages(await loadCorpus(corpusDir), features);
  return loadModel(buildModel(pages, { variant: name }, pipeline).file);
}

/** What the content script checks before it sends a sample (utils/content/page-guard.ts). */
export function gatedOut(sample: PageSample): boolean {
  return !sampleMentionsMedicines(sample.host, sample);
}

function warnedAt(level: string): boolean {
  return levelRank(level as 'none') >= levelRank('warning');
}

function report(
  dir: string,
  mode: EvalReport['mode'],
  pages: readonly CorpusPage[],
  rows: EvalRow[],
): EvalReport {
  const byClass: EvalReport['byClass'] = {};
  for (const row of rows) {
    const cls = (byClass[row.class] ??= {});
    const cell = (cls[row.lang] ??= { total: 0, warned: 0 });
    cell.total += 1;
    if (row.warned) cell.warned += 1;
  }
  const count = (classes: readonly string[]) => {
    const selected = rows.filter((r) => classes.includes(r.class));
    return { total: selected.length, warned: selected.filter((r) => r.warned).length };
  };
  const positives = count(POSITIVE);
  const negatives = count(NEGATIVE);
  const siteBySlug = new Map(pages.map((p) => [p.slug, siteOf(p)]));
  const judged: (JudgedRow & { slug: string; gated: boolean; warnedWithSite?: boolean })[] = rows
    .filter((r) => POSITIVE.includes(r.class as 'rogue') || NEGATIVE.includes(r.class as 'info'))
    .map((r) => ({
      slug: r.slug,
      site: siteBySlug.get(r.slug) ?? r.slug,
      lang: r.lang,
      positive: POSITIVE.includes(r.class as 'rogue'),
      warned: r.warned,
      gated: r.gated,
      warnedWithSite: r.warnedWithSite,
    }));
  const rates = (list: typeof judged): EvalReport['byLanguage'][string] => {
    const out: EvalReport['byLanguage'][string] = {
      pages: pageRates(list),
      sites: siteRates(list),
      browser: pageRates(list.map((r) => ({ ...r, warned: r.warned && !r.gated }))),
    };
    if (list.every((r) => r.warnedWithSite !== undefined))
      out.withSite = pageRates(list.map((r) => ({ ...r, warned: r.warnedWithSite === true })));
    return out;
  };
  const byLanguage: EvalReport['byLanguage'] = {};
  for (const lang of [...new Set(judged.map((r) => r.lang))].sort())
    byLanguage[lang] = rates(judged.filter((r) => r.lang === lang));
  byLanguage.all = rates(judged);
  return {
    corpus: dir,
    mode,
    urls: Object.fromEntries(pages.map((p) => [p.slug, p.url])),
    pages: rows.length,
    scored: positives.total + negatives.total,
    recall: positives.total === 0 ? 0 : positives.warned / positives.total,
    falsePositiveRate: negatives.total === 0 ? 0 : negatives.warned / negatives.total,
    positives,
    negatives,
    byClass,
    byLanguage,
    rows,
  };
}

export async function evaluate(
  dir: string,
  mode: 'model' | 'rules' = 'model',
  trained?: LoadedModel,
): Promise<EvalReport> {
  const pages = await loadCorpus(dir);
  const model = mode === 'model' ? (trained ?? shippedModel()) : null;
  const modelScores = model ? pages.map((page) => scoreWithModel(model, page.sample)) : null;
  const results = modelScores ?? pages.map((page) => scorePage(page.sample));
  const gated = pages.map((page) => gatedOut(page.sample));
  // Whole-site verdicts are the model's (the extension's scorer); the hand-weighted rules have none.
  // A gated page sends no sample: it leaves no evidence, but its site's evidence still reaches it.
  const withSite = modelScores
    ? warnedAfterSite(
        pages.map((page, i) => ({
          site: siteOf(page),
          url: page.url,
          detected: gated[i] ? null : modelScores[i]!,
        })),
      )
    : null;
  const rows: EvalRow[] = pages.map((page, i) => {
    const result = results[i]!;
    const row: EvalRow = {
      slug: page.slug,
      class: page.class,
      lang: page.lang,
      score: result.score,
      level: result.level,
      warned: warnedAt(result.level),
      signals: result.signals.map((s) => `${s.code}${s.weight >= 0 ? '+' : ''}${s.weight}`),
      gated: gated[i]!,
    };
    if ('probability' in result) row.probability = Number(result.probability.toFixed(4));
    if (withSite) row.warnedWithSite = withSite[i];
    return row;
  });
  return report(dir, mode, pages, rows);
}

/** `--cv`: every fit on a pool of KG_TRAIN_WORKERS workers (tools/lib/fit-pool.ts). */
export async function evaluateCv(
  dir: string,
  folds = PIPELINE_DEFAULTS.folds,
  foldSeed = 0,
  trainFraction = 1,
): Promise<EvalReport> {
  const pages = scoredPages(await loadCorpus(dir));
  const cv = await withFitPool(async (pool) =>
    crossValidateWith(
      trainingPages(pages, SHIPPED_PIPELINE.features),
      {
        ...SHIPPED_PIPELINE,
        folds,
        foldSeed,
        trainFraction,
      },
      pool.run,
    ),
  );
  const rows: EvalRow[] = pages.map((page, i) => {
    const r = cv[i]!;
    return {
      slug: page.slug,
      class: page.class,
      lang: page.lang,
      score: scoreFor(r.probability, r.thresholds),
      level: r.level,
      warned: warnedAt(r.level),
      signals: [],
      probability: Number(r.probability.toFixed(4)),
      fold: r.fold,
      gated: gatedOut(page.sample),
    };
  });
  // Ranked on the unrounded probabilities: the rows' four decimals make ties the ranking would
  // count against the detector.
  const unrounded = rows.map((row, i) => ({ ...row, probability: cv[i]!.probability }));
  return {
    ...report(dir, 'cv', pages, rows),
    trainFraction,
    ranking: rankingByLanguage(unrounded),
  };
}

/** Each language's ranking of its pages to warn on against its pages to leave alone. */
export function rankingByLanguage(rows: readonly EvalRow[]): Record<string, Ranking> {
  const out: Record<string, Ranking> = {};
  for (const lang of [...new Set(rows.map((r) => r.lang))].sort()) {
    const scored = rows.filter((r) => r.lang === lang && r.probability !== undefined);
    const of = (classes: readonly string[]) =>
      scored.filter((r) => classes.includes(r.class)).map((r) => r.probability!);
    out[lang] = ranking(of(POSITIVE), of(NEGATIVE));
  }
  return out;
}

export function breakdownRows(r: EvalReport): BreakdownRow[] {
  return r.rows
    .filter(
      (row) => POSITIVE.includes(row.class as 'rogue') || NEGATIVE.includes(row.class as 'info'),
    )
    .map((row) => ({
      slug: row.slug,
      url: r.urls[row.slug] ?? '',
      class: row.class,
      lang: row.lang,
      positive: POSITIVE.includes(row.class as 'rogue'),
      warned: row.warned,
      value: row.probability ?? row.score / 100,
    }));
}

function print(r: EvalReport, verbose: boolean, breakdown: boolean): void {
  const what =
    r.mode === 'cv'
      ? `grouped cross-validation (each page judged by a model that never saw its site${
          r.trainFraction !== undefined && r.trainFraction < 1
            ? `, learned from ${r.trainFraction} of its fold's training sites`
            : ''
        })`
      : r.mode === 'rules'
        ? 'hand-weighted rules'
        : r.variant
          ? `model trained on ${CORPUS_DIR} as variant ${r.variant}`
          : 'shipped model';
  console.log(
    `Corpus ${r.corpus}: ${r.pages} pages, ${r.scored} scored (unsure left out); ${what}\n`,
  );
  console.log('class      lang  pages  warned (level ≥ warning)');
  for (const [cls, langs] of Object.entries(r.byClass))
    for (const [lang, cell] of Object.entries(langs))
      console.log(
        `${cls.padEnd(10)} ${lang.padEnd(5)} ${String(cell.total).padStart(5)}  ${String(cell.warned).padStart(6)}`,
      );
  console.log(
    '\nlang  unit   recall (rogue+affiliate)          false positives (licensed+clinic+info+other)',
  );
  for (const [lang, rates] of Object.entries(r.byLanguage))
    for (const unit of ['pages', 'sites', 'browser', 'withSite'] as const) {
      const rate = rates[unit];
      if (rate)
        console.log(
          `${lang.padEnd(5)} ${unit.padEnd(8)} ${formatRate(rate.recall).padEnd(33)} ${formatRate(rate.falsePositiveRate)}`,
        );
    }
  console.log(
    "(browser: pages, a page the content script's pre-check stops (no medicine word it knows) counted as not warned)",
  );
  if (Object.values(r.byLanguage).some((x) => x.withSite))
    console.log(
      "(withSite: pages, each judged after its site's other pages, with the extension's whole-site verdicts)",
    );
  if (r.ranking) {
    console.log('\nRanking by the out-of-fold probabilities, whatever the thresholds:');
    for (const [lang, x] of Object.entries(r.ranking))
      console.log(`${lang.padEnd(5)} ${formatRanking(x)}`);
  }
  if (breakdown) console.log(`\n${formatBreakdown(breakdownRows(r))}`);
  if (verbose) {
    console.log('');
    for (const row of r.rows)
      console.log(
        `${row.warned ? 'W' : ' '} ${row.class.padEnd(9)} ${String(row.score).padStart(3)} ${row.level.padEnd(7)} ${row.probability?.toFixed(3) ?? ''} ${row.slug}  ${row.signals.join(' ')}`,
      );
  }
}

/** `--train-fraction F`: a number in (0, 1], else an error (default 1, every training site). */
export function trainFractionArg(argv: readonly string[]): number {
  const raw = flagValue(argv, '--train-fraction');
  if (raw === undefined) return 1;
  const fraction = Number(raw);
  if (!(fraction > 0 && fraction <= 1))
    throw new Error(`--train-fraction must be a number above 0 and at most 1, not ${raw}`);
  return fraction;
}

async function main(argv: string[]): Promise<number> {
  const args = positional(argv, ['--repeats', '--variant', '--train-fraction']);
  const json = argv.includes('--json');
  const verbose = argv.includes('--verbose');
  const cv = argv.includes('--cv');
  const variant = flagValue(argv, '--variant');
  const dir = args[0] ?? (cv ? CORPUS_DIR : undefined);
  if (!dir) {
    console.error(
      'usage: npm run eval -- <corpus-dir> [--json] [--verbose] [--breakdown] [--rules | --variant <name>]',
    );
    console.error(
      '       npm run eval -- --cv [corpus-dir] [--json] [--verbose] [--breakdown] [--repeats N] [--train-fraction F]',
    );
    return 2;
  }
  let result: EvalReport;
  const repeated: EvalReport[] = [];
  try {
    const repeats = repeatsArg(argv);
    const fraction = trainFractionArg(argv);
    if (!cv && argv.includes('--train-fraction'))
      throw new Error('--train-fraction draws a learning curve of --cv only');
    result = cv
      ? await evaluateCv(dir, undefined, 0, fraction)
      : await evaluate(
          dir,
          argv.includes('--rules') ? 'rules' : 'model',
          variant ? await variantModel(variant) : undefined,
        );
    if (cv)
      for (let seed = 1; seed < repeats; seed += 1)
        repeated.push(await evaluateCv(dir, undefined, seed, fraction));
  } catch (error) {
    console.error(
      `Cannot evaluate the corpus at ${dir}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 1;
  }
  if (variant) result.variant = variant;
  if (json) console.log(JSON.stringify(result, null, 2));
  else print(result, verbose, argv.includes('--breakdown'));
  if (repeated.length > 0) {
    const summary = summariseRepeats(
      [result, ...repeated].map((r) => pagesByLanguage(r.byLanguage)),
    );
    const out = json ? console.error : console.log;
    const fraction = result.trainFraction ?? 1;
    const learning =
      fraction < 1 ? `, each fold learning from ${fraction} of its training sites` : '';
    out(
      `\nOver ${repeated.length + 1} splits (fold seeds 0–${repeated.length})${learning}, pages:`,
    );
    for (const [lang, x] of Object.entries(summary))
      out(
        `${lang.padEnd(5)} recall ${formatSpread(x.recall)}\n      false positives ${formatSpread(x.falsePositiveRate)}`,
      );
    const rankings = [result, ...repeated].map((r) => r.ranking ?? {});
    for (const lang of Object.keys(rankings[0]!))
      out(`${lang.padEnd(5)} ranking: ${formatRankingSpread(rankings.map((r) => r[lang]!))}`);
  }
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`)
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
