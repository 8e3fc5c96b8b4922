// Where the first-verdict record (first-verdict.ts) is kept, and how a writer of the lists drops
// it: apart from its reader so that store.ts and store-content.ts, which it reads through, can
// drop it without importing it back. Also holds the copy a waking worker asked for before its
// modules evaluated (utils/core/early-open.ts), which a drop discards with the row.
export const FIRST_VERDICT_KEY = 'firstVerdictLists';

/** The part of a readwrite transaction's `kv` store a writer of lists or parts drops it through. */
export interface KvStore {
  delete(key: IDBValidKey): Promise<unknown>;
}

/** The row as the worker's very first read found it (undefined: none, or the read failed). */
let early: Promise<unknown> | null = null;

/** Keep the row the waking worker's first statement asked for, for the first read to take. */
export function keepEarlyFirstVerdict(row: Promise<unknown>): void {
  early = row;
}

/**
 * The early row, once: the first read of this worker's life takes it, every later read asks the
 * database. Null if there is none or a writer dropped the row since (the copy would be stale).
 */
export function takeEarlyFirstVerdict(): Promise<unknown> | null {
  const row = early;
  early = null;
  return row;
}

/**
 * Drop the first-verdict record, inside the transaction that changes the lists or their parts:
 * the next wake reads the lists whole and writes it again from what they are then. An early copy
 * not taken yet is dropped with it.
 */
export function dropFirstVerdict(kv: KvStore): Promise<unknown> {
  early = null;
  return kv.delete(FIRST_VERDICT_KEY);
}
