// IndexedDB's write-ahead log, written out after the lists change (issue 15, the wake row).
//
// Chromium keeps an origin's IndexedDB in LevelDB, which appends every write to a log and writes
// the log out to a table file only once about 4 MB have gathered. Every open of a closed database
// replays that log, and Chromium closes an origin's database a few seconds after its last
// connection, so a worker woken after Chrome's 30 s idle stop opens it cold: with the packaged
// lists' 2.6 MB in the log that took 15–25 ms, in which the woken worker sat idle
// (docs/performance-history.md, "Where a wake's time goes", sessions 20 and 21). Deleting a
// database makes Chromium compact the origin's LevelDB, which writes the log out to a table file
// and starts an empty one. So after the lists change a scratch database is made and deleted. In a
// browser whose IndexedDB is not LevelDB (Firefox's is SQLite) that is a few wasted milliseconds.

/** The scratch database: made and deleted at once, never holding anything. */
export const SCRATCH_DB_NAME = 'kusuri-guard-log';

/**
 * Make and delete the scratch database; resolves when done, or at once where there is no
 * IndexedDB. Never rejects: a log not written out only makes the next cold open slower.
 */
export function flushDatabaseLog(
  factory: IDBFactory | undefined = globalThis.indexedDB,
): Promise<void> {
  return new Promise((resolve) => {
    if (!factory) return resolve();
    // Either call may throw where storage is refused (a private window's restrictions).
    try {
      const opening = factory.open(SCRATCH_DB_NAME);
      opening.onerror = () => resolve();
      opening.onsuccess = () => {
        try {
          opening.result.close();
          const deleting = factory.deleteDatabase(SCRATCH_DB_NAME);
          deleting.onsuccess = deleting.onerror = () => resolve();
        } catch {
          resolve();
        }
      };
    } catch {
      resolve();
    }
  });
}
