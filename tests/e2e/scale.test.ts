// A million listed domains in Chromium, as a user gets them: a list added by URL on the options
// page. Every listed domain and its subdomains are stopped before they load (the server sees no
// request), ordinary sites load, the popup explains a listed site (its entry confirmed from
// storage) even after the service worker was stopped, and allowing a site or blocking one for
// yourself takes effect without rebuilding the million-domain rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  launchExtension,
  waitForBlockedDomain,
  waitForRules,
  type ExtensionBrowser,
} from './browser';
import { closeBrowserAndServer } from './suite';
import { FixtureServer, simplePage } from './fixture-server';
import { expectStoppedBeforeLoad, gotoTyped, restartServiceWorker, tabIdOf } from './helpers';
import { LIST_HOST, addListByUrl, serveList } from './list-server';
import { syntheticDomains } from '../../tools/bench/domains';
import { normalizeListedHost } from '../../utils/core/hostname';

const COUNT = 1_000_000;

describe('a million listed domains in Chromium', () => {
  let server: FixtureServer;
  let ext: ExtensionBrowser;
  const domains = syntheticDomains(COUNT, 404);
  /** The i-th generated domain, or the next one the importer accepts (a few are public suffixes). */
  const listed = (i: number): string => {
    while (!normalizeListedHost(domains[i]!).ok) i += 1;
    return domains[i]!;
  };

  beforeAll(async () => {
    const text = domains.join('\n');
    server = new FixtureServer()
      .handle(serveList(LIST_HOST, () => text))
      .page('*', '/', simplePage('A page', '<h1 id="page">A page</h1>'));
    await server.start();
    ext = await launchExtension({ lang: 'en', bigList: false });
    const options = await ext.extensionPage('options.html');
    const card = await addListByUrl(options, {
      url: server.url(LIST_HOST, '/million.txt'),
      name: 'A million domains',
      format: 'domains',
      action: 'block',
    });
    await card
      .locator('.count', { hasText: /^(99\d,\d{3}|1,000,000) entries$/ })
      .waitFor({ timeout: 90_000 });
    await options.reload();
    await options
      // The million plus the bundled project list (about 44,600 sourced domains, some shared).
      .locator('#rules-status', { hasText: /^1,04\d,\d{3} domains are stopped before they load/ })
      .waitFor({ timeout: 60_000 });
    await options.screenshot({ path: `${ARTIFACTS}/options-million-en.png` });
    await options.close();
  }, 180_000);

  afterAll(() => closeBrowserAndServer(ext, server));

  it('stops listed domains from anywhere in the list, and their subdomains, before they load', async () => {
    for (const i of [0, 1, 499_999, 777_777, COUNT - 10])
      await expectStoppedBeforeLoad(ext, server, listed(i));
    await expectStoppedBeforeLoad(ext, server, `shop.${listed(123_456)}`);
  });

  it('loads ordinary sites', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('ordinary-site.example', '/'));
    expect(await page.locator('#page').textContent()).toBe('A page');
    await page.close();
  });

  it('explains a listed site in the popup, also after the service worker was stopped', async () => {
    const page = await ext.context.newPage();
    await gotoTyped(page, server.url(listed(42), '/'));
    await expect.poll(() => page.url()).toContain('/warning.html#');
    const tabId = await tabIdOf(ext, page);
    await restartServiceWorker(ext);
    const popup = await ext.extensionPage(`popup.html?tab=${tabId}`);
    await popup.locator('#verdict').waitFor();
    expect(await popup.locator('#verdict').getAttribute('data-level')).toBe('danger');
    expect(await popup.locator('#reasons-list').textContent()).toContain('A million domains');
    await popup.close();
    await page.close();
  });

  it('allowing a site and blocking one for yourself work at once, without rebuilding the big list', async () => {
    const page = await ext.context.newPage();
    await gotoTyped(page, server.url(listed(7), '/'));
    await page.locator('#continue').click();
    await page.locator('#continue-always').click();
    // The second, delayed confirmation (a framed decoy cannot reach it).
    await page.locator('#confirm-always-yes').click();
    await expect.poll(() => page.url()).toBe(server.url(listed(7), '/'));
    // Another tab: the allow rule follows for every tab (a second or so with a million domains).
    await waitForRules(ext, (rules) => rules.some((r) => r.action === 'allow' && r.id === 1));
    const other = await ext.context.newPage();
    await other.goto(server.url(`www.${listed(7)}`, '/'));
    await expect
      .poll(() => other.url(), { timeout: 10_000 })
      .toBe(server.url(`www.${listed(7)}`, '/'));

    const unlisted = 'my-own-find.example';
    await other.goto(server.url(unlisted, '/'));
    const tabId = await tabIdOf(ext, other);
    const popup = await ext.extensionPage(`popup.html?tab=${tabId}`);
    await popup.locator('#block-site').click();
    await popup.locator('#blocked-now').waitFor();
    await waitForBlockedDomain(ext, unlisted);
    await popup.close();
    await expectStoppedBeforeLoad(ext, server, `shop.${unlisted}`);
    await page.close();
    await other.close();
  });
});
