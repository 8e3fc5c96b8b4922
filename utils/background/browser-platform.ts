// The real Platform: the extension APIs behind the interfaces the Background uses.
import { browser } from '../browser';
import type { DnrRule } from '../dnr/compile';
import type { Platform } from './platform';
import { PINNED_LIST_KEY } from '../refresh/signature';
import { browserLanguage } from '../browser-language';

type DnrUpdate = { removeRuleIds: number[]; addRules: DnrRule[] };

export function createPlatform(): Platform {
  const dnr = browser.declarativeNetRequest as unknown as {
    getDynamicRules(filter?: { ruleIds: number[] }): Promise<DnrRule[]>;
    updateDynamicRules(options: DnrUpdate): Promise<void>;
    getSessionRules(): Promise<DnrRule[]>;
    updateSessionRules(options: DnrUpdate): Promise<void>;
  };
  const firefox = import.meta.env.FIREFOX;
  return {
    extensionId: browser.runtime.id,
    extensionUrl: (path) => browser.runtime.getURL(path as '/'),
    uiLanguage: browserLanguage,
    now: () => Date.now(),
    async readPackaged(path) {
      const response = await fetch(browser.runtime.getURL(`/${path}` as '/'));
      if (!response.ok) throw new Error(`packaged file ${path}: HTTP ${response.status}`);
      return response.text();
    },
    dnr: {
      getDynamicRules: (filter) => (filter ? dnr.getDynamicRules(filter) : dnr.getDynamicRules()),
      updateDynamicRules: (options) => dnr.updateDynamicRules(options),
      getSessionRules: () => dnr.getSessionRules(),
      updateSessionRules: (options) => dnr.updateSessionRules(options),
    },
    badge: {
      async set(tabId, { text, color, title }) {
        await Promise.all([
          browser.action.setBadgeText({ tabId, text }),
          browser.action.setBadgeBackgroundColor({ tabId, color }),
          browser.action.setTitle({ tabId, title }),
        ]);
      },
    },
    tabs: {
      async get(tabId) {
        try {
          const tab = await browser.tabs.get(tabId);
          return { id: tabId, url: tab.url };
        } catch {
          return null;
        }
      },
      async update(tabId, url) {
        await browser.tabs.update(tabId, { url });
      },
      async open(url, openerTabId) {
        await browser.tabs.create({ url, ...(openerTabId !== undefined ? { openerTabId } : {}) });
      },
      async query() {
        const tabs = await browser.tabs.query({});
        return tabs.filter((t) => t.id !== undefined).map((t) => ({ id: t.id!, url: t.url }));
      },
    },
    session: {
      async get<T>(key: string) {
        const values = await browser.storage.session.get(key);
        return values[key] as T | undefined;
      },
      async set(key, value) {
        await browser.storage.session.set({ [key]: value });
      },
    },
    alarms: {
      async create(name, periodInMinutes, delayInMinutes) {
        await browser.alarms.create(name, { periodInMinutes, delayInMinutes });
      },
    },
    fetch: (input, init) => globalThis.fetch(input, init),
    random: () => Math.random(),
    config: {
      listPublicKey: (import.meta.env.WXT_LIST_PUBLIC_KEY as string | undefined) || PINNED_LIST_KEY,
    },
    async rdapOverrides() {
      // Compiled out of every build but `wxt build --mode e2e` (MODE is a build-time constant).
      if (import.meta.env.MODE !== 'e2e') return {};
      const stored = await browser.storage.local.get('kgTestRdapOverrides');
      const value = stored.kgTestRdapOverrides;
      return value && typeof value === 'object' ? (value as Record<string, string>) : {};
    },
    newTabUrl: firefox ? 'about:blank' : 'chrome://newtab/',
  };
}
