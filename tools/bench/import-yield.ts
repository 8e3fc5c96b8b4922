// Does the worker keep answering while it imports a junk list? (issue 14, case 5: 1M junk lines
// with 5 valid entries kept the background from answering for 15.4 s.) This process plays the
// extension's worker: it imports the list the way the background does (importByFormatYielding),
// while a second thread sends it a ping every 5 ms and times each answer. The row is the worst
// answer time; the note gives the same figure for the import done in one go (how it was before)
// and the import's own duration, measured in the same run.
import { Worker } from 'node:worker_threads';
import { BENCH_META } from './domains';
import { row, type BenchRow } from './common';
import { importByFormat, importByFormatYielding } from '../../utils/lists/import';

/** A list of junk lines (markup, spaces, URLs with paths) with five valid entries in it. */
export function junkListText(lines: number): string {
  const out: string[] = new Array<string>(lines);
  for (let i = 0; i < lines; i += 1) {
    out[i] =
      i % 3 === 0
        ? `<td class="x${i}">not a host ${i}</td>`
        : i % 3 === 1
          ? `https://junk-${i}.example/path/${i}?q=1`
          : `junk line number ${i} * ?`;
  }
  for (let k = 0; k < 5; k += 1) out[Math.floor(((k + 0.5) * lines) / 5)] = `rogue-${k}.example`;
  return out.join('\n');
}

// The pinger: plain JavaScript run in its own thread. It pings every 5 ms and, when told to stop,
// reports the worst and the count of answers.
const PINGER = `
const { parentPort } = require('node:worker_threads');
let worst = 0, answered = 0, sent = 0;
const timer = setInterval(() => { sent += 1; parentPort.postMessage({ t: performance.now() }); }, 5);
parentPort.on('message', (m) => {
  if (m === 'stop') {
    clearInterval(timer);
    parentPort.postMessage({ done: true, worst, answered, sent });
    return;
  }
  worst = Math.max(worst, performance.now() - m.t);
  answered += 1;
});
`;

interface PingReport {
  worst: number;
  answered: number;
  sent: number;
}

/** Import while a pinger measures how long its pings wait for an answer. */
async function measure(
  text: string,
  yielding: boolean,
): Promise<PingReport & { importMs: number }> {
  const worker = new Worker(PINGER, { eval: true });
  const report = new Promise<PingReport>((resolve) => {
    worker.on('message', (m: { t?: number; done?: boolean } & PingReport) => {
      if (m.done) resolve(m);
      else worker.postMessage(m); // the answer: what the worker's message handler would do
    });
  });
  await new Promise((resolve) => setTimeout(resolve, 50)); // the pinger is running
  const options = { meta: BENCH_META, category: 'rogue-pharmacy' as const };
  const started = performance.now();
  const result = yielding
    ? await importByFormatYielding('domains', text, options)
    : importByFormat('domains', text, options);
  const importMs = performance.now() - started;
  if (!result.ok || result.content.domains.length !== 5) throw new Error('junk import went wrong');
  await new Promise((resolve) => setTimeout(resolve, 20)); // answer the pings still queued
  worker.postMessage('stop');
  const final = await report;
  await worker.terminate();
  return { ...final, importMs };
}

export async function importYieldRows(lines: number): Promise<BenchRow[]> {
  const text = junkListText(lines);
  // Old way first (a warm-up for the importer too), then the way the background imports.
  const blocking = await measure(text, false);
  const yielding = await measure(text, true);
  const label = lines >= 1_000_000 ? `${lines / 1_000_000}M` : `${lines / 1000}k`;
  return [
    row(
      `import ${label} junk lines: worst answer to a ping`,
      yielding.worst,
      'ms',
      1000,
      `import took ${Math.round(yielding.importMs)} ms, ${yielding.answered} pings answered; ` +
        `imported in one go: worst ${Math.round(blocking.worst)} ms`,
    ),
  ];
}
