// Hostile pages that show the shop's words in a way the DOM's order and text do not (issue 11):
// reversed by bidi overrides, reordered by flex or grid, drawn by CSS or on a canvas, or inside a
// frame of another origin or in a same-origin <object> or <embed> (issue 12). Each page is served
// by the fixture server and judged from the banner.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';
import { closeBrowserAndServer, launchWithRules } from './suite';
import { closeOpenedPages, tabIdOf } from './helpers';
import { FixtureServer, simplePage } from './fixture-server';
import { ROGUE_LINES, esc, gatedShop, hostOf, paragraphs, shop } from './shop-page';
import { bannerOnTop, expectNoBannerAfter, waitForBanner } from './banner';

const LINES = ROGUE_LINES;
const SIZE = 'style="width:900px;height:700px;border:0"';
/** A doorway's own harmless words, around the shop it holds. */
const DOORWAY = '<h1>Welcome</h1><p>Spring planting notes are coming soon.</p>';
const reverse = (s: string) => [...s].reverse().join('');
/** A line cut in pieces of three characters (no whole word survives in document order). */
const chunks = (line: string) => line.match(/[\s\S]{1,3}/g) ?? [];
/** A fixed shuffle of 0..n-1 (a stride coprime with n). */
const shuffled = (n: number) => {
  let stride = 7;
  while (gcd(stride, n) !== 1) stride += 1;
  return Array.from({ length: n }, (_v, i) => (i * stride) % n);
};
const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** In document order the words are gibberish; on screen each line reads as the shop wrote it. */
const PAGES: Record<string, string> = {
  'RLO-reversed text': shop(LINES.map((l) => `<p>\u202e${esc(reverse(l))}\u202c</p>`).join('')),
  'RLO-reversed text across elements': shop(
    LINES.map(
      (l) =>
        `<p><span>\u202e</span>${chunks(reverse(l))
          .map((c) => `<b>${esc(c)}</b>`)
          .join('')}</p>`,
    ).join(''),
  ),
  '<bdo dir="rtl">': shop(
    LINES.map((l) => `<p><bdo dir="rtl">${esc(reverse(l))}</bdo></p>`).join(''),
  ),
  'CSS unicode-bidi: bidi-override; direction: rtl': shop(
    LINES.map((l) => `<p class="r">${esc(reverse(l))}</p>`).join(''),
    '<style>.r{unicode-bidi:bidi-override;direction:rtl;text-align:left}</style>',
  ),
  'flex order': shop(
    LINES.map((l) => {
      const parts = chunks(l);
      const order = shuffled(parts.length);
      // Item k of the document holds piece order[k], shown at position order[k].
      return `<div style="display:flex;flex-wrap:wrap">${order
        .map((i) => `<span style="order:${i};white-space:pre">${esc(parts[i]!)}</span>`)
        .join('')}</div>`;
    }).join(''),
  ),
  'flex order from a stylesheet': shop(
    LINES.map((l) => {
      const parts = chunks(l);
      return `<div class="f">${shuffled(parts.length)
        .map((i) => `<span class="o${i}">${esc(parts[i]!)}</span>`)
        .join('')}</div>`;
    }).join(''),
    `<style>.f{display:flex;flex-wrap:wrap}.f span{white-space:pre}${Array.from(
      { length: 80 },
      (_v, i) => `.o${i}{order:${i}}`,
    ).join('')}</style>`,
  ),
  'flex-direction: row-reverse': shop(
    LINES.map(
      (l) =>
        `<div style="display:flex;flex-direction:row-reverse;justify-content:flex-end">${chunks(l)
          .reverse()
          .map((c) => `<span style="white-space:pre">${esc(c)}</span>`)
          .join('')}</div>`,
    ).join(''),
  ),
  'CSS ::before and ::after': shop(
    LINES.map((_l, i) => `<p class="l${i}"></p>`).join(''),
    `<style>${LINES.map((l, i) => {
      const half = Math.floor(l.length / 2);
      return `.l${i}::before{content:${JSON.stringify(l.slice(0, half))}}.l${i}::after{content:${JSON.stringify(l.slice(half))}}`;
    }).join('')}</style>`,
  ),
  'text drawn on a canvas': shop(
    `<canvas id="c" width="1000" height="${LINES.length * 24 + 20}"></canvas>
    <script>const g = document.getElementById('c').getContext('2d'); g.font = '16px sans-serif';
    ${JSON.stringify(LINES)}.forEach((l, i) => g.fillText(l, 10, 24 * (i + 1)));</script>`,
  ),
};

describe('hostile pages that reorder or draw their words, in Chromium', () => {
  let server: FixtureServer;
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    server = new FixtureServer();
    for (const [name, html] of Object.entries(PAGES)) server.page(hostOf(name), '/', html);
    server
      .page('framed-shop.example', '/', shop(paragraphs()))
      .page('tiny-framed-shop.example', '/', shop(paragraphs()))
      // The shop's words 2 s after load: its frame reports after the top document's first check,
      // so the top must answer the background's "check again" (the frameset case below).
      .page(
        'slow-framed-shop.example',
        '/',
        shop(
          `<script>setTimeout(() => { document.body.insertAdjacentHTML('beforeend', ${JSON.stringify(paragraphs())}); }, 2000);</script>`,
        ),
      )
      // The shop's words 5 s after load: later than a frame's own second look (3 s), so only
      // its watching for added content reads them.
      .page(
        'very-slow-framed-shop.example',
        '/',
        shop(
          `<script>setTimeout(() => { document.body.insertAdjacentHTML('beforeend', ${JSON.stringify(paragraphs())}); }, 5000);</script>`,
        ),
      )
      // The shop behind an entry gate, in a frame: shown by the visitor's click, no node added.
      .page('gated-framed-shop.example', '/', gatedShop())
      .page('empty-nodes.example', '/', shop(`${'<b> </b>'.repeat(30_000)}${paragraphs()}`))
      .page(
        'ordinary-news.example',
        '/',
        simplePage('News', '<h1>Local news</h1><p>The weather is fine today.</p>'),
      );
    await server.start();
    server
      .page(
        'frames-a-shop.example',
        '/',
        simplePage(
          'Welcome',
          `<h1>Welcome</h1><iframe style="width:900px;height:700px;border:0" src="${server.url('framed-shop.example')}"></iframe>`,
        ),
      )
      .page(
        // The same shop in a frame of another origin, inserted by the page's script after load.
        'late-frame.example',
        '/',
        simplePage(
          'Welcome',
          `<h1>Welcome</h1><script>setTimeout(() => { const f = document.createElement('iframe'); f.style.cssText = 'width:900px;height:700px;border:0'; f.src = ${JSON.stringify(server.url('framed-shop.example'))}; document.body.append(f); }, 2000);</script>`,
        ),
      )
      .page(
        'frames-a-slow-shop.example',
        '/',
        simplePage(
          'Welcome',
          `<h1>Welcome</h1><iframe style="width:900px;height:700px;border:0" src="${server.url('very-slow-framed-shop.example')}"></iframe>`,
        ),
      )
      .page(
        'frames-a-gate.example',
        '/',
        simplePage(
          'Welcome',
          `<h1>Welcome</h1><iframe style="width:900px;height:700px;border:0" src="${server.url('gated-framed-shop.example')}"></iframe>`,
        ),
      )
      .page(
        // A registrar's "masked forwarding": the address bar keeps the doorway's domain and a
        // frameset shows the shop's; the top document has no <body> at all.
        'masked-forwarding.example',
        '/',
        `<!doctype html><html><head><title>Welcome</title></head><frameset rows="100%,*" border="0"><frame src="${server.url('slow-framed-shop.example')}" frameborder="0"><noframes>Your browser does not support frames.</noframes></frameset></html>`,
      )
      .page(
        'pixel-frame.example',
        '/',
        simplePage(
          'Welcome',
          `<h1>Welcome</h1><iframe style="width:2px;height:2px;border:0" src="${server.url('tiny-framed-shop.example')}"></iframe>`,
        ),
      );
    // A quiet page holding the shop, of its own origin, in an <object> or <embed> (a doorway
    // whose own words are harmless; issue 12), and in an iframe for comparison.
    const holders = {
      object: (url: string) => `<object type="text/html" data="${url}" ${SIZE}></object>`,
      embed: (url: string) => `<embed type="text/html" src="${url}" ${SIZE}>`,
      iframe: (url: string) => `<iframe src="${url}" ${SIZE}></iframe>`,
    };
    for (const [tag, holder] of Object.entries(holders))
      server
        .page(`${tag}-holds-a-shop.example`, '/shop', shop(paragraphs()))
        .page(
          `${tag}-holds-a-shop.example`,
          '/',
          simplePage(
            'Welcome',
            `${DOORWAY}${holder(server.url(`${tag}-holds-a-shop.example`, '/shop'))}`,
          ),
        );
    // An <object> with nothing to display shows its fallback content: the shop's words, or a
    // frame of the shop (both hidden from the sampler until session 21, found in review).
    server
      .page(
        'object-fallback-text.example',
        '/',
        simplePage('Welcome', `${DOORWAY}<object>${paragraphs()}</object>`),
      )
      .page('object-fallback-frame.example', '/shop', shop(paragraphs()))
      .page(
        'object-fallback-frame.example',
        '/',
        simplePage(
          'Welcome',
          `${DOORWAY}<object><iframe src="${server.url('object-fallback-frame.example', '/shop')}" ${SIZE}></iframe></object>`,
        ),
      );
    ext = await launchWithRules({ lang: 'en' });
  });

  afterAll(() => closeBrowserAndServer(ext, server));

  afterEach(() => closeOpenedPages(ext));

  const bannerText = async (page: Page) => (await waitForBanner(page, true, 20_000)).text;

  it.each(Object.keys(PAGES))('%s: the banner appears', async (name) => {
    const page = await ext.context.newPage();
    await page.goto(server.url(hostOf(name)));
    expect(await bannerText(page)).toContain('This page looks like a rogue online pharmacy');
  });

  it('a rogue shop inside a frame of another origin: the top page gets the banner', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('frames-a-shop.example'));
    expect(await bannerText(page)).toContain('This page looks like a rogue online pharmacy');
  });

  it('a frame of another origin inserted 2 s after load: the top page gets the banner', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('late-frame.example'));
    expect(await bannerText(page)).toContain('This page looks like a rogue online pharmacy');
  });

  it('a frame of another origin that fills itself in 5 s after load: the top page gets the banner', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('frames-a-slow-shop.example'));
    expect(await bannerText(page)).toContain('This page looks like a rogue online pharmacy');
  });

  it('a frame of another origin behind an entry gate: the banner comes after the click inside it', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('frames-a-gate.example'));
    // Well past the frame's own second look (3 s after its script started, which is after the
    // top page's load): only the click can make it read itself again.
    await expectNoBannerAfter(page, 6000);
    await page.frameLocator('iframe').locator('#enter').click();
    expect(await bannerText(page)).toContain('This page looks like a rogue online pharmacy');
  });

  /** The texts the tab's sub-frames sent of themselves (utils/page/frame-samples.ts). */
  const frameTexts = async (page: Page) => {
    const tabId = await tabIdOf(ext, page);
    return (await ext.worker()).evaluate(async (id) => {
      const { frameSamples } = await chrome.storage.session.get('frameSamples');
      const records = (frameSamples ?? {}) as Record<string, { text: string }[]>;
      return (records[String(id)] ?? []).map((e) => e.text);
    }, tabId);
  };

  it.each(['object', 'embed'])(
    "a rogue shop in a same-origin <%s> on a quiet page: the top page gets the banner, from the frame's own sample",
    async (tag) => {
      const page = await ext.context.newPage();
      await page.goto(server.url(`${tag}-holds-a-shop.example`));
      expect(await bannerText(page)).toContain('This page looks like a rogue online pharmacy');
      expect(await frameTexts(page)).not.toEqual([]);
    },
  );

  it.each(['text', 'frame'])(
    "a rogue shop's %s in an <object>'s fallback content, shown: the top page gets the banner",
    async (kind) => {
      const page = await ext.context.newPage();
      await page.goto(server.url(`object-fallback-${kind}.example`));
      expect(await bannerText(page)).toContain('This page looks like a rogue online pharmacy');
    },
  );

  it('a rogue shop in a same-origin iframe is read once, by the top page: the frame sends nothing', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('iframe-holds-a-shop.example'));
    expect(await bannerText(page)).toContain('This page looks like a rogue online pharmacy');
    // Past the frame's own second look (3 s): a frame reading itself would have sent by now.
    await new Promise((r) => setTimeout(r, 4000));
    expect(await frameTexts(page)).toEqual([]);
  });

  it('a frameset of another origin (masked domain forwarding): the banner is on top of it', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('masked-forwarding.example'));
    expect(await bannerText(page)).toContain('This page looks like a rogue online pharmacy');
    expect(await bannerOnTop(page)).toBe(true);
    expect(page.url()).toBe(server.url('masked-forwarding.example'));
  });

  it('a 2 px frame is not read; an ordinary page stays without a banner', async () => {
    for (const host of ['pixel-frame.example', 'ordinary-news.example']) {
      const page = await ext.context.newPage();
      await page.goto(server.url(host));
      await expectNoBannerAfter(page, 4000);
    }
  });

  it('a forged frame message from a top frame is refused by the background', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('ordinary-news.example'));
    // The extension's own page asks as if it were a frame: not a content script in a sub-frame.
    const options = await ext.extensionPage('options.html');
    const answer = await options.evaluate(() =>
      chrome.runtime.sendMessage({
        type: 'page.frame',
        sample: { title: 'x', meta: '', headings: '', text: 'Buy Viagra without prescription' },
      }),
    );
    expect(answer).toMatchObject({ ok: false });
    await options.close();
  });

  it('30,000 empty text nodes first: the banner appears', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('empty-nodes.example'), { waitUntil: 'commit' });
    // Read from the page (cheap), not through CDP (a 60,000-node tree takes seconds to read).
    await expect
      .poll(
        () =>
          page.evaluate(
            () =>
              document.documentElement.lastElementChild?.matches('[popover]:popover-open') === true,
          ),
        // The page itself takes seconds to lay out 30,000 elements on a loaded machine.
        { timeout: 60_000 },
      )
      .toBe(true);
  }, 90_000);

  it("the canvas recorder leaves the page's drawing working, names and lengths unchanged", async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url(hostOf('text drawn on a canvas')));
    const looks = await page.evaluate(() => {
      const canvas = document.getElementById('c') as HTMLCanvasElement;
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      return {
        inked: pixels.some((v, i) => i % 4 === 3 && v > 0),
        name: CanvasRenderingContext2D.prototype.fillText.name,
        length: CanvasRenderingContext2D.prototype.strokeText.length,
      };
    });
    expect(looks).toEqual({ inked: true, name: 'fillText', length: 3 });
  });
});
