// A stored report that nothing has left yet: the form offers to finish it rather than start a
// second report about the same site.
import { MANUAL_CHANNELS, type Report } from './model';

/** How far back the form looks for a report on the same site that was saved and never sent. */
export const EARLIER_REPORT_MS = 24 * 3600_000;

/**
 * Nothing of this report has gone anywhere yet: every chosen hand-worked channel is still
 * unopened, and the endpoint, if chosen, was never tried.
 */
export function isUnsent(report: Report): boolean {
  const manual = MANUAL_CHANNELS.map((c) => report.channels[c].state);
  const endpoint = report.channels.endpoint;
  const chosen = manual.some((s) => s !== 'not-used') || endpoint.state !== 'not-used';
  return (
    chosen &&
    !manual.includes('opened') &&
    (endpoint.state === 'not-used' || (endpoint.state === 'queued' && endpoint.attempts === 0))
  );
}
