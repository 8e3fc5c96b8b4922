// A stored list as the index uses it: the fingerprint index and the small parts are read now;
// exact entries are read chunk by chunk when a candidate needs confirming, with the last few
// chunks kept (a user on a listed site asks about it again and again).
import { CompactDomainIndex } from '../match/compact-index';
import type { ChunkEntries } from './pack';
import type { ListData } from '../verdicts/list-index';
import { getListIndex } from './store-content';
import { getListChunk, getListPart } from './store-parts';
import { type ListRecord } from './record';
import type { KgDatabase } from '../core/db';

const CACHED_CHUNKS = 8;

export async function loadListData(
  record: ListRecord,
  database?: KgDatabase,
): Promise<ListData | null> {
  const data = await getListIndex(record.id, database);
  if (!data) return null;
  const index = new CompactDomainIndex(data);
  const [groups, registrars, breaches, licensed] = await Promise.all([
    getListPart(record.id, 'groups', database),
    getListPart(record.id, 'registrars', database),
    getListPart(record.id, 'breaches', database),
    record.format === 'licensed' ? getListPart(record.id, 'licensed', database) : [],
  ]);
  const cache = new Map<number, Promise<ChunkEntries | null>>();
  return {
    id: record.id,
    action: record.action,
    format: record.format,
    meta: record.meta,
    domainCategory: record.domainCategory,
    groups,
    registrars,
    breaches,
    licensed,
    index,
    chunk(no) {
      const cached = cache.get(no);
      if (cached) {
        // Most recently used last.
        cache.delete(no);
        cache.set(no, cached);
        return cached;
      }
      const expected = index.chunkEnd(no) - index.chunkStart(no);
      const read = getListChunk(record.id, no, expected, database).catch(() => null);
      cache.set(no, read);
      if (cache.size > CACHED_CHUNKS) cache.delete(cache.keys().next().value!);
      return read;
    },
  };
}
