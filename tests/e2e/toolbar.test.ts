// The toolbar button as a user sees it: Chromium headed on a virtual X display (Xvfb), the
// extension's button pinned to the toolbar, the whole screen captured — the browser's own toolbar
// with our icon and its badge, which headless Chromium never draws — in Japanese and English, on
// a listed site (the full-page warning, badge "!" in the block colour), on a page the detector
// warns on (badge "!"), and on an ordinary page (the icon alone, no badge). Each screen is checked,
// not only saved: the packaged 16 px icon is found in the toolbar (pixel difference under a
// tolerance), and the badge's colour, as the extension set it, is drawn over the icon's corner.
// The screens go to store/screenshots/toolbar-*.png (README shows them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';
import type { FixtureServer } from './fixture-server';
import { waitForBanner } from './banner';
import { badgeOf, gotoTyped, tabIdOf } from './helpers';
import { LISTED, openRogueSite, type RogueSite } from './rogue-site';
import {
  countColour,
  crop,
  decodePng,
  encodePng,
  findTemplate,
  hexColour,
  type Box,
  type Match,
  type Raster,
  type Rgb,
} from './raster';
import { startXDisplay, type XDisplay } from './x-display';

const STORE = resolve('store/screenshots');
const ROGUE = 'kamagra-gold-tsuhan.com';
const ICON = decodePng(readFileSync(resolve('public/icon/16.png')));
/**
 * Where Chromium's toolbar is on a 1280×800 window at the top-left of the screen: below the tab
 * strip, right of the address bar's start (the pinned buttons sit at its right end).
 */
const TOOLBAR: Box = { x: 640, y: 40, width: 640, height: 48 };
/**
 * Mean channel difference (0–255) under which the icon counts as found. Chromium draws the 16 px
 * PNG as it is at scale 1; measured 0–3 where it is, over 40 anywhere else in the toolbar.
 */
const ICON_FOUND = 12;
/** The icon's rows the badge never covers (Chromium draws the badge over its lower half). */
const ABOVE_BADGE = { from: 0, to: 7 };

/**
 * Pixels of the badge colour the badge must show around the icon's corner: measured 154 for "!"
 * (its pill is about 14×11 px); none on a page without a badge.
 */
const BADGE_PIXELS = 40;

/** The popup's danger verdict background (components/theme.css --danger-bg, light theme). */
const DANGER_BG = hexColour('#fdecea');

/** Where Chromium opens the popup (up to 400×600): under the toolbar, right-aligned on the button. */
function popupArea(icon: Match, screen: Raster): Box {
  const x = Math.max(0, icon.x + 24 - 400);
  const y = icon.y + 28;
  return { x, y, width: Math.min(400, screen.width - x), height: Math.min(600, screen.height - y) };
}

/** The badge background colour the extension set for a tab. */
async function badgeColourOf(ext: ExtensionBrowser, tabId: number): Promise<Rgb> {
  const worker = await ext.worker();
  const [r, g, b] = await worker.evaluate(
    (id) => chrome.action.getBadgeBackgroundColor({ tabId: id }),
    tabId,
  );
  return [r!, g!, b!];
}

/** The region around the icon where Chromium draws the badge (it overhangs the icon a little). */
function badgeArea(icon: Match): Box {
  return { x: icon.x - 2, y: icon.y + 4, width: 24, height: 18 };
}

/** The difference over all 16 rows of the icon found at `icon` (the badge rows included). */
function wholeIconDifference(image: Raster, icon: Match): number {
  return findTemplate(image, ICON, { x: icon.x, y: icon.y, width: 16, height: 16 }).difference;
}

/** The icon's top in the toolbar, and the badge drawn over its lower part in the badge colour. */
function expectBadgeOverIcon(image: Raster, icon: Match, badgePixels: number): void {
  expect(icon.difference, `icon at ${icon.x},${icon.y}`).toBeLessThan(ICON_FOUND);
  expect(badgePixels).toBeGreaterThanOrEqual(BADGE_PIXELS);
  expect(wholeIconDifference(image, icon)).toBeGreaterThan(ICON_FOUND);
}

for (const lang of ['ja', 'en'] as const) {
  describe(`the toolbar button in headed Chromium (${lang})`, () => {
    let screen: XDisplay;
    let site: RogueSite;
    let server: FixtureServer;
    let ext: ExtensionBrowser;
    let page: Page;

    beforeAll(async () => {
      mkdirSync(STORE, { recursive: true });
      screen = await startXDisplay();
      site = await openRogueSite(ROGUE, {
        lang,
        display: screen.display,
        pinned: true,
        // Addresses without the fixture server's port, as a user's would read.
        proxy: true,
        windowSize: `${screen.width},${screen.height}`,
        // Without the suite's generated million-domain list (KG_E2E_BIG_LIST): how the toolbar
        // draws the icon and badge does not depend on the lists' size (every other file runs
        // with it), and subscribing it in each headed launch took this file past its two-minute
        // budget (hooks over 120 s at load 20 on 2 cores).
        bigList: false,
      });
      ({ server, ext } = site);
      // One tab, so the tab strip reads as a user's would.
      const [first, ...rest] = ext.context.pages();
      page = first ?? (await ext.context.newPage());
      for (const other of rest) await other.close();
    });

    afterAll(async () => {
      await site?.close();
      await screen?.stop();
    });

    /**
     * The screen once the toolbar shows the icon (and, when `badge` is given, that colour over
     * its corner): the toolbar repaints a moment after the extension sets the badge.
     */
    async function settledScreen(
      badge: Rgb | null,
    ): Promise<{ image: Raster; icon: Match; badgePixels: number }> {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const image = screen.capture();
        const icon = findTemplate(image, ICON, TOOLBAR, ABOVE_BADGE);
        const badgePixels =
          badge && icon.difference < ICON_FOUND ? countColour(image, badgeArea(icon), badge) : 0;
        const ready =
          icon.difference < ICON_FOUND && (badge === null || badgePixels >= BADGE_PIXELS);
        if (ready || Date.now() > deadline) return { image, icon, badgePixels };
        await new Promise((r) => setTimeout(r, 200));
      }
    }

    function save(image: Raster, name: string): void {
      expect([image.width, image.height]).toEqual([1280, 800]); // the stores' screenshot size
      writeFileSync(`${STORE}/toolbar-${name}-${lang}.png`, encodePng(image));
    }

    it('an ordinary page: the icon alone in the toolbar, no badge', async () => {
      await page.goto(server.proxiedUrl('shop.example'));
      await page.bringToFront();
      const tabId = await tabIdOf(ext, page);
      await expect.poll(async () => (await badgeOf(ext, tabId)).text).toBe('');
      const { image, icon } = await settledScreen(null);
      save(image, 'plain');
      expect(icon.difference, `icon at ${icon.x},${icon.y}`).toBeLessThan(ICON_FOUND);
      // The whole icon, badge rows included, is the packaged one: nothing drawn over it.
      expect(wholeIconDifference(image, icon)).toBeLessThan(ICON_FOUND);
    }, 60_000);

    it('a listed site: the full-page warning, and the badge in the block colour', async () => {
      await gotoTyped(page, server.proxiedUrl(LISTED)).catch(() => undefined);
      await expect.poll(() => page.url()).toContain('/warning.html#');
      await page.locator('#dispute').waitFor();
      const tabId = await tabIdOf(ext, page);
      await expect.poll(async () => (await badgeOf(ext, tabId)).text).toBe('!');
      const colour = await badgeColourOf(ext, tabId);
      expect(colour).toEqual([0xc6, 0x28, 0x28]); // danger
      const { image, icon, badgePixels } = await settledScreen(colour);
      save(image, 'listed');
      expectBadgeOverIcon(image, icon, badgePixels);
    }, 60_000);

    it('a page the detector warns on: the banner, and the badge over the icon', async () => {
      await page.goto(server.proxiedUrl(ROGUE));
      await waitForBanner(page);
      const tabId = await tabIdOf(ext, page);
      await expect.poll(async () => (await badgeOf(ext, tabId)).text).toBe('!');
      const colour = await badgeColourOf(ext, tabId);
      const { image, icon, badgePixels } = await settledScreen(colour);
      save(image, 'rogue');
      expectBadgeOverIcon(image, icon, badgePixels);
    }, 60_000);

    it('the popup, opened from the toolbar button, under it over the rogue page', async () => {
      // Follows the test above: the rogue page is in the tab, its badge shown.
      const before = screen.capture();
      const icon = findTemplate(before, ICON, TOOLBAR, ABOVE_BADGE);
      expect(icon.difference).toBeLessThan(ICON_FOUND);
      const area = popupArea(icon, before);
      const dangerBefore = countColour(before, area, DANGER_BG, 6);
      // What a click on the button does (Chromium 127+ lets an extension open its own popup).
      const worker = await ext.worker();
      await worker.evaluate(() => chrome.action.openPopup());
      await expect
        .poll(async () =>
          (await ext.worker()).evaluate(
            async () => (await chrome.runtime.getContexts({ contextTypes: ['POPUP'] })).length,
          ),
        )
        .toBe(1);
      // Drawn and settled: the danger verdict's background in the popup's place, and two captures
      // a second apart the same (the registrar lookup is in).
      let image = screen.capture();
      const deadline = Date.now() + 20_000;
      for (;;) {
        await new Promise((r) => setTimeout(r, 1000));
        const next = screen.capture();
        const settled = Buffer.from(crop(next, area).data).equals(
          Buffer.from(crop(image, area).data),
        );
        image = next;
        const drawn = countColour(image, area, DANGER_BG, 6) - dangerBefore >= 2000;
        if ((settled && drawn) || Date.now() > deadline) break;
      }
      save(image, 'popup');
      expect(countColour(image, area, DANGER_BG, 6) - dangerBefore).toBeGreaterThanOrEqual(2000);
      // The button stays in the toolbar, with its badge, while its popup is open.
      expect(findTemplate(image, ICON, TOOLBAR, ABOVE_BADGE).difference).toBeLessThan(ICON_FOUND);
    }, 60_000);
  });
}
