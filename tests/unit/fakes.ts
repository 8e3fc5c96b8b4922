// Test doubles for the Platform the Background runs on. FakeDnr behaves like Chrome's
// declarativeNetRequest where it matters here: atomic updates, unique ids, ASCII lower-case
// requestDomains, and the rule-count limits (numbers from Chromium, see STACK.md).
import type { DnrRule } from '../../utils/preload/compile';
import type { MenuItem, Platform, TabInfo } from '../../utils/platform/platform';

export const MAX_DYNAMIC_RULES = 30_000;
export const MAX_UNSAFE_DYNAMIC_RULES = 5_000;

export class FakeDnr {
  dynamic: DnrRule[] = [];
  session: DnrRule[] = [];
  updateCalls = 0;
  failNext: Error | null = null;
  /**
   * A limit on the domains the whole rule set may carry, standing in for whatever makes a browser
   * refuse a rule set (memory, a future limit): an update that would exceed it fails.
   */
  maxDomains = Infinity;

  getCalls = 0;

  async getDynamicRules(filter?: { ruleIds: number[] }): Promise<DnrRule[]> {
    this.getCalls += 1;
    const rules = filter ? this.dynamic.filter((r) => filter.ruleIds.includes(r.id)) : this.dynamic;
    return structuredClone(rules);
  }

  /** The last update asked for (what a change cost). */
  lastUpdate: { removeRuleIds: number[]; addRules: DnrRule[] } | null = null;

  async updateDynamicRules(options: {
    removeRuleIds: number[];
    addRules: DnrRule[];
  }): Promise<void> {
    this.updateCalls += 1;
    this.lastUpdate = structuredClone(options);
    if (this.failNext) {
      const error = this.failNext;
      this.failNext = null;
      throw error;
    }
    const next = FakeDnr.apply(this.dynamic, options, MAX_DYNAMIC_RULES);
    const domains = next.reduce((n, r) => n + (r.condition.requestDomains?.length ?? 0), 0);
    if (domains > this.maxDomains) throw new Error('Internal error while installing the rules.');
    this.dynamic = next;
  }

  async getSessionRules(): Promise<DnrRule[]> {
    return structuredClone(this.session);
  }

  async updateSessionRules(options: {
    removeRuleIds: number[];
    addRules: DnrRule[];
  }): Promise<void> {
    this.session = FakeDnr.apply(this.session, options, 5_000);
  }

  /** The rule that decides a main-frame request to `url` from `tabId` (highest priority wins). */
  decide(url: string, tabId = 1): DnrRule | null {
    const host = new URL(url).hostname;
    const candidates = [...this.dynamic, ...this.session].filter((rule) => {
      const c = rule.condition;
      if (c.tabIds && !c.tabIds.includes(tabId)) return false;
      if (c.requestDomains && !c.requestDomains.some((d) => host === d || host.endsWith(`.${d}`)))
        return false;
      if (c.regexFilter && !new RegExp(c.regexFilter).test(url)) return false;
      return true;
    });
    candidates.sort((a, b) => b.priority - a.priority || (a.action.type === 'allow' ? -1 : 1));
    return candidates[0] ?? null;
  }

  private static apply(
    current: DnrRule[],
    options: { removeRuleIds: number[]; addRules: DnrRule[] },
    limit: number,
  ): DnrRule[] {
    const remove = new Set(options.removeRuleIds);
    const next = current.filter((r) => !remove.has(r.id));
    for (const rule of options.addRules) {
      if (next.some((r) => r.id === rule.id))
        throw new Error(`Rule with id ${rule.id} already exists.`);
      for (const domain of rule.condition.requestDomains ?? []) {
        if (!/^[\x21-\x7e]+$/.test(domain) || domain !== domain.toLowerCase()) {
          throw new Error(
            `Rule with id ${rule.id}: requestDomains cannot have non-ascii characters.`,
          );
        }
      }
      next.push(structuredClone(rule));
    }
    if (next.length > limit) throw new Error('Rule count exceeded.');
    const unsafe = next.filter((r) => r.action.type === 'redirect').length;
    if (unsafe > MAX_UNSAFE_DYNAMIC_RULES) throw new Error('Dynamic unsafe rule count exceeded.');
    return next;
  }
}

/** A real 1×1 JPEG as a data URL. */
export const TINY_JPEG =
  'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q==';

export class FakeTabs {
  tabs = new Map<number, string>();
  updates: { tabId: number; url: string }[] = [];

  async get(tabId: number): Promise<TabInfo | null> {
    const url = this.tabs.get(tabId);
    return url === undefined ? null : { id: tabId, url, title: this.titles.get(tabId) ?? '' };
  }

  async update(tabId: number, url: string): Promise<void> {
    this.updates.push({ tabId, url });
    this.tabs.set(tabId, url);
  }

  /** Tabs sent one entry back, in order; `noHistory` tabs have no entry to go back to. */
  wentBack: number[] = [];
  noHistory = new Set<number>();

  async goBack(tabId: number): Promise<boolean> {
    if (this.noHistory.has(tabId)) return false;
    this.wentBack.push(tabId);
    return true;
  }

  /** The document each tab's top frame shows (absent: unknown, as in Firefox). */
  documents = new Map<number, string>();

  async topDocumentId(tabId: number): Promise<string | undefined> {
    return this.documents.get(tabId);
  }

  opened: { url: string; openerTabId?: number }[] = [];

  async open(url: string, openerTabId?: number): Promise<void> {
    this.opened.push({ url, ...(openerTabId !== undefined ? { openerTabId } : {}) });
  }

  titles = new Map<number, string>();
  captures: number[] = [];

  /** What the next capture gives: an image (default) or a failure such as a missing permission. */
  captureResult: string | Error = TINY_JPEG;

  async capture(tabId: number): Promise<string> {
    this.captures.push(tabId);
    if (this.captureResult instanceof Error) throw this.captureResult;
    return this.captureResult;
  }

  /** Tabs whose top frame was asked to read its page again, in order. */
  rescans: number[] = [];

  async rescanTopFrame(tabId: number): Promise<void> {
    this.rescans.push(tabId);
  }

  async query(): Promise<TabInfo[]> {
    return [...this.tabs].map(([id, url]) => ({ id, url }));
  }
}

export const EXTENSION_ID = 'testextensionid';
export const ORIGIN = `chrome-extension://${EXTENSION_ID}`;

/** Packaged files exactly as the build ships them. */
export { packagedFiles } from '../../tools/lib/bundled-data';
import { packagedFiles } from '../../tools/lib/bundled-data';

/** A programmable server for fetch: handlers by URL, every request logged. */
export class FakeNet {
  requests: { url: string; headers: Record<string, string> }[] = [];
  private readonly routes = new Map<
    string,
    (init: RequestInit | undefined) => Response | Promise<Response>
  >();

  route(
    url: string,
    handler: (init: RequestInit | undefined) => Response | Promise<Response>,
  ): this {
    this.routes.set(url, handler);
    return this;
  }

  fetch = async (input: string, init?: RequestInit): Promise<Response> => {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(
      (init?.headers as Record<string, string> | undefined) ?? {},
    )) {
      headers[k.toLowerCase()] = v;
    }
    this.requests.push({ url: input, headers });
    const handler = this.routes.get(input);
    if (!handler) {
      // A server we know answers 404 for a file it does not have; an unknown host is unreachable.
      const origin = new URL(input).origin;
      if ([...this.routes.keys()].some((url) => new URL(url).origin === origin)) {
        return new Response('not found', { status: 404 });
      }
      throw new TypeError(`fetch failed: no route for ${input}`);
    }
    // Like a real fetch, an aborted signal rejects the request whatever the server does.
    const signal = init?.signal;
    if (!signal) return handler(init);
    return Promise.race([
      Promise.resolve(handler(init)),
      new Promise<never>((_resolve, reject) => {
        if (signal.aborted) reject(new DOMException('aborted', 'AbortError'));
        signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      }),
    ]);
  };

  count(url: string): number {
    return this.requests.filter((r) => r.url === url).length;
  }
}

export interface TestPlatform extends Platform {
  dnr: FakeDnr;
  tabs: FakeTabs;
  badges: Map<number, { text: string; color: string; title: string }>;
  sessionData: Map<string, unknown>;
  files: Map<string, string>;
  clock: { now: number };
  net: FakeNet;
  alarmsCreated: Map<string, { periodInMinutes: number; delayInMinutes: number }>;
  alarmsAt: Map<string, number>;
  windowsOpened: string[];
  menuItems: MenuItem[];
}

export function fakePlatform(
  options: { uiLanguage?: string; files?: Map<string, string>; listPublicKey?: string } = {},
): TestPlatform {
  const net = new FakeNet();
  const alarmsCreated = new Map<string, { periodInMinutes: number; delayInMinutes: number }>();
  const alarmsAt = new Map<string, number>();
  const windowsOpened: string[] = [];
  const menuItems: MenuItem[] = [];
  const badges = new Map<number, { text: string; color: string; title: string }>();
  const sessionData = new Map<string, unknown>();
  const files = options.files ?? packagedFiles();
  const clock = { now: Date.parse('2026-11-21T00:00:00Z') };
  return {
    extensionId: EXTENSION_ID,
    extensionUrl: (path) => `${ORIGIN}${path.startsWith('/') ? path : `/${path}`}`,
    uiLanguage: () => options.uiLanguage ?? 'en-US',
    now: () => clock.now,
    clock,
    async readPackaged(path) {
      const text = files.get(path);
      if (text === undefined) throw new Error(`no packaged file ${path}`);
      return text;
    },
    files,
    dnr: new FakeDnr(),
    tabs: new FakeTabs(),
    badges,
    badge: {
      async set(tabId, badge) {
        badges.set(tabId, badge);
      },
    },
    sessionData,
    session: {
      async get<T>(key: string) {
        return structuredClone(sessionData.get(key)) as T | undefined;
      },
      async set(key, value) {
        sessionData.set(key, structuredClone(value));
      },
    },
    net,
    fetch: net.fetch,
    random: () => 0.5,
    alarmsCreated,
    alarms: {
      async create(name, periodInMinutes, delayInMinutes) {
        alarmsCreated.set(name, { periodInMinutes, delayInMinutes });
      },
      async createAt(name, when) {
        alarmsAt.set(name, when);
      },
    },
    alarmsAt,
    windowsOpened,
    windows: {
      async openPopup(url) {
        windowsOpened.push(url);
      },
    },
    menuItems,
    menus: {
      async replace(items) {
        menuItems.splice(0, menuItems.length, ...structuredClone(items));
      },
    },
    config: {
      listPublicKey: options.listPublicKey ?? 'HqGrTXOEwrC2G7lmk90FqHRRbijOlT7AWyf7Wu3BT84=',
      refreshTimeoutMs: 300,
    },
    rdapOverrides: async () => ({}),
    newTabUrl: 'chrome://newtab/',
  };
}

export const pageSender = (path: string, tabId?: number) => ({
  id: EXTENSION_ID,
  url: `${ORIGIN}${path}`,
  tabId,
});
export const contentSender = (url: string, tabId = 7) => ({
  id: EXTENSION_ID,
  url,
  tabId,
  frameId: 0,
});
