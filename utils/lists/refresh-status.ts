// A refresh's status bookkeeping: every outcome ends by writing the list's status (when to check
// next, how many failures in a row, the last error) with the backoff and jitter of schedule.ts.
// Apart from the refresher so that its steps read as the refresh, not as record updates.
import { nextCheck } from './schedule';
import { updateListRecord } from './store';
import type { ListRecord, ListStatus } from './record';
import type { RefreshErrorCode, RefreshResult } from './refresh-model';
import type { Platform } from '../platform/platform';

export class RefreshStatus {
  constructor(private readonly platform: Platform) {}

  /** The status with the next check scheduled after `failures` failures in a row. */
  scheduled(record: ListRecord, now: number, failures: number, retryAfterMs?: number): ListStatus {
    return {
      ...record.status,
      failures,
      nextCheck: nextCheck({
        now,
        intervalMs: record.intervalMs,
        failures,
        random: this.platform.random(),
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      }),
    };
  }

  async succeeded(record: ListRecord, status: Partial<ListStatus>): Promise<void> {
    const now = this.platform.now();
    await updateListRecord(record.id, (r) => ({
      ...r,
      status: {
        ...this.scheduled(r, now, 0),
        ...status,
        lastAttempt: now,
        lastSuccess: now,
        lastError: null,
        pendingShrink: null,
      },
    }));
  }

  async failed(
    record: ListRecord,
    code: RefreshErrorCode,
    detail: string,
    retryAfterMs?: number,
  ): Promise<RefreshResult> {
    const now = this.platform.now();
    await updateListRecord(record.id, (r) => ({
      ...r,
      status: {
        ...this.scheduled(r, now, r.status.failures + 1, retryAfterMs),
        lastAttempt: now,
        lastError: { code, detail, at: now },
      },
    }));
    return { outcome: 'failed', code, detail };
  }
}
