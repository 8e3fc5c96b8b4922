// Site intelligence in Chromium, against a local RDAP server and a local HIBP-format endpoint:
// the popup for a fixture site shows registrar, age and breaches; a typed domain can be checked;
// with automatic lookups off the RDAP server receives nothing; a breach notice appears once and
// stays dismissed. Uses the e2e build, whose only difference is a test-only RDAP server override.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  ARTIFACTS,
  E2E_DIST,
  launchExtension,
  waitForRules,
  type ExtensionBrowser,
} from './browser';
import { closeBrowserAndServer, launchWithRules } from './suite';
import { FixtureServer, simplePage } from './fixture-server';
import { fixtureHtml } from './fixture-pages';
import { tabIdOf } from './helpers';
import { addListByUrl } from './list-server';
import { rdapAnswer, rdapHandler, useLocalRdap } from './rdap';
import { NOTICE, clickShadowButton, shadowElementText } from './banner';

const HIBP_HOST = 'hibp.kusuri-guard-test.example';
const ROGUE = 'new-kamagra-shop.com';
const DAY = 24 * 3600_000;

describe('site intelligence in Chromium', () => {
  let server: FixtureServer;
  let ext: ExtensionBrowser;
  const rdapRequests: string[] = [];

  beforeAll(async () => {
    const ages: Record<string, number> = {
      [ROGUE]: 30,
      'typed-check.com': 4000,
      'quiet-rogue.com': 30,
    };
    server = new FixtureServer()
      .handle(
        rdapHandler(
          (domain) =>
            domain in ages
              ? rdapAnswer(domain, ages[domain]!, 49, 'GMO Internet Group, Inc. d/b/a Onamae.com')
              : null,
          rdapRequests,
        ),
      )
      .handle((req, res) => {
        const host = req.headers.host?.split(':')[0];
        if (host === HIBP_HOST) {
          res.writeHead(200, { 'content-type': 'application/json' }).end(
            JSON.stringify([
              {
                Name: 'NewKamagraShop',
                Title: 'New Kamagra Shop',
                Domain: ROGUE,
                BreachDate: new Date(Date.now() - 60 * DAY).toISOString().slice(0, 10),
                AddedDate: new Date(Date.now() - 10 * DAY).toISOString(),
                PwnCount: 48213,
                Description: 'Customer records of the shop were posted online.',
                DataClasses: ['Email addresses', 'Names', 'Physical addresses', 'Phone numbers'],
                IsVerified: true,
                IsFabricated: false,
                IsSensitive: false,
                IsRetired: false,
                IsSpamList: false,
              },
              {
                Name: 'HiderShop',
                Title: 'Hider Shop',
                Domain: 'hider-shop.com',
                BreachDate: new Date(Date.now() - 90 * DAY).toISOString().slice(0, 10),
                AddedDate: new Date(Date.now() - 20 * DAY).toISOString(),
                PwnCount: 1200,
                Description: 'Customer records were posted online.',
                DataClasses: ['Email addresses'],
                IsVerified: true,
                IsFabricated: false,
                IsSensitive: false,
                IsRetired: false,
                IsSpamList: false,
              },
            ]),
          );
          return true;
        }
        return false;
      })
      .page(ROGUE, '/', fixtureHtml('ja-rogue-kamagra-shop').html)
      .page('quiet-rogue.com', '/', fixtureHtml('ja-rogue-kamagra-shop').html)
      .page(
        'hider-shop.com',
        '/hide',
        // Removes whatever is added after <body>, on sight, forever.
        simplePage(
          'Shop',
          `<h1>Shop</h1><script>new MutationObserver(() => {
            for (const el of [...document.documentElement.children])
              if (el.tagName !== 'HEAD' && el.tagName !== 'BODY') el.remove();
          }).observe(document.documentElement, { childList: true });</script>`,
        ),
      )
      .page('*', '/', simplePage('Shop', '<h1>Shop</h1>'));
    await server.start();
    ext = await launchWithRules({ lang: 'en', dist: E2E_DIST });
    await useLocalRdap(ext, server);
    // The local HIBP-format endpoint, added like any list.
    const options = await ext.extensionPage('options.html');
    const card = await addListByUrl(options, {
      url: server.url(HIBP_HOST, '/api/v3/breaches'),
      name: 'Local HIBP',
      format: 'hibp',
    });
    await card.locator('.count').waitFor();
    await options.close();
  });

  afterAll(() => closeBrowserAndServer(ext, server));

  async function popupFor(page: Page): Promise<Page> {
    const tabId = await tabIdOf(ext, page);
    return ext.extensionPage(`popup.html?tab=${tabId}`);
  }

  const clickNoticeButton = (page: Page, label: string) => clickShadowButton(page, NOTICE, label);
  const noticeText = (page: Page) => shadowElementText(page, NOTICE);

  it('a breach notice appears once and stays dismissed', async () => {
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.goto(server.url(ROGUE, '/?first'));
    await expect
      .poll(() => noticeText(page))
      .toContain('Kusuri Guard: new-kamagra-shop.com had a data breach');
    expect(await noticeText(page)).toContain('Accounts affected: 48,213.');
    await page.screenshot({ path: `${ARTIFACTS}/notice-en.png` });
    await clickNoticeButton(page, 'Got it');
    await expect.poll(() => noticeText(page)).toBeNull();
    // Revisits stay quiet, in this tab and in a new one.
    await page.reload();
    const again = await ext.context.newPage();
    await again.goto(server.url(ROGUE, '/?again'));
    await new Promise((r) => setTimeout(r, 2000));
    expect(await noticeText(page)).toBeNull();
    expect(await noticeText(again)).toBeNull();
    await again.close();
    await page.close();
  });

  it('a breach notice the page removed before the user saw it comes back on the next visit', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('hider-shop.com', '/hide'));
    await new Promise((r) => setTimeout(r, 4000));
    expect(await noticeText(page)).toBeNull(); // the page won this round
    await page.goto(server.url('hider-shop.com', '/'));
    await expect
      .poll(() => noticeText(page))
      .toContain('Kusuri Guard: hider-shop.com had a data breach');
    await page.close();
  });

  it('the popup for a fixture site shows the registrar, the domain age and its breaches', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url(ROGUE));
    const popup = await popupFor(page);
    await popup.setViewportSize({ width: 420, height: 1400 });
    const registrar = popup.locator('#reasons-registrar');
    await expect
      .poll(() => registrar.textContent(), { timeout: 10_000 })
      .toContain('Registered through GMO Internet (お名前.com) (IANA ID 49).');
    const text = (await registrar.textContent())!;
    expect(text).toContain('Abuse contact: abuse@gmo.example / +81.354567890');
    expect(text).toContain('The domain was registered only 30 days ago');
    expect(text).toContain('is reported to ignore takedown requests for rogue pharmacies');
    expect(text).toContain(
      'Together with what this page shows, this makes a rogue pharmacy more likely.',
    );
    expect(await popup.locator('#reasons-breach').textContent()).toContain(
      'This site’s service had a data breach: New Kamagra Shop',
    );
    expect(await popup.locator('#verdict').getAttribute('data-level')).toBe('danger');
    // Details and sources expand from the keyboard.
    await popup.locator('#reasons-registrar summary').first().focus();
    await popup.keyboard.press('Enter');
    expect(
      await popup.locator('#reasons-registrar details[open] a').first().getAttribute('href'),
    ).toMatch(/^https:\/\//);
    expect(await popup.locator('#reasons-registrar details[open]').first().textContent()).toContain(
      '164,650',
    );
    await popup.screenshot({ path: `${ARTIFACTS}/popup-intel-en.png`, fullPage: true });
    await popup.setViewportSize({ width: 400, height: 600 }); // Chrome's popup size
    await popup.locator('#reasons-registrar').scrollIntoViewIfNeeded();
    await popup.screenshot({ path: `${ARTIFACTS}/popup-intel-en-viewport.png` });
    // At 200% zoom the popup is half as wide in CSS pixels: nothing may overflow sideways.
    await popup.setViewportSize({ width: 200, height: 600 });
    expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      200,
    );
    await popup.screenshot({ path: `${ARTIFACTS}/popup-zoom-200.png` });
    // Only the domain went to the RDAP server, once (the second look came from the cache).
    expect(rdapRequests.filter((d) => d === ROGUE)).toEqual([ROGUE]);
    await popup.close();
    await page.close();
  });

  it('checks a typed domain without visiting it', async () => {
    const popup = await ext.extensionPage('popup.html');
    await popup.locator('#check-input').fill('TYPED-CHECK.com');
    await popup.getByRole('button', { name: 'Check' }).click();
    await expect
      .poll(() => popup.locator('#reasons-registrar').textContent())
      .toContain('The domain was registered on');
    expect(await popup.locator('.host').textContent()).toContain('typed-check.com');
    expect(server.requestsTo('typed-check.com')).toHaveLength(0); // never visited
    // Garbage gets a clear message.
    await popup.locator('#check-input').fill('javascript:alert(1)');
    await popup.getByRole('button', { name: 'Check' }).click();
    await expect
      .poll(() => popup.locator('.check-error').textContent())
      .toBe('Only web addresses (http or https) can be checked.');
    await popup.close();
  });

  it('with automatic lookups off, the RDAP server receives nothing until the user asks', async () => {
    const options = await ext.extensionPage('options.html');
    await options.locator('#auto-lookups').uncheck();
    await expect.poll(() => options.locator('#auto-lookups').isChecked()).toBe(false);
    await options.close();
    const before = rdapRequests.length;
    const page = await ext.context.newPage();
    await page.goto(server.url('quiet-rogue.com'));
    await new Promise((r) => setTimeout(r, 1500));
    const popup = await popupFor(page);
    await popup.locator('#lookup').waitFor();
    expect(await popup.locator('#reasons-registrar').textContent()).toContain('were not looked up');
    await new Promise((r) => setTimeout(r, 500));
    expect(rdapRequests.length).toBe(before);
    await popup.locator('#lookup').click();
    await expect
      .poll(() => popup.locator('#reasons-registrar').textContent())
      .toContain('GMO Internet');
    expect(rdapRequests.slice(before)).toEqual(['quiet-rogue.com']);
    await popup.close();
    await page.close();
  });
});

describe('site intelligence in Japanese', () => {
  it('shows the notice and the popup in Japanese', async () => {
    const server = new FixtureServer()
      .handle(rdapHandler(() => rdapAnswer(ROGUE, 30, 49, 'GMO')))
      .page(ROGUE, '/', fixtureHtml('ja-rogue-kamagra-shop').html)
      .page('www.onamae.com', '/', simplePage('お名前.com', '<h1>ドメイン取得</h1>', 'ja'));
    await server.start();
    const ext = await launchExtension({ lang: 'ja', dist: E2E_DIST });
    try {
      await waitForRules(ext);
      await useLocalRdap(ext, server);
      // The curated Japanese breach list follows the 12-month rule: お名前.com's 2014 leak is
      // not announced today (the popup below still lists it as a reason).
      const onamae = await ext.context.newPage();
      await onamae.setViewportSize({ width: 1000, height: 600 });
      await onamae.goto(server.url('www.onamae.com'));
      await onamae.waitForTimeout(1500);
      expect(await shadowElementText(onamae, NOTICE)).toBeNull();

      const page = await ext.context.newPage();
      await page.goto(server.url(ROGUE));
      const tabId = await tabIdOf(ext, page);
      const popup = await ext.extensionPage(`popup.html?tab=${tabId}`);
      await popup.setViewportSize({ width: 420, height: 1400 });
      await expect
        .poll(() => popup.locator('#reasons-registrar').textContent(), { timeout: 10_000 })
        .toContain(
          'このドメインはGMOインターネット（お名前.com）（IANA ID 49）で登録されています。',
        );
      expect(await popup.locator('#reasons-registrar').textContent()).toContain(
        'このドメインは30日前',
      );
      await popup.screenshot({ path: `${ARTIFACTS}/popup-intel-ja.png`, fullPage: true });
    } finally {
      await closeBrowserAndServer(ext, server);
    }
  });
});
