// Verdicts: what the lists, the allowlist, the user's dismissals, the registrar lookup and the
// detector's result for the page say about a URL, a tab or a site the user typed.
import { verdictForUrl } from './compute';
import { withStartedLookups } from './started-lookups';
import type { Verdict } from './model';
import type { CheckSiteResult } from './messages';
import type { PageScoreRecord, PageScores } from './page-scores';
import { hostOfUrl, parseTarget, registeredDomain } from '../core/hostname';
import { db } from '../core/db';
import { readPublicSuffixes } from '../core/psl';
import { isWarningPage } from '../core/routes';
import { wakeMark } from '../core/wake-marks';
import type { DecisionsService } from '../decisions/service';
import type { IntelService, LookupMode } from '../intel/service';
import type { ListsService } from '../lists/service';
import type { SettingsService } from '../settings/service';
import type { Settings } from '../settings/store';
import type { Badge } from '../tabs/badge';
import type { TabTargets } from '../tabs/tab-targets';
import type { Platform } from '../platform/platform';

export interface VerdictsDeps {
  platform: Platform;
  /** Resolves once the lists are installed (a verdict needs nothing more). */
  listsReady: () => Promise<void>;
  lists: ListsService;
  decisions: DecisionsService;
  intel: IntelService;
  settings: SettingsService;
  pageScores: PageScores;
  badge: Badge;
  /** Where each tab was really heading: the address behind a warning page. */
  targets: TabTargets;
}

export class VerdictsService {
  constructor(private readonly deps: VerdictsDeps) {}

  /**
   * The verdict for a URL: lists, the allowlist, and the detector's result for the page if known
   * (or being read: it is waited for with the lists, not before them).
   */
  async verdictFor(
    url: string,
    page: PageScoreRecord | null | Promise<PageScoreRecord | null> = null,
    mode: LookupMode = 'cache-only',
    settings?: Settings,
  ): Promise<Verdict> {
    const { platform, lists, decisions, intel } = this.deps;
    // Every read starts at once (a waking worker's first verdict waited for each in turn): the
    // lists' (once they are installed), the settings, and the registrar cache, which needs
    // nothing the lists hold; only a lookup that may go to the network waits for the settings
    // that allow it. The first reads are asked for before the registrable domain is worked out, so
    // that IndexedDB fetches while the public suffix rules are read on a first lookup.
    // The index is asked for beside the lists' install check, not after it (one round of reads
    // fewer; a waking worker's prepare() has usually started it already): an install drops the
    // index it made stale, so asking again once the lists are ready gets the same index if
    // nothing was installed and a new one if something was.
    lists.lookupIndex().catch(() => undefined);
    const listsRead = Promise.all([
      this.deps.listsReady().then(() => {
        wakeMark('lists ready');
        return lists.lookupIndex().finally(() => wakeMark('index'));
      }),
      decisions.allowSites().finally(() => wakeMark('allowlist')),
      decisions.dismissedSites().finally(() => wakeMark('dismissals')),
    ]);
    // A cache-only lookup never goes to the network, so it needs no settings: none are read.
    const settingsRead =
      mode === 'cache-only'
        ? null
        : settings
          ? Promise.resolve(settings)
          : this.deps.settings.get().finally(() => wakeMark('settings'));
    const host = hostOfUrl(url);
    const domain = host && host.kind === 'domain' ? registeredDomain(host.host) : null;
    // The host's own reads of the lists, asked for once the index is there, beside the reads
    // below (verdictForUrl asks the same index for the same host: it gets these).
    const lookupHost = host && host.kind !== 'local' ? host.host : null;
    const indexRead = listsRead.then(([index]) =>
      lookupHost === null ? index : withStartedLookups(index, lookupHost),
    );
    const lookupRead = (
      settingsRead === null
        ? intel.lookup(domain, mode, false)
        : settingsRead.then((current) => intel.lookup(domain, mode, current.autoLookups))
    ).finally(() => wakeMark('registrar cache'));
    const [[, allow, dismissed], index, lookup, pageScore] = await Promise.all([
      listsRead,
      indexRead,
      lookupRead,
      page,
    ]);
    const verdict = await verdictForUrl(url, index, allow, platform.now(), pageScore, lookup, {
      lookup: (host) => index.licensedFor(host),
    });
    if (verdict.site !== null) verdict.dismissed = dismissed.has(verdict.site);
    wakeMark('verdict');
    // The whole index for the next lookups, read once this answer has gone.
    setTimeout(() => lists.warm(), 0);
    return verdict;
  }

  /** The verdict for a tab's page with the detector's latest result for it. */
  async verdictForPage(tabId: number, url: string, settings?: Settings): Promise<Verdict> {
    return this.verdictFor(url, this.deps.pageScores.get(tabId, url), 'cache-only', settings);
  }

  /** The verdict for what a tab shows now (the blocked URL behind a warning page). */
  async verdictForTab(tabId: number, mode: LookupMode = 'cache-only'): Promise<Verdict> {
    const { platform, pageScores, lists, decisions } = this.deps;
    // What every verdict reads whatever the tab shows, asked for before the tab is: on a wake the
    // browser's answers about the tab took 3–17 ms, and the lists' install check waited for them
    // (docs/performance-history.md, "Where a wake's time goes", session 10). verdictFor asks for
    // the same memos again.
    for (const read of [
      this.deps.listsReady(),
      lists.lookupIndex(),
      decisions.allowSites(),
      decisions.dismissedSites(),
    ])
      read.catch(() => undefined);
    // The public suffix rules the verdict needs (4–9 ms on the worker's thread at a wake), read
    // once the database is open and the reads above have been asked for, in a task of their own
    // (or by the verdict itself, if the tab's answer comes first): read here at once, they held
    // back the open database's callback and with it the lists' first read (session 11: main's
    // "database open" came at or after "public suffixes read" in 9 of 10 traced wakes). A
    // database that fails to open leaves them to the first lookup that needs them.
    db().then(
      () => setTimeout(readPublicSuffixes, 0),
      () => undefined,
    );
    // The tab's address and the document it shows (the record of that document, whatever URL it
    // has moved on to since), asked for together.
    const [tab, documentId] = await Promise.all([
      platform.tabs.get(tabId).finally(() => wakeMark('tab: address')),
      platform.tabs.topDocumentId(tabId).finally(() => wakeMark('tab: document')),
    ]);
    let url = tab?.url ?? '';
    if (isWarningPage((path) => platform.extensionUrl(path), url)) {
      // The address the tab was really heading for, never the fragment a page could have set.
      url = (await this.deps.targets.get(tabId))?.url ?? '';
    }
    wakeMark('tab');
    // The page's score (a read of the session storage, one more round trip to the browser) is
    // read beside the lists, not before them.
    const verdict = await this.verdictFor(url, pageScores.get(tabId, url, documentId), mode);
    if (mode !== 'cache-only') await this.deps.badge.show(tabId, verdict);
    return verdict;
  }

  /** "Check a site": any URL or domain, without visiting it. The user asked, so it is looked up. */
  async checkSite(input: string): Promise<CheckSiteResult> {
    const target = parseTarget(input);
    if (!target.ok) return { ok: false, error: target.error };
    if (target.host.kind === 'local') return { ok: false, error: 'local' };
    const host = target.host.kind === 'ipv6' ? `[${target.host.host}]` : target.host.host;
    const verdict = await this.verdictFor(`https://${host}/`, null, 'explicit');
    return { ok: true, verdict, input: target.url ?? `https://${host}/` };
  }
}
