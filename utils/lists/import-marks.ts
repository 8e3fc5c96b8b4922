// Where a list import's time goes in the worker: named moments from the start of the import to the
// commit of its swap, kept on the worker's global for the benchmark to read (`npm run bench --
// --only-build` prints them beside the Chromium build row). The worker is two scripts, each with
// its own copy of this module (utils/background/core.ts and rest.ts): the trace lives on the
// global, not in module state. Each import starts it anew; marking costs one array push.

/** The global the benchmark reads: [label, ms since the import started] in order. */
export const IMPORT_MARKS_GLOBAL = '__kgImportMarks';

interface Trace {
  started: number;
  marks: [string, number][];
}

const TRACE_GLOBAL = '__kgImportTrace';
const global = () => globalThis as unknown as Record<string, unknown>;

/** An import started at `at` (performance.now()): the trace starts over. */
export function startImportMarks(at: number): void {
  if (typeof performance === 'undefined') return;
  const trace: Trace = { started: at, marks: [] };
  global()[TRACE_GLOBAL] = trace;
  global()[IMPORT_MARKS_GLOBAL] = trace.marks;
}

/** The import reached `label` (nothing when no import started in this worker's life). */
export function importMark(label: string): void {
  const trace = global()[TRACE_GLOBAL] as Trace | undefined;
  if (trace === undefined || typeof performance === 'undefined') return;
  trace.marks.push([label, performance.now() - trace.started]);
}
