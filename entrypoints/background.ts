// Background service worker: wires browser events to the Background service (utils/background).
import { defineBackground } from 'wxt/utils/define-background';
import { browser } from '../utils/platform/browser';
import { Background } from '../utils/background/service';
import { createPlatform } from '../utils/platform/browser-platform';

export default defineBackground(() => {
  const background = new Background(createPlatform());
  const report = (what: string) => (error: unknown) =>
    console.error(`Kusuri Guard: ${what} failed`, error);

  browser.runtime.onInstalled.addListener(() => {
    background.onInstalled().catch(report('install'));
  });
  browser.runtime.onStartup.addListener(() => {
    background.onStartup().catch(report('startup'));
  });
  browser.runtime.onMessage.addListener((message, sender) =>
    background.handleMessage(message, {
      id: sender.id,
      url: sender.url,
      tabId: sender.tab?.id,
      frameId: sender.frameId,
    }),
  );
  browser.webNavigation.onBeforeNavigate.addListener((details) => {
    if (details.frameId !== 0) return;
    background.onNavigationStarting(details.tabId, details.url).catch(report('navigation start'));
  });
  browser.webNavigation.onCommitted.addListener((details) => {
    if (details.frameId !== 0 || !/^https?:/.test(details.url)) return;
    background.onNavigationCommitted(details.tabId, details.url).catch(report('navigation check'));
  });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url) background.onTabUrlChanged(tabId, change.url).catch(report('tab update'));
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    background.onAlarm(alarm.name).catch(report(`alarm ${alarm.name}`));
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    background.onTabRemoved(tabId).catch(report('tab close'));
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    background
      .onMenuClicked(String(info.menuItemId), { tabId: tab?.id, linkUrl: info.linkUrl })
      .catch(report('context menu'));
  });
  background.ready().catch(report('start'));
});
