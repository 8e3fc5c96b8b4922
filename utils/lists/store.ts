// Lists in IndexedDB: one metadata record per list (`lists`) and its content in parts
// (`listParts`, laid out in store-parts.ts; read back whole in store-content.ts). A new version of
// a list replaces the old one inside one transaction, so readers see the old list or the new list,
// never a mixture, and a failure half-way (quota, worker killed) leaves the old list in place.
import type { z } from '../core/zod';
import type { ListContent } from './model';
import { ListRecordSchema, type ListRecord } from './record';
import { db, type KgDatabase } from '../core/db';
import { countContent } from './counts';
import { packContent } from './pack';
import { packedRows } from './store-parts';
import { allOrNothing } from '../core/all-or-nothing';
import { importMark } from './import-marks';
import { dropFirstVerdict } from './first-verdict-key';

/**
 * The stamp of a record row written by this file (every write below parses the record with
 * ListRecordSchema first, defaults filled in): read back as it was written, without building and
 * running the schema again on every worker start (a waking worker's first verdict reads every
 * record twice, the lists' index and the install check; docs/performance-history.md,
 * "Where a wake's time goes", session 10). Rows without it (older versions, anything else) are
 * validated on read. Raise it whenever ListRecordSchema changes, so that rows written under the old
 * schema are validated (and their new defaults filled in) again.
 */
export const RECORD_CHECKED = 1;

/** The row stored for a record just validated by ListRecordSchema. */
function stamped(record: ListRecord): ListRecord & { checked: number } {
  return { ...record, checked: RECORD_CHECKED };
}

/** A stored record row: as written if stamped, else validated; null if not a record. */
export function parseRecord(raw: unknown): ListRecord | null {
  if (typeof raw === 'object' && raw !== null && 'checked' in raw) {
    const { checked, ...record } = raw as ListRecord & { checked: unknown };
    if (checked === RECORD_CHECKED) return record;
  }
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
  const checked = stamped(ListRecordSchema.parse(record));
  const tx = store.transaction(['lists', 'kv'], 'readwrite');
  await Promise.all([tx.objectStore('lists').put(checked), dropFirstVerdict(tx.objectStore('kv'))]);
  await tx.done;
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
  const tx = store.transaction(['lists', 'kv'], 'readwrite');
  const lists = tx.objectStore('lists');
  const current = parseRecord(await lists.get(id));
  if (!current) {
    await tx.done;
    return null;
  }
  const next = ListRecordSchema.parse(change(current));
  await Promise.all([lists.put(stamped(next)), dropFirstVerdict(tx.objectStore('kv'))]);
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
  timing?: { importStartedAt: number },
): Promise<ListRecord> {
  // Packing is pure and done before the transaction (an IndexedDB transaction closes when it
  // waits on anything but its own requests).
  const packed = packContent(content);
  importMark('packed');
  const rows = packedRows(record.id, packed, content);
  importMark('rows');
  const store = database ?? (await db());
  const tx = store.transaction(['lists', 'listParts', 'kv'], 'readwrite');
  const written = await allOrNothing(tx, async () => {
    const lists = tx.objectStore('lists');
    const parts = tx.objectStore('listParts');
    await dropFirstVerdict(tx.objectStore('kv'));
    const previous = parseRecord(await lists.get(record.id));
    await parts.delete(IDBKeyRange.bound([record.id, ''], [record.id, '\uffff']));
    importMark('old parts deleted');
    for (const row of rows) await parts.put(row);
    importMark(`${rows.length} parts put`);
    // The import time goes into this one record write (the scale benchmark reads it), measured
    // once the last part is written: import, index and the parts' writes, not the commit.
    const status =
      timing === undefined
        ? record.status
        : {
            ...record.status,
            lastImportMs: Math.round(performance.now() - timing.importStartedAt),
          };
    const stored: ListRecord = ListRecordSchema.parse({
      ...record,
      status,
      meta: content.meta,
      domainCategory: content.domainCategory,
      generation: (previous?.generation ?? 0) + 1,
      counts: countContent(content),
    });
    await lists.put(stamped(stored));
    importMark('record put');
    return stored;
  });
  importMark('committed');
  return written;
}

/** Remove a list and its content in one transaction. */
export async function deleteList(id: string, database?: KgDatabase): Promise<void> {
  const store = database ?? (await db());
  const tx = store.transaction(['lists', 'listParts', 'kv'], 'readwrite');
  await dropFirstVerdict(tx.objectStore('kv'));
  await tx.objectStore('listParts').delete(IDBKeyRange.bound([id, ''], [id, '\uffff']));
  await tx.objectStore('lists').delete(id);
  await tx.done;
}
