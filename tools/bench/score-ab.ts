// Same-process A/B of two scorers (issue 15): on a shared machine the load moves the bench by 2×
// between runs, so a change to the scorer is judged against the code before it in ONE process,
// on the same sample, the two taking turns in blocks of ten calls (CPU time), with normalising
// the sample as a third turn (the ratio budget's baseline).
//
//   git archive main utils data | tar -x -C tools/.scratch/main   # the "before" tree (git-ignored)
//   npx tsx tools/bench/score-ab.ts tools/.scratch/main [calls] [--page=2mb|200kb|10kb]
//
// Prints median and p95 of each, and the ratios; also checks that both give the same probability,
// score, level and named reasons on the sample (a faster scorer that scores differently is no
// result), and says when the phrases differ (session 14 reads them around the strongest n-grams).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { scoreDetected } from '../../utils/detector/shipped';
import { prepare, type PageSample } from '../../utils/detector/signals';
import { markText } from '../../utils/detector/text-marks';
import { cpuMs, percentile } from './common';
import { benchSample, pageArg } from './score-stages';
import { normalisingBaseline } from './detector';

type Scorer = (sample: PageSample) => { probability: number; score: number; signals: unknown[] };

async function main(argv: string[]): Promise<void> {
  const dir = argv[0];
  if (!dir) throw new Error('usage: score-ab.ts <dir holding the old utils/> [calls] [--page=…]');
  const calls = Number(argv.slice(1).find((a) => /^\d+$/.test(a)) ?? 400);
  const { size, bytes } = pageArg(argv);
  const old = (await import(pathToFileURL(resolve(dir, 'utils/detector/shipped.ts')).href)) as {
    scoreDetected: Scorer;
  };
  // Each copy's marks of the last text (text-marks.ts) are cleared before every call, outside the
  // time: scoring one sample again and again must not find the marks of an equal text left by
  // the call before (a scorer before session 13's score22 did, and skipped its marks pass).
  const oldMarks = (await import(
    pathToFileURL(resolve(dir, 'utils/detector/text-marks.ts')).href
  ).catch(() => null)) as { markText?: (text: string) => unknown } | null;
  const forget = () => {
    oldMarks?.markText?.('');
    markText('');
  };
  const sample = await benchSample(bytes);
  const source = prepare(sample).source;
  const a = old.scoreDetected(sample);
  const b = scoreDetected(sample);
  const isPhrase = (s: unknown) => (s as { code?: string }).code === 'phrase';
  const scored = (r: ReturnType<Scorer>) =>
    JSON.stringify({ ...r, signals: r.signals.filter((s) => !isPhrase(s)) });
  if (scored(a) !== scored(b))
    throw new Error(`the two scorers disagree:\n${JSON.stringify(a)}\n${JSON.stringify(b)}`);
  const phrases = (r: ReturnType<Scorer>) => JSON.stringify(r.signals.filter(isPhrase));
  if (phrases(a) !== phrases(b))
    console.log(`same scores; phrases differ:\n  before ${phrases(a)}\n  after  ${phrases(b)}`);
  const turns: [string, () => unknown][] = [
    ['before', () => old.scoreDetected(sample)],
    ['after', () => scoreDetected(sample)],
    ['normalising', normalisingBaseline(source)],
  ];
  const times = turns.map(() => [] as number[]);
  for (let w = 0; w < 20; w += 1) for (const [, fn] of turns) fn();
  // The order of the turns alternates (before, after, normalising; then the reverse), so that
  // neither scorer always runs on the caches and the garbage the other left.
  for (let block = 0; block < calls / 10; block += 1) {
    const order = block % 2 === 0 ? [0, 1, 2] : [2, 1, 0];
    for (const t of order) {
      const fn = turns[t]![1];
      for (let k = 0; k < 10; k += 1) {
        forget();
        const start = cpuMs();
        fn();
        times[t]!.push(cpuMs() - start);
      }
    }
  }
  const stat = (t: number[]): [number, number] => [percentile(t, 50), percentile(t, 95)];
  const before = stat(times[0]!);
  const after = stat(times[1]!);
  const norm = stat(times[2]!);
  const f = (x: number) => x.toFixed(2);
  console.log(`${size} page, sample ${source.length} chars, ${calls} calls each, CPU time (ms)`);
  console.log(`before: median ${f(before[0])} p95 ${f(before[1])}`);
  console.log(`after:  median ${f(after[0])} p95 ${f(after[1])}`);
  console.log(`normalising: median ${f(norm[0])} p95 ${f(norm[1])}`);
  console.log(
    `after/before: median ${f(after[0] / before[0])} p95 ${f(after[1] / before[1])}; ` +
      `× normalising: before ${f(before[1] / norm[1])} after ${f(after[1] / norm[1])} (p95), ` +
      `before ${f(before[0] / norm[0])} after ${f(after[0] / norm[0])} (median)`,
  );
}

await main(process.argv.slice(2));
