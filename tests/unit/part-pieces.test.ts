// A list's small parts (groups, registrars, breaches, licensed sellers) are read on every wake.
// One larger than Chromium keeps inline (64 KB, IDBValueWrapper::kWrapThreshold) would be stored
// as a blob file and read back from it: packedRows writes such a part in pieces, and every reader
// gets the part whole, from pieces or from the single row every earlier version wrote.
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { db } from '../../utils/core/db';
import { importByFormat } from '../../utils/lists/import';
import { probeLists } from '../../utils/lists/list-data';
import { emptyStatus } from '../../utils/lists/record';
import { getListRecord, replaceList, type ListRecordInput } from '../../utils/lists/store';
import {
  getListPart,
  packedRows,
  PARTS_CHECKED,
  splitPieces,
  type IndexHead,
  type PartRow,
} from '../../utils/lists/store-parts';
import { packContent } from '../../utils/lists/pack';
import type { ListContent } from '../../utils/lists/model';
import { fakePlatform } from './fakes';
import { listMeta } from './list-fixture';

const WRAP_THRESHOLD = 64 * 1024;

function breachList(): ListContent {
  const text = fakePlatform().files.get('lists/hibp-breaches.json')!;
  const imported = importByFormat('hibp', text, {
    meta: listMeta('hibp'),
    category: 'breached-service',
  } as never);
  if (!imported.ok) throw new Error(imported.error);
  return imported.content;
}

const record: ListRecordInput = {
  id: 'hibp',
  origin: 'subscription',
  format: 'hibp',
  action: 'notice',
  enabled: true,
  url: 'https://lists.example/hibp.json',
  meta: listMeta('hibp'),
  domainCategory: 'breached-service',
  contentHash: 'hibp',
  contentFrom: 'bundled',
  installedAt: 1,
  status: emptyStatus(),
};

describe('parts in pieces', () => {
  it('split the packaged breach list into rows Chromium keeps inline', () => {
    const content = breachList();
    expect(serialize(content.breaches).length).toBeGreaterThan(WRAP_THRESHOLD);
    const rows = packedRows('hibp', packContent(content), content).filter((r) =>
      r.part.startsWith('breaches'),
    );
    expect(rows.length).toBeGreaterThan(1);
    expect(rows[0]).toMatchObject({ part: 'breaches', pieces: rows.length });
    for (const row of rows) expect(serialize(row).length).toBeLessThan(WRAP_THRESHOLD);
    expect(rows.flatMap((r) => r.data as unknown[])).toEqual(content.breaches);
  });

  it('keep small parts in one row, as before', () => {
    expect(splitPieces([1, 2, 3])).toEqual([[1, 2, 3]]);
    expect(splitPieces([])).toEqual([[]]);
    const big = 'x'.repeat(15_000);
    expect(splitPieces([big, big, 'y'])).toEqual([[big], [big, 'y']]);
  });

  it('read back whole, one part at a time or every list at once', async () => {
    const content = breachList();
    await replaceList(record, content);
    expect(await getListPart('hibp', 'breaches')).toEqual(content.breaches);
    // A waking worker reads the breaches of one site (probe-site-rows.test.ts), not the part;
    // a list stored before that layout is read whole, pieces and all.
    const [probed] = await probeLists([(await getListRecord('hibp'))!]);
    expect(probed!.breaches).toEqual([]);
    const database = await db();
    const head = (await database.get('listParts', ['hibp', 'head'])) as PartRow;
    const { bySite: _dropped, ...old } = head.data as IndexHead;
    await database.put('listParts', { ...head, data: old });
    const [before] = await probeLists([(await getListRecord('hibp'))!]);
    expect(before!.breaches).toEqual(content.breaches);
  });

  it('read a part an earlier version stored in one row, and validate one not stamped', async () => {
    const content = breachList();
    await replaceList(record, content);
    const database = await db();
    const rows = (await database.getAll(
      'listParts',
      IDBKeyRange.bound(['hibp', 'breaches'], ['hibp', 'breaches\uffff']),
    )) as PartRow[];
    await database.delete(
      'listParts',
      IDBKeyRange.bound(['hibp', 'breaches'], ['hibp', 'breaches\uffff']),
    );
    // As every version before pieces wrote it: the whole part in one row.
    await database.put('listParts', {
      listId: 'hibp',
      part: 'breaches',
      data: content.breaches,
      checked: PARTS_CHECKED,
    } satisfies PartRow);
    expect(await getListPart('hibp', 'breaches')).toEqual(content.breaches);
    // Without the stamp it is validated: a broken entry makes the part read as empty.
    await database.put('listParts', {
      listId: 'hibp',
      part: 'breaches',
      data: [...content.breaches, { name: '' }],
    } satisfies PartRow);
    expect(await getListPart('hibp', 'breaches')).toEqual([]);
    expect(rows.length).toBeGreaterThan(1);
  });

  it('read as empty when a piece is missing, never as part of the list', async () => {
    const content = breachList();
    await replaceList(record, content);
    const database = await db();
    await database.delete('listParts', ['hibp', 'breaches:1']);
    expect(await getListPart('hibp', 'breaches')).toEqual([]);
    // A list stored before per-site rows (read through its whole part) reads no breach either.
    const head = (await database.get('listParts', ['hibp', 'head'])) as PartRow;
    const { bySite: _dropped, ...old } = head.data as IndexHead;
    await database.put('listParts', { ...head, data: old });
    const [probed] = await probeLists([(await getListRecord('hibp'))!]);
    expect(probed!.breaches).toEqual([]);
  });
});
