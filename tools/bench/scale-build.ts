// The domain index's memory (in a process of its own, with --expose-gc) and the time to build it
// (against splitting the list text into lines and sorting them), for the ordinary list and the
// two hostile shapes. The measurements themselves run in child.ts.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { row, type BenchRow } from './common';
import { countLabel as label, SHAPE_NAMES, type DomainShape } from './domains';

export const MEMORY_BUDGET_BYTES = 4.5;
/** Importing and indexing against splitting the same text into lines and sorting them. */
export const BUILD_BUDGET = 2;

export function child(what: string, count: number, shape: DomainShape): Record<string, number> {
  const script = fileURLToPath(new URL('./child.ts', import.meta.url));
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', script, what, String(count), shape],
    { encoding: 'utf8', maxBuffer: 1024 * 1024 },
  );
  if (run.status !== 0) throw new Error(`bench child ${what} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Record<string, number>;
}

export function memoryRows(count: number, shape: DomainShape = 'synthetic'): BenchRow[] {
  const index = child('memory-index', count, shape);
  const ours = index.bytes! / index.size!;
  const copies = index.copies! > 1 ? `, per copy of ${index.copies} held at once` : '';
  let note = `the arrays alone ${(index.own! / index.size!).toFixed(2)}; heap + buffers after gc${copies}`;
  if (shape === 'synthetic') {
    const set = child('memory-set', count, shape);
    const theirs = set.bytes! / set.size!;
    note = `a Set<string>: ${theirs.toFixed(1)} bytes/domain (${(theirs / ours).toFixed(0)}× more); ${note}`;
  }
  return [
    row(
      `domain index memory, ${label(count)} domains${SHAPE_NAMES[shape]}`,
      ours,
      'bytes/domain',
      // Fixed costs dominate small lists; the budget is for a million.
      count >= 1_000_000 ? MEMORY_BUDGET_BYTES : null,
      note,
    ),
  ];
}

export interface BuildResult {
  rows: BenchRow[];
  /** Import + index in CPU ms (the baseline of the hostile shapes' rows). */
  cpuMs: number;
}

/**
 * Building the index in Node, in CPU time, against splitting the same text into lines and
 * sorting it (budget 2×). A hostile shape (`ordinaryCpuMs` given) is held to the ordinary list's
 * build of the same size instead: what it must not cause is quadratic time, and splitting and
 * sorting a million short random labels is itself unusually fast.
 */
export function buildRows(
  count: number,
  shape: DomainShape = 'synthetic',
  ordinaryCpuMs?: number,
): BuildResult {
  const build = child('build', count, shape);
  const peak = (build.peakRss! - build.baseRss!) / 1024 / 1024;
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  const rest = build.packMs! - build.fingerprintMs! - build.sortMs!;
  const split = `${(build.buildMs! / build.baselineMs!).toFixed(2)}× the ${ms(build.baselineMs!)} to split the text into lines and sort them`;
  const times = `CPU ${ms(build.buildMs!)} (import ${ms(build.importMs!)} + index ${ms(build.packMs!)}), wall ${ms(build.wallMs!)}`;
  const memory = `memory peak +${peak.toFixed(0)} MB over the list text (${(build.textBytes! / 1024 / 1024).toFixed(1)} MB)`;
  const what = `building the index from a ${label(count)}-domain list${SHAPE_NAMES[shape]} (Node)`;
  const rows =
    ordinaryCpuMs === undefined
      ? [
          row(
            `${what}, × split + sort`,
            build.buildMs! / build.baselineMs!,
            '×',
            BUILD_BUDGET,
            `${times} against ${ms(build.baselineMs!)} to split the text into lines and sort them; of the import, checking hosts (syntax, public suffixes) ${ms(build.checkMs!)}, the rest reading lines and dropping repeats; of the index, fingerprints ${ms(build.fingerprintMs!)}, bucket sort ${ms(build.sortMs!)}, chunks of exact hosts ${ms(Math.max(0, rest))}; ${memory}`,
          ),
        ]
      : [
          row(
            `${what}, × the ordinary list's build`,
            build.buildMs! / ordinaryCpuMs,
            '×',
            BUILD_BUDGET,
            `${times}; ${split}; ${memory}`,
          ),
        ];
  return { rows, cpuMs: build.buildMs! };
}
