// The background's logic, free of extension globals: the entrypoint wires browser events to these
// methods and passes a Platform. MV3 workers stop at any time, so nothing here lives only in
// memory: lists and the allowlist are in IndexedDB, per-tab grants in session storage, and the
// in-memory index is a cache rebuilt on wake.
import { hostOfUrl, registrableDomain, displayHost, parseTarget } from '../core/hostname';
import {
  catalogRank,
  catalogSource,
  defaultCatalog,
  type CatalogEntry,
  type ListSource,
} from '../lists/catalog';
import { importByFormat } from '../lists/import';
import type { ImportError, ListContent, Rejected } from '../lists/model';
import { sha256Hex } from '../core/hash';
import { compileSessionAllowRule } from '../preload/compile';
import {
  ListIndex,
  listDataFromContent,
  userBlocksInput,
  type ListData,
} from '../verdicts/list-index';
import { loadListData } from '../lists/list-data';
import { Refresher, type RefreshResult } from '../lists/refresher';
import {
  addUserBlock,
  getUserBlocks,
  removeUserBlock,
  type UserBlock,
} from '../decisions/user-blocks';
import { EXPORT_FORMAT, ExportSchema, type ExportFile } from '../backup/model';
import { deleteList, updateListRecord } from '../lists/store';
import { verdictForUrl } from '../verdicts/compute';
import { levelRank, type Verdict } from '../verdicts/model';
import { renderReason } from '../verdicts/render';
import { scorePage } from '../detector/score';
import type { TextSample } from '../content/sample';
import type { BannerModel } from '../content/banner';
import { addDismissal, getDismissals, removeDismissal } from '../decisions/dismissals';
import { PageScores, type PageScoreRecord } from '../verdicts/page-scores';
import { IntelService, type LookupMode } from '../intel/service';
import { OUTBOX_ALARM, ReportsService } from '../reports/service';
import { PreloadRules, type DnrMarker } from '../preload/service';
export type { DnrMarker } from '../preload/service';
import { endpointUrl } from '../reports/queue';
import { noticeWorthy } from '../intel/model';
import { getBreachNotices, markBreachNotices } from '../intel/breach-notices';
import { registeredDomain } from '../core/hostname';
import { formatPartialDate } from '../i18n';
import { dataClass } from '../i18n/data-classes';
import type { NoticeModel } from '../content/notice';
import { resolveLang, t, type Lang } from '../i18n';
import {
  getListRecord,
  getListRecords,
  replaceList,
  emptyStatus,
  type ListRecord,
  type ListStatus,
} from '../lists/store';
import {
  addAllowEntry,
  getAllowlist,
  removeAllowEntry,
  type AllowEntry,
} from '../decisions/allowlist';
import { getSettings, updateSettings, type Settings, type SettingsPatch } from '../settings/store';
import { z } from '../core/zod';
import {
  RequestSchema,
  classifySender,
  isAllowed,
  type Request,
  type Response,
  type SenderInfo,
} from '../messages/protocol';
import type {
  BlockInfo,
  CheckSiteResult,
  ImportSummary,
  ListsView,
  ResponseMap,
  SettingsView,
} from '../messages/responses';
import type { Platform } from '../platform/platform';

const SessionGrantSchema = z.record(z.string(), z.object({ site: z.string(), ruleId: z.number() }));
type SessionGrants = z.infer<typeof SessionGrantSchema>;
const GRANTS_KEY = 'sessionGrants';

export const REFRESH_ALARM = 'kg-refresh';
export const MENU_REPORT_PAGE = 'kg-report-page';
export const MENU_REPORT_LINK = 'kg-report-link';

/** A request that is well-formed but asks for something invalid (the message says what). */
export class BadRequestError extends Error {}

const BADGE: Record<Verdict['level'], { text: string; color: string }> = {
  none: { text: '', color: '#2e7d32' },
  caution: { text: '?', color: '#f9a825' },
  warning: { text: '!', color: '#ef6c00' },
  danger: { text: '!', color: '#c62828' },
};

export type ApplyResult =
  | { ok: true; record: ListRecord | null; rejected: Rejected[] }
  | { ok: false; error: ImportError; detail: string; rejected: Rejected[] };

export class Background {
  private indexCache: Promise<ListIndex> | null = null;
  private allowCache: Promise<Set<string>> | null = null;
  private dismissCache: Promise<Set<string>> | null = null;
  private readonly pageScores: PageScores;
  readonly refresher: Refresher;
  readonly intel: IntelService;
  readonly reports: ReportsService;
  private readyPromise: Promise<void> | null = null;
  private listsPromise: Promise<void> | null = null;
  private readonly rules: PreloadRules;

  constructor(
    private readonly platform: Platform,
    private readonly catalog: CatalogEntry[] = defaultCatalog(),
  ) {
    this.pageScores = new PageScores(platform.session);
    this.intel = new IntelService(platform);
    this.rules = new PreloadRules(
      platform,
      { index: () => this.index(), allowSites: () => this.allowSites() },
      catalog,
    );
    this.reports = new ReportsService(platform, {
      verdictForTab: (tabId) => this.verdictForTab(tabId, 'explicit'),
      verdictForUrl: (url) => this.verdictFor(url, null, 'explicit'),
      blockSite: (site, note) => this.blockSite(site, note, 'report'),
      isBlockedByUser: async (site) => (await getUserBlocks()).some((b) => b.site === site),
      language: () => this.language(),
      endpoint: () => this.reportEndpoint(),
    });
    this.refresher = new Refresher(platform, {
      storeImported: (...args) => this.storeImported(...args),
      listsChanged: async () => {
        await this.syncRules();
      },
    });
  }

  // ---------------------------------------------------------------- lifecycle

  /**
   * Everything a handler needs: lists installed (a worker killed during onInstalled left them
   * missing), pre-load rules in place. Memoised per worker lifetime.
   */
  ready(): Promise<void> {
    if (!this.readyPromise) {
      this.readyPromise = (async () => {
        await this.listsReady();
        await this.syncRules();
      })().catch((error: unknown) => {
        this.readyPromise = null;
        throw error;
      });
    }
    return this.readyPromise;
  }

  /**
   * The lists are installed (a worker killed during onInstalled left them missing): all a verdict
   * needs. Verdicts do not wait for the pre-load rules check, which ready() adds.
   */
  listsReady(): Promise<void> {
    if (!this.listsPromise) {
      this.listsPromise = this.installBundledLists(false)
        .then(() => undefined)
        .catch((error: unknown) => {
          this.listsPromise = null;
          throw error;
        });
    }
    return this.listsPromise;
  }

  /** Extension installed or updated: refresh packaged lists, rebuild rules, check open tabs. */
  async onInstalled(): Promise<void> {
    await this.installBundledLists(true);
    await this.syncRules(true);
    this.listsPromise = Promise.resolve();
    this.readyPromise = Promise.resolve();
    await this.scheduleRefresh();
    await this.setUpMenus();
    await this.checkOpenTabs();
    await this.reports.processOutbox();
  }

  /** The refresh alarm: every 15 minutes, each list is checked when its own schedule says so. */
  async scheduleRefresh(): Promise<void> {
    await this.platform.alarms.create(REFRESH_ALARM, 15, 1);
  }

  async onAlarm(name: string): Promise<void> {
    if (name === OUTBOX_ALARM) {
      await this.reports.processOutbox();
      return;
    }
    if (name !== REFRESH_ALARM) return;
    await this.ready();
    await this.refresher.refreshDue();
    await this.intel.refreshBootstrap();
  }

  /** Browser started: dynamic rules persist, but tabs restored at start-up were never stopped. */
  async onStartup(): Promise<void> {
    await this.ready();
    await this.scheduleRefresh();
    await this.setUpMenus();
    await this.checkOpenTabs();
    // Reports queued before the browser closed go out now (their alarm may not have survived).
    await this.reports.processOutbox();
  }

  /** The context-menu entries, in the user's language. */
  async setUpMenus(): Promise<void> {
    const lang = await this.language();
    await this.platform.menus.replace([
      { id: MENU_REPORT_PAGE, title: t(lang, 'menu.reportPage'), contexts: ['page'] },
      { id: MENU_REPORT_LINK, title: t(lang, 'menu.reportLink'), contexts: ['link'] },
    ]);
  }

  /** A context-menu entry was chosen: the report form for the page, or for the link's target. */
  async onMenuClicked(
    menuItemId: string,
    info: { tabId?: number | undefined; linkUrl?: string | undefined },
  ): Promise<void> {
    if (menuItemId === MENU_REPORT_PAGE && info.tabId !== undefined) {
      await this.reports.open({ tabId: info.tabId });
    } else if (menuItemId === MENU_REPORT_LINK && info.linkUrl && /^https?:/.test(info.linkUrl)) {
      await this.reports.open({ url: info.linkUrl });
    }
  }

  /**
   * The endpoint reports are sent to: the user's (an empty value switches it off), else the one
   * set at build time. Only https (http in end-to-end test builds).
   */
  async reportEndpoint(settings?: Settings): Promise<string | null> {
    const current = settings ?? (await getSettings());
    const value = current.reportEndpoint ?? this.platform.config.reportEndpoint ?? null;
    return endpointUrl(value, this.platform.config.allowHttpEndpoint === true);
  }

  /**
   * Install the packaged copy of each catalog list that is missing, or (on install/update) whose
   * packaged copy changed and was not superseded by a download.
   */
  async installBundledLists(extensionUpdated: boolean): Promise<ListRecord[]> {
    const records = new Map((await getListRecords()).map((r) => [r.id, r]));
    const installed: ListRecord[] = [];
    for (const entry of this.catalog) {
      const existing = records.get(entry.id);
      if (existing && extensionUpdated) {
        // Build-time settings may have changed with the update (the list URL, its schedule).
        await updateListRecord(entry.id, (r) => ({
          ...r,
          url: entry.url,
          intervalMs: entry.intervalMs,
          signed: entry.signed,
        }));
      }
      if (existing && (!extensionUpdated || existing.contentFrom === 'download')) continue;
      const text = await this.platform.readPackaged(entry.bundledPath);
      const result = await this.applyListText(catalogSource(entry), text, 'bundled');
      if (result.ok) {
        if (result.record) installed.push(result.record);
      } else {
        // A broken packaged list is a build defect; keep whatever is stored and say so.
        console.error(
          `Kusuri Guard: packaged list ${entry.id} rejected: ${result.error} ${result.detail}`,
        );
      }
    }
    return installed;
  }

  /**
   * Import a list body and, only if it is valid, swap it in atomically. A body that is not a list
   * (not JSON, wrong schema, truncated, an HTML error page, too large) changes nothing in storage:
   * the previous list stays active. An unchanged body (same hash) is not rewritten.
   */
  async applyListText(
    source: ListSource,
    text: string,
    contentFrom: 'bundled' | 'download',
    status?: Partial<ListStatus>,
  ): Promise<ApplyResult> {
    const existing = await getListRecord(source.id);
    const hash = await sha256Hex(text);
    if (existing && existing.contentHash === hash) return { ok: true, record: null, rejected: [] };
    const imported = importByFormat(source.format, text, {
      meta: source.meta,
      category: source.category,
    });
    if (!imported.ok) return imported;
    return this.storeImported(
      source,
      imported.content,
      hash,
      contentFrom,
      status,
      imported.rejected,
    );
  }

  /** Swap an imported list in (one transaction) and drop the derived caches. */
  async storeImported(
    source: ListSource,
    content: ListContent,
    hash: string,
    contentFrom: 'bundled' | 'download',
    status: Partial<ListStatus> | undefined,
    rejected: Rejected[],
  ): Promise<ApplyResult> {
    const existing = await getListRecord(source.id);
    const record = await replaceList(
      {
        id: source.id,
        origin: existing?.origin ?? source.origin,
        format: source.format,
        action: existing?.action ?? source.action,
        enabled: existing?.enabled ?? true,
        url: existing?.origin === 'custom' ? existing.url : source.url,
        meta: content.meta,
        domainCategory: content.domainCategory,
        contentHash: hash,
        contentFrom,
        installedAt: this.platform.now(),
        status: { ...(existing?.status ?? emptyStatus()), ...status },
        intervalMs: existing?.intervalMs ?? source.intervalMs,
        signed: source.signed,
      },
      content,
    );
    this.indexCache = null;
    return { ok: true, record, rejected };
  }

  // ---------------------------------------------------------------- lists and verdicts

  index(): Promise<ListIndex> {
    if (!this.indexCache) {
      this.indexCache = (async () => {
        const records = (await getListRecords()).filter((r) => r.enabled);
        // In parallel: the reads overlap with the validation of what has arrived.
        const loaded = await Promise.all(records.map((record) => loadListData(record)));
        const lists = loaded.filter((data): data is ListData => data !== null);
        const blocks = await getUserBlocks();
        if (blocks.length > 0) lists.push(listDataFromContent(userBlocksInput(blocks)));
        return new ListIndex(lists);
      })().catch((error: unknown) => {
        this.indexCache = null;
        throw error;
      });
    }
    return this.indexCache;
  }

  allowSites(): Promise<Set<string>> {
    if (!this.allowCache) {
      this.allowCache = getAllowlist()
        .then((entries) => new Set(entries.map((e) => e.site)))
        .catch((error: unknown) => {
          this.allowCache = null;
          throw error;
        });
    }
    return this.allowCache;
  }

  dismissedSites(): Promise<Set<string>> {
    if (!this.dismissCache) {
      this.dismissCache = getDismissals()
        .then((entries) => new Set(entries.map((e) => e.site)))
        .catch((error: unknown) => {
          this.dismissCache = null;
          throw error;
        });
    }
    return this.dismissCache;
  }

  /** The verdict for a URL: lists, the allowlist, and the detector's result for the page if known. */
  async verdictFor(
    url: string,
    page: PageScoreRecord | null = null,
    mode: LookupMode = 'cache-only',
  ): Promise<Verdict> {
    await this.listsReady();
    const [index, allow, dismissed, settings] = await Promise.all([
      this.index(),
      this.allowSites(),
      this.dismissedSites(),
      getSettings(),
    ]);
    const host = hostOfUrl(url);
    const domain = host && host.kind === 'domain' ? registeredDomain(host.host) : null;
    const lookup = await this.intel.lookup(domain, mode, settings.autoLookups);
    const verdict = await verdictForUrl(url, index, allow, this.platform.now(), page, lookup);
    if (verdict.site !== null) verdict.dismissed = dismissed.has(verdict.site);
    return verdict;
  }

  /** The verdict for what a tab shows now (the blocked URL behind a warning page). */
  async verdictForTab(tabId: number, mode: LookupMode = 'cache-only'): Promise<Verdict> {
    const tab = await this.platform.tabs.get(tabId);
    let url = tab?.url ?? '';
    if (url.startsWith(this.platform.extensionUrl('/warning.html#'))) {
      url = url.slice(url.indexOf('#') + 1);
    }
    const verdict = await this.verdictFor(url, await this.pageScores.get(tabId, url), mode);
    if (mode !== 'cache-only') await this.showBadge(tabId, verdict);
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

  async language(settings?: Settings): Promise<Lang> {
    const current = settings ?? (await getSettings());
    return resolveLang(current.language, this.platform.uiLanguage());
  }

  // ---------------------------------------------------------------- pre-load rules

  /** Bring the pre-load rules in line with the lists, the user's blocks and the allowlist. */
  syncRules(force = false): Promise<DnrMarker> {
    return this.rules.sync(force);
  }

  async dnrMarker(): Promise<DnrMarker | null> {
    return this.rules.marker();
  }

  // ---------------------------------------------------------------- tabs and navigation

  warningUrl(originalUrl: string): string {
    return `${this.platform.extensionUrl('/warning.html')}#${originalUrl}`;
  }

  /**
   * A main-frame navigation committed. If it is to a blocked site the pre-load rule did not stop
   * (a page served by a service worker, a tab restored at start-up), send the tab to the warning
   * page now. Returns whether the tab was redirected.
   */
  async onNavigationCommitted(tabId: number, url: string): Promise<boolean> {
    const verdict = await this.verdictFor(url, await this.pageScores.get(tabId, url));
    await this.showBadge(tabId, verdict);
    if (!verdict.blocked || verdict.site === null) return false;
    const grants = await this.grants();
    if (grants[String(tabId)]?.site === verdict.site) return false;
    await this.platform.tabs.update(tabId, this.warningUrl(url));
    return true;
  }

  /**
   * A top-level navigation is starting. A one-time grant ends as soon as the tab heads for
   * another site, before any request, so coming straight back is stopped again.
   */
  async onNavigationStarting(tabId: number, url: string): Promise<void> {
    const grant = (await this.grants())[String(tabId)];
    if (!grant || url.startsWith(this.platform.extensionUrl('/warning.html'))) return;
    const host = hostOfUrl(url);
    if (!host || registrableDomain(host.host) !== grant.site) await this.revokeGrant(tabId);
  }

  /** The tab's URL changed: refresh its badge and end a one-time grant once it leaves the site. */
  async onTabUrlChanged(tabId: number, url: string): Promise<void> {
    await this.onNavigationStarting(tabId, url);
    const onWarningPage = url.startsWith(this.platform.extensionUrl('/warning.html'));
    if (onWarningPage) return; // the warning page sets its own badge
    await this.showBadge(tabId, await this.verdictFor(url, await this.pageScores.get(tabId, url)));
  }

  async onTabRemoved(tabId: number): Promise<void> {
    await this.revokeGrant(tabId);
    await this.pageScores.remove(tabId);
  }

  async checkOpenTabs(): Promise<void> {
    for (const tab of await this.platform.tabs.query()) {
      if (tab.url && /^https?:/.test(tab.url)) await this.onNavigationCommitted(tab.id, tab.url);
    }
  }

  async showBadge(tabId: number, verdict: Verdict): Promise<void> {
    const lang = await this.language();
    const level = verdict.status === 'checked' ? verdict.level : 'none';
    const titleKey =
      verdict.status === 'checked'
        ? (`badge.title.${verdict.level}` as const)
        : 'badge.title.unchecked';
    try {
      await this.platform.badge.set(tabId, { ...BADGE[level], title: t(lang, titleKey) });
    } catch {
      // The tab closed in the meantime.
    }
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

  // ---------------------------------------------------------------- messages

  /** Entry point for runtime.onMessage. Never throws; every answer is a Response. */
  async handleMessage(raw: unknown, sender: SenderInfo): Promise<Response<unknown>> {
    const kind = classifySender(sender, this.platform.extensionId, this.platform.extensionUrl('/'));
    const parsed = RequestSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, error: 'bad-request' };
    if (!isAllowed(parsed.data.type, kind)) return { ok: false, error: 'forbidden' };
    try {
      return { ok: true, data: await this.dispatch(parsed.data, sender) };
    } catch (error) {
      if (error instanceof BadRequestError) {
        return { ok: false, error: 'bad-request', detail: error.message };
      }
      console.error('Kusuri Guard: request failed', parsed.data.type, error);
      return {
        ok: false,
        error: 'internal',
        detail: error instanceof Error ? error.message : String(error),
      };
    }
  }

  private async dispatch(
    request: Request,
    sender: SenderInfo,
  ): Promise<ResponseMap[Request['type']]> {
    switch (request.type) {
      case 'verdict.get':
        return this.verdictForTab(request.tabId);
      case 'block.info':
        return this.blockInfo(request.url, sender.tabId);
      case 'block.continue':
        return this.continueTo(request.url, request.mode, sender.tabId);
      case 'block.leave':
        if (sender.tabId !== undefined)
          await this.platform.tabs.update(sender.tabId, this.platform.newTabUrl);
        return null;
      case 'allowlist.get':
        return getAllowlist();
      case 'allowlist.remove':
        return { removed: await this.removeAllowed(request.site) };
      case 'dismissal.remove':
        this.dismissCache = null;
        return { removed: await removeDismissal(request.site) };
      case 'page.check':
        return this.pageCheck(sender, request.sample ?? null);
      case 'page.noticeDismiss':
        await this.dismissNotice(sender, request.names);
        return null;
      case 'intel.lookup':
        return this.verdictForTab(request.tabId, request.explicit ? 'explicit' : 'automatic');
      case 'check.site':
        return this.checkSite(request.input);
      case 'page.details':
        if (sender.tabId !== undefined) {
          await this.platform.tabs.open(
            this.platform.extensionUrl(`/popup.html?tab=${sender.tabId}`),
            sender.tabId,
          );
        }
        return null;
      case 'page.dismiss':
        await this.dismissSite(sender);
        return null;
      case 'lists.get':
        return this.listsView();
      case 'lists.refresh': {
        await this.ready();
        const options = request.acceptShrink ? { acceptShrink: true } : {};
        return this.refresher.refresh(request.id, options);
      }
      case 'lists.setEnabled':
        await this.setListEnabled(request.id, request.enabled);
        return null;
      case 'lists.setAction':
        await this.setListAction(request.id, request.action);
        return null;
      case 'lists.add':
        return this.addCustomList(request);
      case 'lists.remove':
        return { removed: await this.removeList(request.id) };
      case 'userBlocks.add':
        return {
          added:
            (await this.blockSite(request.site, request.note, request.via ?? 'options')) !== null,
        };
      case 'userBlocks.remove':
        return { removed: await this.unblockSite(request.site) };
      case 'allowlist.add':
        return { added: await this.allowSite(request.site) };
      case 'data.export':
        return this.exportData();
      case 'data.import':
        return this.importData(request.text);
      case 'settings.get':
        return this.settingsView(await getSettings());
      case 'settings.set':
        return this.setSettings(request.patch);
      case 'report.open':
        await this.reports.open(
          request.tabId === undefined && request.url === undefined
            ? { tabId: sender.tabId }
            : { tabId: request.tabId, url: request.url },
        );
        return null;
      case 'page.report':
        if (sender.tabId !== undefined) await this.reports.open({ tabId: sender.tabId });
        return null;
      case 'report.draft':
        return this.reports.draft({ tabId: request.tabId, url: request.url });
      case 'report.screenshot':
        return this.reports.screenshot(request.tabId);
      case 'report.save':
        return this.reports.save(request.input);
      case 'report.opened':
        return this.reports.markOpened(request.id, request.channel);
      case 'reports.list':
        return this.reports.list();
      case 'reports.get':
        return this.reports.get(request.id);
      case 'reports.delete':
        return { removed: await this.reports.delete(request.id) };
      case 'reports.resend':
        return this.reports.resend(request.id);
      case 'reports.export':
        return this.reports.exportAll();
    }
  }

  private async settingsView(settings: Settings): Promise<SettingsView> {
    return {
      settings,
      lang: await this.language(settings),
      reportEndpoint: await this.reportEndpoint(settings),
      buildEndpoint: this.platform.config.reportEndpoint
        ? endpointUrl(
            this.platform.config.reportEndpoint,
            this.platform.config.allowHttpEndpoint === true,
          )
        : null,
    };
  }

  /** Settings are stored first; then what depends on them (the menus' language) follows. */
  private async setSettings(patch: SettingsPatch): Promise<SettingsView> {
    const endpoint = patch.reportEndpoint;
    if (typeof endpoint === 'string' && endpoint.trim() !== '') {
      if (!endpointUrl(endpoint, this.platform.config.allowHttpEndpoint === true)) {
        throw new BadRequestError('endpoint-not-https');
      }
      patch = { ...patch, reportEndpoint: endpoint.trim() };
    }
    const settings = await updateSettings(patch);
    if (patch.language !== undefined) await this.setUpMenus().catch(() => undefined);
    return this.settingsView(settings);
  }

  /**
   * A content script read its page. The tab and URL come from the browser (the sender), never from
   * the message. The sample, when the page mentions medicines, is scored here with the detector.
   */
  async pageCheck(
    sender: SenderInfo,
    sample: TextSample | null,
  ): Promise<{ banner: BannerModel | null; notice: NoticeModel | null }> {
    const { tabId, url } = sender;
    if (tabId === undefined || url === undefined) return { banner: null, notice: null };
    const host = hostOfUrl(url);
    if (!host) return { banner: null, notice: null };
    const score = sample
      ? scorePage({ url, host: host.host, hostUnicode: displayHost(host.host), ...sample })
      : null;
    await this.pageScores.set(tabId, url, score, this.platform.now());
    const page = await this.pageScores.get(tabId, url);
    const verdict = await this.verdictFor(url, page);
    await this.showBadge(tabId, verdict);
    const lang = await this.language();
    // A page that already looks suspicious gets its registrar looked up (if automatic lookups are
    // on), in the background: the banner does not wait for the network.
    if (page && levelRank(page.level) >= levelRank('caution') && !verdict.allowlisted) {
      void this.verdictForTab(tabId, 'automatic').catch(() => undefined);
    }
    return {
      banner: this.bannerFor(verdict, lang),
      notice: await this.breachNotice(verdict, lang),
    };
  }

  /**
   * A small notice about breaches of the site's own service, once: HIBP breaches added in the
   * last 12 months, and the curated Japanese breaches the user has not been told about.
   */
  async breachNotice(verdict: Verdict, lang: Lang): Promise<NoticeModel | null> {
    if (verdict.status !== 'checked' || verdict.site === null) return null;
    const index = await this.index();
    const candidates = noticeWorthy(index.breachesFor(verdict.site), this.platform.now());
    if (candidates.length === 0) return null;
    const seen = await getBreachNotices(candidates.map((c) => c.breach.name));
    const fresh = candidates.filter(
      (c) => !seen.get(c.breach.name)?.shownAt && !seen.get(c.breach.name)?.dismissedAt,
    );
    if (fresh.length === 0) return null;
    await markBreachNotices(
      fresh.map((c) => c.breach.name),
      verdict.site,
      { shownAt: this.platform.now() },
    );
    const first = fresh[0]!.breach;
    const parts = [
      t(lang, 'reason.breach.site', {
        title: first.title,
        date: formatPartialDate(lang, first.breachDate),
      }),
      first.dataClasses.length > 0
        ? t(lang, 'reason.breach.data', {
            classes: first.dataClasses
              .map((c) => dataClass(lang, c))
              .join(lang === 'ja' ? '、' : ', '),
          })
        : '',
      first.pwnCount !== null ? t(lang, 'reason.breach.count', { count: first.pwnCount }) : '',
      fresh.length > 1 ? t(lang, 'notice.more', { count: fresh.length - 1 }) : '',
    ];
    return {
      lang,
      title: t(lang, 'notice.title', { site: displayHost(verdict.site) }),
      text: parts.filter((p) => p !== '').join(' '),
      names: fresh.map((c) => c.breach.name),
      labels: {
        brand: t(lang, 'banner.brand'),
        details: t(lang, 'banner.details'),
        dismiss: t(lang, 'notice.dismiss'),
      },
    };
  }

  /** The notice's "Got it": remembered per breach, only for breaches of the sender's own site. */
  async dismissNotice(sender: SenderInfo, names: string[]): Promise<void> {
    const host = sender.url ? hostOfUrl(sender.url) : null;
    if (!host) return;
    const site = registrableDomain(host.host);
    const own = new Set((await this.index()).breachesFor(site).map((b) => b.breach.name));
    const valid = names.filter((n) => own.has(n));
    if (valid.length > 0)
      await markBreachNotices(valid, site, { dismissedAt: this.platform.now() });
  }

  /**
   * The in-page banner for a verdict: list hits (warn-level lists, or a blocked site opened "this
   * time only") and pages the detector rates warning or worse. Never on allowlisted or dismissed
   * sites.
   */
  bannerFor(verdict: Verdict, lang: Lang): BannerModel | null {
    if (verdict.status !== 'checked' || verdict.allowlisted || verdict.dismissed) return null;
    const listReasons = verdict.reasons.filter((r) => r.group === 'list');
    const pageWarns =
      verdict.page !== null && levelRank(verdict.page.level) >= levelRank('warning');
    if (listReasons.length === 0 && !pageWarns) return null;
    const pageReasons = verdict.reasons.filter((r) => r.group === 'page' && r.weight > 0);
    const first = listReasons[0];
    return {
      lang,
      level: verdict.level === 'none' ? 'caution' : verdict.level,
      title: first
        ? t(lang, 'banner.title.list', { category: t(lang, `category.${first.category}`) })
        : t(lang, 'banner.title.page'),
      reasons: [...listReasons, ...(pageWarns ? pageReasons : [])]
        .slice(0, 3)
        .map((r) => renderReason(lang, r).title),
      labels: {
        brand: t(lang, 'banner.brand'),
        details: t(lang, 'banner.details'),
        report: t(lang, 'banner.report'),
        dismiss: t(lang, 'banner.dismiss'),
        close: t(lang, 'banner.close'),
      },
    };
  }

  /** "Don't warn me on this site", from the banner: stored per site, the banner goes. */
  async dismissSite(sender: SenderInfo): Promise<void> {
    const host = sender.url ? hostOfUrl(sender.url) : null;
    if (!host) return;
    const url = new URL(sender.url!);
    await addDismissal({
      site: registrableDomain(host.host),
      addedAt: this.platform.now(),
      url: `${url.origin}${url.pathname}`,
    });
    this.dismissCache = null;
  }

  // ---------------------------------------------------------------- list administration

  private changed(): Promise<unknown> {
    this.indexCache = null;
    return this.syncRules();
  }

  async listsView(): Promise<ListsView> {
    await this.ready();
    return {
      lists: orderLists(await getListRecords(), this.catalog),
      dnr: await this.dnrMarker(),
      userBlocks: await getUserBlocks(),
      allowlist: await getAllowlist(),
      dismissals: await getDismissals(),
      now: this.platform.now(),
    };
  }

  async setListEnabled(id: string, enabled: boolean): Promise<void> {
    await updateListRecord(id, (r) => ({ ...r, enabled }));
    await this.changed();
  }

  async setListAction(id: string, action: 'block' | 'warn'): Promise<void> {
    await updateListRecord(id, (r) => (r.action === 'notice' ? r : { ...r, action }));
    await this.changed();
  }

  /** Add a list by URL: the first download decides whether it is kept. */
  async addCustomList(input: {
    url: string;
    format: ListRecord['format'];
    action: 'block' | 'warn';
    name: string;
  }): Promise<RefreshResult> {
    const url = new URL(input.url);
    const id = `custom-${(await sha256Hex(url.href)).slice(0, 12)}`;
    // Already subscribed: check it for news rather than starting it over empty.
    if (await getListRecord(id)) return this.refresher.refresh(id);
    const title = input.name.trim() || url.hostname;
    const meta = {
      id,
      title: { ja: title, en: title },
      version: 0,
      updated: new Date(this.platform.now()).toISOString().slice(0, 10),
      licence: 'unknown (added by you)',
      attribution: [{ name: url.hostname, url: url.href, licence: 'unknown' }],
    };
    const category = input.format === 'hibp' ? 'breached-service' : 'rogue-pharmacy';
    // An empty list until its first download succeeds; the status shows how that went.
    await replaceList(
      {
        id,
        origin: 'custom',
        format: input.format,
        action: input.format === 'hibp' ? 'notice' : input.action,
        enabled: true,
        url: url.href,
        meta,
        domainCategory: category,
        contentHash: '',
        contentFrom: 'download',
        installedAt: this.platform.now(),
        status: emptyStatus(),
        intervalMs: 24 * 3600_000,
        signed: false,
      },
      {
        meta,
        sites: [],
        domains: [],
        domainCategory: category,
        groups: [],
        registrars: [],
        breaches: [],
      },
    );
    this.indexCache = null;
    return this.refresher.refresh(id);
  }

  async removeList(id: string): Promise<boolean> {
    const record = await getListRecord(id);
    if (!record || record.origin !== 'custom') return false; // default lists are disabled, not removed
    await deleteList(id);
    await this.changed();
    return true;
  }

  async blockSite(input: string, note: string, via: UserBlock['via']): Promise<UserBlock | null> {
    const target = parseTarget(input);
    if (!target.ok || target.host.kind === 'local' || target.host.kind === 'ipv6') return null;
    const site = registrableDomain(target.host.host);
    const block = await addUserBlock({
      site,
      addedAt: this.platform.now(),
      note: note.slice(0, 500),
      via,
    });
    await this.changed();
    return block;
  }

  async unblockSite(site: string): Promise<boolean> {
    const removed = await removeUserBlock(site);
    await this.changed();
    return removed;
  }

  async allowSite(input: string): Promise<boolean> {
    const target = parseTarget(input);
    if (!target.ok) return false;
    await addAllowEntry({
      site: registrableDomain(target.host.host),
      addedAt: this.platform.now(),
      listedAs: null,
      via: 'options',
    });
    this.allowCache = null;
    await this.syncRules();
    return true;
  }

  /** Everything the user decided, as a file (list contents are not included). */
  async exportData(): Promise<ExportFile> {
    const view = await this.listsView();
    return {
      format: EXPORT_FORMAT,
      version: 1,
      exportedAt: new Date(this.platform.now()).toISOString(),
      settings: await getSettings(),
      allowlist: view.allowlist,
      userBlocks: view.userBlocks,
      dismissals: view.dismissals,
      lists: view.lists.map((r) => ({
        id: r.id,
        origin: r.origin,
        url: r.url,
        format: r.format,
        action: r.action,
        enabled: r.enabled,
        name: r.meta.title.en,
      })),
    };
  }

  /**
   * Apply an exported file. Validated as a whole first: a damaged file changes nothing. Stored
   * decisions are merged (an imported entry replaces one for the same site); lists added by URL
   * are added again and downloaded.
   */
  async importData(text: string): Promise<ImportSummary> {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return { ok: false, error: 'not-json' };
    }
    const parsed = ExportSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, error: 'wrong-schema' };
    const file = parsed.data;
    await updateSettings(file.settings);
    for (const entry of file.allowlist) await addAllowEntry({ ...entry, via: 'import' });
    for (const block of file.userBlocks) await addUserBlock({ ...block, via: 'import' });
    for (const dismissal of file.dismissals) await addDismissal(dismissal);
    const existing = new Map((await getListRecords()).map((r) => [r.id, r]));
    let added = 0;
    for (const list of file.lists) {
      const current = existing.get(list.id);
      if (current) {
        await updateListRecord(list.id, (r) => ({
          ...r,
          enabled: list.enabled,
          action: r.action === 'notice' || list.action === 'notice' ? r.action : list.action,
        }));
      } else if (
        list.origin === 'custom' &&
        list.url &&
        /^https?:\/\//.test(list.url) &&
        list.action !== 'notice'
      ) {
        await this.addCustomList({
          url: list.url,
          format: list.format,
          action: list.action,
          name: list.name,
        });
        added += 1;
      }
    }
    this.allowCache = null;
    this.dismissCache = null;
    await this.changed();
    return {
      ok: true,
      allowlist: file.allowlist.length,
      userBlocks: file.userBlocks.length,
      dismissals: file.dismissals.length,
      listsAdded: added,
    };
  }

  async blockInfo(rawUrl: string, tabId: number | undefined): Promise<BlockInfo> {
    const host = hostOfUrl(rawUrl);
    if (!host) return { status: 'bad-url', raw: rawUrl.slice(0, 2048) };
    const verdict = await this.verdictFor(rawUrl);
    if (tabId !== undefined) await this.showBadge(tabId, verdict);
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
    if (mode === 'always') {
      const hits = await (await this.index()).lookup(host.host);
      await addAllowEntry({
        site,
        addedAt: this.platform.now(),
        listedAs: hits[0]?.reason.listed ?? null,
        via: 'warning-page',
      });
      this.allowCache = null;
    }
    // This tab goes at once (a session rule). With "always" the allow rule follows for every tab:
    // only that rule changes, but Chrome re-indexes the whole set, a second or two with a million
    // listed domains. The entry is stored first, so a worker stopped meanwhile installs it on
    // its next start.
    await this.grantOnce(tabId, site);
    await this.platform.tabs.update(tabId, rawUrl);
    if (mode === 'always') await this.syncRules();
    return { navigated: true };
  }

  async removeAllowed(site: string): Promise<boolean> {
    const removed = await removeAllowEntry(site);
    this.allowCache = null;
    await this.syncRules();
    return removed;
  }

  async allowlist(): Promise<AllowEntry[]> {
    return getAllowlist();
  }
}

/** The packaged lists in catalog order (the project's own first), then the lists the user added. */
function orderLists(records: ListRecord[], catalog: CatalogEntry[]): ListRecord[] {
  return [...records].sort(
    (a, b) =>
      catalogRank(catalog, a.id) - catalogRank(catalog, b.id) ||
      a.meta.title.en.localeCompare(b.meta.title.en),
  );
}
