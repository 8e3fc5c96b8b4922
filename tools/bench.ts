// `npm run bench [-- --json] [-- --quick] [-- --no-chromium] [-- --detector-only] [-- --only-wake]
// [-- --only-lookups] [-- --only-build] [-- --only-reports]`:
// Kusuri Guard against its budgets on this machine and prints a table (or, with --json, an array of
// { name, value, unit, budget, pass }). The data is generated from fixed seeds. --quick runs a
// short smoke version with small lists (used by the tests); --no-chromium skips the rows that need
// the browser; --detector-only runs only the detector's rows (content script size, model size
// and load, scoring time: a minute instead of a quarter of an hour); --only-wake runs the
// worker's rows alone (its scripts, the wake); --only-lookups the host lookup rows of the three
// list shapes (about a minute and a half); --only-build the ordinary list's build in Node and its
// build and store in Chromium (a few minutes, no wakes); --only-reports the report save row (in a
// process of its own, as in the full run: under a minute). The full run takes a few minutes (it builds and
// stores a million-domain list in Node and in Chromium).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import type { BenchRow } from './bench/common';
import { contentScriptSize, modelRows, scoringTimes, CONTENT_SCRIPT } from './bench/detector';
import { contentScriptTasks } from './bench/chromium';
import { ordinaryPageRows } from './bench/ordinary';
import { workerScriptRows } from './bench/worker-weight';
import { importYieldRows } from './bench/import-yield';
import { falseHitRows, lookupRows, FALSE_HIT_HOSTS } from './bench/scale';
import { buildRows, memoryRows } from './bench/scale-build';
import { transferRows } from './bench/scale-transfer';
import { scaleChromiumRows } from './bench/scale-chromium';
import { reportStoreRows } from './bench/reports';

export interface BenchOptions {
  quick: boolean;
  chromium: boolean;
  /** Only the detector's rows. */
  detectorOnly?: boolean;
  /** Only the worker's rows: its scripts' sizes and the wake in Chromium (`--only-wake`). */
  onlyWake?: boolean;
  /** Only the host lookup rows, ordinary list and hostile shapes (`--only-lookups`). */
  onlyLookups?: boolean;
  /** Only the build rows: in Node, then stored in Chromium against a cold Node build (`--only-build`). */
  onlyBuild?: boolean;
  /** Only the report save row, 1,000 stored against 1 (`--only-reports`). */
  onlyReports?: boolean;
}

/** The worker's start-up rows alone: both scripts' sizes, then 30 wakes against a blank worker. */
async function wakeRows(options: BenchOptions): Promise<BenchRow[]> {
  const rows = workerScriptRows(options.quick ? 3 : 15);
  rows.push(
    ...(await scaleChromiumRows(options.quick ? 20_000 : 1_000_000, options.quick ? 3 : 30, [])),
  );
  return rows;
}

export async function runBench(options: BenchOptions): Promise<BenchRow[]> {
  if (!existsSync(CONTENT_SCRIPT)) {
    const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
    if (build.status !== 0) throw new Error('wxt build failed');
  }
  if (options.onlyWake) return wakeRows(options);
  const rows: BenchRow[] = [];
  if (options.onlyBuild) {
    rows.push(...buildRows(options.quick ? 20_000 : 1_000_000).rows);
    if (options.chromium)
      rows.push(...(await scaleChromiumRows(options.quick ? 20_000 : 1_000_000, 0, [])));
    return rows;
  }
  if (options.onlyReports)
    return reportStoreRows(options.quick ? 100 : 1000, options.quick ? 5 : 30);
  if (options.onlyLookups) {
    for (const shape of ['synthetic', 'long-suffix', 'single-label'] as const)
      rows.push(...lookupRows(options.quick ? 20_000 : 1_000_000, shape).rows);
    return rows;
  }
  if (options.detectorOnly) return [...contentScriptSize(), ...(await detectorRows(options))];
  // The scale rows use a million domains; the smoke run (--quick) a small list, to check they run.
  const domains = options.quick ? 20_000 : 1_000_000;
  const lookups = lookupRows(domains);
  rows.push(...lookups.rows);
  rows.push(...(await falseHitRows(lookups, domains, options.quick ? 60_000 : FALSE_HIT_HOSTS)));
  rows.push(...memoryRows(domains));
  const build = buildRows(domains);
  rows.push(...build.rows);
  // Bad input: a million hosts under one long suffix, a million single labels under a TLD.
  for (const shape of ['long-suffix', 'single-label'] as const) {
    rows.push(...lookupRows(domains, shape).rows);
    rows.push(...memoryRows(domains, shape));
    rows.push(...buildRows(domains, shape, build.cpuMs).rows);
  }
  rows.push(...(await transferRows(domains, options.quick ? 1000 : 10_000)));
  rows.push(...(await importYieldRows(options.quick ? 100_000 : 1_000_000)));
  if (options.chromium) {
    rows.push(
      ...(await scaleChromiumRows(
        domains,
        options.quick ? 3 : 30,
        options.quick ? [1000, 10_000] : [10_000, 100_000, 1_000_000],
      )),
    );
  }
  rows.push(...reportStoreRows(options.quick ? 100 : 1000, options.quick ? 5 : 30));
  rows.push(...contentScriptSize());
  rows.push(...workerScriptRows(options.quick ? 3 : 15));
  rows.push(...(await detectorRows(options)));
  if (options.chromium)
    rows.push(...(await contentScriptTasks(options.quick ? 200 * 1024 : 2 * 1024 * 1024)));
  if (options.chromium) rows.push(...(await ordinaryPageRows(options.quick ? 2 : 7)));
  return rows;
}

/** The model's size and load time, and the scoring times. */
async function detectorRows(options: BenchOptions): Promise<BenchRow[]> {
  return [...modelRows(options.quick ? 5 : 30), ...(await scoringTimes(options.quick ? 20 : 200))];
}

export function formatTable(rows: BenchRow[]): string {
  const header = ['what', 'value', 'budget', 'ok', 'notes'];
  const lines = rows.map((r) => [
    r.name,
    `${r.value} ${r.unit}`,
    `${r.budget} ${r.budget === '—' ? '' : r.unit}`.trim(),
    r.pass ? 'pass' : 'FAIL',
    r.note ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    fmt(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...lines.map(fmt),
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const rows = await runBench({
    quick: argv.includes('--quick'),
    chromium: !argv.includes('--no-chromium'),
    detectorOnly: argv.includes('--detector-only'),
    onlyWake: argv.includes('--only-wake'),
    onlyLookups: argv.includes('--only-lookups'),
    onlyBuild: argv.includes('--only-build'),
    onlyReports: argv.includes('--only-reports'),
  });
  if (argv.includes('--json')) console.log(JSON.stringify(rows, null, 2));
  else {
    console.log(formatTable(rows));
    const failed = rows.filter((r) => !r.pass).length;
    console.log(failed === 0 ? '\nAll rows within budget.' : `\n${failed} row(s) over budget.`);
  }
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`)
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
