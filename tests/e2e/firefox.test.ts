// The Firefox build (the store package's, first-run page included) in Firefox ESR: installing
// opens the first-run page, listed sites are stopped before they load, unlisted ones load.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixtureServer, simplePage } from './fixture-server';
import { FirefoxSession } from './firefox';
import { paragraphs, shop } from './shop-page';

/** An unlisted rogue shop's page, long enough to scroll, with `head` added. */
const roguePage = (head = '') => shop(paragraphs().repeat(3), head);
/** Firefox and Safari apply the page's policy to what a content script adds (Chrome its own:
 * w3c/webextensions#337): no style or script of any kind on this page, inline or not. */
const STRICT_CSP = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'none'; script-src 'none'">`;
/** The banner's host as the page sees it (its root is closed): where it is and how tall. */
const BANNER_BOX = `new Promise((resolve) => { const t0 = Date.now(); const t = setInterval(() => { const h = document.documentElement.lastElementChild; const open = h && h.tagName === 'DIV' && h.matches('[popover]:popover-open'); if (open || Date.now() - t0 > 20000) { clearInterval(t); if (!open) return resolve('null'); const b = h.getBoundingClientRect(); resolve(JSON.stringify({ position: getComputedStyle(h).position, top: b.top, height: b.height, width: b.width })); } }, 100); })`;

describe('Firefox ESR', () => {
  let server: FixtureServer;
  let firefox: FirefoxSession;
  let context: string;

  beforeAll(async () => {
    server = await new FixtureServer()
      .page('*', '/shop', simplePage('Shop', '<h1 id="shop">Shop</h1>'))
      .page('*', '/rogue', roguePage())
      .page('*', '/rogue-csp', roguePage(STRICT_CSP))
      .start();
    firefox = await FirefoxSession.launch();
    await firefox.installExtension();
    // The first-run page opens in a tab of its own and takes the front; the tests then use a
    // fresh tab, so the first-run tab opening cannot abort or hold up their navigations.
    await firefox.waitForTab((url) => /^moz-extension:\/\/[^/]+\/welcome\.html$/.test(url));
    context = await firefox.newTab();
  });

  afterAll(async () => {
    await firefox?.close();
    await server?.stop();
  });

  it('opens the first-run page once, on install', async () => {
    const firstRun = (await firefox.tabs()).filter((t) => t.url.endsWith('/welcome.html'));
    expect(firstRun).toHaveLength(1);
  });

  it('shows the warning page for a listed domain and never contacts it', async () => {
    // Rules install asynchronously after the extension starts: retry the first navigation.
    let url = '';
    for (let attempt = 0; attempt < 50 && !url.includes('/warning.html#'); attempt += 1) {
      url = await firefox.navigate(context, server.url('joa2020.jp', `/shop?attempt=${attempt}`));
      if (!url.includes('/warning.html#')) await new Promise((r) => setTimeout(r, 200));
    }
    expect(url).toMatch(/^moz-extension:\/\/[^/]+\/warning\.html#http:\/\/joa2020\.jp:\d+\/shop/);
    // Once the rules are in, a new visit never reaches the server.
    const before = server.requestsTo('joa2020.jp').length;
    const blocked = await firefox.navigate(context, server.url('www.joa2020.jp', '/shop'));
    expect(blocked).toContain('/warning.html#');
    expect(server.requestsTo('joa2020.jp').length).toBe(before);
    const headline = await firefox.evaluate(
      context,
      `new Promise((resolve) => { const t = setInterval(() => { const h = document.querySelector('#headline'); if (h && h.textContent.includes('listed')) { clearInterval(t); resolve(h.textContent); } }, 50); })`,
    );
    expect(headline).toBe('This site is listed as a rogue online pharmacy');
  });

  it('loads an unlisted site normally', async () => {
    const url = await firefox.navigate(
      context,
      server.url('kusuri-guard-test-unlisted.example', '/shop'),
    );
    expect(url).toBe(server.url('kusuri-guard-test-unlisted.example', '/shop'));
    expect(await firefox.evaluate(context, 'document.querySelector("#shop").textContent')).toBe(
      'Shop',
    );
  });

  it('puts the banner on top of an unlisted rogue shop, also under a policy that forbids every style', async () => {
    const boxes = [];
    for (const path of ['/rogue', '/rogue-csp']) {
      await firefox.navigate(context, server.url('unlisted-rogue-shop.example', path));
      boxes.push(
        JSON.parse((await firefox.evaluate(context, BANNER_BOX)) as string) as Record<
          string,
          number | string
        > | null,
      );
    }
    const [plain, strict] = boxes;
    expect(plain).toMatchObject({ position: 'fixed', top: 0 });
    expect(plain!.height).toBeGreaterThan(60);
    // The same box under the strict policy: its host and shadow stylesheet both applied (an
    // unstyled banner would sit after the page's end, as tall as its text runs).
    expect(strict).toEqual(plain);
  });
});
