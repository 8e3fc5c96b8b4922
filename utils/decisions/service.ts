// What the user decided about sites: the allowlist ("continue anyway, always"), their own blocks,
// and the banners they dismissed. Each write goes to IndexedDB first and then drops this
// service's own cache of it; blocks change the list index (through the lists service), allowed
// sites change the pre-load rules (through onAllowChanged).
import { addAllowEntry, getAllowlist, removeAllowEntry, type AllowEntry } from './allowlist';
import { addDismissal, getDismissals, removeDismissal, type Dismissal } from './dismissals';
import { clearSiteEvidence } from '../detector/site-evidence-store';
import { addUserBlock, getUserBlocks, removeUserBlock, type UserBlock } from './user-blocks';
import { hostOfUrl, parseTarget, registrableDomain } from '../core/hostname';
import { memoAsync } from '../core/memo';
import { Signal } from '../core/signal';
import type { ListsService } from '../lists/service';
import type { Platform } from '../platform/platform';

export class DecisionsService {
  /** Announced after the allowlist changed (the pre-load rules follow it). */
  readonly onAllowChanged = new Signal();
  private readonly allowMemo = memoAsync(
    async () => new Set((await getAllowlist()).map((e) => e.site)),
  );
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
    return (await getUserBlocks()).some((b) => b.site === site);
  }

  /** Store an allowlist entry without announcing it (the caller announces when it is ready). */
  async recordAllow(entry: AllowEntry): Promise<void> {
    await addAllowEntry(entry);
    this.allowMemo.invalidate();
  }

  announceAllowChanged(): Promise<void> {
    return this.onAllowChanged.emit();
  }

  /** "Allow this site" from the options page. */
  async allowSite(input: string): Promise<boolean> {
    const target = parseTarget(input);
    if (!target.ok) return false;
    await this.recordAllow({
      site: registrableDomain(target.host.host),
      addedAt: this.platform.now(),
      listedAs: null,
      via: 'options',
    });
    await this.announceAllowChanged();
    return true;
  }

  async removeAllowed(site: string): Promise<boolean> {
    const removed = await removeAllowEntry(site);
    this.allowMemo.invalidate();
    await this.announceAllowChanged();
    return removed;
  }

  async blockSite(input: string, note: string, via: UserBlock['via']): Promise<UserBlock | null> {
    const target = parseTarget(input);
    if (!target.ok || target.host.kind === 'local' || target.host.kind === 'ipv6') return null;
    const block = await addUserBlock({
      site: registrableDomain(target.host.host),
      addedAt: this.platform.now(),
      note: note.slice(0, 500),
      via,
    });
    await this.lists.changed();
    return block;
  }

  async unblockSite(site: string): Promise<boolean> {
    const removed = await removeUserBlock(site);
    await this.lists.changed();
    return removed;
  }

  /** "Don't warn me on this site", from the banner: stored per site. */
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

  /**
   * Merge imported decisions (an entry replaces one for the same site). The caller announces the
   * changes once, after the lists it adds.
   */
  async importAll(file: {
    allowlist: AllowEntry[];
    userBlocks: UserBlock[];
    dismissals: Dismissal[];
  }): Promise<void> {
    for (const entry of file.allowlist) await addAllowEntry({ ...entry, via: 'import' });
    for (const block of file.userBlocks) await addUserBlock({ ...block, via: 'import' });
    for (const dismissal of file.dismissals) await addDismissal(dismissal);
    this.allowMemo.invalidate();
    this.dismissMemo.invalidate();
  }
}
