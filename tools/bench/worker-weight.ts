// Startup weight of the background worker (issues 15, 16): Chrome reads and compiles the whole
// worker script on every wake before its first statement runs, so its size is much of what a wake
// costs beyond a blank worker's (README, "Measured"). The worker is two scripts: what the first
// verdict needs, compiled on every wake, and the rest, imported when first used. Bytes are deterministic for a build; the
// compile time is V8's in this Node process (the engine Chromium runs), for information.
import { existsSync, readFileSync } from 'node:fs';
import { Script } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { percentile, row, type BenchRow } from './common';

export const WORKER_SCRIPT = '.output/chrome-mv3/background.js';
/** The worker's second script (entrypoints/background-rest.ts): loaded when first needed. */
export const REST_SCRIPT = '.output/chrome-mv3/background-rest.js';
/** What a worker that only answers one message compiles (the benchmarks' blank worker). */
const BLANK_WORKER =
  'chrome.runtime.onMessage.addListener((message, _sender, reply) => { reply({ ok: true }); });\n';

/** Median compile time of `source` in ms; a fresh source address each time defeats V8's cache. */
export function compileMs(source: string, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = process.hrtime.bigint();
    new Script(source, { filename: `kg-bench-compile-${i}-${Math.random()}.js` });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return percentile(times, 50);
}

/** Size and V8 compile time of one script against the blank worker's, taking turns. */
function scriptRow(name: string, path: string, runs: number): BenchRow {
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build first`);
  const raw = readFileSync(path);
  const source = raw.toString('utf8');
  // Blank and ours take turns, so both see the same moments of a shared machine.
  const ours: number[] = [];
  const blank: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    ours.push(compileMs(source, 1));
    blank.push(compileMs(BLANK_WORKER, 1));
  }
  return row(
    name,
    raw.length,
    'bytes',
    null,
    `${gzipSync(raw, { level: 9 }).length} bytes gzip; V8 compiles it in ${percentile(ours, 50).toFixed(1)} ms (median of ${runs} in Node, cache defeated), a blank worker's script in ${percentile(blank, 50).toFixed(2)} ms`,
  );
}

/**
 * The worker's two scripts: the first-verdict script every wake compiles and runs before its
 * first answer, and the second one, imported only when something first needs it.
 */
export function workerScriptRows(
  runs: number,
  path = WORKER_SCRIPT,
  rest = REST_SCRIPT,
): BenchRow[] {
  return [
    scriptRow(
      'service worker script size, first-verdict script (what every wake compiles)',
      path,
      runs,
    ),
    scriptRow('service worker script size, second script (loaded when first needed)', rest, runs),
  ];
}
