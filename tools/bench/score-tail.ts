// What the whole scorer's slow calls are made of (issue 15): `npx tsx tools/bench/score-tail.ts
// [calls] [--page=2mb|200kb|10kb]` scores the bench's page sample `calls` times (after 20 warm-up
// calls), each call timed in process CPU time (what the bench counts: every thread of the
// process) and in wall time, with the garbage collector's entries (perf_hooks) laid over the
// calls. A call whose CPU time is well over its wall time had another thread of the process
// running beside it: V8's background compiler (run with --trace-opt to see which function, and
// with --trace-deopt to see whether it is compiled again after a deoptimisation). Prints the
// medians and p95s, the calls at or over the p95 as `index:cpu/wall` (g: a collection overlapped
// it), and the p95 of the calls no collection overlapped.
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { scoreDetected } from '../../utils/detector/shipped';
import { markText } from '../../utils/detector/text-marks';
import { cpuMs, percentile } from './common';
import { benchSample, pageArg } from './score-stages';

async function main(argv: string[]): Promise<void> {
  const calls = Number(argv.find((a) => /^\d+$/.test(a)) ?? 600);
  const { size, bytes } = pageArg(argv);
  const sample = await benchSample(bytes);
  const gcs: [number, number][] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcs.push([e.startTime, e.startTime + e.duration]);
  });
  observer.observe({ entryTypes: ['gc'] });
  for (let w = 0; w < 20; w += 1) scoreDetected(sample);
  const cpu: number[] = [];
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < calls; i += 1) {
    // A new page's marks, as in score-ab.ts: the last call's must not be reused.
    markText('');
    const wall = performance.now();
    const start = cpuMs();
    scoreDetected(sample);
    cpu.push(cpuMs() - start);
    from.push(wall);
    to.push(performance.now());
  }
  // The observer's entries arrive after the calls.
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  const collected = (i: number) => gcs.some(([a, b]) => b >= from[i]! && a <= to[i]!);
  const wall = cpu.map((_, i) => to[i]! - from[i]!);
  const p95 = percentile(cpu, 95);
  const slow = cpu.flatMap((t, i) => (t >= p95 ? [i] : []));
  const f = (x: number) => x.toFixed(2);
  console.log(`${size} page, ${calls} scorings after 20 warm-up calls (ms)`);
  console.log(`process CPU: median ${f(percentile(cpu, 50))} p95 ${f(p95)}`);
  console.log(`wall:        median ${f(percentile(wall, 50))} p95 ${f(percentile(wall, 95))}`);
  const clean = cpu.filter((_, i) => !collected(i));
  console.log(
    `collections: ${gcs.length}, overlapping ${calls - clean.length} calls; p95 of the others ` +
      (clean.length > 0 ? f(percentile(clean, 95)) : '(none: a collection overlapped every call)'),
  );
  console.log(
    `calls at or over the p95 (${slow.length}, ${slow.filter(collected).length} with a collection; ` +
      `${slow.filter((i) => cpu[i]! > 1.5 * wall[i]!).length} with CPU over 1.5× wall):`,
  );
  console.log(
    slow.map((i) => `${i}:${f(cpu[i]!)}/${f(wall[i]!)}${collected(i) ? 'g' : ''}`).join(' '),
  );
}

await main(process.argv.slice(2));
