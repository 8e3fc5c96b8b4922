// What the background needs from the browser, as small interfaces. The real implementation wraps
// the extension APIs (createPlatform); unit tests pass fakes, including a declarativeNetRequest
// fake that enforces Chrome's limits.
import type { DnrRule } from '../dnr/compile';
import type { FetchLike } from '../refresh/fetch-list';

export interface PlatformConfig {
  /** Base64 Ed25519 public key the project list must be signed with. */
  listPublicKey: string;
  /** Time-out of one list download (tests shorten it). */
  refreshTimeoutMs?: number;
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
}

export interface TabsApi {
  get(tabId: number): Promise<TabInfo | null>;
  update(tabId: number, url: string): Promise<void>;
  /** Open `url` in a new tab next to `openerTabId`. */
  open(url: string, openerTabId?: number): Promise<void>;
  query(): Promise<TabInfo[]>;
}

/** Per-browser-session storage (chrome.storage.session): survives worker restarts, not browser restarts. */
export interface SessionStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
}

export interface AlarmsApi {
  /** Create or replace a repeating alarm. */
  create(name: string, periodInMinutes: number, delayInMinutes: number): Promise<void>;
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
