// How a list's content lies in IndexedDB (`listParts`, one row per part): `index` (the compact
// fingerprint index as typed arrays: a few megabytes for a million domains, loaded as is on every
// worker start), `chunk:<n>` (the exact entries, read only to confirm a hit or to rebuild the
// pre-load rules), `groups`, `registrars`, `breaches`, `licensed`; and `sites` and `domains`, the
// layout before the index, read only to convert it. Each part is validated when it is read.
import { z } from '../core/zod';
import {
  BreachSchema,
  GroupMetaSchema,
  RegistrarSchema,
  SiteEntrySchema,
  type ListContent,
} from './model';
import { LicensedEntrySchema } from './licensed';
import { db, type KgDatabase } from '../core/db';
import { readChunk, type ChunkEntries, type PackedList } from './pack';
import { isCompactIndexData, type CompactIndexData } from '../match/compact-index';

const StoredSiteSchema = z.extend(SiteEntrySchema, { domain: z.string() });

const PART_SCHEMAS = {
  groups: z.array(GroupMetaSchema),
  registrars: z.array(RegistrarSchema),
  breaches: z.array(z.extend(BreachSchema, { domain: z.string() })),
  licensed: z.array(z.extend(LicensedEntrySchema, { domain: z.string() })),
  // The layout before the index: every entry in two big arrays (read once, then converted).
  sites: z.array(StoredSiteSchema),
  domains: z.array(z.string()),
} as const;
export type PartName = keyof typeof PART_SCHEMAS;

export const ChunkSchema = z.object({
  hosts: z.string(),
  refs: z.instanceof(Int32Array),
  sites: z.array(StoredSiteSchema),
});

export interface PartRow {
  listId: string;
  part: string;
  data: unknown;
}

export const chunkPart = (no: number) => `chunk:${no}`;

/** The rows a packed list is stored as. */
export function packedRows(listId: string, packed: PackedList, content: ListContent): PartRow[] {
  return [
    { listId, part: 'index', data: packed.index },
    { listId, part: 'groups', data: packed.groups },
    { listId, part: 'registrars', data: content.registrars },
    { listId, part: 'breaches', data: content.breaches },
    { listId, part: 'licensed', data: content.licensed ?? [] },
    ...packed.chunks.map((chunk, no) => ({ listId, part: chunkPart(no), data: chunk })),
  ];
}

/** Read one part of a list's content, validated. Missing or corrupt parts read as empty. */
export async function getListPart<P extends PartName>(
  id: string,
  part: P,
  database?: KgDatabase,
): Promise<z.infer<(typeof PART_SCHEMAS)[P]>> {
  const store = database ?? (await db());
  const row = (await store.get('listParts', [id, part])) as PartRow | undefined;
  const parsed = PART_SCHEMAS[part].safeParse(row?.data ?? []);
  return (parsed.success ? parsed.data : []) as z.infer<(typeof PART_SCHEMAS)[P]>;
}

/** One chunk of exact entries, validated (its size must match the index), or null. */
export async function getListChunk(
  id: string,
  no: number,
  expected: number,
  database?: KgDatabase,
): Promise<ChunkEntries | null> {
  const store = database ?? (await db());
  const row = (await store.get('listParts', [id, chunkPart(no)])) as PartRow | undefined;
  const parsed = ChunkSchema.safeParse(row?.data);
  return parsed.success ? readChunk(parsed.data, expected) : null;
}

/** The list's fingerprint index as stored, or null when it is missing or not of this format. */
export async function getStoredIndex(
  id: string,
  store: KgDatabase,
): Promise<CompactIndexData | null> {
  const row = (await store.get('listParts', [id, 'index'])) as PartRow | undefined;
  return isCompactIndexData(row?.data) ? row.data : null;
}
