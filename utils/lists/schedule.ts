// When to check a list next (pure): the list's interval with jitter after a success, exponential
// backoff with jitter after a failure, never sooner than a server's Retry-After, and sane when the
// clock jumps backwards.

export interface ScheduleInput {
  now: number;
  intervalMs: number;
  /** Consecutive failures so far, this one included (0 after a success). */
  failures: number;
  retryAfterMs?: number;
  /** A number in [0, 1) (tests pass a fixed one). */
  random: number;
}

export const MIN_RETRY_MS = 5 * 60_000;
/** Jitter spreads checks so that many browsers do not hit a server in the same minute. */
export const JITTER = 0.1;

export function nextCheck(input: ScheduleInput): number {
  const { now, intervalMs, failures, random } = input;
  let delay: number;
  if (failures === 0) {
    delay = intervalMs * (1 - JITTER + 2 * JITTER * random);
  } else {
    const backoff = MIN_RETRY_MS * 2 ** Math.min(failures - 1, 10);
    delay = Math.min(intervalMs, backoff) * (0.5 + random); // "full" jitter around the backoff
  }
  if (input.retryAfterMs !== undefined) delay = Math.max(delay, input.retryAfterMs);
  return Math.round(now + Math.max(delay, 30_000));
}

/**
 * Is a check due? A stored time further in the future than one interval means the clock went
 * backwards since it was written: treat it as due rather than waiting out the skew.
 */
export function isDue(next: number | null, now: number, intervalMs: number): boolean {
  if (next === null) return true;
  if (next - now > intervalMs * (1 + JITTER) + 7 * 24 * 3600_000) return true;
  return next <= now;
}
