// Small helpers for reaching into the extension from end-to-end tests.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ExtensionBrowser } from './browser';
import type { FixtureServer } from './fixture-server';

/** The extension-side tab id of a Playwright page. */
export async function tabIdOf(ext: ExtensionBrowser, page: Page): Promise<number> {
  await page.bringToFront();
  const url = page.url();
  const worker = await ext.worker();
  const deadline = Date.now() + 10_000;
  for (;;) {
    const id = await worker.evaluate(async (expected) => {
      // The one tab showing this URL; if several do, the active one of the last focused window
      // (a report form opened as a popup window can be the focused window).
      const showing = (await chrome.tabs.query({})).filter((t) => t.url === expected);
      if (showing.length === 1) return showing[0]!.id ?? null;
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab && tab.url === expected ? (tab.id ?? null) : null;
    }, url);
    if (id !== null) return id;
    if (Date.now() > deadline) throw new Error(`no tab found for ${url}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function badgeOf(
  ext: ExtensionBrowser,
  tabId: number,
): Promise<{ text: string; title: string }> {
  const worker = await ext.worker();
  return worker.evaluate(
    async (id) => ({
      text: await chrome.action.getBadgeText({ tabId: id }),
      title: await chrome.action.getTitle({ tabId: id }),
    }),
    tabId,
  );
}

/**
 * Stop the MV3 service worker the way Chrome does when it is idle; the next event restarts it.
 * Sent from an extension page, whose CDP target can see the extension's worker.
 */
export async function restartServiceWorker(ext: ExtensionBrowser): Promise<void> {
  const page = await ext.extensionPage('popup.html');
  try {
    const cdp = await ext.context.newCDPSession(page);
    const stopped = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('service worker did not stop')), 10_000);
      cdp.on(
        'ServiceWorker.workerVersionUpdated',
        (event: { versions: { scriptURL: string; runningStatus: string }[] }) => {
          const ours = event.versions.find((v) =>
            v.scriptURL.startsWith(`chrome-extension://${ext.extensionId}/`),
          );
          if (ours?.runningStatus === 'stopped') {
            clearTimeout(timer);
            resolve();
          }
        },
      );
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;
    await cdp.detach();
  } finally {
    await page.close();
  }
}

/** How many records one of the extension's IndexedDB stores holds, read in the worker. */
export async function storedCount(ext: ExtensionBrowser, store: string): Promise<number> {
  const worker = await ext.worker();
  return worker.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('kusuri-guard');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction(name).objectStore(name).count();
          count.onsuccess = () => {
            open.result.close();
            resolve(count.result);
          };
          count.onerror = () => reject(count.error);
        };
      }),
    store,
  );
}

/** Set the user's own report endpoint on the options page, as a user does it. */
export async function setReportEndpoint(ext: ExtensionBrowser, url: string): Promise<void> {
  const options = await ext.extensionPage('options.html');
  await options.locator('#report-endpoint').fill(url);
  await options.locator('#save-endpoint').click();
  await options.locator('#endpoint-status', { hasText: url }).waitFor();
  await options.close();
}

/** The sites of the user's own block list, as the options page shows them. */
export async function blockedSites(ext: ExtensionBrowser): Promise<string[]> {
  const options = await ext.extensionPage('options.html');
  await options.locator('#blocklist').waitFor();
  await options.waitForTimeout(300);
  const sites = await options
    .locator('#blocklist tr[data-site]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-site') ?? ''));
  await options.close();
  return sites;
}

/**
 * Open an address as the address bar would (`page.goto` starts a navigation without an
 * initiator). For a listed site Chromium refuses the pre-load rule's redirect, since warning.html
 * is web-accessible only at a per-session address, so `goto` rejects with
 * `net::ERR_BLOCKED_BY_CLIENT`; the background then sends the tab to the warning page (README,
 * "Hostile pages"), which this waits for. Any other failure is thrown; an address that loads
 * (unlisted, allowed) resolves as `goto` does.
 */
export async function gotoTyped(page: Page, url: string): Promise<void> {
  try {
    await page.goto(url);
  } catch (error) {
    if (!String(error).includes('net::ERR_BLOCKED_BY_CLIENT')) throw error;
    // A wait, not a timed check: the warning page follows the browser's error page.
    await page.waitForURL(/^chrome-extension:\/\/[^/]+\/warning\.html#/, { timeout: 30_000 });
  }
}

/** Type `host`'s address: the warning page shows, and the fixture server got no request for it. */
export async function expectStoppedBeforeLoad(
  ext: ExtensionBrowser,
  server: FixtureServer,
  host: string,
): Promise<void> {
  const page = await ext.context.newPage();
  await gotoTyped(page, server.url(host, '/'));
  await expect.poll(() => page.url()).toContain('/warning.html#');
  expect(server.requestsTo(host)).toHaveLength(0);
  await page.close();
}

/**
 * Closes every page the tests opened (about:blank, the browser's own first tab, stays): a failed
 * test leaves no busy hostile page behind to slow the next ones down.
 */
export async function closeOpenedPages(ext: ExtensionBrowser): Promise<void> {
  for (const page of ext.context.pages()) if (page.url() !== 'about:blank') await page.close();
}
