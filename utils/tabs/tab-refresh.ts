// Per-tab badge refreshes after URL changes, coalesced: a page that calls pushState every 10 ms
// must not make the background recompute a verdict and rewrite session storage a hundred times a
// second (that flood delayed every other tab's answers). The latest URL of a tab wins; a
// same-document change is remembered for it so the page's score follows. Timers are only a
// throttle: a worker that stops meanwhile loses nothing but a badge refresh the next event redoes.

export type TabRefreshJob = (tabId: number, url: string, sameDocument: boolean) => Promise<void>;

interface Pending {
  url: string;
  sameDocument: boolean;
  done: Promise<void>;
  resolve: () => void;
}

export class TabRefresh {
  private readonly pending = new Map<number, Pending>();
  private readonly lastRun = new Map<number, number>();

  constructor(
    private readonly job: TabRefreshJob,
    private readonly minIntervalMs = 300,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Ask for a refresh of `tabId` at `url`; resolves once a refresh covering it has run. */
  request(tabId: number, url: string, sameDocument: boolean): Promise<void> {
    const previous = this.pending.get(tabId);
    if (previous) {
      // Sticky within a burst: tabs.onUpdated for the next pushState may arrive before the
      // history event of the one before it. A real navigation in the burst is corrected by its
      // own page check (and only same-origin records are ever carried).
      previous.sameDocument = sameDocument || previous.sameDocument;
      previous.url = url;
      return previous.done;
    }
    let resolve!: () => void;
    const done = new Promise<void>((r) => (resolve = r));
    this.pending.set(tabId, { url, sameDocument, done, resolve });
    const wait = Math.max(
      0,
      (this.lastRun.get(tabId) ?? -Infinity) + this.minIntervalMs - this.now(),
    );
    setTimeout(() => void this.flush(tabId), wait);
    return done;
  }

  forget(tabId: number): void {
    this.lastRun.delete(tabId);
  }

  private async flush(tabId: number): Promise<void> {
    const entry = this.pending.get(tabId);
    if (!entry) return;
    this.pending.delete(tabId);
    this.lastRun.set(tabId, this.now());
    try {
      await this.job(tabId, entry.url, entry.sameDocument);
    } finally {
      entry.resolve();
    }
  }
}
