// Reports in IndexedDB, validated on read. A report is written before any channel is tried; if
// storage is full, it is saved without its screenshot rather than not at all.
import { ReportSchema, type Report } from './model';
import { db } from '../core/db';
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

export interface ReportStore {
  put(report: Report): Promise<void>;
}

export const idbReportStore: ReportStore = {
  async put(report) {
    await (await db()).put('reports', ReportSchema.parse(report));
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

export async function getReports(): Promise<Report[]> {
  const rows = await (await db()).getAll('reports');
  return rows
    .map((row) => ReportSchema.safeParse(row))
    .filter((r) => r.success)
    .map((r) => r.data)
    .sort((a, b) => b.createdAt - a.createdAt);
}

export async function getReport(id: string): Promise<Report | null> {
  const parsed = ReportSchema.safeParse(await (await db()).get('reports', id));
  return parsed.success ? parsed.data : null;
}

/** Change one report in a read-modify-write transaction. */
export async function updateReport(
  id: string,
  change: (report: Report) => Report,
): Promise<Report | null> {
  const tx = (await db()).transaction('reports', 'readwrite');
  const parsed = ReportSchema.safeParse(await tx.store.get(id));
  if (!parsed.success) {
    await tx.done;
    return null;
  }
  const next = ReportSchema.parse(change(parsed.data));
  await tx.store.put(next);
  await tx.done;
  return next;
}

export async function deleteReport(id: string): Promise<boolean> {
  const tx = (await db()).transaction('reports', 'readwrite');
  const existed = (await tx.store.get(id)) !== undefined;
  await tx.store.delete(id);
  await tx.done;
  return existed;
}
