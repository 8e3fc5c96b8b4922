// The first-verdict record: every enabled list's record and small parts (its head's counts and
// chunk bits, its registrars), the rows a waking worker's first lookup reads before the chunks
// of the visited host, kept in one `kv` row so that a wake reads them in one request instead of
// the records, then each list's parts (two rounds of IndexedDB, 4–8 ms each on a wake;
// docs/performance-history.md, "Where a wake's time goes", session 11).
//
// Kept consistent by construction rather than checked on read: every write to `lists` or
// `listParts` (store.ts, store-content.ts) deletes the row in its own transaction, and the row is
// only ever written by the read below, in one readwrite transaction over the lists, their parts
// and `kv`, from what that transaction read. So a row that exists was made from the stored lists
// as they are now; a missing row (the first wake after a change, or never written) is the full
// read, which writes it again. Everything in it was validated when it was written (records and
// parts are stamped at write time, store.ts and store-parts.ts) and read through the same
// functions a full read uses: it is our own data, not re-validated here beyond its version.
import type { KgDatabase } from '../core/db';
import { parseRecord, RECORD_CHECKED } from './store';
import { PARTS_CHECKED, probePartsIn, type PartsStore, type ProbeParts } from './store-parts';
import type { ListRecord } from './record';
import { FIRST_VERDICT_KEY, takeEarlyFirstVerdict } from './first-verdict-key';

/**
 * Raise when what the row holds changes. The records' and parts' own stamps are part of it too:
 * a change of their schemas makes every earlier row a miss.
 */
const FIRST_VERDICT_VERSION = 1;

export interface FirstVerdictList {
  record: ListRecord;
  parts: ProbeParts;
}

interface FirstVerdictRow {
  version: number;
  records: number;
  parts: number;
  lists: FirstVerdictList[];
}

function isCurrent(row: unknown): row is FirstVerdictRow {
  if (typeof row !== 'object' || row === null) return false;
  const r = row as Partial<FirstVerdictRow>;
  return (
    r.version === FIRST_VERDICT_VERSION &&
    r.records === RECORD_CHECKED &&
    r.parts === PARTS_CHECKED &&
    Array.isArray(r.lists)
  );
}

/**
 * The enabled lists with their small parts, in catalog-independent stored order: from the row if
 * there is one (one request), else read whole in one transaction that writes the row. The row is
 * written only when every list keeps its breaches and licensed sellers per site (lists stored
 * before that layout carry those parts whole, up to hundreds of KB: they are read as before).
 */
export async function readFirstVerdictLists(store: KgDatabase): Promise<FirstVerdictList[]> {
  // The first read of a waking worker takes the row its first statement asked for (early-open.ts):
  // that read's transaction was created before any write of this worker's life, and a writer
  // since would have discarded it (dropFirstVerdict), so it is the row as a read here would find it.
  const kept: unknown = await (takeEarlyFirstVerdict() ?? store.get('kv', FIRST_VERDICT_KEY));
  if (isCurrent(kept)) return kept.lists;
  const tx = store.transaction(['lists', 'listParts', 'kv'], 'readwrite');
  const rows = await tx.objectStore('lists').getAll();
  const records = rows.map(parseRecord).filter((r): r is ListRecord => r !== null && r.enabled);
  const parts = tx.objectStore('listParts') as unknown as PartsStore;
  const lists = await Promise.all(
    records.map(async (record) => ({
      record,
      parts: await probePartsIn(parts, record.id, record.format === 'licensed'),
    })),
  );
  try {
    if (lists.every((list) => list.parts.bySite !== null)) {
      const row: FirstVerdictRow = {
        version: FIRST_VERDICT_VERSION,
        records: RECORD_CHECKED,
        parts: PARTS_CHECKED,
        lists,
      };
      await tx.objectStore('kv').put(row, FIRST_VERDICT_KEY);
    }
    await tx.done;
  } catch {
    // The lists were read whole; only the row failed to be written (a full disk, a database
    // closing): this verdict goes on with what was read, the next wake reads the lists whole again.
  }
  return lists;
}
