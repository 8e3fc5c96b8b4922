// What the user decided about sites: the allowlist ("continue anyway, always"), their own blocks,
// and the banners they dismissed. Each write goes to IndexedDB first and then drops this
// service's own cache of it; blocks change the list index (through the lists service), allowed
// sites change the pre-load rules (through onAllowChanged).
import { addAllowEntry, getAllowlist, removeAllowEntry, type AllowEntry } from './allowlist';
import { addDismissal, getDismissals, removeDismissal, type Dismissal } from './dismissals';
import { clearSiteEvidence } from '../detector/site-evidence-store';
import { addUserBlock, getUserBlocks, removeUserBlock, type UserBlock } from './user-blocks';
import { hostOfUrl, registrableDomain } from '../core/hostname';
import { isValidUserSite, userSiteOf, type SiteNameError } from '../core/site-name';
import { memoAsync } from '../core/memo';
import { Signal } from '../core/signal';
import type { ListsService } from '../lists/service';
import type { Platform } from '../platform/platform';

export class DecisionsService {
  /** Announced after the allowlist changed (the pre-load rules follow it). */
  readonly onAllowChanged = new Signal();
  private readonly allowMemo = memoAsync(async () => new Set(validSites(await getAllowlist())));
  private readonly dismissMemo = memoAsync(
    async () => new Set((await getDismissals()).map((e) => e.site)),
  );

  constructor(
    private readonly platform: Platform,
    private readonly lists: ListsService,
  ) {}

  allowSites(): Promise<Set<string>> {
    return this.allowMemo.get();
  }

  dismissedSites(): Promise<Set<string>> {
    return this.dismissMemo.get();
  }

  allowlist(): Promise<AllowEntry[]> {
    return getAllowlist();
  }

  userBlocks(): Promise<UserBlock[]> {
    return getUserBlocks();
  }

  dismissals(): Promise<Dismissal[]> {
    return getDismissals();
  }

  async isBlockedByUser(site: string): Promise<boolean> {
    return isValidUserSite(site) && (await getUserBlocks()).some((b) => b.site === site);
  }

  /**
   * Store an allowlist entry without announcing it (the caller announces when it is ready).
   * False, and nothing stored, when the site fails the site-name rule (a public suffix, a local
   * name or address): such an allowance would let every listed site under it load.
   */
  async recordAllow(entry: AllowEntry): Promise<boolean> {
    if (!isValidUserSite(entry.site)) return false;
    await addAllowEntry(entry);
    this.allowMemo.invalidate();
    return true;
  }

  announceAllowChanged(): Promise<void> {
    return this.onAllowChanged.emit();
  }

  /** "Allow this site" from the options page. */
  async allowSite(input: string): Promise<SiteNameError | null> {
    const target = userSiteOf(input);
    if (!target.ok) return target.error;
    await this.recordAllow({
      site: target.site,
      addedAt: this.platform.now(),
      listedAs: null,
      via: 'options',
    });
    await this.announceAllowChanged();
    return null;
  }

  async removeAllowed(site: string): Promise<boolean> {
    const removed = await removeAllowEntry(site);
    this.allowMemo.invalidate();
    await this.announceAllowChanged();
    return removed;
  }

  async blockSite(
    input: string,
    note: string,
    via: UserBlock['via'],
  ): Promise<{ ok: true; block: UserBlock } | { ok: false; error: SiteNameError }> {
    const target = userSiteOf(input);
    if (!target.ok) return target;
    const block = await addUserBlock({
      site: target.site,
      addedAt: this.platform.now(),
      note: note.slice(0, 500),
      via,
    });
    await this.lists.changed();
    return { ok: true, block };
  }

  async unblockSite(site: string): Promise<boolean> {
    const removed = await removeUserBlock(site);
    await this.lists.changed();
    return removed;
  }

  /** "Don't warn me on this site", confirmed in the popup for a tab: stored for the tab's site. */
  async dismissTab(tabId: number): Promise<boolean> {
    const tab = await this.platform.tabs.get(tabId);
    if (!tab?.url || !/^https?:/i.test(tab.url)) return false;
    await this.dismissPage(tab.url);
    return true;
  }

  /** Store a dismissal for a page's site; the banner goes on the next check. */
  async dismissPage(url: string): Promise<void> {
    const host = hostOfUrl(url);
    if (!host) return;
    const parsed = new URL(url);
    await addDismissal({
      site: registrableDomain(host.host),
      addedAt: this.platform.now(),
      url: `${parsed.origin}${parsed.pathname}`,
    });
    // What the site's other pages said goes too (whole-site verdicts).
    await clearSiteEvidence(registrableDomain(host.host));
    this.dismissMemo.invalidate();
  }

  async removeDismissal(site: string): Promise<boolean> {
    this.dismissMemo.invalidate();
    const removed = await removeDismissal(site);
    this.dismissMemo.invalidate();
    return removed;
  }

  /** Imported decisions were written (backup/apply.ts): drop the cached sets. */
  importedDecisions(): void {
    this.allowMemo.invalidate();
    this.dismissMemo.invalidate();
  }
}

/** The stored sites that pass the site-name rule; the others are ignored when rules are built. */
export function validSites(entries: readonly { site: string }[]): string[] {
  return entries.map((e) => e.site).filter(isValidUserSite);
}
