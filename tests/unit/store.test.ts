import { describe, expect, it } from 'vitest';
import { sampleEvidence, sampleReport } from './report-fixture';
import { getReport } from '../../utils/reports/store';
import { TINY_JPEG } from './fakes';
import { DB_NAME, DB_VERSION, MIGRATIONS, openDatabase } from '../../utils/core/db';
import {
  deleteList,
  getListRecord,
  getListRecords,
  putListRecord,
  RECORD_CHECKED,
  replaceList,
} from '../../utils/lists/store';
import { getListContent, getListIndex } from '../../utils/lists/store-content';
import { addAllowEntry, getAllowlist, removeAllowEntry } from '../../utils/decisions/allowlist';
import { getSettings, updateSettings } from '../../utils/settings/store';
import { getDismissals } from '../../utils/decisions/dismissals';
import { listContent, listRecordInput } from './list-fixture';
import { loadListData } from '../../utils/lists/list-data';
import { ListIndex } from '../../utils/verdicts/list-index';
import { COMPACT_INDEX_FORMAT } from '../../utils/match/compact-index';
import { LAYOUT_V1 } from './layout-v1-fixture';

const content = (domains: string[]) => listContent('l1', domains);

const record = (id = 'l1') => listRecordInput(id);

describe('database schema and migrations', () => {
  it('creates every store when installed fresh', async () => {
    const db = await openDatabase();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(
      [
        'allowlist',
        'dismissals',
        'kv',
        'listParts',
        'lists',
        'breachNotices',
        'rdapCache',
        'reports',
        'reportShots',
        'userBlocks',
      ].sort(),
    );
    db.close();
  });

  /**
   * Data written at each released version, read back through the current code after upgrading.
   * Add a seed here whenever a migration is added.
   */
  const seeds: Record<number, (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<void>> = {
    1: async (db) => {
      await replaceList(record(), content(['old.example']), db);
      await addAllowEntry(
        { site: 'kept.example', addedAt: 5, listedAs: null, via: 'warning-page' },
        db,
      );
      await db.put('kv', { language: 'ja' }, 'settings');
    },
    2: async (db) => {
      await seeds[1]!(db);
      await db.put('dismissals', { site: 'quiet.example', addedAt: 7, url: null });
    },
    3: async (db) => {
      await seeds[2]!(db);
      await db.put('userBlocks', {
        site: 'mine.example',
        addedAt: 9,
        note: 'fake pills',
        via: 'popup',
      });
    },
    4: async (db) => {
      await seeds[3]!(db);
      await db.put('breachNotices', {
        name: 'OnamaeCom2014',
        site: 'onamae.com',
        shownAt: 11,
        dismissedAt: 12,
      });
    },
    5: async (db) => {
      await seeds[4]!(db);
      // v5 kept the screenshot inside the report.
      await db.put('reports', shotReport);
    },
    6: async (db) => {
      await seeds[4]!(db);
      await db.put('reports', {
        ...shotReport,
        evidence: { ...shotReport.evidence, screenshot: null },
        hasScreenshot: true,
      });
      await db.put('reportShots', { id: shotReport.id, dataUrl: TINY_JPEG });
    },
  };
  const shotReport = sampleReport({ evidence: sampleEvidence({ screenshot: TINY_JPEG }) });

  it.each(Array.from({ length: DB_VERSION }, (_, i) => i + 1))(
    'upgrades a version-%i database to the current version without losing data',
    async (from) => {
      const old = await openDatabase(from);
      await seeds[from]!(old);
      old.close();
      const current = await openDatabase();
      expect(current.version).toBe(DB_VERSION);
      expect((await getListContent('l1', current))?.domains).toEqual(['old.example']);
      expect((await getAllowlist(current)).map((e) => e.site)).toEqual(['kept.example']);
      expect((await getSettings(current)).language).toBe('ja');
      if (from >= 2)
        expect((await getDismissals(current)).map((d) => d.site)).toEqual(['quiet.example']);
      if (from >= 4) {
        expect(await current.get('breachNotices', 'OnamaeCom2014')).toMatchObject({
          dismissedAt: 12,
        });
      }
      if (from >= 5) {
        // Stored reports are validated on read, like every stored record; the screenshot too.
        expect(await getReport(shotReport.id, current)).toEqual(shotReport);
      }
      current.close();
    },
  );

  it('has one seed per migration', () => {
    expect(Object.keys(seeds).map(Number)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });
});

describe('lists in storage', () => {
  it('converts a list stored before the index existed, on first load, and finds its hosts', async () => {
    // What the code before the index wrote: the record, and every entry in two big arrays.
    await replaceList(record('old'), content([]));
    const db = await openDatabase();
    await db.delete('listParts', IDBKeyRange.bound(['old', ''], ['old', '\uffff']));
    await db.put('listParts', { listId: 'old', part: 'sites', data: [] });
    await db.put('listParts', { listId: 'old', part: 'domains', data: ['x.example', 'y.example'] });
    await db.put('listParts', { listId: 'old', part: 'registrars', data: [] });
    await db.put('listParts', { listId: 'old', part: 'breaches', data: [] });
    db.close();
    const stored = (await getListRecord('old'))!;
    const data = (await loadListData(stored))!;
    expect(data.index.size).toBe(2);
    const index = new ListIndex([data]);
    expect((await index.lookup('shop.y.example')).map((h) => h.reason.listed)).toEqual([
      'y.example',
    ]);
    const reopened = await openDatabase();
    const parts = (await reopened.getAllKeys(
      'listParts',
      IDBKeyRange.bound(['old', ''], ['old', '\uffff']),
    )) as [string, string][];
    reopened.close();
    expect(parts.map(([, part]) => part)).not.toContain('domains');
    expect(parts.map(([, part]) => part)).toContain('index');
    expect((await getListContent('old'))?.domains.sort()).toEqual(['x.example', 'y.example']);
  });

  it('converts a list stored in the first index layout (format 1) and keeps every entry', async () => {
    // The rows the format-1 code wrote, byte for byte (layout-v1-fixture.ts).
    await replaceList(record('v1'), content([]));
    const db = await openDatabase();
    await db.delete('listParts', IDBKeyRange.bound(['v1', ''], ['v1', '\uffff']));
    const rows = [
      { part: 'index', data: LAYOUT_V1.index },
      { part: 'groups', data: LAYOUT_V1.groups },
      { part: 'registrars', data: [] },
      { part: 'breaches', data: [] },
      ...LAYOUT_V1.chunks.map((data, no) => ({ part: `chunk:${no}`, data })),
    ];
    for (const row of rows) await db.put('listParts', { listId: 'v1', ...row });
    db.close();
    const data = (await loadListData((await getListRecord('v1'))!))!;
    expect(data.index.data.format).toBe(COMPACT_INDEX_FORMAT);
    expect(data.index.size).toBe(6);
    const index = new ListIndex([data]);
    const listed = async (host: string) =>
      (await index.lookup(host)).map((h) => [h.reason.listed, h.reason.category]);
    expect(await listed('www.site.example')).toEqual([['site.example', 'scam']]);
    expect(await listed('group-b.example')).toEqual([['group-b.example', 'rogue-pharmacy']]);
    expect(await listed('a.shop.bare-two.example')).toEqual([
      ['shop.bare-two.example', 'rogue-pharmacy'],
    ]);
    expect(await listed('other.example')).toEqual([]);
    // Stored in the new layout: the next load reads it as is.
    expect(await getListIndex('v1')).toMatchObject({ format: COMPACT_INDEX_FORMAT, count: 6 });
    const back = (await getListContent('v1'))!;
    expect(back.sites.map((s) => s.domain)).toEqual(['site.example']);
    expect(back.groups.map((g) => [g.id, g.domains])).toEqual([
      ['net', ['group-a.example', 'group-b.example']],
    ]);
    expect(back.domains.sort()).toEqual([
      'bare-one.example',
      'bare-two.example',
      'shop.bare-two.example',
    ]);
  });

  it('rebuilds a damaged index from the stored entries', async () => {
    await replaceList(record('l1'), content(['a.example', 'b.example']));
    const db = await openDatabase();
    await db.put('listParts', { listId: 'l1', part: 'index', data: { format: 1, count: 'x' } });
    db.close();
    expect((await getListContent('l1'))?.domains.sort()).toEqual(['a.example', 'b.example']);
    expect(await getListIndex('l1')).toMatchObject({ count: 2 });
  });

  it('replaces a list atomically and bumps its generation', async () => {
    const first = await replaceList(record(), content(['a.example', 'b.example']));
    expect(first.generation).toBe(1);
    expect(first.counts.domains).toBe(2);
    const second = await replaceList({ ...record(), contentHash: 'h2' }, content(['c.example']));
    expect(second.generation).toBe(2);
    expect((await getListContent('l1'))?.domains).toEqual(['c.example']);
  });

  it('leaves the previous list intact when a write fails half-way', async () => {
    await replaceList(record(), content(['a.example']));
    const broken = content(['new.example']);
    // A value IndexedDB cannot store, in the last part written: the transaction aborts.
    (broken as unknown as { breaches: unknown[] }).breaches = [() => 'not cloneable'];
    await expect(replaceList({ ...record(), contentHash: 'h2' }, broken)).rejects.toThrow();
    expect((await getListContent('l1'))?.domains).toEqual(['a.example']);
    expect((await getListRecord('l1'))?.contentHash).toBe('h1');
  });

  it('skips corrupt records instead of failing', async () => {
    await replaceList(record('good'), content(['a.example']));
    const db = await openDatabase();
    await db.put('lists', { id: 'corrupt', nonsense: true });
    await db.put('listParts', { listId: 'good', part: 'chunk:0', data: 'not a chunk' });
    db.close();
    expect((await getListRecords()).map((r) => r.id)).toEqual(['good']);
    expect((await getListContent('good'))?.domains).toEqual([]);
  });

  it('stamps the records it writes and reads them back as written; validates rows without it', async () => {
    const stored = await replaceList(record(), content(['a.example']));
    const db = await openDatabase();
    const row = (await db.get('lists', 'l1')) as Record<string, unknown>;
    expect(RECORD_CHECKED).toBeGreaterThan(0);
    expect(row.checked).toBe(RECORD_CHECKED);
    expect(await getListRecord('l1')).toEqual(stored);
    expect(await getListRecord('l1')).not.toHaveProperty('checked');
    // Read as written: what a validating read would refuse shows it was not validated again.
    await db.put('lists', { ...row, installedAt: 'stamped' });
    expect((await getListRecord('l1'))?.installedAt).toBe('stamped');
    // A row an earlier version wrote (no stamp, no field added since): validated, defaults filled.
    const { checked: _stamp, confirmedHeld: _held, ...older } = row;
    await db.put('lists', older);
    expect((await getListRecord('l1'))?.confirmedHeld).toEqual([]);
    // Not stamped and not a record, or stamped by another schema: validated, and refused.
    await db.put('lists', { ...older, enabled: 'yes' });
    expect(await getListRecord('l1')).toBeNull();
    await db.put('lists', { ...older, enabled: 'yes', checked: RECORD_CHECKED + 1 });
    expect(await getListRecords()).toEqual([]);
    db.close();
  });

  it('updates metadata without touching content, and deletes lists', async () => {
    const stored = await replaceList(record(), content(['a.example']));
    await putListRecord({ ...stored, enabled: false });
    expect((await getListRecord('l1'))?.enabled).toBe(false);
    expect((await getListContent('l1'))?.domains).toEqual(['a.example']);
    await deleteList('l1');
    expect(await getListRecord('l1')).toBeNull();
    expect(await getListContent('l1')).toBeNull();
  });
});

describe('allowlist and settings', () => {
  it('adds, lists sorted and removes allowlist entries', async () => {
    await addAllowEntry({
      site: 'b.example',
      addedAt: 2,
      listedAs: 'b.example',
      via: 'warning-page',
    });
    await addAllowEntry({ site: 'a.example', addedAt: 1, listedAs: null, via: 'popup' });
    expect((await getAllowlist()).map((e) => e.site)).toEqual(['a.example', 'b.example']);
    expect(await removeAllowEntry('a.example')).toBe(true);
    expect(await removeAllowEntry('a.example')).toBe(false);
    expect((await getAllowlist()).map((e) => e.site)).toEqual(['b.example']);
  });

  it('falls back to defaults for damaged settings', async () => {
    expect(await getSettings()).toEqual({
      language: 'auto',
      autoLookups: true,
      reportEndpoint: null,
    });
    await updateSettings({ language: 'en' });
    expect((await getSettings()).language).toBe('en');
    const db = await openDatabase();
    await db.put('kv', { language: 'klingon', reportEndpoint: 42 }, 'settings');
    db.close();
    expect((await getSettings()).language).toBe('auto');
    expect((await getSettings()).reportEndpoint).toBeNull();
  });

  it('names the database after the extension', () => {
    expect(DB_NAME).toBe('kusuri-guard');
  });
});
