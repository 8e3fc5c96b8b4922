// The first thing a waking worker does: ask the browser for the database and, once it is open, for
// the first-verdict record (utils/lists/first-verdict.ts), before the rest of the worker's script
// evaluates. The browser opens the database and reads the row while the script runs (about 5–9 ms
// of a wake before any event, docs/performance-history.md, "Where a wake's time goes", session 12);
// before, the opening was asked for only after the script had run and the row only once the open
// database reached the lists service. Raw IndexedDB here: idb's wrapper and the lists' modules are
// not evaluated yet.
import { adoptEarlyConnection, DB_NAME, DB_VERSION } from './db';
import { wakeMark } from './wake-marks';
import { FIRST_VERDICT_KEY, keepEarlyFirstVerdict } from '../lists/first-verdict-key';

/**
 * Open the database at the current version for db() to adopt, and ask for the first-verdict row in
 * the open's success callback. An open that finds an upgrade to make aborts it, so that the
 * migrations stay in one place (openDatabase, which db() then calls); any failure leaves db() to
 * open the database as it always did, and the lists service to read the row itself.
 */
export function openEarly(): void {
  if (typeof indexedDB === 'undefined') return;
  let request: IDBOpenDBRequest;
  wakeMark('database opening (first statement)');
  try {
    request = indexedDB.open(DB_NAME, DB_VERSION);
  } catch {
    return;
  }
  const connection = new Promise<IDBDatabase | null>((resolve) => {
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = (event) => {
      // The aborted upgrade, or a database that would not open: not an error of this worker's.
      event.preventDefault();
      resolve(null);
    };
    request.onsuccess = () => {
      const opened = request.result;
      // As openDatabase's `blocking`: a newer worker after an update wants to upgrade, let it.
      opened.onversionchange = () => opened.close();
      try {
        const get = opened.transaction('kv').objectStore('kv').get(FIRST_VERDICT_KEY);
        keepEarlyFirstVerdict(
          new Promise((done) => {
            get.onsuccess = () => {
              wakeMark('first-verdict record read');
              done(get.result);
            };
            get.onerror = (event) => {
              event.preventDefault();
              done(undefined);
            };
          }),
        );
      } catch {
        // No `kv` store or a closing connection: the lists service reads the row itself.
      }
      resolve(opened);
    };
  });
  adoptEarlyConnection(connection);
}
