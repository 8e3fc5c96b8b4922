// `npm run eval -- <corpus-dir> [--json] [--verbose]`: scores a labelled corpus with the page
// detector and prints, per class and language, how many pages reached level ≥ warning, the recall
// on rogue+affiliate and the false-positive rate on licensed+clinic+info+other.
// Only the page text and the URL's host are used: list hits are left out so the figures measure
// the heuristics alone.
import { readCorpus, POSITIVE, NEGATIVE, type CorpusPage } from './lib/corpus';
import { scorePage } from '../utils/detector/score';
import { levelRank } from '../utils/verdicts/model';

export interface EvalRow {
  slug: string;
  class: string;
  lang: string;
  score: number;
  level: string;
  warned: boolean;
  signals: string[];
}

export interface EvalReport {
  corpus: string;
  pages: number;
  scored: number;
  recall: number;
  falsePositiveRate: number;
  positives: { total: number; warned: number };
  negatives: { total: number; warned: number };
  byClass: Record<string, Record<string, { total: number; warned: number }>>;
  rows: EvalRow[];
}

export function evaluate(dir: string): EvalReport {
  const pages: CorpusPage[] = readCorpus(dir);
  const rows: EvalRow[] = pages.map((page) => {
    const result = scorePage(page.sample);
    return {
      slug: page.slug,
      class: page.class,
      lang: page.lang,
      score: result.score,
      level: result.level,
      warned: levelRank(result.level) >= levelRank('warning'),
      signals: result.signals.map((s) => `${s.code}${s.weight >= 0 ? '+' : ''}${s.weight}`),
    };
  });
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
  return {
    corpus: dir,
    pages: rows.length,
    scored: positives.total + negatives.total,
    recall: positives.total === 0 ? 0 : positives.warned / positives.total,
    falsePositiveRate: negatives.total === 0 ? 0 : negatives.warned / negatives.total,
    positives,
    negatives,
    byClass,
    rows,
  };
}

function main(argv: string[]): number {
  const args = argv.filter((a) => !a.startsWith('--'));
  const json = argv.includes('--json');
  const verbose = argv.includes('--verbose');
  const dir = args[0];
  if (!dir) {
    console.error('usage: npm run eval -- <corpus-dir> [--json] [--verbose]');
    return 2;
  }
  let report: EvalReport;
  try {
    report = evaluate(dir);
  } catch (error) {
    console.error(
      `Cannot read the corpus at ${dir}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 1;
  }
  if (json) {
    console.log(JSON.stringify(report, null, 2));
    return 0;
  }
  console.log(`Corpus ${dir}: ${report.pages} pages, ${report.scored} scored (unsure left out)\n`);
  console.log('class      lang  pages  warned (level ≥ warning)');
  for (const [cls, langs] of Object.entries(report.byClass)) {
    for (const [lang, cell] of Object.entries(langs)) {
      console.log(
        `${cls.padEnd(10)} ${lang.padEnd(5)} ${String(cell.total).padStart(5)}  ${String(cell.warned).padStart(6)}`,
      );
    }
  }
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(
    `\nrecall (rogue+affiliate warned): ${report.positives.warned}/${report.positives.total} = ${pct(report.recall)}`,
  );
  console.log(
    `false-positive rate (licensed+clinic+info+other warned): ${report.negatives.warned}/${report.negatives.total} = ${pct(report.falsePositiveRate)}`,
  );
  if (verbose) {
    console.log('');
    for (const row of report.rows) {
      console.log(
        `${row.warned ? 'W' : ' '} ${row.class.padEnd(9)} ${String(row.score).padStart(3)} ${row.level.padEnd(7)} ${row.slug}  ${row.signals.join(' ')}`,
      );
    }
  }
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));
