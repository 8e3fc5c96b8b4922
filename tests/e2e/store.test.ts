// What a new user sees first, in real Chromium with the production build: the first-run page opens
// by itself on install, in the browser's language, switchable; the privacy page; and every page in
// dark mode. Screenshots (1280×800) land in test-results/ for the README and the store listings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { ARTIFACTS, launchExtension, type ExtensionBrowser } from './browser';

const SIZE = { width: 1280, height: 800 };

/** The page's computed background colour, as [r, g, b]. */
async function background(page: Page): Promise<number[]> {
  const color = await page.evaluate(
    () => getComputedStyle(document.documentElement).backgroundColor,
  );
  return (color.match(/\d+/g) ?? []).slice(0, 3).map(Number);
}

for (const lang of ['en', 'ja'] as const) {
  describe(`first run, privacy and dark mode (${lang})`, () => {
    let ext: ExtensionBrowser;
    let welcome: Page;

    beforeAll(async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      ext = await launchExtension({ lang, bigList: false });
      // Opened by the worker's onInstalled (reason "install"), not by the test.
      const deadline = Date.now() + 20_000;
      for (;;) {
        const found = ext.context.pages().find((p) => p.url().endsWith('/welcome.html'));
        if (found) {
          welcome = found;
          break;
        }
        if (Date.now() > deadline) throw new Error('the first-run page did not open on install');
        await new Promise((r) => setTimeout(r, 100));
      }
      await welcome.setViewportSize(SIZE);
    });

    afterAll(async () => {
      await ext?.close();
    });

    it('opens the first-run page on install, in the browser language', async () => {
      await welcome.locator('#default-lists li').first().waitFor();
      const heading = await welcome.locator('h1').textContent();
      expect(heading).toBe(lang === 'ja' ? 'くすりガードへようこそ' : 'Welcome to Kusuri Guard');
      // Chromium grants host access at install: no warning, no button.
      expect(await welcome.locator('#host-access').count()).toBe(0);
      expect(await welcome.locator('#default-lists li').count()).toBeGreaterThanOrEqual(3);
      expect(await welcome.locator('#welcome-auto-lookups').isChecked()).toBe(true);
      await welcome.screenshot({ path: `${ARTIFACTS}/welcome-${lang}.png` });
    });

    it('saves the automatic-lookup choice', async () => {
      await welcome.locator('#welcome-auto-lookups').uncheck();
      const options = await ext.extensionPage('options.html');
      await expect.poll(() => options.locator('#auto-lookups').isChecked()).toBe(false);
      await options.close();
      await welcome.locator('#welcome-auto-lookups').check();
      await expect.poll(() => welcome.locator('#welcome-auto-lookups').isChecked()).toBe(true);
    });

    it('shows the privacy policy, linked from the first-run page', async () => {
      const href = await welcome.locator('#privacy-link').getAttribute('href');
      expect(href).toBe('/privacy.html');
      const page = await ext.extensionPage('privacy.html');
      await page.setViewportSize(SIZE);
      await page.locator('#privacy-rdap').waitFor();
      const text = (await page.locator('main').textContent()) ?? '';
      expect(text).toContain('https://data.iana.org/rdap/dns.json');
      expect(text).toContain(
        lang === 'ja' ? '登録ドメイン（例：example.com）だけ' : 'only the registered domain',
      );
      await page.screenshot({ path: `${ARTIFACTS}/privacy-${lang}.png`, fullPage: true });
      await page.close();
    });

    it('follows the system in dark mode on every page', async () => {
      for (const path of [
        'welcome.html',
        'options.html',
        'popup.html',
        'privacy.html',
        'reports.html',
      ]) {
        const page = await ext.context.newPage();
        await page.setViewportSize(SIZE);
        await page.emulateMedia({ colorScheme: 'light' });
        await page.goto(`chrome-extension://${ext.extensionId}/${path}`);
        await page.locator('header').first().waitFor();
        const light = await background(page);
        await page.emulateMedia({ colorScheme: 'dark' });
        const dark = await background(page);
        expect(light, path).toEqual([255, 255, 255]);
        expect(Math.max(...dark), path).toBeLessThan(40);
        const name = path.replace('.html', '');
        if (name === 'welcome' || name === 'options' || name === 'popup')
          await page.screenshot({ path: `${ARTIFACTS}/dark-${name}-${lang}.png` });
        await page.close();
      }
    });
  });
}
