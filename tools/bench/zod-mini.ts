// The startup-weight trial of zod/mini (issue 16: "try zod/mini where the worker starts; keep it
// if it measurably shortens the worker's start"). The same schema — the list record the worker
// reads on every wake — is written in zod's classic API and in zod/mini (tools/bench/zod-trial/,
// checked equivalent by tests/unit/zod-trial.test.ts); each is bundled and minified alone as the
// production build would, then started in a fresh V8 context (compile, zod's own set-up, the
// schemas built, one record read), the two taking turns. Medians and p95s, CPU-light, no browser.
import { fileURLToPath } from 'node:url';
import { Script, createContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { percentile, row, type BenchRow } from './common';

const TRIAL_DIR = fileURLToPath(new URL('./zod-trial/', import.meta.url));

/** A stored record as the worker reads it (defaults left for the schema to fill). */
const SAMPLE = {
  id: 'kusuri-guard-default',
  origin: 'bundled',
  action: 'block',
  enabled: true,
  url: null,
  meta: { title: { ja: 'くすりガード 標準リスト', en: 'Kusuri Guard default list' }, version: 3 },
  counts: { sites: 44558, domains: 44558 },
  generation: 4,
  contentFrom: 'bundled',
  status: { lastSuccess: 1764547200000, rejected: { total: 2, kinds: { 'bare-tld': 2 } } },
  confirmedHeld: ['www.example.jp'],
};

/** One trial file bundled and minified alone, as an IIFE exposing `KgTrial.readRecord`. */
export async function bundleTrial(name: 'classic' | 'mini'): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      lib: { entry: `${TRIAL_DIR}${name}.ts`, formats: ['iife'], name: 'KgTrial' },
    },
  });
  const outputs = Array.isArray(out) ? out : [out];
  const first = outputs[0];
  if (!first || !('output' in first)) throw new Error('vite build gave no output');
  const chunk = first.output.find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('vite build gave no chunk');
  return chunk.code;
}

/** ms to compile and run `code` in a fresh context and read the sample once. */
function startOnce(code: string, i: number): number {
  const started = process.hrtime.bigint();
  const context = createContext({});
  new Script(`${code}\n;KgTrial.readRecord(${JSON.stringify(SAMPLE)})`, {
    filename: `kg-zod-trial-${i}-${Math.random()}.js`,
  }).runInContext(context);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

export async function zodMiniRows(runs: number): Promise<BenchRow[]> {
  const classic = await bundleTrial('classic');
  const mini = await bundleTrial('mini');
  const times = { classic: [] as number[], mini: [] as number[] };
  for (let i = 0; i < runs; i += 1) {
    // Taking turns, so both see the same moments of a shared machine.
    times.classic.push(startOnce(classic, i));
    times.mini.push(startOnce(mini, i));
  }
  const med = (t: number[]) => percentile(t, 50);
  const p95 = (t: number[]) => percentile(t, 95);
  const gz = (s: string) => gzipSync(Buffer.from(s), { level: 9 }).length;
  return [
    row(
      'zod/mini trial: start of the list-record schema bundle, × zod classic (median)',
      med(times.mini) / med(times.classic),
      '×',
      null,
      `zod/mini ${med(times.mini).toFixed(2)} ms (p95 ${p95(times.mini).toFixed(2)}), classic ${med(times.classic).toFixed(2)} ms (p95 ${p95(times.classic).toFixed(2)}); ${runs} fresh V8 contexts each, taking turns; bundles ${mini.length} against ${classic.length} bytes (${gz(mini)} against ${gz(classic)} gzip)`,
    ),
  ];
}
