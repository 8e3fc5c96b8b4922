// Where each tab was really heading, as the browser told the background (webNavigation), never as
// a page or a URL fragment says. The warning page acts only on this record: a page that frames
// warning.html, or navigates a tab to warning.html#<any address>, cannot make it show a genuine
// "stopped" page for a site of its choosing, nor allow one. Kept in session storage (the worker
// may stop between the redirect and the click); writes are chained so none is lost.
import { z } from '../core/zod';
import type { SessionStore } from '../platform/platform';

/** Why the tab is on the warning page: stopped before loading, or sent there by escalation. */
export const TARGET_REASONS = ['navigation', 'hid-warning'] as const;
export type TargetReason = (typeof TARGET_REASONS)[number];

const TargetSchema = z.object({
  url: z.string().check(z.maxLength(65_536)),
  reason: z.enum(TARGET_REASONS),
  at: z.number(),
  /**
   * The browser refused the pre-load rule's redirect (a navigation without an initiator: the
   * address bar, a bookmark) and the background sent the tab to the warning page itself. The
   * history then holds the browser's "blocked" entry just before the warning page, which Back
   * reaches next (TabsService.onNavigationBlocked goes on past it).
   */
  stopped: z.optional(z.boolean()),
});
export type TabTarget = z.infer<typeof TargetSchema>;
const TargetsSchema = z.record(z.string(), TargetSchema);

const KEY = 'tabTargets';

export class TabTargets {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly session: SessionStore) {}

  private async all(): Promise<Record<string, TabTarget>> {
    const parsed = TargetsSchema.safeParse((await this.session.get(KEY)) ?? {});
    return parsed.success ? parsed.data : {};
  }

  private change(update: (all: Record<string, TabTarget>) => void): Promise<void> {
    const next = this.queue.then(async () => {
      const all = await this.all();
      update(all);
      await this.session.set(KEY, all);
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** A top-level navigation of the tab to an http(s) address committed, or was stopped. */
  note(
    tabId: number,
    url: string,
    reason: TargetReason,
    at: number,
    stopped = false,
  ): Promise<void> {
    return this.change((all) => {
      all[String(tabId)] = { url, reason, at, ...(stopped ? { stopped } : {}) };
    });
  }

  /**
   * A top-level navigation to an http(s) address is starting. One to the very address the tab
   * was stopped at keeps the mark: it is Back through the stopped entry (or the address again),
   * which the browser will refuse again.
   */
  noteStarting(tabId: number, url: string, at: number): Promise<void> {
    return this.change((all) => {
      const previous = all[String(tabId)];
      const stopped = previous?.stopped === true && previous.url === url;
      all[String(tabId)] = { url, reason: 'navigation', at, ...(stopped ? { stopped } : {}) };
    });
  }

  /** The tab's record, after every write started before this call has landed. */
  async get(tabId: number): Promise<TabTarget | null> {
    await this.queue;
    return (await this.all())[String(tabId)] ?? null;
  }

  remove(tabId: number): Promise<void> {
    return this.change((all) => {
      delete all[String(tabId)];
    });
  }
}
