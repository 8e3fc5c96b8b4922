// A waking worker's first lookup reads one chunk of each list from IndexedDB. Chromium moves a
// stored value of more than 64 KB into a blob file of its own (IDBValueWrapper::kWrapThreshold),
// and reading it back costs a file read: every chunk stays under that as Chromium would store it
// (V8's serializer, the same format as structured clone, measured here in Node).
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { importByFormat } from '../../utils/lists/import';
import { packContent } from '../../utils/lists/pack';
import { packedRows } from '../../utils/lists/store-parts';
import { syntheticDomains } from '../../tools/bench/domains';
import { fakePlatform } from './fakes';
import { listContent } from './list-fixture';

const WRAP_THRESHOLD = 64 * 1024;

const largest = (values: unknown[]) => Math.max(...values.map((v) => serialize(v).length));

describe('stored chunks', () => {
  it('stay under the size Chromium moves to a blob file, for lists of 5k to 200k domains', () => {
    for (const count of [5_000, 44_000, 200_000]) {
      const packed = packContent(listContent('big', syntheticDomains(count, 5)));
      expect(packed.chunks.length, `${count}`).toBeGreaterThan(1);
      expect(largest(packed.chunks), `${count}`).toBeLessThan(WRAP_THRESHOLD * 0.75);
    }
  });

  it('stay under it for the packaged list, whose sites carry bilingual evidence', () => {
    const text = fakePlatform().files.get('lists/kusuri-guard.json')!;
    const imported = importByFormat('kusuri-guard', text, {
      meta: null,
      category: 'rogue-pharmacy',
    });
    if (!imported.ok) throw new Error(imported.error);
    const packed = packContent(imported.content);
    expect(packed.chunks.some((c) => c.sites.length > 0)).toBe(true);
    const rows = packedRows('kusuri-guard', packed, imported.content);
    const chunkRows = rows.filter((r) => r.part.startsWith('chunk:'));
    expect(largest(chunkRows)).toBeLessThan(WRAP_THRESHOLD);
  });
});
