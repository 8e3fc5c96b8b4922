// Detector benchmarks: content-script size, scoring time on the capped sample, sampling time.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { collectSample, SAMPLE_LIMITS } from '../../utils/content/sample';
import { scorePage } from '../../utils/detector/score';
import { percentile, row, timeIt, type BenchRow } from './common';
import { syntheticPage } from './pages';

export const CONTENT_SCRIPT = '.output/chrome-mv3/page-guard.js';
export const CONTENT_SCRIPT_BUDGET_BYTES = 8 * 1024;
export const SCORING_BUDGET_MS = 5;

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
    const times = timeIt(() => scorePage(full), runs);
    rows.push(
      row(
        `scoring p95, ${label} page (sample ${sample.text.length} chars)`,
        percentile(times, 95),
        'ms',
        SCORING_BUDGET_MS,
        `median ${percentile(times, 50).toFixed(2)} ms; sampling ${sampleMs.toFixed(0)} ms in linkedom (cap ${SAMPLE_LIMITS.text} chars)`,
      ),
    );
  }
  return rows;
}
