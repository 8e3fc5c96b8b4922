// The delivery queue's decisions (pure): what an HTTP answer means, when to try again, which
// endpoint addresses are acceptable, and the store's fallback on a full disk.
import { describe, expect, it } from 'vitest';
import {
  classify,
  endpointUrl,
  FIRST_RETRY_MS,
  MAX_RETRY_MS,
  retryDelay,
} from '../../utils/reports/queue';
import { saveReport, StorageFullError, type ReportStore } from '../../utils/reports/store';
import type { Report } from '../../utils/reports/model';
import { TINY_JPEG } from './fakes';
import { sampleEvidence, sampleReport } from './report-fixture';

describe('what an answer means', () => {
  it.each([
    [200, 'delivered'],
    [201, 'delivered'],
    [204, 'delivered'],
    [409, 'delivered'], // the endpoint already has this idempotency key
    [500, 'retry'],
    [502, 'retry'],
    [503, 'retry'],
    [429, 'retry'],
    [408, 'retry'],
    [null, 'retry'], // network failure or time-out
    [400, 'give-up'],
    [401, 'give-up'],
    [404, 'give-up'],
    [413, 'give-up'],
  ] as const)('HTTP %s → %s', (status, kind) => {
    expect(classify(status).kind).toBe(kind);
  });

  it('keeps a Retry-After with the retry', () => {
    expect(classify(503, 120_000)).toEqual({ kind: 'retry', retryAfterMs: 120_000 });
  });
});

describe('when to try again', () => {
  it('doubles the wait each time, with jitter of ±50%, up to a cap', () => {
    expect(retryDelay(1, 0.5)).toBe(FIRST_RETRY_MS);
    expect(retryDelay(2, 0.5)).toBe(FIRST_RETRY_MS * 2);
    expect(retryDelay(3, 0.5)).toBe(FIRST_RETRY_MS * 4);
    expect(retryDelay(1, 0)).toBe(FIRST_RETRY_MS / 2);
    expect(retryDelay(1, 0.999)).toBeLessThan(FIRST_RETRY_MS * 1.5);
    expect(retryDelay(50, 0.5)).toBe(MAX_RETRY_MS);
    const spread = new Set(Array.from({ length: 20 }, (_, i) => retryDelay(4, i / 20)));
    expect(spread.size).toBe(20); // clients that failed together do not retry together
  });

  it('never comes back before the server asked', () => {
    expect(retryDelay(1, 0.5, 3600_000)).toBe(3600_000);
    expect(retryDelay(5, 0.5, 1000)).toBe(FIRST_RETRY_MS * 16);
  });
});

describe('acceptable endpoint addresses', () => {
  it('takes https only, without credentials', () => {
    expect(endpointUrl('https://reports.example/api')).toBe('https://reports.example/api');
    expect(endpointUrl(' https://reports.example/api#x ')).toBe('https://reports.example/api');
    expect(endpointUrl('http://reports.example/api')).toBeNull();
    expect(endpointUrl('https://user:pw@reports.example/api')).toBeNull();
    expect(endpointUrl('javascript:alert(1)')).toBeNull();
    expect(endpointUrl('not a url')).toBeNull();
    expect(endpointUrl('')).toBeNull();
    expect(endpointUrl(null)).toBeNull();
  });

  it('takes plain http only when the build allows it (end-to-end tests)', () => {
    expect(endpointUrl('http://127.0.0.1:8080/r', true)).toBe('http://127.0.0.1:8080/r');
    expect(endpointUrl('ftp://127.0.0.1/r', true)).toBeNull();
  });
});

describe('saving on a full disk', () => {
  const quota = () => Object.assign(new Error('quota'), { name: 'QuotaExceededError' });

  function store(failures: number, error: () => Error = quota): ReportStore & { saved: Report[] } {
    let left = failures;
    const saved: Report[] = [];
    return {
      saved,
      async put(report) {
        if (left-- > 0) throw error();
        saved.push(report);
      },
    };
  }

  it('drops the screenshot rather than the report', async () => {
    const report = sampleReport({ evidence: sampleEvidence({ screenshot: TINY_JPEG }) });
    const target = store(1);
    const stored = await saveReport(report, target);
    expect(stored.evidence.screenshot).toBeNull();
    expect(target.saved).toEqual([stored]);
  });

  it('says the disk is full when even the text does not fit, and stores nothing half-way', async () => {
    const target = store(2);
    await expect(
      saveReport(sampleReport({ evidence: sampleEvidence({ screenshot: TINY_JPEG }) }), target),
    ).rejects.toBeInstanceOf(StorageFullError);
    await expect(saveReport(sampleReport(), store(1))).rejects.toBeInstanceOf(StorageFullError);
    expect(target.saved).toEqual([]);
  });

  it('does not hide other storage errors', async () => {
    await expect(
      saveReport(
        sampleReport(),
        store(1, () => new Error('disk on fire')),
      ),
    ).rejects.toThrow('disk on fire');
  });
});
