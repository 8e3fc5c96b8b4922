// Tabs: main-frame navigations the pre-load rules did not stop or the browser refused to redirect
// (sent on to the warning page here), one-time grants ("continue this
// time", a session rule per tab, remembered in session storage since the worker may stop), the
// warning page's choices, and the badge. Nothing lives only in memory.
import type { TabServiceDeps } from './deps';
import type { BlockInfo } from './model';
import { TabRefresh } from './tab-refresh';
import { warningSender, type WarningSender } from './warning-gate';
import { DomainError } from '../core/errors';
import { displayHost, hostOfUrl, registrableDomain } from '../core/hostname';
import { blockedUrlFromHash, isWarningPage, warningUrl } from '../core/routes';
import { z } from '../core/zod';
import { compileSessionAllowRule } from '../preload/compile';
import type { SenderInfo } from '../core/sender';
import type { Platform } from '../platform/platform';
import type { TargetReason } from './tab-targets';

const SessionGrantSchema = z.record(z.string(), z.object({ site: z.string(), ruleId: z.number() }));
type SessionGrants = z.infer<typeof SessionGrantSchema>;
const GRANTS_KEY = 'sessionGrants';

/** The one navigation error that is a refused redirect (or a block), not a network failure. */
const BLOCKED_BY_CLIENT = 'net::ERR_BLOCKED_BY_CLIENT';
/** The warning page at any extension origin (the static one, or the session's dynamic one). */
const WARNING_AT_ANY_ORIGIN = /^chrome-extension:\/\/[^/]+\/warning\.html(?:[#?]|$)/;

export class TabsService {
  private readonly tabRefresh = new TabRefresh((tabId, url, same) =>
    this.refreshTab(tabId, url, same),
  );

  constructor(private readonly deps: TabServiceDeps) {}

  private get platform(): Platform {
    return this.deps.platform;
  }

  private readonly extensionUrl = (path: string) => this.platform.extensionUrl(path);

  /**
   * A main-frame navigation committed. If it is to a blocked site the pre-load rule did not stop
   * (a page served by a service worker, a tab restored at start-up), send the tab to the warning
   * page now. Returns whether the tab was redirected.
   */
  async onNavigationCommitted(tabId: number, url: string): Promise<boolean> {
    await this.deps.targets.note(tabId, url, 'navigation', this.platform.now());
    const verdict = await this.deps.verdicts.verdictForPage(tabId, url);
    await this.deps.badge.show(tabId, verdict);
    if (!verdict.blocked || verdict.site === null) return false;
    if (await this.granted(tabId, verdict.site)) return false;
    await this.showWarning(tabId, url);
    return true;
  }

  /**
   * A top-level navigation failed (webNavigation.onErrorOccurred). warning.html is web-accessible
   * only at a per-session address, which Chromium refuses to a navigation that has no initiator
   * (typed in the address bar, a bookmark, a link opened from another application): the pre-load
   * rule's redirect of such a navigation ends on the browser's "blocked" page. The listed site
   * was not requested; here the tab is sent on to the warning page, with the address the browser
   * reported at the navigation's start recorded first (the error names the refused warning
   * address, whose fragment is the site; or the site itself). The same path serves Forward or
   * Back to a warning page that a page's link reached: Chromium replays that history entry
   * without an initiator and refuses it too. Where the refused address was the site's own, its
   * "blocked" entry stays in the history before the warning page: Back reaches it, is refused
   * again, and the tab goes on back past it (or to a new-tab page), not to the warning again.
   * Other errors, and errors on sites the rules do not stop, are not ours: nothing happens.
   */
  async onNavigationBlocked(
    tabId: number,
    url: string,
    error: string,
  ): Promise<'warning' | 'back' | 'none'> {
    if (error !== BLOCKED_BY_CLIENT) return 'none';
    const target = await this.deps.targets.get(tabId);
    for (const site of this.refusedSites(url, target?.url)) {
      const verdict = await this.deps.verdicts.verdictFor(site);
      if (!verdict.blocked || verdict.site === null) continue;
      if (await this.granted(tabId, verdict.site)) return 'none';
      if (target?.stopped === true && target.url === site) {
        if (!(await this.platform.tabs.goBack(tabId)))
          await this.platform.tabs.update(tabId, this.platform.newTabUrl);
        return 'back';
      }
      // Only a refused *site* address leaves an entry of its own in the history ("blocked", before
      // the warning page). A refused warning address is replaced by the warning page we open at
      // that very address (Chromium turns a navigation to the current entry's URL into a
      // replacement), so no entry is left to step over, and the tab must not be marked: typing
      // the site again from the warning page would otherwise go back instead of warning.
      await this.deps.targets.note(
        tabId,
        site,
        'navigation',
        this.platform.now(),
        /^https?:/i.test(url),
      );
      await this.showWarning(tabId, site);
      return 'warning';
    }
    return 'none';
  }

  /**
   * Which site a refused navigation was for. An http(s) address is the site itself. A refused
   * warning address is either the rule's redirect, whose fragment is the whole address it
   * stopped, or a history entry of the warning page itself — Back or Forward to it, a restored
   * tab — whose fragment names its site; failing that, the tab was heading where the browser
   * said at the navigation's start. The fragment counts only when that site is really listed
   * (checked by the caller): a page sending its tab to warning.html#<any site> gets nothing it
   * could not get by opening the listed site itself.
   */
  private refusedSites(url: string, heading: string | undefined): string[] {
    if (/^https?:/i.test(url)) return [url];
    if (!WARNING_AT_ANY_ORIGIN.test(url)) return [];
    const named = blockedUrlFromHash(url.slice(url.indexOf('#')));
    return [url.includes('#') && /^https?:/i.test(named) ? named : undefined, heading].filter(
      (site): site is string => site !== undefined,
    );
  }

  /**
   * A sub-frame committed a listed site the frame rule did not stop (served by a service worker,
   * say): the whole tab goes to the warning page for it.
   */
  async onFrameCommitted(tabId: number, url: string): Promise<boolean> {
    const verdict = await this.deps.verdicts.verdictFor(url);
    if (!verdict.blocked || verdict.site === null) return false;
    if (await this.granted(tabId, verdict.site)) return false;
    await this.sendToWarning(tabId, url, 'navigation');
    return true;
  }

  /**
   * Sends the tab to the full-page warning for `url`, recording first where it was heading and
   * why: the warning page acts on that record, never on its own address's fragment.
   */
  async sendToWarning(tabId: number, url: string, reason: TargetReason): Promise<void> {
    await this.deps.targets.note(tabId, url, reason, this.platform.now());
    await this.showWarning(tabId, url);
  }

  private async showWarning(tabId: number, url: string): Promise<void> {
    await this.platform.tabs.update(tabId, warningUrl(this.extensionUrl, url));
  }

  /**
   * A top-level navigation is starting. A one-time grant ends as soon as the tab heads for
   * another site, before any request, so coming straight back is stopped again.
   */
  async onNavigationStarting(tabId: number, url: string): Promise<void> {
    // The browser's word on where the tab is going: what a warning page shown next acts on.
    if (/^https?:/i.test(url))
      await this.deps.targets.noteStarting(tabId, url, this.platform.now());
    await this.revokeGrantIfLeft(tabId, url);
  }

  private async revokeGrantIfLeft(tabId: number, url: string): Promise<void> {
    const grant = (await this.grants())[String(tabId)];
    if (!grant || isWarningPage(this.extensionUrl, url)) return;
    const host = hostOfUrl(url);
    if (!host || registrableDomain(host.host) !== grant.site) await this.revokeGrant(tabId);
  }

  /** The tab's URL changed: refresh its badge and end a one-time grant once it leaves the site. */
  async onTabUrlChanged(tabId: number, url: string): Promise<void> {
    await this.revokeGrantIfLeft(tabId, url);
    if (isWarningPage(this.extensionUrl, url)) return; // the warning page sets its own badge
    await this.tabRefresh.request(tabId, url, false);
  }

  /** A same-document navigation (history API, fragment): the page's score and badge stay. */
  onSameDocumentNavigation(tabId: number, url: string): Promise<void> {
    return this.tabRefresh.request(tabId, url, true);
  }

  /** One coalesced badge refresh for a tab's latest URL (tab-refresh.ts). */
  private async refreshTab(tabId: number, url: string, _sameDocument: boolean): Promise<void> {
    // Carried on every URL change within the origin, not only on history events: Chromium's
    // tabs.onUpdated reports a pushState too, and often before its history event, so a page
    // calling pushState in a loop made the badge blink off. A new document of the same site
    // shows the last page's score only until its own check replaces it (or, when it does not
    // mention medicines, removes it).
    // The record as carried, not read back: two refreshes of a burst may overlap on a slow
    // worker, and the later one's URL must not make the earlier one paint "no warnings".
    const page = await this.deps.pageScores.carry(tabId, url);
    await this.deps.badge.show(tabId, await this.deps.verdicts.verdictFor(url, page));
  }

  async onTabRemoved(tabId: number): Promise<void> {
    await this.revokeGrant(tabId);
    await this.deps.targets.remove(tabId);
    this.tabRefresh.forget(tabId);
    await this.deps.pageScores.remove(tabId);
  }

  /** Whether the user chose "continue anyway" to this site in this tab (a one-time grant). */
  async granted(tabId: number, site: string | null): Promise<boolean> {
    return site !== null && (await this.grants())[String(tabId)]?.site === site;
  }

  /**
   * What the warning page shows: the address the background recorded for its tab (never the
   * fragment), and only to a warning page that is the top-level document of that tab.
   */
  async warningInfo(sender: SenderInfo): Promise<BlockInfo> {
    const checked = await this.checkedWarning(sender);
    if (typeof checked === 'string') return { status: checked };
    const info = await this.blockInfo(checked.target.url, checked.tabId);
    const hidden = checked.target.reason === 'hid-warning';
    return hidden && (info.status === 'listed' || info.status === 'not-listed')
      ? { ...info, hidden }
      : info;
  }

  /**
   * The tab of a verified warning page (top-level, in a tab the background recorded a navigation
   * for), for its other privileged actions: "Report", "Listed by mistake?".
   */
  async warningTab(sender: SenderInfo): Promise<number> {
    const checked = await this.checkedWarning(sender);
    if (typeof checked === 'string') throw new DomainError(`warning-${checked}`);
    return checked.tabId;
  }

  /** "Continue anyway" from a verified warning page, to the address recorded for its tab. */
  async warningContinue(
    mode: 'once' | 'always',
    sender: SenderInfo,
  ): Promise<{ navigated: boolean }> {
    const checked = await this.checkedWarning(sender);
    if (typeof checked === 'string') throw new DomainError(`warning-${checked}`);
    return this.continueTo(checked.target.url, mode, checked.tabId);
  }

  /**
   * The warning page's sender, checked (warning-gate.ts), with the tab's record brought in line
   * with a warning page the browser took from the tab's history. Back or Forward to a warning
   * entry, or a restored tab, commits the page without a new navigation to its site, so the
   * record still names where the tab went last (the page before, say). Such an entry's fragment
   * counts, and is recorded, only when it names a site the lists stop: warning.html is reachable
   * at its static address only through the extension's own redirects, its own tab updates and
   * the history they made (web pages are refused it, `use_dynamic_url`), and even a page that
   * could send a tab to warning.html#<a listed site> would get nothing it does not get by
   * opening that site. A fragment naming any other site is ignored: the record stands.
   */
  private async checkedWarning(
    sender: SenderInfo,
  ): Promise<WarningSender | 'framed' | 'unverified'> {
    const page = warningUrl(this.extensionUrl, '');
    const checked = await warningSender(sender, page, this.deps.targets);
    const { tabId, url } = sender;
    if (checked === 'framed' || tabId === undefined || !url?.startsWith(page)) return checked;
    const named = url.slice(page.length);
    if (!/^https?:\/\//i.test(named)) return checked;
    if (typeof checked !== 'string' && checked.target.url === named) return checked;
    const verdict = await this.deps.verdicts.verdictFor(named);
    if (!verdict.blocked || verdict.site === null) return checked;
    const at = this.platform.now();
    await this.deps.targets.note(tabId, named, 'navigation', at);
    return { tabId, target: { url: named, reason: 'navigation', at } };
  }

  async checkOpenTabs(): Promise<void> {
    for (const tab of await this.platform.tabs.query()) {
      if (tab.url && /^https?:/.test(tab.url)) await this.onNavigationCommitted(tab.id, tab.url);
    }
  }

  /** The warning page's view of the address it stands in for. */
  async blockInfo(rawUrl: string, tabId: number | undefined): Promise<BlockInfo> {
    const host = hostOfUrl(rawUrl);
    if (!host) return { status: 'bad-url', raw: rawUrl.slice(0, 2048) };
    const verdict = await this.deps.verdicts.verdictFor(rawUrl);
    if (tabId !== undefined) await this.deps.badge.show(tabId, verdict);
    const reasons = verdict.reasons.filter((r) => r.group === 'list');
    return {
      status: reasons.length > 0 ? 'listed' : 'not-listed',
      url: rawUrl,
      host: host.host,
      displayHost: displayHost(host.host),
      site: verdict.site ?? host.host,
      reasons,
      allowlisted: verdict.allowlisted,
    };
  }

  /**
   * "Continue anyway". `once` grants this tab the site until it leaves it; `always` adds the site
   * to the allowlist (stored first) and rebuilds the rules before navigating, so the navigation
   * cannot race the rule change.
   */
  async continueTo(
    rawUrl: string,
    mode: 'once' | 'always',
    tabId: number | undefined,
  ): Promise<{ navigated: boolean }> {
    const host = hostOfUrl(rawUrl);
    if (!host || tabId === undefined) return { navigated: false };
    const site = registrableDomain(host.host);
    let allowed = false;
    if (mode === 'always') {
      const hits = await (await this.deps.lists.lookupIndex()).lookup(host.host);
      // A site failing the site-name rule (an address on the user's network, a suffix) is let
      // through this once only: it can never become an allowance.
      allowed = await this.deps.decisions.recordAllow({
        site,
        addedAt: this.platform.now(),
        listedAs: hits[0]?.reason.listed ?? null,
        via: 'warning-page',
      });
    }
    // This tab goes at once (a session rule). With "always" the allow rule follows for every tab:
    // only that rule changes, but Chrome re-indexes the whole set, a second or two with a million
    // listed domains. The entry is stored first, so a worker stopped meanwhile installs it on
    // its next start.
    await this.grantOnce(tabId, site);
    await this.platform.tabs.update(tabId, rawUrl);
    if (allowed) await this.deps.decisions.announceAllowChanged();
    return { navigated: true };
  }

  /** "Leave this site": the tab goes to a new-tab page. */
  async leave(tabId: number | undefined): Promise<void> {
    if (tabId !== undefined) await this.platform.tabs.update(tabId, this.platform.newTabUrl);
  }

  private async grants(): Promise<SessionGrants> {
    const raw = await this.platform.session.get<unknown>(GRANTS_KEY);
    const parsed = SessionGrantSchema.safeParse(raw ?? {});
    return parsed.success ? parsed.data : {};
  }

  private async grantOnce(tabId: number, site: string): Promise<void> {
    const grants = await this.grants();
    const ruleId = tabId + 1; // DNR ids start at 1; one grant per tab
    grants[String(tabId)] = { site, ruleId };
    await this.platform.session.set(GRANTS_KEY, grants);
    await this.platform.dnr.updateSessionRules({
      removeRuleIds: [ruleId],
      addRules: [compileSessionAllowRule(ruleId, tabId, site)],
    });
  }

  private async revokeGrant(tabId: number): Promise<void> {
    const grants = await this.grants();
    const grant = grants[String(tabId)];
    if (!grant) return;
    delete grants[String(tabId)];
    await this.platform.session.set(GRANTS_KEY, grants);
    await this.platform.dnr.updateSessionRules({ removeRuleIds: [grant.ruleId], addRules: [] });
  }
}
