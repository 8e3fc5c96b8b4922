// How often the content script reads a page again (utils/content/page-guard.ts), in Chromium:
// bounded on pages that change for ever (a page clicking itself, a web component or a light-DOM
// widget replacing its children every 300 ms: at most the six rescans for added content and the
// first read), and an entry gate read again after the user's click on a page that rewrote itself
// with document.open() (which erases the window's listeners, the content script's click listener
// too; the gate that did not is in hostile.test.ts). Written as probes by session 19's review; the unbounded cases failed before its
// fixes (16 and 14 reads in 25 s), the rewritten gate got no banner.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from './browser';
import { closeBrowserAndServer, launchWithRules } from './suite';
import { FixtureServer } from './fixture-server';
import { gatedShop, paragraphs, shop } from './shop-page';
import { expectNoBannerAfter, waitForBanner } from './banner';
import { closeOpenedPages } from './helpers';

// Counts the content script's reads: each one asks the canvas recorder (when the page has a canvas).
const COUNTER = `<canvas width="10" height="10"></canvas><script>window.scans = 0; window.addEventListener('kg-canvas-text', () => { window.scans += 1; }, true);</script>`;

describe('reading a page again, bounded', () => {
  let server: FixtureServer;
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    const gate = gatedShop();
    server = new FixtureServer()
      .page(
        'synthetic-clicks.example',
        '/',
        shop(
          `${COUNTER}${paragraphs()}<script>setInterval(() => document.body.click(), 200);</script>`,
        ),
      )
      .page(
        'busy-component.example',
        '/',
        shop(
          `${COUNTER}${paragraphs()}<busy-widget></busy-widget><script>customElements.define('busy-widget', class extends HTMLElement { connectedCallback() { const root = this.attachShadow({ mode: 'open' }); setInterval(() => { root.replaceChildren(...Array.from({ length: 50 }, (_, i) => { const s = document.createElement('span'); s.textContent = 't' + i; return s; })); }, 300); } });</script>`,
        ),
      )
      .page(
        'busy-light.example',
        '/',
        shop(
          `${COUNTER}${paragraphs()}<div id="w"></div><script>const w = document.getElementById('w'); setInterval(() => { w.replaceChildren(...Array.from({ length: 50 }, (_, i) => { const s = document.createElement('span'); s.textContent = 't' + i; return s; })); }, 300);</script>`,
        ),
      )
      .page(
        'gate-reopened.example',
        '/',
        gate.replace(
          '</body>',
          `<script>if (!window.rewritten) setTimeout(() => { window.rewritten = true; document.open(); document.write(${JSON.stringify(gate)}); document.close(); }, 1000);</script></body>`,
        ),
      );
    await server.start();
    ext = await launchWithRules({ lang: 'en' });
  });
  afterAll(() => closeBrowserAndServer(ext, server));
  afterEach(() => closeOpenedPages(ext));

  it('an entry gate on a page that rewrote itself with document.open(): the banner after entering', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('gate-reopened.example'));
    await expectNoBannerAfter(page, 4000);
    await page.click('#enter');
    await waitForBanner(page, true, 10_000);
  });

  for (const host of ['synthetic-clicks.example', 'busy-component.example', 'busy-light.example'])
    it(`${host}: samples in 25 s stay bounded`, async () => {
      const page = await ext.context.newPage();
      await page.goto(server.url(host));
      await new Promise((r) => setTimeout(r, 25_000));
      const scans = await page.evaluate(() => (window as unknown as { scans: number }).scans);
      expect(scans).toBeLessThanOrEqual(8);
    });
});
