// Reports in IndexedDB, validated on read. A report is written before any channel is tried; if
// storage is full, it is saved without its screenshot rather than not at all.
//
// Layout (database v6): `reports` holds each report without its screenshot (a flag says whether
// there is one), indexed by the endpoint's state (the outbox reads only what is queued or being
// sent) and by date (My reports, the form's "already saved" notice); `reportShots` holds the
// screenshots, read only when one report is opened, sent or exported. A report and its screenshot
// are written and deleted in one transaction over both stores: a worker stopped between the two
// writes leaves neither, never a report pointing at a missing screenshot or an orphan screenshot.
import { z } from '../core/zod';
import { EvidenceSchema, ReportIdSchema, ReportSchema, type Report } from './model';
import type { ReportSummary } from './views';
import { allOrNothing } from '../core/all-or-nothing';
import { db, type KgDatabase } from '../core/db';
import { DomainError } from '../core/errors';

export class StorageFullError extends DomainError {
  constructor() {
    super('storage-full');
  }
}

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException
    ? error.name === 'QuotaExceededError'
    : (error as { name?: string })?.name === 'QuotaExceededError';
}

/** A stored report: the report without its screenshot, and whether `reportShots` has one. */
export const StoredReportSchema = z.extend(ReportSchema, {
  evidence: z.extend(EvidenceSchema, { screenshot: z.null() }),
  hasScreenshot: z.boolean(),
});

const ShotSchema = z.object({
  id: ReportIdSchema,
  dataUrl: EvidenceSchema.shape.screenshot.def.innerType,
});

const STORES = ['reports', 'reportShots'];

/** The report as `reports` keeps it. */
function summaryOf(report: Report): ReportSummary {
  return {
    ...report,
    evidence: { ...report.evidence, screenshot: null },
    hasScreenshot: report.evidence.screenshot !== null,
  };
}

function parseSummary(row: unknown): ReportSummary | null {
  const parsed = StoredReportSchema.safeParse(row);
  return parsed.success ? parsed.data : null;
}

export interface ReportStore {
  put(report: Report): Promise<void>;
}

export const idbReportStore: ReportStore = {
  async put(report) {
    const valid = ReportSchema.parse(report);
    const tx = (await db()).transaction(STORES, 'readwrite');
    // The report and its screenshot land together or not at all.
    await allOrNothing(tx, (track) => {
      track(tx.objectStore('reports').put(summaryOf(valid)));
      const shots = tx.objectStore('reportShots');
      track(
        valid.evidence.screenshot !== null
          ? shots.put({ id: valid.id, dataUrl: valid.evidence.screenshot })
          : shots.delete(valid.id),
      );
    });
  },
};

/** Save a report; on a full disk, drop the screenshot and try once more. Returns what was stored. */
export async function saveReport(
  report: Report,
  store: ReportStore = idbReportStore,
): Promise<Report> {
  try {
    await store.put(report);
    return report;
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    if (report.evidence.screenshot === null) throw new StorageFullError();
    const smaller: Report = { ...report, evidence: { ...report.evidence, screenshot: null } };
    try {
      await store.put(smaller);
      return smaller;
    } catch (again) {
      if (isQuotaError(again)) throw new StorageFullError();
      throw again;
    }
  }
}

/** Every report without its screenshot, newest first (My reports). */
export async function getReportSummaries(database?: KgDatabase): Promise<ReportSummary[]> {
  const rows = await (database ?? (await db())).getAllFromIndex('reports', 'byCreatedAt');
  return rows
    .map(parseSummary)
    .filter((r): r is ReportSummary => r !== null)
    .reverse();
}

/** Reports created at or after `since`, without screenshots, newest first. */
export async function getReportsSince(since: number): Promise<ReportSummary[]> {
  const rows = await (
    await db()
  ).getAllFromIndex('reports', 'byCreatedAt', IDBKeyRange.lowerBound(since));
  return rows
    .map(parseSummary)
    .filter((r): r is ReportSummary => r !== null)
    .reverse();
}

/** Reports whose endpoint delivery is queued or under way: all the outbox needs to read. */
export async function getPendingReports(): Promise<ReportSummary[]> {
  const database = await db();
  const tx = database.transaction('reports', 'readonly');
  const index = tx.store.index('byEndpointState');
  const [queued, sending] = await Promise.all([index.getAll('queued'), index.getAll('sending')]);
  await tx.done;
  return [...queued, ...sending].map(parseSummary).filter((r): r is ReportSummary => r !== null);
}

/** Every report with its screenshot (the export), newest first. */
export async function getReports(database?: KgDatabase): Promise<Report[]> {
  const store = database ?? (await db());
  const tx = store.transaction(STORES, 'readonly');
  const [rows, shots] = await Promise.all([
    tx.objectStore('reports').index('byCreatedAt').getAll(),
    tx.objectStore('reportShots').getAll(),
  ]);
  await tx.done;
  const byId = new Map<string, string>();
  for (const row of shots) {
    const shot = ShotSchema.safeParse(row);
    if (shot.success) byId.set(shot.data.id, shot.data.dataUrl);
  }
  return rows
    .map(parseSummary)
    .filter((r): r is ReportSummary => r !== null)
    .map((r) => withShot(r, byId.get(r.id) ?? null))
    .reverse();
}

function withShot(summary: ReportSummary, screenshot: string | null): Report {
  const { hasScreenshot: _has, ...report } = summary;
  return { ...report, evidence: { ...report.evidence, screenshot } };
}

/** One report with its screenshot (opened, sent). */
export async function getReport(id: string, database?: KgDatabase): Promise<Report | null> {
  const store = database ?? (await db());
  const tx = store.transaction(STORES, 'readonly');
  const [row, shotRow] = await Promise.all([
    tx.objectStore('reports').get(id),
    tx.objectStore('reportShots').get(id),
  ]);
  await tx.done;
  const summary = parseSummary(row);
  if (!summary) return null;
  const shot = ShotSchema.safeParse(shotRow);
  return withShot(summary, summary.hasScreenshot && shot.success ? shot.data.dataUrl : null);
}

/** One report without its screenshot. */
export async function getReportSummary(id: string): Promise<ReportSummary | null> {
  return parseSummary(await (await db()).get('reports', id));
}

/**
 * Change one report in a read-modify-write transaction. The screenshot is not read or written:
 * nothing that changes a report's status touches it.
 */
export async function updateReport(
  id: string,
  change: (report: ReportSummary) => ReportSummary,
): Promise<ReportSummary | null> {
  const tx = (await db()).transaction('reports', 'readwrite');
  const current = parseSummary(await tx.store.get(id));
  if (!current) {
    await tx.done;
    return null;
  }
  const next = StoredReportSchema.parse({
    ...change(current),
    hasScreenshot: current.hasScreenshot,
  });
  await tx.store.put(next);
  await tx.done;
  return next;
}

/** Delete a report and its screenshot together. */
export async function deleteReport(id: string): Promise<boolean> {
  const tx = (await db()).transaction(STORES, 'readwrite');
  const reports = tx.objectStore('reports');
  const existed = (await reports.get(id)) !== undefined;
  await Promise.all([reports.delete(id), tx.objectStore('reportShots').delete(id), tx.done]);
  return existed;
}
