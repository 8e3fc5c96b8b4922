// A value computed once per worker lifetime and shared by every caller, until its owner says the
// data behind it changed. A failed computation is forgotten, so the next caller tries again.

export interface MemoAsync<T> {
  get(): Promise<T>;
  /** The data behind the value changed: the next get() computes it again. */
  invalidate(): void;
  /** Mark the value as known (a caller just computed it another way). */
  set(value: T): void;
}

export function memoAsync<T>(compute: () => Promise<T>): MemoAsync<T> {
  let current: Promise<T> | null = null;
  return {
    get() {
      if (!current) {
        const run: Promise<T> = compute().catch((error: unknown) => {
          if (current === run) current = null;
          throw error;
        });
        current = run;
      }
      return current;
    },
    invalidate() {
      current = null;
    },
    set(value) {
      current = Promise.resolve(value);
    },
  };
}
