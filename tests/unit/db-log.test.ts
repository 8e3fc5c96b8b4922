// The database's log written out after the lists change (utils/core/db-log.ts): a scratch
// database made and deleted, which makes Chromium write LevelDB's log out to a table file (the
// end-to-end test in tests/e2e/db-log.test.ts checks that in Chromium). Here: what is asked of
// IndexedDB, that it never fails a caller, and that the lists service asks for it after every
// change, once the first-verdict record has been written again.
import { describe, expect, it, vi } from 'vitest';
import { composeBackground } from '../../utils/background/root';
import { db } from '../../utils/core/db';
import { flushDatabaseLog, SCRATCH_DB_NAME } from '../../utils/core/db-log';
import { defaultCatalog } from '../../utils/lists/catalog';
import { FIRST_VERDICT_KEY } from '../../utils/lists/first-verdict-key';
import { fakePlatform } from './fakes';

const names = async () => (await indexedDB.databases()).map((d) => d.name);

/** Resolves when the scratch database is deleted, with whether the first-verdict row was there. */
function watchFlushes() {
  const deleteDatabase = indexedDB.deleteDatabase.bind(indexedDB);
  const flushes: boolean[] = [];
  const spy = vi.spyOn(indexedDB, 'deleteDatabase').mockImplementation((name: string) => {
    if (name === SCRATCH_DB_NAME)
      void db()
        .then((store) => store.get('kv', FIRST_VERDICT_KEY))
        .then((row) => flushes.push(row !== undefined));
    return deleteDatabase(name);
  });
  return { flushes, spy };
}

describe('flushDatabaseLog', () => {
  it('makes the scratch database and deletes it', async () => {
    const open = vi.spyOn(indexedDB, 'open');
    const { spy } = watchFlushes();
    await flushDatabaseLog();
    expect(open).toHaveBeenCalledWith(SCRATCH_DB_NAME);
    expect(spy).toHaveBeenCalledWith(SCRATCH_DB_NAME);
    expect(await names()).not.toContain(SCRATCH_DB_NAME);
  });

  it('leaves the extension database alone', async () => {
    const store = await db();
    await store.put('kv', 'kept', 'a-key');
    await flushDatabaseLog();
    expect(await store.get('kv', 'a-key')).toBe('kept');
    expect(await names()).toContain('kusuri-guard');
  });

  it('resolves where there is no IndexedDB, and when opening fails', async () => {
    await expect(flushDatabaseLog(undefined)).resolves.toBeUndefined();
    const failing = {
      open() {
        const request = {} as IDBOpenDBRequest;
        setTimeout(() => request.onerror?.(new Event('error')), 0);
        return request;
      },
    } as unknown as IDBFactory;
    await expect(flushDatabaseLog(failing)).resolves.toBeUndefined();
    const refusing = {
      open() {
        throw new DOMException(
          'The user denied permission to access the database.',
          'SecurityError',
        );
      },
    } as unknown as IDBFactory;
    await expect(flushDatabaseLog(refusing)).resolves.toBeUndefined();
  });

  it('resolves when deleting fails', async () => {
    const factory = indexedDB;
    vi.spyOn(factory, 'deleteDatabase').mockImplementation(() => {
      const request = {} as IDBOpenDBRequest;
      setTimeout(() => request.onerror?.(new Event('error')), 0);
      return request;
    });
    await expect(flushDatabaseLog(factory)).resolves.toBeUndefined();
  });
});

describe('the lists service writes the log out', () => {
  it('after installing the packaged lists, once the first-verdict record is written', async () => {
    const { flushes } = watchFlushes();
    const background = composeBackground(fakePlatform(), defaultCatalog(null));
    await background.lifecycle.onInstalled('install');
    await vi.waitFor(() => expect(flushes.length).toBeGreaterThan(0));
    expect(flushes.every((rowThere) => rowThere)).toBe(true);
  });

  it('after a list is turned off, once the first-verdict record is written again', async () => {
    // The pre-load rules read the whole index on such a change: a lookup would have answered from
    // it and never written the record, which the change dropped (found in review).
    const background = composeBackground(fakePlatform(), defaultCatalog(null));
    await background.lifecycle.onInstalled('install');
    await background.lists.settled;
    // As the pre-load rules do when the block rules change: the whole index read during the change.
    background.lists.onChanged.subscribe(() => background.lists.index());
    const { flushes } = watchFlushes();
    await background.lists.setEnabled('blocklistproject-drugs', false);
    await background.lists.settled;
    await vi.waitFor(() => expect(flushes.length).toBe(1));
    expect(flushes[0]).toBe(true);
    const row = (await (await db()).get('kv', FIRST_VERDICT_KEY)) as { lists: unknown[] };
    expect(row.lists.length).toBe(defaultCatalog(null).length - 1);
  });

  it('after a change of the lists (a site the user blocks), and not when nothing changed', async () => {
    const background = composeBackground(fakePlatform(), defaultCatalog(null));
    await background.lifecycle.onInstalled('install');
    await background.lists.settled;
    const { flushes } = watchFlushes();
    await background.verdicts.checkSite('https://example.com/');
    await new Promise((r) => setTimeout(r, 50));
    expect(flushes).toEqual([]);
    await background.decisions.blockSite('rogue-shop.example', '', 'popup');
    await vi.waitFor(() => expect(flushes.length).toBe(1));
    expect(flushes[0]).toBe(true);
  });
});
