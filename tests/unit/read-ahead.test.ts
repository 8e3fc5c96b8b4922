import { describe, expect, it } from 'vitest';
import { readAhead } from '../../utils/core/read-ahead';

/** A read that finishes after `delay(no)` macrotask turns, recording how many are in flight. */
function slowReads(delay: (no: number) => number) {
  let inFlight = 0;
  let most = 0;
  const asked: number[] = [];
  const read = async (no: number) => {
    asked.push(no);
    inFlight += 1;
    most = Math.max(most, inFlight);
    for (let i = 0; i < delay(no); i += 1) await new Promise((r) => setTimeout(r, 0));
    inFlight -= 1;
    return no * 10;
  };
  return { read, asked, most: () => most };
}

async function all<T>(gen: AsyncGenerator<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const value of gen) out.push(value);
  return out;
}

describe('readAhead', () => {
  it('yields every record in order even when later reads finish first', async () => {
    const reads = slowReads((no) => 20 - no);
    expect(await all(readAhead(20, reads.read, 4))).toEqual(
      Array.from({ length: 20 }, (_, no) => no * 10),
    );
    expect(reads.asked).toEqual(Array.from({ length: 20 }, (_, no) => no));
  });

  it('keeps at most the window of reads in flight, and uses it', async () => {
    const reads = slowReads(() => 3);
    await all(readAhead(50, reads.read, 6));
    expect(reads.most()).toBe(6);
  });

  it('reads nothing for no records, and one at a time for a window below one', async () => {
    const none = slowReads(() => 1);
    expect(await all(readAhead(0, none.read))).toEqual([]);
    expect(none.asked).toEqual([]);
    const one = slowReads(() => 2);
    expect(await all(readAhead(5, one.read, 0))).toEqual([0, 10, 20, 30, 40]);
    expect(one.most()).toBe(1);
  });

  it('throws a failed read at its turn, after the records before it', async () => {
    const got: number[] = [];
    const read = async (no: number) => {
      if (no === 3) throw new Error('chunk 3 unreadable');
      await new Promise((r) => setTimeout(r, 5));
      return no;
    };
    await expect(
      (async () => {
        for await (const value of readAhead(8, read, 4)) got.push(value);
      })(),
    ).rejects.toThrow('chunk 3 unreadable');
    expect(got).toEqual([0, 1, 2]);
  });
});
