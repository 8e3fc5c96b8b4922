// Issue 14, case 6 in Chromium, ja and en: a Save cut off by the service worker stopping after the
// report was stored. The report page must not say "could not be saved… nothing was sent": it reads
// back what was stored and says "saved, not yet sent" with "Send it now"; and a form opened again
// for the site names the unsent report. The worker is held inside the Save (its write of the
// user's block never completes) and stopped with CDP, as Chrome stops a worker; the page then gets
// Chrome's own "message port closed" answer. Uses the e2e build (plain-http endpoint).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, E2E_DIST, type ExtensionBrowser } from './browser';
import { closeBrowserAndServer, launchWithRules } from './suite';
import { FixtureServer } from './fixture-server';
import { blockedSites, restartServiceWorker, setReportEndpoint, storedCount } from './helpers';

const ENDPOINT_HOST = 'reports.kusuri-guard-test.example';

const TEXT = {
  en: { unfinished: 'not sent yet', saved: 'Report saved', earlier: 'has not been sent yet' },
  ja: {
    unfinished: 'まだ送信されていません',
    saved: '通報を保存しました',
    earlier: 'まだ送信されていません',
  },
} as const;

describe.each(['en', 'ja'] as const)('a Save cut off by the worker stopping (%s)', (lang) => {
  let server: FixtureServer;
  let ext: ExtensionBrowser;
  const received: string[] = [];

  beforeAll(async () => {
    server = new FixtureServer().handle((req, res) => {
      if (req.headers.host?.split(':')[0] !== ENDPOINT_HOST || req.method !== 'POST') return false;
      received.push(String(req.headers['idempotency-key'] ?? ''));
      res.writeHead(201, { 'content-type': 'application/json' }).end('{}');
      return true;
    });
    await server.start();
    ext = await launchWithRules({ lang, dist: E2E_DIST });
    await setReportEndpoint(ext, server.url(ENDPOINT_HOST, '/api/reports'));
  }, 60_000);

  afterAll(() => closeBrowserAndServer(ext, server));

  /** The report form for `site`, filled in: what is wrong, and "block this site for me". */
  async function fillForm(site: string): Promise<Page> {
    const url = `http://${site}/kamagra`;
    const form = await ext.extensionPage(`report.html?url=${encodeURIComponent(url)}`);
    await form.locator('#report-site').waitFor({ timeout: 20_000 });
    await form.locator('input[name=kind][value=unapproved]').check();
    await form.locator('#block-site').check();
    return form;
  }

  /** From now on this worker never finishes writing a user block: a Save stops right after storing. */
  async function holdSavesAfterStoring(): Promise<void> {
    const worker = await ext.worker();
    await worker.evaluate(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: unknown[]) {
        if (this.name === 'userBlocks') return new Promise(() => undefined) as never;
        return put.apply(this, args as never);
      };
    });
  }

  const storedReports = () => storedCount(ext, 'reports');

  it('the page reads back the stored report: "saved, not yet sent", and Send it now sends it once and blocks the site', async () => {
    const site = `cutoff-${lang}-pills.example:${server.port}`;
    const form = await fillForm(site);
    const before = await storedReports();
    await holdSavesAfterStoring();
    await form.locator('#save-report').click();
    await expect.poll(storedReports, { timeout: 15_000 }).toBe(before + 1);
    await restartServiceWorker(ext);

    const notice = form.locator('#save-unfinished');
    await notice.waitFor({ timeout: 20_000 });
    expect(await notice.textContent()).toContain(TEXT[lang].unfinished);
    expect(await form.locator('#save-error').count()).toBe(0);
    // The block was not made yet: the page does not claim it was.
    expect(await form.locator('#saved-blocked').count()).toBe(0);
    expect(received).toHaveLength(0);
    await form.screenshot({ path: `${ARTIFACTS}/report-cutoff-${lang}.png`, fullPage: true });

    await form.locator('#finish-report').click();
    await form.locator('#saved', { hasText: TEXT[lang].saved }).waitFor({ timeout: 20_000 });
    await expect.poll(() => received.length, { timeout: 20_000 }).toBe(1);
    await form.locator('#saved-blocked').waitFor();
    expect(await blockedSites(ext)).toContain(`cutoff-${lang}-pills.example`);
    await form.close();
  }, 120_000);

  it('a form closed mid-save and opened again names the unsent report and opens it', async () => {
    const site = `closed-${lang}-pills.example:${server.port}`;
    const first = await fillForm(site);
    const before = await storedReports();
    await holdSavesAfterStoring();
    await first.locator('#save-report').click();
    await expect.poll(storedReports, { timeout: 15_000 }).toBe(before + 1);
    await first.close();
    await restartServiceWorker(ext);
    const sent = received.length;

    const again = await ext.extensionPage(
      `report.html?url=${encodeURIComponent(`http://${site}/kamagra`)}`,
    );
    const earlier = again.locator('#earlier-report');
    await earlier.waitFor({ timeout: 20_000 });
    expect(await earlier.textContent()).toContain(TEXT[lang].earlier);
    await again.screenshot({ path: `${ARTIFACTS}/report-earlier-${lang}.png`, fullPage: true });
    await again.locator('#open-earlier').click();
    await again.locator('#finish-report').click();
    await expect.poll(() => received.length, { timeout: 20_000 }).toBe(sent + 1);
    // Sent now: a third form for the site has nothing to bring up.
    const third = await ext.extensionPage(
      `report.html?url=${encodeURIComponent(`http://${site}/kamagra`)}`,
    );
    await third.locator('#report-site').waitFor({ timeout: 20_000 });
    expect(await third.locator('#earlier-report').count()).toBe(0);
    await Promise.all([again.close(), third.close()]);
  }, 120_000);
});
