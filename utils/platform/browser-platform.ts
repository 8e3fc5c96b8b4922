// The real Platform: the extension APIs behind the interfaces the Background uses.
import { browser } from './browser';
import type { DnrRule } from '../preload/compile';
import type { Platform } from './platform';
import { PINNED_LIST_KEY } from '../lists/signature';
import { browserLanguage } from './browser-language';
import { NEW_ISSUE_URL } from '../core/project';

type DnrUpdate = { removeRuleIds: number[]; addRules: DnrRule[] };

export function createPlatform(): Platform {
  // Reached when first called, not here: the browser builds an API's bindings the first time the
  // script touches it, and a wake's first verdict never uses the rules (a wake composes this).
  const dnr = () =>
    browser.declarativeNetRequest as unknown as {
      getDynamicRules(filter?: { ruleIds: number[] }): Promise<DnrRule[]>;
      updateDynamicRules(options: DnrUpdate): Promise<void>;
      getSessionRules(): Promise<DnrRule[]>;
      updateSessionRules(options: DnrUpdate): Promise<void>;
    };
  const firefox = import.meta.env.FIREFOX;
  // The extension's static origin. warning.html is web-accessible only at a per-session address
  // (`use_dynamic_url`, wxt.config.ts), and runtime.getURL('warning.html') returns that address;
  // the pre-load rules, the sender checks and the tab records all use the static one, which the
  // browser maps to the session's address when a rule redirects (a rule naming a dynamic address
  // would go stale at the next browser start).
  const origin = browser.runtime.getURL('/').replace(/\/$/, '');
  return {
    extensionId: browser.runtime.id,
    extensionUrl: (path) => `${origin}${path.startsWith('/') ? '' : '/'}${path}`,
    uiLanguage: browserLanguage,
    now: () => Date.now(),
    async readPackaged(path) {
      const response = await fetch(browser.runtime.getURL(`/${path}` as '/'));
      if (!response.ok) throw new Error(`packaged file ${path}: HTTP ${response.status}`);
      return response.text();
    },
    dnr: {
      getDynamicRules: (filter) =>
        filter ? dnr().getDynamicRules(filter) : dnr().getDynamicRules(),
      updateDynamicRules: (options) => dnr().updateDynamicRules(options),
      getSessionRules: () => dnr().getSessionRules(),
      updateSessionRules: (options) => dnr().updateSessionRules(options),
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
          return { id: tabId, url: tab.url, title: tab.title };
        } catch {
          return null;
        }
      },
      async update(tabId, url) {
        await browser.tabs.update(tabId, { url });
      },
      async goBack(tabId) {
        // Rejects when the tab has no entry to go back to.
        return browser.tabs.goBack(tabId).then(
          () => true,
          () => false,
        );
      },
      async topDocumentId(tabId) {
        const frame = await browser.webNavigation.getFrame({ tabId, frameId: 0 }).catch(() => null);
        // Chromium 106+ names documents; Firefox does not.
        const documentId = (frame as { documentId?: unknown } | null)?.documentId;
        return typeof documentId === 'string' ? documentId : undefined;
      },
      async open(url, openerTabId) {
        await browser.tabs.create({ url, ...(openerTabId !== undefined ? { openerTabId } : {}) });
      },
      async capture(tabId) {
        const tab = await browser.tabs.get(tabId);
        // captureVisibleTab shows what its window shows: the reported tab must be the active one.
        if (!tab.active) await browser.tabs.update(tabId, { active: true });
        return browser.tabs.captureVisibleTab(tab.windowId, { format: 'jpeg', quality: 60 });
      },
      async rescanTopFrame(tabId) {
        // A tab without our content script (yet) has no one to answer: nothing to do.
        await browser.tabs
          .sendMessage(tabId, { type: 'page.rescan' }, { frameId: 0 })
          .catch(() => undefined);
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
      async createAt(name, when) {
        await browser.alarms.create(name, { when });
      },
    },
    windows: {
      async openPopup(url) {
        await browser.windows.create({ url, type: 'popup', width: 600, height: 820 });
      },
    },
    menus: {
      async replace(items) {
        // Firefox for Android has no context menus (the API is undefined there).
        if (!hasContextMenus()) return;
        await browser.contextMenus.removeAll();
        for (const item of items) {
          const patterns = ['http://*/*', 'https://*/*'];
          browser.contextMenus.create({
            id: item.id,
            title: item.title,
            contexts: item.contexts as ['page' | 'link', ...('page' | 'link')[]],
            ...(item.contexts.includes('link')
              ? { targetUrlPatterns: patterns }
              : { documentUrlPatterns: patterns }),
          });
        }
      },
    },
    fetch: (input, init) => globalThis.fetch(input, init),
    random: () => Math.random(),
    config: {
      listPublicKey: (import.meta.env.WXT_LIST_PUBLIC_KEY as string | undefined) || PINNED_LIST_KEY,
      issuesUrl: (import.meta.env.WXT_REPORT_ISSUES_URL as string | undefined) ?? NEW_ISSUE_URL,
      // Defined by wxt.config.ts from WXT_MAINTAINERS_EMAIL or package.json (empty: off).
      maintainersEmail: (import.meta.env.KG_MAINTAINERS_EMAIL as string | undefined) || undefined,
      reportEndpoint: (import.meta.env.WXT_REPORT_ENDPOINT as string | undefined) || undefined,
      allowHttpEndpoint: import.meta.env.MODE === 'e2e',
      // The end-to-end suite loads the extension hundreds of times; its tests open the page themselves.
      welcomeOnInstall: import.meta.env.MODE !== 'e2e',
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

/** Whether this browser has context menus (Firefox for Android does not). */
export function hasContextMenus(): boolean {
  return typeof (browser as { contextMenus?: unknown }).contextMenus === 'object';
}
