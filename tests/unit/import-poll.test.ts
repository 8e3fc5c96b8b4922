// The options page's import progress: it keeps asking the background how far the import got, and
// one question that is never answered does not end the asking (session 19: the e2e count once
// never appeared under a full CI run's load; a poll chain that waited for every answer stopped for
// good on one lost answer).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pollUntilStopped, type PollTiming } from '../../components/options/import-poll';

const TIMING: PollTiming = { firstMs: 100, everyMs: 200, giveUpMs: 1_000 };

describe('pollUntilStopped', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks after the first wait, then after every answer, and hands over each answer', async () => {
    let n = 0;
    const seen: number[] = [];
    const stop = pollUntilStopped(
      async () => (n += 1),
      (a) => seen.push(a),
      TIMING,
    );
    await vi.advanceTimersByTimeAsync(99);
    expect(n).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(seen).toEqual([1]);
    await vi.advanceTimersByTimeAsync(200);
    expect(seen).toEqual([1, 2]);
    await vi.advanceTimersByTimeAsync(400);
    expect(seen).toEqual([1, 2, 3, 4]);
    stop();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(n).toBe(4);
  });

  it('goes on after a question that is never answered, and drops its late answer', async () => {
    const pending: ((v: string) => void)[] = [];
    let asked = 0;
    const seen: string[] = [];
    const stop = pollUntilStopped(
      () => {
        asked += 1;
        // The first question hangs (answered only much later); the others answer at once.
        if (asked === 1) return new Promise<string>((resolve) => pending.push(resolve));
        return Promise.resolve(`answer ${asked}`);
      },
      (a) => seen.push(a),
      TIMING,
    );
    await vi.advanceTimersByTimeAsync(100 + 999);
    expect(asked).toBe(1);
    await vi.advanceTimersByTimeAsync(1 + 200);
    expect(asked).toBe(2);
    expect(seen).toEqual(['answer 2']);
    pending[0]!('late answer 1');
    await vi.advanceTimersByTimeAsync(200);
    expect(seen).toEqual(['answer 2', 'answer 3']);
    stop();
  });

  it('goes on after a failed question', async () => {
    let asked = 0;
    const seen: number[] = [];
    const stop = pollUntilStopped(
      () => {
        asked += 1;
        return asked === 1 ? Promise.reject(new Error('no answer')) : Promise.resolve(asked);
      },
      (a) => seen.push(a),
      TIMING,
    );
    await vi.advanceTimersByTimeAsync(100 + 200);
    expect(seen).toEqual([2]);
    stop();
  });

  it('hands over nothing once stopped, even an answer already on its way', async () => {
    let resolve: (v: number) => void = () => undefined;
    const seen: number[] = [];
    const stop = pollUntilStopped(
      () => new Promise<number>((r) => (resolve = r)),
      (a) => seen.push(a),
      TIMING,
    );
    await vi.advanceTimersByTimeAsync(100);
    stop();
    resolve(7);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(seen).toEqual([]);
  });
});
