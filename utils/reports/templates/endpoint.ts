// The report server's payload (pure): the report as JSON, every field as stored.
import type { Report } from '../model';

export const ENDPOINT_SCHEMA = 'kusuri-guard-report/1';

export function endpointPayload(
  report: Pick<Report, 'id' | 'createdAt' | 'lang' | 'kind' | 'comment' | 'evidence'>,
): string {
  return JSON.stringify({
    schema: ENDPOINT_SCHEMA,
    id: report.id,
    createdAt: new Date(report.createdAt).toISOString(),
    lang: report.lang,
    kind: report.kind,
    comment: report.comment,
    evidence: report.evidence,
  });
}
