// Where a waking worker's time goes: named moments (performance.now(), which in a worker counts
// from the worker's start) from the script's first statement to the first answer, kept on the
// worker's global for the benchmark to read (`npm run bench -- --only-wake` prints them). Only
// the first answer of a worker's life is traced; after it, marking costs one comparison.

/** The global the benchmark reads: [label, ms since the worker started] in order. */
export const WAKE_MARKS_GLOBAL = '__kgWakeMarks';

type Marks = [string, number][];
let marks: Marks | null = null;

function open(): Marks | null {
  if (marks) return marks;
  const global = globalThis as unknown as Record<string, Marks | undefined>;
  marks = global[WAKE_MARKS_GLOBAL] ?? [];
  global[WAKE_MARKS_GLOBAL] = marks;
  return marks;
}

let closed = false;

/** Record that the first answer's path reached `label`. */
export function wakeMark(label: string): void {
  if (closed || typeof performance === 'undefined') return;
  open()?.push([label, performance.now()]);
}

/** The first answer has gone: stop tracing. */
export function closeWakeMarks(): void {
  if (closed) return;
  wakeMark('answered');
  closed = true;
}
