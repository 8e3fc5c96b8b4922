// The pipeline's independent regression fits on worker threads (utils/detector/pipeline.ts stays
// free of Node APIs: it receives a FitRunner). The pages' feature arrays go to each worker once,
// in two SharedArrayBuffers; a task names pages by position, so it is a few kilobytes of indices.
// Results come back in the tasks' order, whichever worker ran them, so the model file and the
// cross-validated rows are the same bytes with 1 worker or many (tests/unit/fit-pool.test.ts).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  inProcess,
  runFitTask,
  type FitResult,
  type FitRunner,
  type FitTask,
  type TrainingPage,
} from '../../utils/detector/pipeline';

/** Everything of a page but its features, which travel in the shared buffers. */
type PageHead = Omit<TrainingPage, 'index' | 'value'>;

export interface PackedPages {
  heads: PageHead[];
  /** Page i's features are at [offsets[i], offsets[i + 1]) of index and value. */
  offsets: Int32Array;
  index: Int32Array;
  value: Float32Array;
}

export function packPages(pages: readonly TrainingPage[]): PackedPages {
  const offsets = new Int32Array(pages.length + 1);
  pages.forEach((p, i) => (offsets[i + 1] = offsets[i]! + p.index.length));
  const total = offsets[pages.length]!;
  const index = new Int32Array(new SharedArrayBuffer(total * Int32Array.BYTES_PER_ELEMENT));
  const value = new Float32Array(new SharedArrayBuffer(total * Float32Array.BYTES_PER_ELEMENT));
  const heads = pages.map((p, i) => {
    index.set(p.index, offsets[i]);
    value.set(p.value, offsets[i]);
    const { index: _i, value: _v, ...head } = p;
    return head;
  });
  return { heads, offsets, index, value };
}

export function unpackPages(packed: PackedPages): TrainingPage[] {
  const { heads, offsets, index, value } = packed;
  return heads.map((head, i) => ({
    ...head,
    index: index.subarray(offsets[i], offsets[i + 1]),
    value: value.subarray(offsets[i], offsets[i + 1]),
  }));
}

/** A job for a worker: one fit on the pages of this generation, which it holds. */
export interface Job {
  generation: number;
  task: FitTask;
}

export type ToWorker =
  | { kind: 'pages'; generation: number; packed: PackedPages }
  | { kind: 'job'; id: number; job: Job };

export type FromWorker =
  { kind: 'done'; id: number; result: FitResult } | { kind: 'failed'; id: number; error: string };

/** KG_TRAIN_WORKERS, else the cores this process may use. */
export function configuredWorkers(env: NodeJS.ProcessEnv = process.env): number {
  const set = env.KG_TRAIN_WORKERS;
  if (set === undefined || set === '') return availableParallelism();
  const n = Number(set);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`KG_TRAIN_WORKERS needs a count of at least 1, not ${JSON.stringify(set)}`);
  return n;
}

// tsx's loader does not reach worker threads on Node 20: this plain module registers it and then
// imports the TypeScript worker (also when the pool runs under vitest).
const WORKER_ENTRY = new URL('./fit-worker-boot.mjs', import.meta.url);

export interface FitPool {
  run: FitRunner;
  /** Ends the workers (the pool cannot be used after). */
  close(): Promise<void>;
}

interface Slot {
  worker: Worker;
  /** The generation of pages this worker holds. */
  generation: number;
  busy: { reject: (e: Error) => void } | null;
}

/**
 * A pool of at most `size` workers, started as batches need them (never more than a batch's
 * jobs). With size 1 everything runs in this thread: no worker at all (KG_TRAIN_WORKERS=1).
 */
export function fitPool(size = configuredWorkers(), entry: URL = WORKER_ENTRY): FitPool {
  if (size <= 1) return { run: inProcess, close: () => Promise.resolve() };
  const slots: Slot[] = [];
  let shipped: { pages: readonly TrainingPage[]; packed: PackedPages; generation: number } | null =
    null;
  let nextId = 0;
  let broken: Error | null = null;
  // A worker's death fails its job and every job after it: no batch waits on it forever.
  const fail = (slot: Slot, error: Error) => {
    broken ??= error;
    slot.busy?.reject(error);
    slot.busy = null;
  };
  const start = (): Slot => {
    const slot: Slot = { worker: new Worker(entry), generation: -1, busy: null };
    slot.worker.on('error', (e) => fail(slot, new Error(`fit worker failed: ${e.message}`)));
    slot.worker.on('exit', (code) =>
      fail(slot, new Error(`fit worker exited (code ${code}) with a job unfinished`)),
    );
    slots.push(slot);
    return slot;
  };
  const runOn = (slot: Slot, job: Job): Promise<FitResult> =>
    new Promise((resolve, reject) => {
      const id = (nextId += 1);
      if (slot.generation !== job.generation) {
        const { packed, generation } = shipped!;
        slot.worker.postMessage({ kind: 'pages', generation, packed } satisfies ToWorker);
        slot.generation = generation;
      }
      const onMessage = (m: FromWorker) => {
        if (m.id !== id) return;
        slot.worker.off('message', onMessage);
        slot.busy = null;
        if (m.kind === 'done') resolve(m.result);
        else reject(new Error(`fit job failed in a worker: ${m.error}`));
      };
      slot.busy = {
        reject: (e) => {
          slot.worker.off('message', onMessage);
          reject(e);
        },
      };
      slot.worker.on('message', onMessage);
      slot.worker.postMessage({ kind: 'job', id, job } satisfies ToWorker);
    });
  /** The jobs' results in the jobs' order, whichever worker ran each. */
  const dispatch = async (jobs: readonly Job[]): Promise<FitResult[]> => {
    if (broken) throw broken;
    const used = Math.min(size, jobs.length);
    while (slots.length < used) start();
    const results = new Array<FitResult>(jobs.length);
    let next = 0;
    let failed = false;
    // Each worker takes the next job when it is free: fits differ in length. After a failure
    // no worker starts another job of the batch.
    const drain = async (slot: Slot) => {
      while (next < jobs.length && !failed) {
        if (broken) throw broken;
        const k = next;
        next += 1;
        try {
          results[k] = await runOn(slot, jobs[k]!);
        } catch (e) {
          failed = true;
          throw e;
        }
      }
    };
    await Promise.all(slots.slice(0, used).map(drain));
    return results;
  };
  const run: FitRunner = (pages, tasks) => {
    if (shipped?.pages !== pages)
      shipped = { pages, packed: packPages(pages), generation: (shipped?.generation ?? 0) + 1 };
    const generation = shipped.generation;
    return dispatch(tasks.map((task) => ({ generation, task })));
  };
  const close = async () => {
    // An exit after close is not a failure.
    broken ??= new Error('fit pool closed');
    await Promise.all(slots.map((s) => s.worker.terminate()));
  };
  return { run, close };
}

/** What a worker does with a job (tools/lib/fit-worker.ts), given the pages it holds. */
export function runJob(
  job: Job,
  held: { generation: number; list: TrainingPage[] } | null,
): FitResult {
  if (!held || held.generation !== job.generation)
    throw new Error(`pages ${job.generation} were never sent to this worker`);
  return runFitTask(held.list, job.task);
}

/** Runs `use` with a pool and ends the pool's workers afterwards, also when `use` throws. */
export async function withFitPool<T>(
  use: (pool: FitPool) => Promise<T>,
  size = configuredWorkers(),
): Promise<T> {
  const pool = fitPool(size);
  try {
    return await use(pool);
  } finally {
    await pool.close();
  }
}
