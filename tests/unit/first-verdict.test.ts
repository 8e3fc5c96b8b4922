// The first-verdict record (utils/lists/first-verdict.ts): every enabled list's record and small
// parts in one row, read by a waking worker in one request. Every writer of the lists or their
// parts drops it in its own transaction; the next read is the full read, which writes it again.
// After every change it agrees with the sources, and a stale, foreign or missing row is never used.
import { describe, expect, it, vi } from 'vitest';
import { serialize } from 'node:v8';
import { composeBackground } from '../../utils/background/root';
import { db } from '../../utils/core/db';
import { FIRST_VERDICT_KEY } from '../../utils/lists/first-verdict-key';
import { readFirstVerdictLists } from '../../utils/lists/first-verdict';
import {
  deleteList,
  getListRecords,
  putListRecord,
  replaceList,
  updateListRecord,
  type ListRecordInput,
} from '../../utils/lists/store';
import { getListIndex } from '../../utils/lists/store-content';
import type { PartRow } from '../../utils/lists/store-parts';
import { ListsService } from '../../utils/lists/service';
import { defaultCatalog } from '../../utils/lists/catalog';
import type { SiteEntry } from '../../utils/lists/model';
import { listContent, listRecordInput } from './list-fixture';
import { fakePlatform } from './fakes';
import { fullReadSources } from './list-sources';

const evidence = [{ source: { url: 'https://evidence.example/' }, date: '2026-11' }];

/** A downloaded list's record, its content hash its id (each list's content differs). */
const record = (id: string, action: ListRecordInput['action'] = 'block') =>
  listRecordInput(id, { action, contentHash: id });

function content(id: string, hosts: string[]) {
  return listContent(id, hosts, {
    sites: [{ domain: `site-${id}.example`, category: 'rogue-pharmacy', evidence } as SiteEntry],
  });
}

const kept = async () => (await db()).get('kv', FIRST_VERDICT_KEY);

async function twoLists() {
  await replaceList(record('la'), content('la', ['one.example', 'two.example']));
  await replaceList(record('lb', 'warn'), content('lb', ['three.example']));
}

describe('the first-verdict record', () => {
  it('is written by the first read and then read alone, equal to the sources', async () => {
    await twoLists();
    expect(await kept()).toBeUndefined();
    const first = await readFirstVerdictLists(await db());
    expect(first).toEqual(await fullReadSources());
    expect(first.map((l) => l.record.id).sort()).toEqual(['la', 'lb']);
    expect(await kept()).toBeDefined();
    // Read from the row: the sources are not read (a head removed behind the stores' back,
    // which no writer does, shows which was read).
    const database = await db();
    await database.delete('listParts', ['la', 'head']);
    expect(await readFirstVerdictLists(database)).toEqual(first);
    expect(await fullReadSources()).not.toEqual(first);
  });

  const writers: [string, () => Promise<unknown>][] = [
    ['replaceList', () => replaceList(record('la'), content('la', ['four.example']))],
    ['deleteList', () => deleteList('lb')],
    [
      'updateListRecord (disabled)',
      () => updateListRecord('la', (r) => ({ ...r, enabled: false })),
    ],
    [
      'putListRecord',
      async () => {
        const [b] = (await getListRecords()).filter((r) => r.id === 'lb');
        await putListRecord({ ...b!, action: 'block' });
      },
    ],
    [
      'the layout rebuilt (store-content)',
      async () => {
        await (await db()).delete('listParts', ['la', 'index']);
        // The lists' read drops the row too, but only the rebuild may write parts: read back.
        await (await db()).put('kv', await kept(), FIRST_VERDICT_KEY);
        await getListIndex('la');
      },
    ],
  ];

  for (const [name, write] of writers) {
    it(`is dropped by ${name}, and the next read agrees with the sources`, async () => {
      await twoLists();
      await readFirstVerdictLists(await db());
      expect(await kept()).toBeDefined();
      await write();
      expect(await kept()).toBeUndefined();
      const after = await readFirstVerdictLists(await db());
      expect(after).toEqual(await fullReadSources());
      expect(await kept()).toBeDefined();
    });
  }

  it('is not used when it is of another version or damaged: the sources are read', async () => {
    await twoLists();
    const database = await db();
    const row = (await readFirstVerdictLists(database)) && (await kept());
    for (const other of [
      { ...(row as object), version: 0 },
      { ...(row as object), records: -1 },
      { ...(row as object), parts: -1 },
      { ...(row as object), lists: 'junk' },
      'junk',
    ]) {
      await database.put('kv', other, FIRST_VERDICT_KEY);
      expect(await readFirstVerdictLists(database)).toEqual(await fullReadSources());
      expect(await kept()).toEqual(row);
    }
  });

  it('is not written while a list keeps its breaches whole (stored before per-site rows)', async () => {
    await twoLists();
    const database = await db();
    const head = (await database.get('listParts', ['la', 'head'])) as PartRow;
    const { bySite: _dropped, ...older } = head.data as { bySite?: unknown };
    await database.put('listParts', { ...head, data: older });
    expect(await readFirstVerdictLists(database)).toEqual(await fullReadSources());
    expect(await kept()).toBeUndefined();
  });

  it("is what the lists service's first index reads, and follows a list switched off", async () => {
    const platform = fakePlatform();
    const lists = new ListsService(platform, defaultCatalog(null), async () => {
      throw new Error('no import here');
    });
    await twoLists();
    expect((await (await lists.lookupIndex()).lookup('www.one.example')).length).toBe(1);
    expect(await kept()).toBeDefined();
    await lists.setEnabled('la', false);
    expect(await kept()).toBeUndefined();
    expect(await (await lists.lookupIndex()).lookup('www.one.example')).toEqual([]);
    expect((await (await lists.lookupIndex()).lookup('three.example')).length).toBe(1);
  });

  it('stays under the size Chromium stores as a blob file of its own, with the packaged lists', async () => {
    // A value over 64 KB (IDBValueWrapper::kWrapThreshold) is read back from a file of its own
    // (docs/performance-history.md, "Where a wake's time goes", session 7): the row is one small
    // read only under it.
    await composeBackground(fakePlatform(), defaultCatalog(null)).lifecycle.onInstalled();
    const lists = await readFirstVerdictLists(await db());
    expect(lists.length).toBe(defaultCatalog(null).length);
    const row: unknown = await kept();
    expect(row).toBeDefined();
    expect(serialize(row).length).toBeLessThan(64 * 1024);
  }, 60_000);

  it('a row that cannot be written (a full disk) still gives the lists read whole', async () => {
    await twoLists();
    const put = IDBObjectStore.prototype.put;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      value: unknown,
      key?: IDBValidKey,
    ) {
      if (key === FIRST_VERDICT_KEY) throw new DOMException('full', 'QuotaExceededError');
      return put.call(this, value, key);
    });
    try {
      expect(await readFirstVerdictLists(await db())).toEqual(await fullReadSources());
      expect(await kept()).toBeUndefined();
    } finally {
      spy.mockRestore();
    }
    expect(await readFirstVerdictLists(await db())).toEqual(await fullReadSources());
    expect(await kept()).toBeDefined();
  });
});
