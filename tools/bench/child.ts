// Measurements that need a process of their own (run by tools/bench/scale.ts with --expose-gc):
//   memory-index N   heap + buffers retained by the compact index of N domains
//   memory-set N     the same for a Set<string> holding the N domains
//   build N          import a N-domain list text and build the index: time and peak memory
// Each prints one JSON object on stdout.
import { BENCH_META, syntheticDomains } from './domains';
import { importByFormat } from '../../utils/lists/import';
import { ListIndex } from '../../utils/verdicts/list-index';
import { packContent } from '../../utils/lists/pack';
import { CompactDomainIndex } from '../../utils/match/compact-index';

declare const gc: () => void;

function retained(): number {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

function importList(domains: string[]) {
  const result = importByFormat('domains', domains.join('\n'), {
    meta: BENCH_META,
    category: 'rogue-pharmacy',
  });
  if (!result.ok) throw new Error(result.detail);
  return result.content;
}

/**
 * Built in a function of their own so that nothing but the result outlives the call (a caller's
 * frame can keep temporaries alive and spoil the measurement).
 */
function indexOnly(count: number): CompactDomainIndex {
  // Only the index stays in memory; the exact entries live in IndexedDB (here: dropped).
  return new CompactDomainIndex(packContent(importList(syntheticDomains(count))).index);
}

function setOnly(count: number): Set<string> {
  // The strings are the Set's own (as when a list is held in memory), not shared with a source.
  return new Set(syntheticDomains(count).map((d) => `${d} `.trim()));
}

function main(): void {
  const [what, countText] = process.argv.slice(2);
  const count = Number(countText);
  if (what === 'memory-index') {
    const before = retained();
    const index = indexOnly(count);
    const after = retained();
    console.log(JSON.stringify({ bytes: after - before, size: index.size, own: index.bytes }));
    return;
  }
  if (what === 'memory-set') {
    const before = retained();
    const set = setOnly(count);
    const after = retained();
    console.log(JSON.stringify({ bytes: after - before, size: set.size }));
    return;
  }
  if (what === 'build') {
    const text = syntheticDomains(count).join('\n');
    gc();
    const baseRss = process.memoryUsage().rss;
    const started = performance.now();
    const result = importByFormat('domains', text, {
      meta: BENCH_META,
      category: 'rogue-pharmacy',
    });
    if (!result.ok) throw new Error(result.detail);
    const imported = performance.now();
    const index = ListIndex.fromContents([
      { id: 'bench', action: 'block', content: result.content },
    ]);
    const built = performance.now();
    console.log(
      JSON.stringify({
        importMs: imported - started,
        packMs: built - imported,
        size: index.size,
        textBytes: text.length,
        peakRss: process.resourceUsage().maxRSS * 1024,
        baseRss,
      }),
    );
    return;
  }
  throw new Error(`unknown measurement ${what}`);
}

main();
