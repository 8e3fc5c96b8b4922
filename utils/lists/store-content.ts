// Reading a whole list back from IndexedDB: its fingerprint index and its content. A list stored
// before the index existed (parts `sites` and `domains`), or with an index of an earlier format
// (COMPACT_INDEX_FORMAT: format 1 until issue 15), is converted on first load: its entries are
// read back from whatever parts there are and written in the current layout.
import { dropFirstVerdict } from './first-verdict-key';
import type { ListContent } from './model';
import { db, type KgDatabase } from '../core/db';
import { readAhead } from '../core/read-ahead';
import { packContent, readChunk, unpackEntries, type ChunkEntries } from './pack';
import {
  CompactDomainIndex,
  isCompactIndexData,
  type CompactIndexData,
} from '../match/compact-index';
import { getListRecord } from './store';
import {
  ChunkSchema,
  getListChunk,
  getListPart,
  getStoredIndex,
  packedRows,
  type PartRow,
} from './store-parts';

/**
 * A list without a valid index: stored before the index existed (two big arrays, `sites` and
 * `domains`), or with its index part damaged. Gather its entries from whatever parts there are and
 * write the current layout in their place (the record stays as it is). Returns the index, or null
 * if there is no list.
 */
async function rebuildLayout(id: string, store: KgDatabase): Promise<CompactIndexData | null> {
  const record = await getListRecord(id, store);
  if (!record) return null;
  const [sites, domains, groups, registrars, breaches, licensed] = await Promise.all([
    getListPart(id, 'sites', store),
    getListPart(id, 'domains', store),
    getListPart(id, 'groups', store),
    getListPart(id, 'registrars', store),
    getListPart(id, 'breaches', store),
    getListPart(id, 'licensed', store),
  ]);
  const chunkRows = (await store.getAll(
    'listParts',
    IDBKeyRange.bound([id, 'chunk:'], [id, 'chunk:\uffff']),
  )) as PartRow[];
  const chunks = chunkRows
    .map((row) => ChunkSchema.safeParse(row.data))
    .map((r) => (r.success ? readChunk(r.data) : null))
    .filter((c): c is ChunkEntries => c !== null);
  const fromChunks = unpackEntries(chunks, groups);
  const content: ListContent = {
    meta: record.meta,
    sites: [...sites, ...fromChunks.sites],
    domains: [...domains, ...fromChunks.domains],
    domainCategory: record.domainCategory,
    groups: fromChunks.groups,
    registrars,
    breaches,
    // Only licensed-seller lists have this part: other contents stay as their importers made
    // them (a delta's canonical hash is computed over exactly those fields).
    ...(licensed.length > 0 ? { licensed } : {}),
  };
  const packed = packContent(content);
  const tx = store.transaction(['listParts', 'kv'], 'readwrite');
  const parts = tx.objectStore('listParts');
  // Another worker may have rebuilt it meanwhile: then keep what is there.
  const now = (await parts.get([id, 'index'])) as PartRow | undefined;
  if (isCompactIndexData(now?.data)) {
    await tx.done;
    return now.data;
  }
  // The list's head and small parts are written anew: the first-verdict record goes with them.
  await dropFirstVerdict(tx.objectStore('kv'));
  await parts.delete(IDBKeyRange.bound([id, ''], [id, '\uffff']));
  for (const row of packedRows(id, packed, content)) await parts.put(row);
  await tx.done;
  return packed.index;
}

/** The list's fingerprint index, converting an old layout first if needed. */
export async function getListIndex(
  id: string,
  database?: KgDatabase,
): Promise<CompactIndexData | null> {
  const store = database ?? (await db());
  return (await getStoredIndex(id, store)) ?? rebuildLayout(id, store);
}

/** Read a list's whole content (meta from its record): every chunk. */
export async function getListContent(
  id: string,
  database?: KgDatabase,
): Promise<ListContent | null> {
  const store = database ?? (await db());
  const record = await getListRecord(id, store);
  const data = record ? await getListIndex(id, store) : null;
  if (!record || !data) return null;
  const index = new CompactDomainIndex(data);
  const chunks: ChunkEntries[] = [];
  const read = (no: number) =>
    getListChunk(id, no, index.chunkEnd(no) - index.chunkStart(no), store);
  for await (const chunk of readAhead(index.chunkCount, read)) if (chunk) chunks.push(chunk);
  const [groups, registrars, breaches, licensed] = await Promise.all([
    getListPart(id, 'groups', store),
    getListPart(id, 'registrars', store),
    getListPart(id, 'breaches', store),
    getListPart(id, 'licensed', store),
  ]);
  return {
    meta: record.meta,
    ...unpackEntries(chunks, groups),
    domainCategory: record.domainCategory,
    registrars,
    breaches,
    // Only licensed-seller lists have this part: other contents stay as their importers made
    // them (a delta's canonical hash is computed over exactly those fields).
    ...(licensed.length > 0 ? { licensed } : {}),
  };
}
