// The delivery queue for the HTTPS endpoint: alarms, exponential backoff with jitter, an
// idempotency key, and survival of worker and browser restarts (the queue lives in the stored
// reports, never only in memory).
import type { EndpointChannel, Report } from './model';
import { endpointPayload } from './templates/endpoint';
import { classify, MAX_ATTEMPTS, retryDelay, SEND_TIMEOUT_MS } from './queue';
import { getPendingReports, getReport, updateReport } from './store';
import { parseRetryAfter } from '../lists/fetch-list';
import type { Platform } from '../platform/platform';

export const OUTBOX_ALARM = 'kg-outbox';

export class Outbox {
  /** One outbox pass at a time per worker: a second pass would claim the same reports. */
  private running: Promise<void> | null = null;

  constructor(private readonly platform: Platform) {}

  private get timeoutMs(): number {
    return this.platform.config.reportTimeoutMs ?? SEND_TIMEOUT_MS;
  }

  /**
   * A report was queued: set the alarm first (if the worker stops before the send finishes, the
   * alarm wakes it), then send now without making the caller wait for the network.
   */
  async start(): Promise<void> {
    await this.schedule();
    void this.process().catch((error: unknown) => console.error('Kusuri Guard: outbox', error));
  }

  /**
   * Send every report that is due, one at a time, then set the alarm for the next one. A report
   * left "sending" by a worker that stopped mid-send is retried once twice the time-out has
   * passed; the endpoint sees the same idempotency key, so a send that did arrive is not doubled.
   */
  process(): Promise<void> {
    if (!this.running) {
      this.running = this.drain().finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  private async drain(): Promise<void> {
    const now = this.platform.now();
    // Only the reports whose delivery is queued or under way (an index), without screenshots.
    for (const report of await getPendingReports()) {
      const endpoint = report.channels.endpoint;
      if (isDue(endpoint, now, this.timeoutMs)) await this.send(report.id);
    }
    await this.schedule();
  }

  private async schedule(): Promise<void> {
    const pending = (await getPendingReports()).map((r) =>
      dueAt(r.channels.endpoint, this.timeoutMs),
    );
    if (pending.length > 0) {
      await this.platform.alarms.createAt(
        OUTBOX_ALARM,
        Math.max(Math.min(...pending), this.platform.now() + 1000),
      );
    }
  }

  private async send(id: string): Promise<void> {
    // Claim the report first (stored, in one transaction that re-checks it is due), so a second
    // worker or a restart sees the attempt and does not start another.
    let claimedNow = false;
    const claimed = await updateReport(id, (r) => {
      if (!isDue(r.channels.endpoint, this.platform.now(), this.timeoutMs)) return r;
      claimedNow = true;
      return withEndpoint(r, {
        state: 'sending',
        sendingSince: this.platform.now(),
        attempts: r.channels.endpoint.attempts + 1,
      });
    });
    if (!claimed || !claimedNow || !claimed.channels.endpoint.url) return;
    // The payload carries the screenshot: read it now, for this one report.
    const full = await getReport(id);
    if (!full) return;
    let status: number | null = null;
    let retryAfterMs: number | undefined;
    let error: string | null = null;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      const response = await this.platform.fetch(claimed.channels.endpoint.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': claimed.idempotencyKey },
        body: endpointPayload(full),
        signal: controller.signal,
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
        // A redirect is an answer, not a network failure: with 'error' it read "Failed to fetch"
        // and was retried for hours. A report is never sent on to another address; the
        // redirect fails it at once with what happened (a browser shows it as status 0).
        redirect: 'manual',
      });
      status = response.status;
      if (response.type === 'opaqueredirect' || (status >= 300 && status < 400)) {
        status = status === 0 ? 307 : status;
        error = `the server redirected (HTTP ${status}); reports are not sent on to another address`;
      }
      retryAfterMs =
        parseRetryAfter(response.headers.get('retry-after'), this.platform.now()) ?? undefined;
      await response.body?.cancel().catch(() => undefined);
      if (!response.ok && error === null) error = `HTTP ${response.status}`;
    } catch (e) {
      error = controller.signal.aborted ? 'timeout' : e instanceof Error ? e.message : String(e);
    } finally {
      clearTimeout(timer);
    }
    const outcome = classify(status, retryAfterMs);
    const now = this.platform.now();
    await updateReport(id, (r) => {
      const endpoint = r.channels.endpoint;
      if (outcome.kind === 'delivered') {
        return withEndpoint(r, {
          state: 'delivered',
          deliveredAt: now,
          sendingSince: null,
          nextAttempt: null,
          lastError: null,
        });
      }
      const giveUp = outcome.kind === 'give-up' || endpoint.attempts >= MAX_ATTEMPTS;
      const wait = retryDelay(
        endpoint.attempts,
        this.platform.random(),
        outcome.kind === 'retry' ? outcome.retryAfterMs : undefined,
      );
      return withEndpoint(r, {
        state: giveUp ? 'failed' : 'queued',
        sendingSince: null,
        lastError: (error ?? 'unknown error').slice(0, 500),
        nextAttempt: giveUp ? null : now + wait,
      });
    });
  }
}

/** The report with some of its endpoint channel's fields changed. */
export function withEndpoint<R extends Report>(report: R, change: Partial<EndpointChannel>): R {
  return {
    ...report,
    channels: { ...report.channels, endpoint: { ...report.channels.endpoint, ...change } },
  };
}

/** When an endpoint delivery is next due (a stalled "sending" counts after twice the time-out). */
function dueAt(endpoint: Report['channels']['endpoint'], timeoutMs: number): number {
  return endpoint.state === 'sending'
    ? (endpoint.sendingSince ?? 0) + timeoutMs * 2
    : (endpoint.nextAttempt ?? 0);
}

function isDue(endpoint: Report['channels']['endpoint'], now: number, timeoutMs: number): boolean {
  return (
    (endpoint.state === 'queued' || endpoint.state === 'sending') &&
    dueAt(endpoint, timeoutMs) <= now
  );
}
