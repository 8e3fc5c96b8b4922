// Lists in IndexedDB: one metadata record per list and its content in parts. A new version of a
// list replaces the old one inside one transaction, so readers see the old list or the new list,
// never a mixture, and a failure half-way (quota, worker killed) leaves the old list in place.
import { z } from '../zod';
import {
  BreachSchema,
  ListMetaSchema,
  RegistrarSchema,
  SiteCategorySchema,
  SiteEntrySchema,
  type ListContent,
} from '../list/model';
import { db, type KgDatabase } from './db';

export const LIST_FORMATS = ['kusuri-guard', 'domains', 'hibp', 'ublacklist'] as const;
export const ListFormatSchema = z.enum(LIST_FORMATS);
export type ListFormat = z.infer<typeof ListFormatSchema>;

/**
 * What a hit on a list does: `block` stops the page before it loads, `warn` shows the in-page
 * banner and badge only, `notice` is for breach data (a small notice, never a block).
 */
export const ListActionSchema = z.enum(['block', 'warn', 'notice']);
export type ListAction = z.infer<typeof ListActionSchema>;

export const ListStatusSchema = z.object({
  lastAttempt: z.number().nullable().default(null),
  lastSuccess: z.number().nullable().default(null),
  lastError: z
    .object({ code: z.string(), detail: z.string(), at: z.number() })
    .nullable()
    .default(null),
  nextCheck: z.number().nullable().default(null),
  etag: z.string().nullable().default(null),
  lastModified: z.string().nullable().default(null),
  failures: z.number().int().nonnegative().default(0),
  /** A downloaded version that would remove more than half of the list, waiting for the user. */
  pendingShrink: z
    .object({ from: z.number(), to: z.number(), at: z.number(), version: z.number().nullable() })
    .nullable()
    .default(null),
  /** Bytes transferred by the last check (0 for a 304). */
  lastBytes: z.number().nonnegative().default(0),
});
export type ListStatus = z.infer<typeof ListStatusSchema>;

export const ListRecordSchema = z.object({
  id: z.string().min(1),
  origin: z.enum(['bundled', 'subscription', 'custom']),
  format: ListFormatSchema,
  action: ListActionSchema,
  enabled: z.boolean(),
  url: z.string().nullable(),
  meta: ListMetaSchema,
  domainCategory: SiteCategorySchema,
  counts: z.object({
    sites: z.number().int().nonnegative(),
    domains: z.number().int().nonnegative(),
    registrars: z.number().int().nonnegative(),
    breaches: z.number().int().nonnegative(),
  }),
  /** Increases on every content swap; derived state (matchers, rules) is keyed by it. */
  generation: z.number().int().nonnegative(),
  contentHash: z.string(),
  /** Where the current content came from: the copy packaged with the extension or a download. */
  contentFrom: z.enum(['bundled', 'download']),
  installedAt: z.number(),
  status: ListStatusSchema,
  /** How often to check `url` for a new version. */
  intervalMs: z
    .number()
    .int()
    .positive()
    .default(24 * 3600_000),
  /** The list must carry a valid detached signature by the pinned key. */
  signed: z.boolean().default(false),
});
export type ListRecord = z.infer<typeof ListRecordSchema>;

const PART_SCHEMAS = {
  sites: z.array(SiteEntrySchema.extend({ domain: z.string() })),
  domains: z.array(z.string()),
  registrars: z.array(RegistrarSchema),
  breaches: z.array(BreachSchema.extend({ domain: z.string() })),
} as const;
type PartName = keyof typeof PART_SCHEMAS;
const PART_NAMES = Object.keys(PART_SCHEMAS) as PartName[];

interface PartRow {
  listId: string;
  part: string;
  data: unknown;
}

export function emptyStatus(): ListStatus {
  return ListStatusSchema.parse({});
}

function parseRecord(raw: unknown): ListRecord | null {
  const parsed = ListRecordSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export async function getListRecord(id: string, database?: KgDatabase): Promise<ListRecord | null> {
  const store = database ?? (await db());
  return parseRecord(await store.get('lists', id));
}

/** All list records that pass validation (a corrupt record is skipped, not fatal). */
export async function getListRecords(database?: KgDatabase): Promise<ListRecord[]> {
  const store = database ?? (await db());
  const rows = await store.getAll('lists');
  return rows.map(parseRecord).filter((r): r is ListRecord => r !== null);
}

/** Update only the metadata of a list (status, enabled, action) without touching its content. */
export async function putListRecord(record: ListRecord, database?: KgDatabase): Promise<void> {
  const store = database ?? (await db());
  await store.put('lists', ListRecordSchema.parse(record));
}

/**
 * Change a list's record in one read-modify-write transaction (so a refresh finishing and the user
 * toggling the list at the same moment cannot overwrite each other). Returns the new record, or
 * null if the list does not exist.
 */
export async function updateListRecord(
  id: string,
  change: (record: ListRecord) => ListRecord,
  database?: KgDatabase,
): Promise<ListRecord | null> {
  const store = database ?? (await db());
  const tx = store.transaction('lists', 'readwrite');
  const current = parseRecord(await tx.store.get(id));
  if (!current) {
    await tx.done;
    return null;
  }
  const next = ListRecordSchema.parse(change(current));
  await tx.store.put(next);
  await tx.done;
  return next;
}

/**
 * Replace a list's content and record atomically. The record's generation is bumped here.
 * Returns the stored record.
 */
export type ListRecordInput = Omit<z.input<typeof ListRecordSchema>, 'generation' | 'counts'>;

export async function replaceList(
  record: ListRecordInput,
  content: ListContent,
  database?: KgDatabase,
): Promise<ListRecord> {
  const store = database ?? (await db());
  const tx = store.transaction(['lists', 'listParts'], 'readwrite');
  try {
    const lists = tx.objectStore('lists');
    const parts = tx.objectStore('listParts');
    const previous = parseRecord(await lists.get(record.id));
    const stored: ListRecord = ListRecordSchema.parse({
      ...record,
      meta: content.meta,
      domainCategory: content.domainCategory,
      generation: (previous?.generation ?? 0) + 1,
      counts: {
        sites: content.sites.length,
        domains: content.domains.length,
        registrars: content.registrars.length,
        breaches: content.breaches.length,
      },
    });
    await parts.delete(IDBKeyRange.bound([record.id, ''], [record.id, '\uffff']));
    for (const part of PART_NAMES) {
      const row: PartRow = { listId: record.id, part, data: content[part] };
      await parts.put(row);
    }
    await lists.put(stored);
    await tx.done;
    return stored;
  } catch (error) {
    // An exception thrown by put() (a value that cannot be cloned, a quota error) does not abort
    // the transaction by itself: the writes already queued would commit. Abort explicitly.
    abortQuietly(tx);
    await tx.done.catch(() => undefined);
    throw error;
  }
}

function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted.
  }
}

/** Remove a list and its content in one transaction. */
export async function deleteList(id: string, database?: KgDatabase): Promise<void> {
  const store = database ?? (await db());
  const tx = store.transaction(['lists', 'listParts'], 'readwrite');
  await tx.objectStore('listParts').delete(IDBKeyRange.bound([id, ''], [id, '\uffff']));
  await tx.objectStore('lists').delete(id);
  await tx.done;
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

/** Read a list's whole content (meta from its record). */
export async function getListContent(
  id: string,
  database?: KgDatabase,
): Promise<ListContent | null> {
  const store = database ?? (await db());
  const record = await getListRecord(id, store);
  if (!record) return null;
  const [sites, domains, registrars, breaches] = await Promise.all([
    getListPart(id, 'sites', store),
    getListPart(id, 'domains', store),
    getListPart(id, 'registrars', store),
    getListPart(id, 'breaches', store),
  ]);
  return {
    meta: record.meta,
    sites,
    domains,
    domainCategory: record.domainCategory,
    registrars,
    breaches,
  };
}
