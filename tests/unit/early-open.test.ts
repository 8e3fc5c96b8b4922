// The database and the first-verdict record asked for by the worker's first statement
// (utils/core/early-open.ts): db() adopts that connection, the first read of the lists takes that
// row, and neither may change what is read: a database to create or upgrade is left to the
// migrations, and a write of the lists after the early read discards the early row.
import { describe, expect, it } from 'vitest';
import { closeSharedDb, db, DB_NAME, DB_VERSION, openDatabase } from '../../utils/core/db';
import { openEarly } from '../../utils/core/early-open';
import { readFirstVerdictLists } from '../../utils/lists/first-verdict';
import { FIRST_VERDICT_KEY, takeEarlyFirstVerdict } from '../../utils/lists/first-verdict-key';
import { deleteList, replaceList } from '../../utils/lists/store';
import { listContent, listRecordInput } from './list-fixture';
import { fullReadSources } from './list-sources';

async function twoListsWithTheirRow() {
  await replaceList(listRecordInput('la', { contentHash: 'la' }), listContent('la', ['a.example']));
  await replaceList(
    listRecordInput('lb', { action: 'warn', contentHash: 'lb' }),
    listContent('lb', ['b.example']),
  );
  await readFirstVerdictLists(await db());
  expect(await (await db()).get('kv', FIRST_VERDICT_KEY)).toBeDefined();
}

/** A worker's next life: the shared connection forgotten, as a stopped worker's is. */
async function nextWake() {
  await closeSharedDb();
  expect(takeEarlyFirstVerdict()).toBeNull();
}

describe('the early open', () => {
  it('hands db() its connection and the first read its row, equal to a full read', async () => {
    await twoListsWithTheirRow();
    const expected = await fullReadSources();
    await nextWake();
    openEarly();
    const database = await db();
    expect(database.version).toBe(DB_VERSION);
    // The row is the one the early read found: the row and a head removed since (which no writer
    // does) would make this a full read, and a different one.
    await database.delete('kv', FIRST_VERDICT_KEY);
    await database.delete('listParts', ['la', 'head']);
    expect(await readFirstVerdictLists(database)).toEqual(expected);
    // Taken once: the next read asks the database.
    expect(takeEarlyFirstVerdict()).toBeNull();
  });

  it('is not used after a write of the lists: the first read agrees with the sources', async () => {
    await twoListsWithTheirRow();
    await nextWake();
    openEarly();
    await db();
    await deleteList('lb');
    const read = await readFirstVerdictLists(await db());
    expect(read.map((l) => l.record.id)).toEqual(['la']);
    expect(read).toEqual(await fullReadSources());
  });

  it('without a row, leaves the read to the lists (which writes the row)', async () => {
    await replaceList(
      listRecordInput('la', { contentHash: 'la' }),
      listContent('la', ['a.example']),
    );
    await nextWake();
    openEarly();
    const read = await readFirstVerdictLists(await db());
    expect(read).toEqual(await fullReadSources());
    expect(await (await db()).get('kv', FIRST_VERDICT_KEY)).toBeDefined();
  });

  it('leaves a new database to the migrations: every store is created', async () => {
    openEarly();
    const database = await db();
    expect(database.version).toBe(DB_VERSION);
    expect([...database.objectStoreNames].sort()).toEqual(
      [
        'allowlist',
        'breachNotices',
        'dismissals',
        'kv',
        'listParts',
        'lists',
        'rdapCache',
        'reportShots',
        'reports',
        'userBlocks',
      ].sort(),
    );
  });

  it('leaves an older database to the migrations, keeping its data', async () => {
    const old = await openDatabase(3);
    await old.put('kv', 'kept', 'probe');
    old.close();
    openEarly();
    const database = await db();
    expect(database.version).toBe(DB_VERSION);
    expect(await database.get('kv', 'probe')).toBe('kept');
    expect(database.objectStoreNames.contains('reportShots')).toBe(true);
  });

  it('lets a newer version upgrade: its connection closes when asked', async () => {
    await (await db()).put('kv', 'kept', 'probe');
    await nextWake();
    openEarly();
    await db();
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, DB_VERSION + 1);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    expect(newer.version).toBe(DB_VERSION + 1);
    newer.close();
  });
});
