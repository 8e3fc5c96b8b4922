// How a listed site becomes the warning page now that warning.html is web-accessible only at a
// per-session address (issue 11, "any page can detect the extension"; README "Hostile pages").
// A navigation a page starts (a link, a form) is redirected by the pre-load rule straight to the
// warning page; one without an initiator (the address bar, a bookmark) has that redirect refused
// by Chromium, and the background sends the tab on. Either way the site is never requested, and
// Back does not trap the user. Times are printed, not asserted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, waitForRules, type ExtensionBrowser } from './browser';
import { FixtureServer, simplePage } from './fixture-server';

// In the bundled default list (data/sites.json).
const LISTED = 'joa2020.jp';
const PLAIN = 'plain-start.example';
const HEADLINE = 'This site is listed as a rogue online pharmacy';

describe('the warning page, reached by a link and by the address bar, in Chromium', () => {
  let server: FixtureServer;
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    server = new FixtureServer()
      .page(PLAIN, '/', simplePage('Start', '<h1 id="plain">Start</h1><a id="go">go</a>'))
      .page('*', '/shop', simplePage('Shop', '<h1 id="shop">Shop page</h1>'));
    await server.start();
    ext = await launchExtension({ lang: 'en' });
    await waitForRules(ext, (rules) => rules.some((r) => r.id >= 100 && r.domains > 0));
  });

  afterAll(async () => {
    await ext?.close();
    await server?.stop();
  });

  const warningShown = (page: Page) =>
    page.waitForFunction(
      (text) =>
        location.protocol === 'chrome-extension:' &&
        document.querySelector('#headline')?.textContent === text,
      HEADLINE,
      { polling: 'raf', timeout: 30_000 },
    );
  const linkTo = (page: Page, href: string) =>
    page.evaluate((h) => document.querySelector('#go')!.setAttribute('href', h), href);
  const median = (times: number[]) => [...times].sort((a, b) => a - b)[times.length >> 1];

  it('a link and a typed address both show the warning; the site is never requested; timed', async () => {
    const page = await ext.context.newPage();
    const clicked: number[] = [];
    const typed: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.goto(server.url(PLAIN));
      const viaLink = server.url(LISTED, `/shop?link=${i}`);
      await linkTo(page, viaLink);
      let start = Date.now();
      await page.click('#go');
      await warningShown(page);
      clicked.push(Date.now() - start);
      expect(await page.locator('#blocked-url').textContent()).toBe(viaLink);

      await page.goto(server.url(PLAIN));
      const viaBar = server.url(LISTED, `/shop?typed=${i}`);
      start = Date.now();
      // page.goto is a browser-initiated navigation, as the address bar's is.
      await page.goto(viaBar).catch(() => undefined);
      await warningShown(page);
      typed.push(Date.now() - start);
      expect(await page.locator('#blocked-url').textContent()).toBe(viaBar);
    }
    expect(server.requestsTo(LISTED)).toHaveLength(0);
    console.log(
      `[warning-path] link click → warning visible: median ${median(clicked)} ms (${clicked.join(', ')}); ` +
        `typed address → warning visible: median ${median(typed)} ms (${typed.join(', ')})`,
    );
    await page.close();
  });

  for (const via of ['link', 'typed address'] as const) {
    it(`${via}: Back from the warning page returns to the page before it, and Forward warns again`, async () => {
      const page = await ext.context.newPage();
      await page.goto(server.url(PLAIN));
      const target = server.url(LISTED, `/shop?back=${via.length}`);
      if (via === 'link') {
        await linkTo(page, target);
        await page.click('#go');
      } else await page.goto(target).catch(() => undefined);
      await warningShown(page);
      // The browser's own Back (not the page's button): past any "blocked" entry.
      await page.goBack().catch(() => undefined);
      await expect.poll(() => page.url(), { timeout: 20_000 }).toBe(server.url(PLAIN));
      await page.locator('#plain').waitFor();
      await page.goForward().catch(() => undefined);
      await warningShown(page);
      // The warning page's own "Go back" button.
      await page.click('#go-back');
      await expect.poll(() => page.url(), { timeout: 20_000 }).toBe(server.url(PLAIN));
      expect(server.requestsTo(LISTED)).toHaveLength(0);
      await page.close();
    });
  }
});
