// The store listings' screenshots (Chrome Web Store and AMO ask for 1280×800), made by the
// end-to-end run in Chromium with the extension as a user meets it, in Japanese and English:
// the full-page warning for a listed site, the popup over a rogue page, and the in-page banner.
// Written to store/screenshots/ (README shows them); each file's PNG header is checked for
// exactly 1280×800. Headless Chromium renders pages only, not the browser's own toolbar, so the
// popup picture here is laid where Chrome opens it; tests/e2e/toolbar.test.ts takes the same
// scenes in headed Chromium with the toolbar, the pinned icon and its badge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ExtensionBrowser } from './browser';
import { gotoTyped } from './helpers';
import type { FixtureServer } from './fixture-server';
import { waitForBanner } from './banner';
import { LISTED, openRogueSite, popupFor, type RogueSite } from './rogue-site';

const STORE = resolve('store/screenshots');
const SIZE = { width: 1280, height: 800 };
const ROGUE = 'kamagra-gold-tsuhan.com';

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian), after the signature. */
export function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((b, i) => bytes[i] === b) || bytes.toString('ascii', 12, 16) !== 'IHDR')
    throw new Error(`${path} is not a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

for (const lang of ['ja', 'en'] as const) {
  describe(`store screenshots (${lang})`, () => {
    let site: RogueSite;
    let server: FixtureServer;
    let ext: ExtensionBrowser;
    const written: string[] = [];

    beforeAll(async () => {
      mkdirSync(STORE, { recursive: true });
      site = await openRogueSite(ROGUE, { lang });
      ({ server, ext } = site);
    });

    afterAll(async () => {
      await site?.close();
    });

    it('the full-page warning for a listed site', async () => {
      const page = await ext.context.newPage();
      await page.setViewportSize(SIZE);
      await gotoTyped(page, server.url(LISTED, '/')).catch(() => undefined);
      await expect.poll(() => page.url()).toContain('/warning.html#');
      await page.locator('#dispute').waitFor();
      const path = `${STORE}/warning-${lang}.png`;
      await page.screenshot({ path });
      written.push(path);
      await page.close();
    }, 60_000);

    it('the in-page banner on a rogue page, and the popup over it', async () => {
      const page = await ext.context.newPage();
      await page.setViewportSize(SIZE);
      await page.goto(server.url(ROGUE));
      await waitForBanner(page);
      const bannerPath = `${STORE}/banner-${lang}.png`;
      await page.screenshot({ path: bannerPath });
      written.push(bannerPath);

      // The popup as Chrome shows it (400×600 at most), laid over the page it is about, at the
      // top right where the toolbar button opens it.
      const popup = await popupFor(ext, page);
      await popup.locator('#top-reasons').waitFor();
      const popupPng = (await popup.screenshot()).toString('base64');
      const pagePng = (await page.screenshot()).toString('base64');
      await popup.close();
      const canvas = await ext.context.newPage();
      await canvas.setViewportSize(SIZE);
      await canvas.setContent(
        `<body style="margin:0;overflow:hidden">
          <img src="data:image/png;base64,${pagePng}" style="position:absolute;inset:0;filter:brightness(0.8)">
          <img src="data:image/png;base64,${popupPng}" style="position:absolute;top:8px;right:24px;border-radius:8px;box-shadow:0 8px 32px rgba(0,0,0,.45)">
        </body>`,
      );
      await canvas.waitForFunction(() => [...document.images].every((i) => i.complete));
      const popupPath = `${STORE}/popup-${lang}.png`;
      await canvas.screenshot({ path: popupPath });
      written.push(popupPath);
      await canvas.close();
      await page.close();
    }, 60_000);

    it('writes every screenshot at exactly 1280×800', () => {
      expect(written.map((p) => p.replace(`${STORE}/`, '')).sort()).toEqual(
        [`banner-${lang}.png`, `popup-${lang}.png`, `warning-${lang}.png`].sort(),
      );
      for (const path of written) expect(pngSize(path), path).toEqual(SIZE);
    });
  });
}
