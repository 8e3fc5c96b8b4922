// The extension's one IndexedDB database. Schema changes are numbered migrations: a browser that
// skipped versions runs every step in order inside the single upgrade transaction, so a database is
// never left between versions. Tests open old versions, write data, and upgrade (tests/unit/store).
import { wakeMark } from './wake-marks';
import { openDB, wrap, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';

export const DB_NAME = 'kusuri-guard';

/** Store names, by the version that introduced them. */
export type StoreName =
  | 'kv'
  | 'lists'
  | 'listParts'
  | 'allowlist'
  | 'dismissals'
  | 'userBlocks'
  | 'rdapCache'
  | 'breachNotices'
  | 'reports'
  | 'reportShots';

export type KgDatabase = IDBPDatabase<unknown>;
type UpgradeTx = IDBPTransaction<unknown, StoreNames<unknown>[], 'versionchange'>;

export type Migration = (db: KgDatabase, tx: UpgradeTx) => void;

/**
 * MIGRATIONS[n] upgrades a database from version n to n+1. Never edit a released step: add one.
 */
export const MIGRATIONS: readonly Migration[] = [
  // v1 — the spine: small key/value records (settings, markers), list metadata, list bodies in
  // parts, and the user's allowlist.
  (db) => {
    db.createObjectStore('kv');
    db.createObjectStore('lists', { keyPath: 'id' });
    db.createObjectStore('listParts', { keyPath: ['listId', 'part'] });
    db.createObjectStore('allowlist', { keyPath: 'site' });
  },
  // v2 — the detector: sites where the user said "don't warn me on this site" (in-page banner).
  (db) => {
    db.createObjectStore('dismissals', { keyPath: 'site' });
  },
  // v3 — lists that stay fresh: the user's own blocklist ("block this site for me"), with when
  // and why each site was added.
  (db) => {
    db.createObjectStore('userBlocks', { keyPath: 'site' });
  },
  // v4 — site intelligence: RDAP answers with their expiry, and which breach notices the user has
  // seen or dismissed.
  (db) => {
    db.createObjectStore('rdapCache', { keyPath: 'domain' });
    db.createObjectStore('breachNotices', { keyPath: 'name' });
  },
  // v5 — reports: each report with its evidence and the status of every channel, saved before any
  // channel is tried.
  (db) => {
    db.createObjectStore('reports', { keyPath: 'id' });
  },
  // v6 — a report store that reads only what it needs (issue 14, case 7): every save read every
  // report with its screenshot. Reports get indexes by endpoint status (the outbox) and by date
  // (My reports, the form's "already saved"); screenshots move to their own store, read only when
  // a report is opened, sent or exported. Existing reports are rewritten in this same upgrade
  // transaction, so a browser closed half-way keeps the v5 layout and upgrades again next time.
  (db, tx) => {
    const reports = tx.objectStore('reports');
    reports.createIndex('byEndpointState', 'channels.endpoint.state');
    reports.createIndex('byCreatedAt', 'createdAt');
    db.createObjectStore('reportShots', { keyPath: 'id' });
    void moveScreenshots(tx);
  },
];

/** v6: each report's screenshot to `reportShots`, the report keeping only `hasScreenshot`. */
async function moveScreenshots(tx: UpgradeTx): Promise<void> {
  const reports = tx.objectStore('reports');
  const shots = tx.objectStore('reportShots');
  // Requests chained from cursor callbacks keep the upgrade transaction alive; a failed put
  // aborts it, and with it the whole upgrade (the database stays at v5, nothing lost).
  for (let cursor = await reports.openCursor(); cursor; cursor = await cursor.continue()) {
    const value = cursor.value as { id?: unknown; evidence?: { screenshot?: unknown } } | null;
    if (!value || typeof value !== 'object') continue;
    const screenshot = value.evidence?.screenshot;
    const hasScreenshot = typeof screenshot === 'string';
    if (hasScreenshot) void shots.put({ id: value.id, dataUrl: screenshot });
    void cursor.update({
      ...value,
      evidence: { ...value.evidence, screenshot: null },
      hasScreenshot,
    });
  }
}

export const DB_VERSION = MIGRATIONS.length;

/** Open the database, upgrading it to `version` (tests pass older versions). */
export async function openDatabase(version: number = DB_VERSION): Promise<KgDatabase> {
  return openDB<unknown>(DB_NAME, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      const target = newVersion ?? version;
      for (let v = oldVersion; v < target; v += 1) MIGRATIONS[v]!(db, tx);
    },
    blocking(_current, _next, event) {
      // Another context (a newer worker after an update) wants to upgrade: let it.
      (event.target as IDBDatabase).close();
    },
  });
}

let shared: Promise<KgDatabase> | null = null;
/** A connection asked for before the modules evaluated (early-open.ts), for the first db() to take. */
let early: Promise<IDBDatabase | null> | null = null;

/**
 * Give db() a connection opened at the current version by the worker's first statement (null if
 * that open failed or found an upgrade to make, which it leaves to openDatabase's migrations).
 */
export function adoptEarlyConnection(connection: Promise<IDBDatabase | null>): void {
  if (!shared) early = connection;
}

/** The database for this context, opened once. */
export function db(): Promise<KgDatabase> {
  if (!shared) {
    wakeMark('database opening');
    const adopted = early;
    early = null;
    const opening = adopted
      ? adopted.then((raw) => (raw ? (wrap(raw) as KgDatabase) : openDatabase()))
      : openDatabase();
    shared = opening.then((opened) => {
      wakeMark('database open');
      return opened;
    });
    shared = shared.catch((error: unknown) => {
      shared = null;
      throw error;
    });
  }
  return shared;
}

/** Forget the shared connection (tests, and after a deleteDatabase). */
export async function closeSharedDb(): Promise<void> {
  const current = shared;
  const pending = early;
  shared = null;
  early = null;
  if (current) (await current.catch(() => null))?.close();
  if (pending) (await pending)?.close();
}
