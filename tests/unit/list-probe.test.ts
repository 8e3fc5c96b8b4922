// The first verdict's index (ProbeIndex): a waking worker looks a host up by reading only the
// chunks of its suffixes, never a list's whole fingerprint index, and answers exactly as the
// whole index does.
import { describe, expect, it } from 'vitest';
import { db } from '../../utils/core/db';
import { replaceList, getListRecord, type ListRecordInput } from '../../utils/lists/store';
import { lineIndex, loadListData, probeListData, probeLists } from '../../utils/lists/list-data';
import { ListIndex, ProbeIndex, type ListData } from '../../utils/verdicts/list-index';
import { ListsService } from '../../utils/lists/service';
import type { ListContent, SiteEntry } from '../../utils/lists/model';
import {
  getListPart,
  getProbeChunks,
  PARTS_CHECKED,
  type PartRow,
} from '../../utils/lists/store-parts';
import { listContent, listRecordInput } from './list-fixture';
import { fakePlatform } from './fakes';

const evidence = [{ source: { url: 'https://evidence.example/' }, date: '2026-11' }];

/** A downloaded list's record, its content hash its id (each list's content differs). */
const record = (id: string, action: ListRecordInput['action'] = 'block') =>
  listRecordInput(id, { action, contentHash: id });

/** Hosts enough for several chunks (chunks hold about 1,024 hosts). */
function manyHosts(count: number, tag: string): string[] {
  return Array.from({ length: count }, (_, i) => `shop${i.toString(36)}-${tag}.example`);
}

function bigContent(id: string): ListContent {
  return listContent(id, manyHosts(20_000, id), {
    sites: [
      { domain: 'site.example', category: 'rogue-pharmacy', evidence } as SiteEntry,
      { domain: 'fake-shop.example.jp', category: 'scam', evidence } as SiteEntry,
    ],
    groups: [
      {
        id: 'net',
        category: 'unapproved-drug-ads',
        evidence,
        domains: ['group-a.example', 'sub.group-b.example'],
      },
    ],
  });
}

const VISITS = [
  'site.example',
  'www.site.example',
  'a.b.fake-shop.example.jp',
  'group-a.example',
  'sub.group-b.example',
  'x.sub.group-b.example',
  'group-b.example', // a parent of a listing is not listed
  'shop1-big.example',
  'www.shopz-big.example',
  'shop1-small.example',
  'shop1-big.example.evil', // the listing inside a longer host
  'hop1-big.example',
  'example',
  'ordinary-site.example',
  '203.0.113.7',
  'a',
];

async function storeLists(): Promise<void> {
  await replaceList(record('big'), bigContent('big'));
  await replaceList(record('small', 'warn'), listContent('small', manyHosts(50, 'small')));
}

async function indexes(): Promise<{ probe: ProbeIndex; whole: ListIndex }> {
  const records = [(await getListRecord('big'))!, (await getListRecord('small'))!];
  // Every list's small parts read at once, one transaction per list (the full read; the lists
  // service reads the same through the first-verdict record, first-verdict.test.ts).
  const probe = new ProbeIndex(await probeLists(records));
  // One list at a time gives the same lists.
  const single = await Promise.all(records.map((r) => probeListData(r)));
  const fields = (list: object) =>
    Object.fromEntries(Object.entries(list).filter(([, value]) => typeof value !== 'function'));
  expect(single.map(fields)).toEqual((await probeLists(records)).map(fields));
  const whole = new ListIndex(
    (await Promise.all(records.map((r) => loadListData(r)))).filter((d): d is ListData => !!d),
  );
  return { probe, whole };
}

describe('the first verdict reads only the chunks of a host', () => {
  it('answers every host as the whole index does', async () => {
    await storeLists();
    const { probe, whole } = await indexes();
    for (const host of [...VISITS, ...manyHosts(300, 'big').filter((_, i) => i % 7 === 0)]) {
      expect(await probe.lookup(host), host).toEqual(await whole.lookup(host));
    }
    expect((await probe.lookup('x.sub.group-b.example'))[0]!.reason).toMatchObject({
      listed: 'sub.group-b.example',
      category: 'unapproved-drug-ads',
    });
    expect(await probe.lookup('group-b.example')).toEqual([]);
  });

  it('never reads a list’s fingerprint index', async () => {
    await storeLists();
    // Without the index part, a read of it would rebuild and write it again (store-content.ts).
    const database = await db();
    await database.delete('listParts', ['big', 'index']);
    const { probe } = await indexesWithoutWhole();
    expect((await probe.lookup('www.site.example'))[0]!.reason.listed).toBe('site.example');
    expect(await probe.lookup('ordinary-site.example')).toEqual([]);
    expect(await database.get('listParts', ['big', 'index'])).toBeUndefined();
  });

  it('looks a list stored before heads existed up through its whole index', async () => {
    await storeLists();
    const database = await db();
    await database.delete('listParts', ['big', 'head']);
    const { probe, whole } = await indexes();
    for (const host of VISITS)
      expect(await probe.lookup(host), host).toEqual(await whole.lookup(host));
    expect((await probe.lookup('shop1-big.example')).length).toBe(1);
  });

  it('refuses a damaged head or chunk instead of trusting it', async () => {
    await storeLists();
    const database = await db();
    const head = (await database.get('listParts', ['big', 'head'])) as PartRow;
    // A head claiming more chunk bits than buckets is not a head: the whole index answers.
    await database.put('listParts', { ...head, data: { ...(head.data as object), chunkBits: 17 } });
    const { probe } = await indexesWithoutWhole();
    expect((await probe.lookup('site.example')).length).toBe(1);
    // Restore it, then damage every chunk's references: nothing in them is confirmed.
    await database.put('listParts', head);
    const rows = (await database.getAll('listParts')) as PartRow[];
    for (const row of rows.filter((r) => r.listId === 'big' && r.part.startsWith('chunk:')))
      await database.put('listParts', { ...row, data: { ...(row.data as object), refs: 'junk' } });
    const again = await indexesWithoutWhole();
    expect(await again.probe.lookup('site.example')).toEqual([]);
  });

  it('sees a list swapped during a lookup whole, old or new', async () => {
    await replaceList(record('big'), listContent('big', ['old.example', ...manyHosts(30, 'a')]));
    const { probe } = await indexesWithoutWhole();
    const swapped = listContent('big', ['new.example', ...manyHosts(20_000, 'b')]);
    const [oldHits, newHits] = await Promise.all([
      Promise.all([probe.lookup('old.example'), probe.lookup('new.example')]),
      replaceList(record('big'), swapped).then(() =>
        Promise.all([probe.lookup('old.example'), probe.lookup('new.example')]),
      ),
    ]);
    // Each lookup reads one transaction: before the swap only the old list, after it the new.
    expect(oldHits.map((h) => h.length)).toEqual([1, 0]);
    expect(newHits.map((h) => h.length)).toEqual([0, 1]);
  });

  it('reads the chunks the probed head points at beside the head, and its own if a swap moved them', async () => {
    await replaceList(record('big'), listContent('big', ['old.example', ...manyHosts(30, 'a')]));
    const database = await db();
    const oldHead = (await database.get('listParts', ['big', 'head'])) as PartRow;
    const oldBits = (oldHead.data as { chunkBits: number }).chunkBits;
    await replaceList(record('big'), bigContent('big'));
    const newHead = (await database.get('listParts', ['big', 'head'])) as PartRow;
    const newBits = (newHead.data as { chunkBits: number }).chunkBits;
    // The swap changed where hosts live: chunks asked for by the old head's bits are not the new list's.
    expect(newBits).not.toBe(oldBits);
    const his = [0x7fffffff, 0x12345678, -1];
    const plain = await getProbeChunks('big', his, database);
    expect(plain?.head.chunkBits).toBe(newBits);
    expect(await getProbeChunks('big', his, database, undefined, newBits)).toEqual(plain);
    // A stale hint (a list swapped since the probe read its head): the new head's chunks, read again.
    expect(await getProbeChunks('big', his, database, undefined, oldBits)).toEqual(plain);
    // And a lookup through a probe made before the swap finds the new list's hosts.
    await replaceList(record('big'), listContent('big', ['old.example', ...manyHosts(30, 'a')]));
    const { probe } = await indexesWithoutWhole();
    await replaceList(record('big'), bigContent('big'));
    expect((await probe.lookup('www.site.example'))[0]!.reason.listed).toBe('site.example');
    expect(await probe.lookup('old.example')).toEqual([]);
  });
});

async function indexesWithoutWhole(): Promise<{ probe: ProbeIndex }> {
  const records = [(await getListRecord('big'))!, await getListRecord('small')].filter(
    (r) => r !== null,
  );
  return { probe: new ProbeIndex(await Promise.all(records.map((r) => probeListData(r)))) };
}

describe('lineIndex', () => {
  const text = ['a.example', 'b.a.example', 'ab.example', 'x.ab.example.evil', 'last.example'].join(
    '\n',
  );
  it('finds whole lines only', () => {
    expect(lineIndex(text, 'a.example')).toBe(0);
    expect(lineIndex(text, 'ab.example')).toBe(2);
    expect(lineIndex(text, 'last.example')).toBe(4);
    expect(lineIndex(text, 'b.example')).toBe(-1);
    expect(lineIndex(text, 'ab.example.evil')).toBe(-1);
    expect(lineIndex(text, 'x.ab.example')).toBe(-1);
    expect(lineIndex(text, 'example')).toBe(-1);
    expect(lineIndex('', 'a.example')).toBe(-1);
    expect(lineIndex('a.example', 'a.example')).toBe(0);
  });
});

describe('ListsService.lookupIndex', () => {
  it('answers from chunks until the whole index is read, then from the whole index', async () => {
    await storeLists();
    const platform = fakePlatform();
    const lists = new ListsService(platform, [], async () => {
      throw new Error('no import here');
    });
    const first = await lists.lookupIndex();
    expect(first).toBeInstanceOf(ProbeIndex);
    expect((await first.lookup('www.site.example')).length).toBe(1);
    lists.warm();
    const whole = await lists.index();
    expect(await lists.lookupIndex()).toBe(whole);
    // A change drops both: the next lookup sees the new content.
    await replaceList(record('big'), listContent('big', ['other.example']));
    await lists.changed();
    const next = await lists.lookupIndex();
    expect(next).toBeInstanceOf(ProbeIndex);
    expect(await next.lookup('site.example')).toEqual([]);
    expect((await next.lookup('other.example')).length).toBe(1);
  });
});

describe('list parts written from validated content', () => {
  const registrar = { ianaId: 1, name: 'Registrar' };

  it('are stamped when written and read back without validating again', async () => {
    await replaceList(record('big'), bigContent('big'));
    const database = await db();
    const row = (await database.get('listParts', ['big', 'groups'])) as PartRow;
    expect(row.checked).toBe(PARTS_CHECKED);
    // A stamped part is read as written (what a validating read would refuse shows it was not).
    await database.put('listParts', { ...row, part: 'registrars', data: [registrar] });
    expect(await getListPart('big', 'registrars')).toEqual([registrar]);
  });

  it('chunks too: read back as written when stamped, validated when not', async () => {
    await replaceList(record('big'), bigContent('big'));
    const database = await db();
    const row = (await database.get('listParts', ['big', 'chunk:0'])) as PartRow;
    expect(row.checked).toBe(PARTS_CHECKED);
    // A chunk without its sites: a validating read refuses it, a stamped one is read as written.
    const bare = { hosts: 'a.example', refs: Int32Array.of(-1) };
    await database.put('listParts', { ...row, data: bare });
    const stamped = await getProbeChunks('big', [0], database);
    expect(stamped?.chunks.get(0)).toEqual(bare);
    await database.put('listParts', { listId: 'big', part: 'chunk:0', data: bare });
    const unstamped = await getProbeChunks('big', [0], database);
    expect(unstamped?.chunks.get(0)).toBeNull();
    // An unstamped chunk that passes validation (an earlier version's) is read.
    await database.put('listParts', { listId: 'big', part: 'chunk:0', data: row.data });
    expect((await getProbeChunks('big', [0], database))?.chunks.get(0)).toEqual(row.data);
  });

  it('are validated when not stamped (older versions) or not an array', async () => {
    await replaceList(record('big'), bigContent('big'));
    const database = await db();
    await database.put('listParts', { listId: 'big', part: 'registrars', data: [registrar] });
    expect(await getListPart('big', 'registrars')).toEqual([]);
    await database.put('listParts', {
      listId: 'big',
      part: 'groups',
      data: { not: 'an array' },
      checked: PARTS_CHECKED,
    });
    expect(await getListPart('big', 'groups')).toEqual([]);
  });
});
