// Writes to IndexedDB that land together or not at all (a list and its parts, a report and its
// screenshot, a whole settings file). The writes are queued in one readwrite transaction without
// awaiting each (the transaction orders them), then awaited together with the commit.
/** What is needed of an idb transaction. */
export interface WriteTransaction {
  abort(): void;
  readonly done: Promise<void>;
}

/** Queue one write request of the transaction (it is awaited with the commit). */
export type Track = (request: Promise<unknown>) => void;

/**
 * Run `queue` in `tx`, wait for every write it tracked and for the commit, and return its result.
 * If anything throws, abort the transaction so that nothing lands, and rethrow.
 */
export async function allOrNothing<T>(
  tx: WriteTransaction,
  queue: (track: Track) => Promise<T> | T,
): Promise<T> {
  const writes: Promise<unknown>[] = [];
  // Each request is marked handled at once: if a later write throws, the ones queued before it
  // reject with AbortError when the transaction is aborted, and that is expected, not an
  // unhandled rejection.
  const track: Track = (request) => {
    request.catch(() => undefined);
    writes.push(request);
  };
  try {
    const result = await queue(track);
    await Promise.all([...writes, tx.done]);
    return result;
  } catch (error) {
    // A write that throws (quota, a value IndexedDB refuses to clone) does not abort the
    // transaction by itself: the writes queued before it would commit. Abort explicitly.
    try {
      tx.abort();
    } catch {
      // Already finished or aborted.
    }
    await tx.done.catch(() => undefined);
    throw error;
  }
}
