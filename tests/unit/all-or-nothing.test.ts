// Writes that land together or not at all (utils/core/all-or-nothing.ts), on fake-indexeddb: a
// write that throws part-way leaves none of the writes queued before it, and its error comes back.
import { describe, expect, it } from 'vitest';
import { allOrNothing } from '../../utils/core/all-or-nothing';
import { db } from '../../utils/core/db';

describe('allOrNothing', () => {
  it('commits every tracked write and returns what the queue returned', async () => {
    const store = await db();
    const tx = store.transaction(['kv', 'allowlist'], 'readwrite');
    const result = await allOrNothing(tx, (track) => {
      track(tx.objectStore('kv').put('one', 'a'));
      track(tx.objectStore('kv').put('two', 'b'));
      return 'queued';
    });
    expect(result).toBe('queued');
    expect(await store.get('kv', 'a')).toBe('one');
    expect(await store.get('kv', 'b')).toBe('two');
  });

  it('a write that throws after others were queued: none lands, the error is rethrown', async () => {
    const store = await db();
    const tx = store.transaction(['kv'], 'readwrite');
    const failure = allOrNothing(tx, (track) => {
      track(tx.objectStore('kv').put('first', 'a'));
      // A value IndexedDB cannot clone throws from put() itself, after the first was queued.
      track(tx.objectStore('kv').put({ f: () => undefined }, 'b'));
    });
    await expect(failure).rejects.toThrow();
    expect(await store.get('kv', 'a')).toBeUndefined();
    expect(await store.get('kv', 'b')).toBeUndefined();
  });

  it('an error from the queue before any write aborts too, and an abort that throws is harmless', async () => {
    const store = await db();
    const tx = store.transaction(['kv'], 'readwrite');
    const failure = allOrNothing(tx, async (track) => {
      track(tx.objectStore('kv').put('first', 'a'));
      await tx.objectStore('kv').get('a');
      throw new Error('the caller gave up');
    });
    await expect(failure).rejects.toThrow('the caller gave up');
    expect(await store.get('kv', 'a')).toBeUndefined();
    const finished = {
      abort: () => {
        throw new Error('already finished');
      },
      done: Promise.resolve(),
    };
    await expect(
      allOrNothing(finished, () => {
        throw new Error('own error');
      }),
    ).rejects.toThrow('own error');
  });
});
