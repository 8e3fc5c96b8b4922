// Shared pieces of the benchmarks: rows, a deterministic random source, timing helpers.
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** Human-readable budget, e.g. "≤ 8192". */
  budget: string;
  pass: boolean;
  /** Extra figures printed next to the row (comparisons, memory peaks). */
  note?: string;
}

export function row(
  name: string,
  value: number,
  unit: string,
  max: number | null,
  note?: string,
): BenchRow {
  const rounded = Math.round(value * 1000) / 1000;
  return {
    name,
    value: rounded,
    unit,
    budget: max === null ? '—' : `≤ ${max}`,
    pass: max === null ? true : value <= max,
    ...(note ? { note } : {}),
  };
}

/** mulberry32: a small seeded PRNG, so every run measures the same data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** The middle value (the upper of the two middle ones for an even count). */
export function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

export function timeIt(fn: () => void, runs: number, warmup = 5): number[] {
  for (let i = 0; i < warmup; i += 1) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times;
}

/** This process's CPU time in ms (user + system): what a piece of code costs, not counting the
 * time the scheduler gives to other processes on a shared machine (microsecond resolution). */
export function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** Like timeIt, in CPU time: for runs of a millisecond or more, where a preemption would otherwise
 * land in one sample as several milliseconds that the code never spent. */
export function cpuTimeIt(fn: () => void, runs: number, warmup = 5): number[] {
  for (let i = 0; i < warmup; i += 1) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = cpuMs();
    fn();
    times.push(cpuMs() - start);
  }
  return times;
}
