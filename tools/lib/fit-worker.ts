// A fit-pool worker (tools/lib/fit-pool.ts): holds the pages it was sent, runs one job at a time
// (a fit with the pipeline's own runFitTask), and answers with its result or its error.
import { parentPort } from 'node:worker_threads';
import type { TrainingPage } from '../../utils/detector/pipeline';
import { runJob, unpackPages, type FromWorker, type ToWorker } from './fit-pool';

const port = parentPort;
if (!port) throw new Error('fit-worker.ts runs as a worker thread of tools/lib/fit-pool.ts');
let held: { generation: number; list: TrainingPage[] } | null = null;
port.on('message', (m: ToWorker) => {
  if (m.kind === 'pages') {
    held = { generation: m.generation, list: unpackPages(m.packed) };
    return;
  }
  let answer: FromWorker;
  try {
    answer = { kind: 'done', id: m.id, result: runJob(m.job, held) };
  } catch (e) {
    const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
    answer = { kind: 'failed', id: m.id, error };
  }
  port.postMessage(answer);
});
