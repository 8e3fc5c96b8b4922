// Detector benchmarks: content-script size, model size and load time, scoring time with the
// learned model on the capped sample (against the hand-weighted rules, measured in the same run),
// sampling time.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { collectSample, SAMPLE_LIMITS } from '../../utils/content/sample';
import { scorePage } from '../../utils/detector/score';
import { loadModel } from '../../utils/detector/model';
import { scoreDetected, shippedModel } from '../../utils/detector/shipped';
import { MODEL_FILE } from '../lib/training-set';
import { percentile, row, timeIt, type BenchRow } from './common';
import { syntheticPage } from './pages';

export const CONTENT_SCRIPT = '.output/chrome-mv3/page-guard.js';
export const CONTENT_SCRIPT_BUDGET_BYTES = 8 * 1024;
export const SCORING_BUDGET_MS = 5;
export const MODEL_BUDGET_BYTES = 300 * 1024;

export function modelRows(runs: number): BenchRow[] {
  const raw = readFileSync(MODEL_FILE);
  const gz = gzipSync(raw, { level: 9 }).length;
  const json = JSON.parse(raw.toString('utf8')) as { hashed: { count: number } };
  const load = timeIt(() => loadModel(json), runs);
  return [
    row(
      'detector model size (gzip)',
      gz,
      'bytes',
      MODEL_BUDGET_BYTES,
      `${raw.length} bytes raw, ${json.hashed.count} hashed weights`,
    ),
    row(
      'detector model load (decode into weights)',
      percentile(load, 95),
      'ms',
      null,
      `p95; median ${percentile(load, 50).toFixed(2)} ms; once per worker start`,
    ),
  ];
}

export function contentScriptSize(): BenchRow[] {
  if (!existsSync(CONTENT_SCRIPT))
    throw new Error(`${CONTENT_SCRIPT} is missing: run npm run build first`);
  const raw = readFileSync(CONTENT_SCRIPT);
  const gz = gzipSync(raw, { level: 9 }).length;
  return [
    row(
      'content script size (gzip)',
      gz,
      'bytes',
      CONTENT_SCRIPT_BUDGET_BYTES,
      `${raw.length} bytes raw`,
    ),
  ];
}

export async function scoringTimes(runs: number): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const [label, bytes] of [
    ['10 KB', 10 * 1024],
    ['200 KB', 200 * 1024],
    ['2 MB', 2 * 1024 * 1024],
  ] as const) {
    const page = syntheticPage(bytes);
    const { document } = parseHTML(page.html);
    const sampleStart = performance.now();
    const sample = await collectSample(document as unknown as Document, {
      yieldFn: async () => undefined,
    });
    const sampleMs = performance.now() - sampleStart;
    const full = {
      url: 'https://bench.example/',
      host: 'bench.example',
      hostUnicode: 'bench.example',
      ...sample,
    };
    shippedModel(); // loaded once per worker life: not part of a page's scoring time
    const times = timeIt(() => scoreDetected(full), runs);
    const rules = timeIt(() => scorePage(full), runs);
    rows.push(
      row(
        `scoring p95, ${label} page (sample ${sample.text.length} chars)`,
        percentile(times, 95),
        'ms',
        SCORING_BUDGET_MS,
        `median ${percentile(times, 50).toFixed(2)} ms; ${(percentile(times, 95) / percentile(rules, 95)).toFixed(1)}× the rules alone (p95 ${percentile(rules, 95).toFixed(2)} ms); sampling ${sampleMs.toFixed(0)} ms in linkedom (cap ${SAMPLE_LIMITS.text} chars)`,
      ),
    );
  }
  return rows;
}
