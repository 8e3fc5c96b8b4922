// Where the first-verdict record (first-verdict.ts) is kept, and how a writer of the lists drops
// it: apart from its reader so that store.ts and store-content.ts, which it reads through, can
// drop it without importing it back.
export const FIRST_VERDICT_KEY = 'firstVerdictLists';

/** The part of a readwrite transaction's `kv` store a writer of lists or parts drops it through. */
export interface KvStore {
  delete(key: IDBValidKey): Promise<unknown>;
}

/**
 * Drop the first-verdict record, inside the transaction that changes the lists or their parts:
 * the next wake reads the lists whole and writes it again from what they are then.
 */
export function dropFirstVerdict(kv: KvStore): Promise<unknown> {
  return kv.delete(FIRST_VERDICT_KEY);
}
