// The report store reads only what it needs (issue 14, case 7): the v5 → v6 migration from the
// old layout (screenshots inside the reports) with nothing lost, index reads instead of reading
// every report with its screenshot, and a report and its screenshot written all or nothing.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db, openDatabase } from '../../utils/core/db';
import {
  deleteReport,
  getPendingReports,
  getReport,
  getReportSummaries,
  getReports,
  saveReport,
  updateReport,
} from '../../utils/reports/store';
import type { Report } from '../../utils/reports/model';
import { sampleEvidence, sampleReport } from './report-fixture';
import { TINY_JPEG } from './fakes';

/** Report n of the old-layout fixture: every fourth with a screenshot, states in turn. */
function oldReport(n: number): Report {
  const states = ['queued', 'sending', 'delivered', 'failed', 'not-used'] as const;
  const base = sampleReport();
  const hex = n.toString(16).padStart(12, '0');
  return sampleReport({
    id: `0f8fad5b-d9cb-469f-a165-${hex}`,
    idempotencyKey: `7c9e6679-7425-40de-944b-${hex}`,
    createdAt: Date.parse('2026-11-01T00:00:00Z') + n * 60_000,
    comment: `report ${n}`,
    evidence: sampleEvidence({
      site: `shop-${n}.example`,
      screenshot: n % 4 === 0 ? `${TINY_JPEG}${'A'.repeat(n)}` : null,
    }),
    channels: {
      ...base.channels,
      endpoint: { ...base.channels.endpoint, state: states[n % states.length]! },
    },
  });
}

/** Calls reading many rows at once, by store and index (an index query names its key). */
function countBulkReads() {
  const reads: string[] = [];
  const wrap = (
    proto: { getAll: (...args: unknown[]) => unknown },
    what: (self: never) => string,
  ) => {
    const original = proto.getAll;
    return vi.spyOn(proto, 'getAll').mockImplementation(function (this: never, ...args) {
      reads.push(`${what(this)}(${args[0] === undefined ? '' : String(args[0])})`);
      return original.apply(this, args);
    });
  };
  const spies = [
    wrap(IDBObjectStore.prototype as never, (s: IDBObjectStore) => s.name),
    wrap(IDBIndex.prototype as never, (i: IDBIndex) => `${i.objectStore.name}.${i.name}`),
  ];
  return { reads, restore: () => spies.forEach((s) => s.mockRestore()) };
}

afterEach(() => vi.restoreAllMocks());

describe('migration from the v5 layout (screenshots inside the reports)', () => {
  it('moves every screenshot to its own store and loses nothing', async () => {
    const old = await openDatabase(5);
    const reports = Array.from({ length: 40 }, (_, n) => oldReport(n));
    for (const r of reports) await old.put('reports', r);
    // A damaged row stays damaged (and ignored on read), it does not stop the upgrade.
    await old.put('reports', { id: 'not-a-report', evidence: 'nonsense' });
    old.close();

    const current = await db();
    expect([...current.objectStoreNames]).toContain('reportShots');
    // Nothing lost: each report reads back whole, screenshot included.
    for (const r of reports) expect(await getReport(r.id)).toEqual(r);
    expect(await getReports()).toEqual([...reports].reverse());
    // The report rows no longer carry a screenshot; the shots store has exactly the ten.
    const rows = (await current.getAll('reports')) as { evidence: { screenshot: unknown } }[];
    expect(rows.every((row) => row.evidence.screenshot === null)).toBe(true);
    expect(await current.count('reportShots')).toBe(10);
    expect(await current.get('reports', 'not-a-report')).toBeDefined();
    // Summaries say which had one.
    const summaries = await getReportSummaries();
    expect(summaries.map((s) => s.id)).toEqual([...reports].reverse().map((r) => r.id));
    expect(summaries.filter((s) => s.hasScreenshot).map((s) => s.comment)).toEqual(
      [36, 32, 28, 24, 20, 16, 12, 8, 4, 0].map((n) => `report ${n}`),
    );
    // The outbox index finds exactly the queued and sending ones.
    expect((await getPendingReports()).map((r) => r.comment).sort()).toEqual(
      reports
        .filter((r) => ['queued', 'sending'].includes(r.channels.endpoint.state))
        .map((r) => r.comment)
        .sort(),
    );
  });
});

describe('reading only what is needed', () => {
  async function store(count: number): Promise<void> {
    for (let n = 0; n < count; n += 1) await saveReport(oldReport(n));
  }

  it('My reports reads the report rows by date, never a screenshot', async () => {
    await store(200);
    const { reads, restore } = countBulkReads();
    const summaries = await getReportSummaries();
    restore();
    expect(summaries).toHaveLength(200);
    expect(summaries.every((s) => s.evidence.screenshot === null)).toBe(true);
    expect(reads).toEqual(['reports.byCreatedAt()']);
  });

  it('the outbox reads only queued and sending reports, through the status index', async () => {
    await store(200);
    const { reads, restore } = countBulkReads();
    const pending = await getPendingReports();
    restore();
    expect(pending).toHaveLength(80);
    expect(reads.sort()).toEqual([
      'reports.byEndpointState(queued)',
      'reports.byEndpointState(sending)',
    ]);
  });

  it('a status change rewrites the report row and leaves its screenshot alone', async () => {
    const report = oldReport(0);
    await saveReport(report);
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    const changed = await updateReport(report.id, (r) => ({ ...r, comment: 'changed' }));
    expect(put.mock.contexts.map((c) => (c as IDBObjectStore).name)).toEqual(['reports']);
    expect(changed).toMatchObject({ comment: 'changed', hasScreenshot: true });
    expect((await getReport(report.id))!.evidence.screenshot).toBe(report.evidence.screenshot);
  });
});

describe('a report and its screenshot: all or nothing', () => {
  it('a write that fails between the two stores leaves neither (no report without its screenshot)', async () => {
    const report = oldReport(0);
    const original = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args
    ) {
      // The worker dies after the report row is queued, before the screenshot is.
      if (this.name === 'reportShots') throw new DOMException('worker stopped', 'AbortError');
      return original.apply(this, args as never);
    });
    await expect(saveReport(report)).rejects.toThrow('worker stopped');
    vi.restoreAllMocks();
    const database = await db();
    expect(await database.count('reports')).toBe(0);
    expect(await database.count('reportShots')).toBe(0);
  });

  it('a full disk at the screenshot stores the report without it, and no half-written shot', async () => {
    const report = oldReport(0);
    const original = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args
    ) {
      if (this.name === 'reportShots') throw new DOMException('full', 'QuotaExceededError');
      return original.apply(this, args as never);
    });
    const stored = await saveReport(report);
    vi.restoreAllMocks();
    expect(stored.evidence.screenshot).toBeNull();
    expect(await getReport(report.id)).toEqual(stored);
    expect((await getReportSummaries())[0]!.hasScreenshot).toBe(false);
    expect(await (await db()).count('reportShots')).toBe(0);
  });

  it('deleting a report deletes its screenshot in the same transaction', async () => {
    const report = oldReport(0);
    await saveReport(report);
    expect(await (await db()).count('reportShots')).toBe(1);
    expect(await deleteReport(report.id)).toBe(true);
    expect(await (await db()).count('reportShots')).toBe(0);
    expect(await deleteReport(report.id)).toBe(false);
  });

  it('a report row whose screenshot is missing reads without one instead of failing', async () => {
    const report = oldReport(0);
    await saveReport(report);
    await (await db()).delete('reportShots', report.id);
    expect((await getReport(report.id))!.evidence.screenshot).toBeNull();
  });
});
