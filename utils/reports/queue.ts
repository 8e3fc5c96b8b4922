// Delivery to the HTTPS endpoint (pure decisions): what an answer means, and when to try again.
// Exactly-once delivery rests on two things: the endpoint receives the same Idempotency-Key on
// every retry of a report, and a report marked delivered is never sent again.

export const SEND_TIMEOUT_MS = 15_000;
export const MAX_ATTEMPTS = 8;
export const FIRST_RETRY_MS = 30_000;
export const MAX_RETRY_MS = 6 * 3600_000;

export type SendOutcome =
  { kind: 'delivered' } | { kind: 'retry'; retryAfterMs?: number } | { kind: 'give-up' };

/** An HTTP status (or a network failure, null) as a delivery outcome. */
export function classify(status: number | null, retryAfterMs?: number): SendOutcome {
  if (status === null) return { kind: 'retry' };
  // 409: the endpoint already has a report with this key, i.e. an earlier attempt got through.
  if ((status >= 200 && status < 300) || status === 409) return { kind: 'delivered' };
  if (status === 408 || status === 425 || status === 429 || status >= 500) {
    return retryAfterMs !== undefined ? { kind: 'retry', retryAfterMs } : { kind: 'retry' };
  }
  return { kind: 'give-up' };
}

/** Exponential backoff with jitter: 30 s, 1 min, 2 min … up to 6 h, never before a Retry-After. */
export function retryDelay(attempts: number, random: number, retryAfterMs?: number): number {
  const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
  const jittered = Math.round(base * (0.5 + random));
  return retryAfterMs !== undefined ? Math.max(jittered, retryAfterMs) : jittered;
}

/**
 * The endpoint as a URL the background may post to: https only (plain http only in end-to-end
 * test builds, for the local test server), no credentials in it. Anything else: null.
 */
export function endpointUrl(value: string | null | undefined, allowHttp = false): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && !(allowHttp && url.protocol === 'http:')) return null;
  if (url.username !== '' || url.password !== '' || url.hostname === '') return null;
  url.hash = '';
  return url.href.length <= 2048 ? url.href : null;
}
