// Reading numbered records in order with a few reads in flight. A million-domain list is about
// a thousand IndexedDB chunks (each under Chromium's 64 KB inline-value limit); awaiting them one
// at a time pays a round trip to the browser process per chunk, where a handful asked for at
// once share those trips. The window bounds memory: at most `window` chunks are held unread.

/** Yields read(0) … read(count - 1) in order, with up to `window` reads asked for ahead. */
export async function* readAhead<T>(
  count: number,
  read: (no: number) => Promise<T>,
  window = 8,
): AsyncGenerator<T> {
  const pending: Promise<T>[] = [];
  let next = 0;
  const ask = () => {
    const reading = read(next);
    next += 1;
    // A read that fails before its turn is reported at its turn, not as unhandled meanwhile.
    reading.catch(() => undefined);
    pending.push(reading);
  };
  while (next < count && pending.length < Math.max(1, window)) ask();
  while (pending.length > 0) {
    const value = await pending.shift()!;
    if (next < count) ask();
    yield value;
  }
}
