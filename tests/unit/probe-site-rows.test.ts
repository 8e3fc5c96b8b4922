// A waking worker's first verdict reads a list's breaches and licensed sellers one site at a time
// (rows `@b/<site>`, `@l/<host>`, counted in the index head) instead of the whole parts (the
// packaged breach list's is 221 KB), and a list's group details with the chunk that names the
// group. It answers exactly as the whole index does; lists stored before this layout (a head
// without `bySite`) are read through their whole parts, as before.
import { describe, expect, it } from 'vitest';
import { db } from '../../utils/core/db';
import { registrableDomain } from '../../utils/core/hostname';
import { PSL_TLDTS_VERSION } from '../../utils/core/psl-data';
import { importByFormat } from '../../utils/lists/import';
import { loadListData, probeLists } from '../../utils/lists/list-data';
import type { ListContent } from '../../utils/lists/model';
import { emptyStatus, type ListFormat } from '../../utils/lists/record';
import { getListRecord, replaceList, type ListRecordInput } from '../../utils/lists/store';
import {
  BY_SITE_LAYOUT,
  breachRow,
  licensedRow,
  type IndexHead,
  type PartRow,
} from '../../utils/lists/store-parts';
import { verdictForUrl } from '../../utils/verdicts/compute';
import { ListIndex, ProbeIndex, type ListData } from '../../utils/verdicts/list-index';
import { fakePlatform } from './fakes';
import { listContent, listMeta } from './list-fixture';

const evidence = [{ source: { url: 'https://evidence.example/' }, date: '2026-11' }];

function packaged(format: ListFormat, path: string, category: string): ListContent {
  const text = fakePlatform().files.get(path)!;
  const imported = importByFormat(format, text, { meta: listMeta(format), category } as never);
  if (!imported.ok) throw new Error(imported.error);
  return imported.content;
}

function record(
  id: string,
  format: ListFormat,
  action: ListRecordInput['action'],
  category: ListRecordInput['domainCategory'] = 'rogue-pharmacy',
): ListRecordInput {
  return {
    id,
    origin: 'subscription',
    format,
    action,
    enabled: true,
    url: `https://lists.example/${id}.json`,
    meta: listMeta(id),
    domainCategory: category,
    contentHash: id,
    contentFrom: 'download',
    installedAt: 1,
    status: emptyStatus(),
  };
}

const IDS = ['hibp', 'licensed', 'grouped'] as const;

async function storeLists(): Promise<{ breached: ListContent; licensed: ListContent }> {
  const breached = packaged('hibp', 'lists/hibp-breaches.json', 'breached-service');
  const licensed = packaged('licensed', 'lists/licensed.json', 'rogue-pharmacy');
  await replaceList(record('hibp', 'hibp', 'notice', 'breached-service'), breached);
  await replaceList(record('licensed', 'licensed', 'warn'), licensed);
  await replaceList(
    record('grouped', 'domains', 'block'),
    listContent('grouped', ['bare.example'], {
      groups: [
        {
          id: 'net',
          category: 'unapproved-drug-ads',
          evidence,
          domains: ['group-a.example', 'sub.group-b.example'],
        },
      ],
    }),
  );
  return { breached, licensed };
}

async function indexes(): Promise<{ probe: ProbeIndex; whole: ListIndex }> {
  const records = await Promise.all(IDS.map(async (id) => (await getListRecord(id))!));
  const probe = new ProbeIndex(await probeLists(records));
  const whole = new ListIndex(
    (await Promise.all(records.map((r) => loadListData(r)))).filter((d): d is ListData => !!d),
  );
  return { probe, whole };
}

/**
 * Asks the probe and the whole index the same questions for every visit: breaches of the site,
 * the licensed seller of the host and (unless `lookups` is false) the list hit. Returns how many
 * sites had breaches, so a test also shows that the rows were there to be found.
 */
async function expectSameAnswers(
  probe: ProbeIndex,
  whole: ListIndex,
  hosts: readonly string[],
  lookups = true,
): Promise<{ breachedSites: number; licensedHosts: number }> {
  let breachedSites = 0;
  let licensedHosts = 0;
  for (const host of hosts) {
    const site = registrableDomain(host);
    const breaches = await probe.breachesFor(site);
    expect(breaches, host).toEqual(await whole.breachesFor(site));
    const seller = await probe.licensedFor(host);
    expect(seller, host).toEqual(await whole.licensedFor(host));
    if (lookups) expect(await probe.lookup(host), host).toEqual(await whole.lookup(host));
    if (breaches.length > 0) breachedSites += 1;
    if (seller) licensedHosts += 1;
  }
  return { breachedSites, licensedHosts };
}

/** Hosts with breaches, licensed sellers (and hosts under them), group entries and nothing. */
function visits(breached: ListContent, licensed: ListContent): string[] {
  return [
    ...breached.breaches.slice(0, 40).map((b) => b.domain),
    ...breached.breaches.slice(40, 60).map((b) => `www.${registrableDomain(b.domain)}`),
    ...(licensed.licensed ?? []).slice(0, 40).map((e) => e.domain),
    ...(licensed.licensed ?? []).slice(40, 60).map((e) => `shop.${e.domain}`),
    'group-a.example',
    'x.sub.group-b.example',
    'bare.example',
    'ordinary-site.example',
    '203.0.113.7',
  ];
}

describe('the first verdict reads breaches and licensed sellers per site', () => {
  it('writes one row per site and counts them in the head', async () => {
    const { breached, licensed } = await storeLists();
    const database = await db();
    const head = (await database.get('listParts', ['hibp', 'head'])) as PartRow;
    const sites = new Set(breached.breaches.map((b) => registrableDomain(b.domain)));
    expect((head.data as IndexHead).bySite).toEqual({
      layout: BY_SITE_LAYOUT,
      breaches: sites.size,
      licensed: 0,
      psl: PSL_TLDTS_VERSION,
    });
    const first = breached.breaches[0]!;
    const row = (await database.get('listParts', [
      'hibp',
      breachRow(registrableDomain(first.domain)),
    ])) as PartRow;
    expect(row.data).toContainEqual(first);
    const entry = licensed.licensed![0]!;
    const licensedHead = (await database.get('listParts', ['licensed', 'head'])) as PartRow;
    expect((licensedHead.data as IndexHead).bySite?.licensed).toBe(licensed.licensed!.length);
    expect(
      ((await database.get('listParts', ['licensed', licensedRow(entry.domain)])) as PartRow).data,
    ).toEqual(entry);
  });

  it('never reads the whole parts, and answers as the whole index does', async () => {
    const { breached, licensed } = await storeLists();
    const database = await db();
    // Whole parts gone: only the per-site rows can answer (a read of them would find nothing).
    for (const id of IDS)
      for (const part of ['breaches', 'licensed', 'groups'])
        await database.delete('listParts', IDBKeyRange.bound([id, part], [id, `${part}:\uffff`]));
    const records = await Promise.all(IDS.map(async (id) => (await getListRecord(id))!));
    const probe = new ProbeIndex(await probeLists(records));
    await storeLists();
    const { whole } = await indexes();
    expect(await expectSameAnswers(probe, whole, visits(breached, licensed))).toEqual({
      breachedSites: 60,
      licensedHosts: 60,
    });
  });

  it('gives the same verdicts as the whole index', async () => {
    const { breached, licensed } = await storeLists();
    const { probe, whole } = await indexes();
    for (const host of visits(breached, licensed)) {
      const url = `https://${host}/`;
      const [a, b] = [
        await verdictForUrl(url, probe, new Set(), 1, null, null, {
          lookup: (h) => probe.licensedFor(h),
        }),
        await verdictForUrl(url, whole, new Set(), 1, null, null, whole.licensed),
      ];
      expect(a, host).toEqual(b);
    }
  });

  it('reads lists stored before this layout through their whole parts (upgrade)', async () => {
    const { breached, licensed } = await storeLists();
    const database = await db();
    // As the previous version stored them: no per-site rows, a head without `bySite`.
    const rows = (await database.getAll('listParts')) as PartRow[];
    for (const row of rows) {
      if (row.part.startsWith('@')) await database.delete('listParts', [row.listId, row.part]);
      if (row.part === 'head') {
        const { bySite: _dropped, ...old } = row.data as IndexHead;
        await database.put('listParts', { ...row, data: old });
      }
    }
    const { probe, whole } = await indexes();
    expect(
      ((await database.getAll('listParts')) as PartRow[]).some((r) => r.part.startsWith('@')),
    ).toBe(false);
    expect(await expectSameAnswers(probe, whole, visits(breached, licensed))).toEqual({
      breachedSites: 60,
      licensedHosts: 60,
    });
    // The next import writes the new layout.
    await storeLists();
    const head = (await database.get('listParts', ['hibp', 'head'])) as PartRow;
    expect((head.data as IndexHead).bySite?.layout).toBe(BY_SITE_LAYOUT);
  });

  it('does not read rows keyed by other public suffix rules (an update moved the sites)', async () => {
    const { breached, licensed } = await storeLists();
    const database = await db();
    for (const row of (await database.getAll('listParts')) as PartRow[]) {
      // Rows as other rules would key them: every breach under a site none of today's hosts has.
      if (row.part.startsWith('@b/'))
        await database.put('listParts', { ...row, part: `@b/moved.${row.part.slice(3)}` });
      if (row.part.startsWith('@b/') || row.part.startsWith('@l/'))
        await database.delete('listParts', [row.listId, row.part]);
      if (row.part === 'head') {
        const head = row.data as IndexHead;
        await database.put('listParts', {
          ...row,
          data: { ...head, bySite: { ...head.bySite!, psl: 'another version' } },
        });
      }
    }
    const { probe, whole } = await indexes();
    expect(await expectSameAnswers(probe, whole, visits(breached, licensed), false)).toEqual({
      breachedSites: 60,
      licensedHosts: 60,
    });
  });

  it('never pairs a group of one version with a chunk of another (a swap between reads)', async () => {
    const grouped = (category: 'unapproved-drug-ads' | 'scam', domain: string) =>
      listContent('grouped', ['bare.example'], {
        groups: [{ id: 'net', category, evidence, domains: [domain] }],
      });
    await replaceList(
      record('grouped', 'domains', 'block'),
      grouped('unapproved-drug-ads', 'old.example'),
    );
    // The lists' small parts read (a waking worker's first step) ...
    const probe = new ProbeIndex(await probeLists([(await getListRecord('grouped'))!]));
    // ... then the list swapped before the lookup reads its chunk: group 0 is now another group.
    await replaceList(record('grouped', 'domains', 'block'), grouped('scam', 'new.example'));
    const [hit] = await probe.lookup('new.example');
    expect(hit?.reason).toMatchObject({ listed: 'new.example', category: 'scam' });
    expect(await probe.lookup('old.example')).toEqual([]);
  });
});
