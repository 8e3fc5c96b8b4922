// Measurements that need a process of their own (run by tools/bench/scale-build.ts with --expose-gc):
//   memory-index N SHAPE   heap + buffers retained by the compact index of N domains (per copy;
//                          small lists are measured as several copies, see copiesFor)
//   memory-set N SHAPE     the same for a Set<string> holding the N domains
//   build N SHAPE          import an N-domain list text and build the index, against splitting
//                          the same text into lines and sorting them: CPU and wall times, where
//                          the time goes, and peak memory
//   build-once N SHAPE     one import and index of the list, wall clock (no warm-up)
// SHAPE is a DomainShape (domains.ts). Each prints one JSON object on stdout.
import { shapedDomains, BENCH_META, type DomainShape } from './domains';
import { importByFormat } from '../../utils/lists/import';
import { normalizeListedHost } from '../../utils/core/hostname';
import { packContent } from '../../utils/lists/pack';
import { CompactDomainIndex, buildCompactIndex } from '../../utils/match/compact-index';
import { hostFingerprintInto } from '../../utils/match/fingerprint';
import { cpuMs } from './common';

declare const gc: () => void;

function retained(): number {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/**
 * How many copies of a small index to hold at once: the heap moves by ±100 KB between two
 * measurements for reasons of its own (compiled code, feedback, interned strings), as much as a
 * whole 20k-domain index (~90 KB). Measuring copies worth at least 400,000 domains keeps that
 * noise under a few percent; at a million one copy is enough. The figure is per copy.
 */
function copiesFor(count: number): number {
  return Math.max(1, Math.ceil(400_000 / count));
}

function importList(text: string) {
  const result = importByFormat('domains', text, { meta: BENCH_META, category: 'rogue-pharmacy' });
  if (!result.ok) throw new Error(result.detail);
  return result.content;
}

/**
 * Built in a function of their own so that nothing but the result outlives the call (a caller's
 * frame can keep temporaries alive and spoil the measurement).
 */
function indexOnly(count: number, shape: DomainShape): CompactDomainIndex {
  // Only the index stays in memory; the exact entries live in IndexedDB (here: dropped).
  return new CompactDomainIndex(
    packContent(importList(shapedDomains(shape, count).join('\n'))).index,
  );
}

function setOnly(count: number, shape: DomainShape): Set<string> {
  // The strings are the Set's own (as when a list is held in memory), not shared with a source.
  return new Set(shapedDomains(shape, count).map((d) => `${d} `.trim()));
}

/** The baseline: what any build must at least do with the text (split it, sort the lines). */
function splitAndSort(text: string): { cpuMs: number; wallMs: number } {
  const [cpu, wall] = [cpuMs(), performance.now()];
  const lines = text.split('\n').sort();
  const took = { cpuMs: cpuMs() - cpu, wallMs: performance.now() - wall };
  if (lines.length === 0) throw new Error('empty');
  return took;
}

function build(text: string) {
  const [cpu, wall] = [cpuMs(), performance.now()];
  const content = importList(text);
  const imported = cpuMs();
  const packed = packContent(content);
  return {
    cpuMs: cpuMs() - cpu,
    wallMs: performance.now() - wall,
    importMs: imported - cpu,
    packMs: cpuMs() - imported,
    count: packed.index.count,
  };
}

/** Where the build's time goes, step by step, on hosts already imported. */
function breakdown(text: string): Record<string, number> {
  const hosts = importList(text).domains;
  let t = cpuMs();
  let valid = 0;
  for (const host of hosts) if (normalizeListedHost(host).ok) valid += 1;
  const checkMs = cpuMs() - t;
  t = cpuMs();
  const pairs = new Uint32Array(hosts.length * 2);
  for (let i = 0; i < hosts.length; i += 1) hostFingerprintInto(hosts[i]!, pairs, i * 2);
  const fingerprintMs = cpuMs() - t;
  t = cpuMs();
  buildCompactIndex(pairs);
  const sortMs = cpuMs() - t;
  if (valid !== hosts.length) throw new Error('hosts changed on a second check');
  return { checkMs, fingerprintMs, sortMs };
}

function main(): void {
  const [what, countText, shapeText] = process.argv.slice(2);
  const count = Number(countText);
  const shape = (shapeText ?? 'synthetic') as DomainShape;
  if (what === 'memory-index') {
    // Run the whole path once on a small list first: the code it compiles and the tables its
    // modules fill on first use (the public suffix list) are the program's, not the index's.
    indexOnly(1000, shape);
    const copies = copiesFor(count);
    const before = retained();
    const indexes = Array.from({ length: copies }, () => indexOnly(count, shape));
    const after = retained();
    const index = indexes[0]!;
    const bytes = (after - before) / indexes.length;
    console.log(JSON.stringify({ bytes, size: index.size, own: index.bytes, copies }));
    return;
  }
  if (what === 'memory-set') {
    setOnly(1000, shape);
    const copies = copiesFor(count);
    const before = retained();
    const sets = Array.from({ length: copies }, () => setOnly(count, shape));
    const after = retained();
    const bytes = (after - before) / sets.length;
    console.log(JSON.stringify({ bytes, size: sets[0]!.size, copies }));
    return;
  }
  if (what === 'build') {
    const text = shapedDomains(shape, count).join('\n');
    gc();
    const baseRss = process.memoryUsage().rss;
    // Alternate the baseline and the build, twice, and keep the faster of each; in CPU time, so
    // that a neighbour on a shared machine spoils neither side.
    const baselines: ReturnType<typeof splitAndSort>[] = [];
    const builds: ReturnType<typeof build>[] = [];
    for (let round = 0; round < 2; round += 1) {
      baselines.push(splitAndSort(text));
      gc();
      builds.push(build(text));
      gc();
    }
    const peakRss = process.resourceUsage().maxRSS * 1024;
    const best = builds.reduce((a, b) => (a.cpuMs <= b.cpuMs ? a : b));
    console.log(
      JSON.stringify({
        baselineMs: Math.min(...baselines.map((b) => b.cpuMs)),
        buildMs: best.cpuMs,
        importMs: best.importMs,
        packMs: best.packMs,
        wallMs: Math.min(...builds.map((b) => b.wallMs)),
        baselineWallMs: Math.min(...baselines.map((b) => b.wallMs)),
        size: best.count,
        textBytes: text.length,
        peakRss,
        baseRss,
        ...breakdown(text),
      }),
    );
    return;
  }
  if (what === 'build-once') {
    // One cold build, wall clock: what the Chromium row is compared with, run right before it.
    const text = shapedDomains(shape, count).join('\n');
    gc();
    const { wallMs } = build(text);
    console.log(JSON.stringify({ wallMs }));
    return;
  }
  throw new Error(`unknown measurement ${what}`);
}

main();
