// Background service worker, first script: composes what the first verdict needs
// (utils/background/core.ts) and wires the browser's events. Everything else is in a second script
// (entrypoints/background-rest.ts, composed by utils/background/rest.ts on these same services),
// loaded when first needed: a waking worker compiles and runs only this one before it answers the
// popup's verdict, the warning page or a navigation check.
// First: asks for the database and the first-verdict record before the other modules evaluate.
import '../utils/core/early-open-now';
import { defineBackground } from 'wxt/utils/define-background';
import { browser } from '../utils/platform/browser';
import { composeCore, isCoreMessage } from '../utils/background/core';
import { REST_GLOBAL, REST_SCRIPT, type Rest, type RestScript } from '../utils/background/rest';
import { createPlatform, hasContextMenus } from '../utils/platform/browser-platform';
import { closeWakeMarks, wakeMark } from '../utils/core/wake-marks';

/**
 * The start-up work (the rules check, which needs the second script) waits until the first
 * script's work has been idle this long: loading the second script blocks the worker's thread
 * (importScripts() is synchronous), so it must not land in the middle of a first answer.
 */
const READY_DELAY_MS = 1000;
/** ...but runs this long after the start at the latest (a page navigating in a loop). */
const READY_LATEST_MS = 10_000;

declare const importScripts: ((...urls: string[]) => void) | undefined;

/**
 * The second script's exports. Firefox's event page lists it beside this one (it is already
 * there); Chrome's worker imports it: importScripts() may load a script in a later life of the
 * worker only if it was imported while the worker was installing (Chromium keeps it in the
 * worker's script cache), hence the install listener below.
 */
function restScript(): RestScript {
  const global = globalThis as unknown as Record<string, RestScript | undefined>;
  if (!global[REST_GLOBAL] && typeof importScripts === 'function') importScripts(REST_SCRIPT);
  const script = global[REST_GLOBAL];
  if (!script) throw new Error('Kusuri Guard: the background script background-rest.js is missing');
  return script;
}

export default defineBackground(() => {
  wakeMark('script evaluated');
  if (typeof importScripts === 'function')
    self.addEventListener('install', () => {
      restScript();
    });

  let rest: Rest | null = null;
  const core = composeCore(createPlatform(), {
    importer: async () => restScript().importByFormatYielding,
    rdapNetwork: async () => restScript().createRdapNetwork,
    restLoaded: () => rest !== null,
    loadRest: async () => loadRest(),
    badgeTitle: async (lang, key) => restScript().t(lang, key),
  });
  /** The rest, composed on the first's services the first time something needs it. */
  wakeMark('composed');
  // Right after this script's top level, so that the browser's "started" is not held back by it.
  setTimeout(core.prepare, 0);
  const loadRest = (): Rest => (rest ??= restScript().composeRest(core));
  const withRest = (): Promise<Rest> => Promise.resolve().then(loadRest);

  const report = (what: string) => (error: unknown) =>
    console.error(`Kusuri Guard: ${what} failed`, error);

  // The rules check and the other start-up work, once the events that woke the worker have had
  // their answers: a verdict waits only for the lists (handlers that need more call ready()).
  let busy = 0;
  let readyTimer: ReturnType<typeof setTimeout> | undefined;
  let readyStarted = false;
  const startReady = () => {
    if (readyStarted) return;
    readyStarted = true;
    clearTimeout(readyTimer);
    withRest()
      .then((r) => r.lifecycle.ready())
      .catch(report('start'));
  };
  const readyWhenIdle = () => {
    clearTimeout(readyTimer);
    if (!readyStarted) readyTimer = setTimeout(startReady, READY_DELAY_MS);
  };
  /** The first script's work in flight: the start-up work waits until none is. */
  const track = <T>(work: Promise<T>): Promise<T> => {
    busy += 1;
    clearTimeout(readyTimer);
    return work.finally(() => {
      busy -= 1;
      if (busy === 0) readyWhenIdle();
    });
  };
  readyWhenIdle();
  setTimeout(startReady, READY_LATEST_MS);

  const tabs = {
    onNavigationStarting: (tabId: number, url: string) =>
      track(core.tabs.onNavigationStarting(tabId, url)),
    onNavigationCommitted: (tabId: number, url: string) =>
      track(core.tabs.onNavigationCommitted(tabId, url)),
    onFrameCommitted: (tabId: number, url: string) => track(core.tabs.onFrameCommitted(tabId, url)),
    onSameDocumentNavigation: (tabId: number, url: string) =>
      track(core.tabs.onSameDocumentNavigation(tabId, url)),
    onTabUrlChanged: (tabId: number, url: string) => track(core.tabs.onTabUrlChanged(tabId, url)),
    onTabRemoved: (tabId: number) => track(core.tabs.onTabRemoved(tabId)),
    onNavigationBlocked: (tabId: number, url: string, error: string) =>
      track(core.tabs.onNavigationBlocked(tabId, url, error)),
  };
  const { frames } = core;

  browser.runtime.onInstalled.addListener((details) => {
    const reason =
      details.reason === 'install' || details.reason === 'update' ? details.reason : 'other';
    withRest()
      .then((r) => r.lifecycle.onInstalled(reason))
      .catch(report('install'));
  });
  browser.runtime.onStartup.addListener(() => {
    withRest()
      .then((r) => r.lifecycle.onStartup())
      .catch(report('startup'));
  });
  browser.runtime.onMessage.addListener((message, sender) => {
    const from = {
      id: sender.id,
      url: sender.url,
      tabId: sender.tab?.id,
      frameId: sender.frameId,
      documentId: sender.documentId,
    };
    // Reads the first script answers itself; anything else waits for the rest.
    wakeMark(`message ${String((message as { type?: unknown } | null)?.type)}`);
    if (isCoreMessage(message))
      return track(core.handleCoreMessage(message, from)).finally(closeWakeMarks);
    return withRest().then((r) => r.handleMessage(message, from));
  });
  browser.webNavigation.onBeforeNavigate.addListener((details) => {
    if (details.frameId !== 0) return;
    tabs.onNavigationStarting(details.tabId, details.url).catch(report('navigation start'));
  });
  // A listed site's redirect the browser refused (no initiator): the tab is sent on from here.
  browser.webNavigation.onErrorOccurred.addListener((details) => {
    if (details.frameId !== 0) return;
    tabs
      .onNavigationBlocked(details.tabId, details.url, details.error)
      .catch(report('blocked navigation'));
  });
  browser.webNavigation.onCommitted.addListener((details) => {
    if (!/^https?:/.test(details.url)) return;
    if (details.frameId !== 0) {
      tabs.onFrameCommitted(details.tabId, details.url).catch(report('frame check'));
      return;
    }
    frames.clear(details.tabId).catch(report('frame samples'));
    tabs.onNavigationCommitted(details.tabId, details.url).catch(report('navigation check'));
  });
  // Same-document navigations (pushState, replaceState, fragments) keep the page's score.
  const sameDocument = (details: { frameId: number; tabId: number; url: string }) => {
    if (details.frameId !== 0 || !/^https?:/.test(details.url)) return;
    tabs
      .onSameDocumentNavigation(details.tabId, details.url)
      .catch(report('same-document navigation'));
  };
  browser.webNavigation.onHistoryStateUpdated.addListener(sameDocument);
  browser.webNavigation.onReferenceFragmentUpdated.addListener(sameDocument);
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url) tabs.onTabUrlChanged(tabId, change.url).catch(report('tab update'));
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    withRest()
      .then((r) => r.lifecycle.onAlarm(alarm.name))
      .catch(report(`alarm ${alarm.name}`));
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    tabs.onTabRemoved(tabId).catch(report('tab close'));
    frames.clear(tabId).catch(report('frame samples'));
  });
  if (hasContextMenus()) {
    browser.contextMenus.onClicked.addListener((info, tab) => {
      withRest()
        .then((r) =>
          r.menus.onClicked(String(info.menuItemId), { tabId: tab?.id, linkUrl: info.linkUrl }),
        )
        .catch(report('context menu'));
    });
  }
});
