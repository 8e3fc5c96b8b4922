// What the background needs from the browser, as small interfaces. The real implementation wraps
// the extension APIs (createPlatform); unit tests pass fakes, including a declarativeNetRequest
// fake that enforces Chrome's limits.
import type { DnrRule } from '../preload/compile';
import type { FetchLike } from '../lists/fetch-list';

export interface PlatformConfig {
  /** Base64 Ed25519 public key the project list must be signed with. */
  listPublicKey: string;
  /** Time-out of one list download (tests shorten it). */
  refreshTimeoutMs?: number;
  /** The project's issue tracker "new issue" URL (build time); unset: that channel is unavailable. */
  issuesUrl?: string;
  /**
   * The list maintainers' e-mail address (build time: package.json `config.maintainersEmail`, or
   * WXT_MAINTAINERS_EMAIL); unset or empty: reports to the maintainers go only through the tracker.
   */
  maintainersEmail?: string;
  /** A report endpoint set at build time (the user can set their own). */
  reportEndpoint?: string;
  /** Time-out of one report delivery (tests shorten it). */
  reportTimeoutMs?: number;
  /** Allow http:// report endpoints, list downloads and RDAP servers (end-to-end test builds only: their fixture servers speak plain http). */
  allowHttpEndpoint?: boolean;
  /** Open the first-run page on install (end-to-end test builds open it only when a test asks). */
  welcomeOnInstall?: boolean;
}

export interface DnrApi {
  getDynamicRules(filter?: { ruleIds: number[] }): Promise<DnrRule[]>;
  updateDynamicRules(options: { removeRuleIds: number[]; addRules: DnrRule[] }): Promise<void>;
  getSessionRules(): Promise<DnrRule[]>;
  updateSessionRules(options: { removeRuleIds: number[]; addRules: DnrRule[] }): Promise<void>;
}

export interface BadgeApi {
  set(tabId: number, badge: { text: string; color: string; title: string }): Promise<void>;
}

export interface TabInfo {
  id: number;
  url: string | undefined;
  title?: string | undefined;
}

export interface TabsApi {
  get(tabId: number): Promise<TabInfo | null>;
  update(tabId: number, url: string): Promise<void>;
  /** Go one entry back in the tab's history; false when there is none. */
  goBack(tabId: number): Promise<boolean>;
  /** The document its top frame shows now (Chromium's documentId; undefined where unknown). */
  topDocumentId(tabId: number): Promise<string | undefined>;
  /** Open `url` in a new tab next to `openerTabId`. */
  open(url: string, openerTabId?: number): Promise<void>;
  query(): Promise<TabInfo[]>;
  /** A JPEG of what the tab shows (the extension must hold the <all_urls> permission). */
  capture(tabId: number): Promise<string>;
  /** Ask the content script in the tab's top frame to read its page again (no answer). */
  rescanTopFrame(tabId: number): Promise<void>;
}

/** Per-browser-session storage (chrome.storage.session): survives worker restarts, not browser restarts. */
export interface SessionStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
}

export interface AlarmsApi {
  /** Create or replace a repeating alarm. */
  create(name: string, periodInMinutes: number, delayInMinutes: number): Promise<void>;
  /** Create or replace a one-time alarm at `when` (ms since the epoch). */
  createAt(name: string, when: number): Promise<void>;
}

export interface WindowsApi {
  /** Open an extension page in a small window of its own (the reported tab stays visible). */
  openPopup(url: string): Promise<void>;
}

export interface MenuItem {
  id: string;
  title: string;
  contexts: ('page' | 'link')[];
}

export interface MenusApi {
  /** Replace the extension's context-menu entries (on install, start-up, language change). */
  replace(items: MenuItem[]): Promise<void>;
}

export interface Platform {
  extensionId: string;
  /** Absolute URL of a file in the extension. */
  extensionUrl(path: string): string;
  uiLanguage(): string;
  now(): number;
  /** Text of a file packaged with the extension. */
  readPackaged(path: string): Promise<string>;
  dnr: DnrApi;
  badge: BadgeApi;
  tabs: TabsApi;
  session: SessionStore;
  alarms: AlarmsApi;
  windows: WindowsApi;
  menus: MenusApi;
  /** Network access for list refreshes and lookups. */
  fetch: FetchLike;
  /** A number in [0, 1): jitter for schedules. */
  random(): number;
  /** Build-time settings (tests use their own). */
  config: PlatformConfig;
  /** TLD → RDAP base URL replacements; only end-to-end test builds ever return any. */
  rdapOverrides(): Promise<Record<string, string>>;
  /** URL of a neutral page to send a tab to when there is nothing to go back to. */
  newTabUrl: string;
}
