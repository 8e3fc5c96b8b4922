// Background service worker: builds the feature services (utils/background/root.ts) and wires the
// browser's events to them.
import { defineBackground } from 'wxt/utils/define-background';
import { browser } from '../utils/platform/browser';
import { composeBackground } from '../utils/background/root';
import { createPlatform, hasContextMenus } from '../utils/platform/browser-platform';

/** Long enough for the event that woke the worker to be answered first (wake → verdict ≈ 0.1–0.5 s). */
const READY_DELAY_MS = 1000;

export default defineBackground(() => {
  const { lifecycle, tabs, page, menus, handleMessage } = composeBackground(createPlatform());
  const report = (what: string) => (error: unknown) =>
    console.error(`Kusuri Guard: ${what} failed`, error);

  browser.runtime.onInstalled.addListener((details) => {
    const reason =
      details.reason === 'install' || details.reason === 'update' ? details.reason : 'other';
    lifecycle.onInstalled(reason).catch(report('install'));
  });
  browser.runtime.onStartup.addListener(() => {
    lifecycle.onStartup().catch(report('startup'));
  });
  browser.runtime.onMessage.addListener((message, sender) =>
    handleMessage(message, {
      id: sender.id,
      url: sender.url,
      tabId: sender.tab?.id,
      frameId: sender.frameId,
    }),
  );
  browser.webNavigation.onBeforeNavigate.addListener((details) => {
    if (details.frameId !== 0) return;
    tabs.onNavigationStarting(details.tabId, details.url).catch(report('navigation start'));
  });
  browser.webNavigation.onCommitted.addListener((details) => {
    if (!/^https?:/.test(details.url)) return;
    if (details.frameId !== 0) {
      tabs.onFrameCommitted(details.tabId, details.url).catch(report('frame check'));
      return;
    }
    page.forgetFrames(details.tabId).catch(report('frame samples'));
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
    lifecycle.onAlarm(alarm.name).catch(report(`alarm ${alarm.name}`));
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    tabs.onTabRemoved(tabId).catch(report('tab close'));
    page.forgetFrames(tabId).catch(report('frame samples'));
  });
  if (hasContextMenus()) {
    browser.contextMenus.onClicked.addListener((info, tab) => {
      menus
        .onClicked(String(info.menuItemId), { tabId: tab?.id, linkUrl: info.linkUrl })
        .catch(report('context menu'));
    });
  }
  // The rules check and the other start-up work, once the event that woke the worker has had
  // its answer: a verdict waits only for the lists (handlers that need more call ready()).
  setTimeout(() => lifecycle.ready().catch(report('start')), READY_DELAY_MS);
});
