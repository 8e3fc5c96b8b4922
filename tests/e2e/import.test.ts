// Issue 14, case 2 in Chromium, ja and en: the options page's settings import. A file with
// invalid entries, one from a newer version and one that is not a settings file each get their
// own message and change nothing; a valid file of 25,000 entries shows a count while it is
// checked ("12,000 / 25,000 entries checked"), not a spinner, and is imported whole.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, launchExtension, waitForRules, type ExtensionBrowser } from './browser';
import { storedCount } from './helpers';

const BIG = 25_000;

const TEXT = {
  en: {
    invalid: 'The file has 2 invalid entries, so nothing was imported',
    newer: 'newer version',
    notSettings: 'not a Kusuri Guard settings file',
    progress: / \/ 25,000 entries checked/,
    imported: `${BIG.toLocaleString('en-US')}`,
  },
  ja: {
    invalid: 'ファイルに正しくない項目が2件あるため、何も読み込んでいません',
    newer: '新しいバージョン',
    notSettings: 'くすりガードの設定ファイルではない',
    progress: /25,000件中[\d,]+件を確認しました/,
    imported: `${BIG.toLocaleString('ja-JP')}`,
  },
} as const;

function settingsFile(patch: Record<string, unknown>): string {
  return JSON.stringify({
    format: 'kusuri-guard-settings',
    version: 1,
    exportedAt: '2026-11-21T00:00:00.000Z',
    settings: {},
    allowlist: [],
    userBlocks: [],
    dismissals: [],
    lists: [],
    ...patch,
  });
}

const block = (site: string) => ({ site, addedAt: 1, note: '', via: 'options' });

describe.each(['en', 'ja'] as const)(
  'importing a settings file on the options page (%s)',
  (lang) => {
    let ext: ExtensionBrowser;
    let dir: string;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'kg-import-'));
      ext = await launchExtension({ lang });
      await waitForRules(ext);
    }, 60_000);

    afterAll(async () => {
      await ext?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    async function importFile(
      options: Page,
      name: string,
      text: string,
      whileBusy?: () => Promise<void>,
    ): Promise<string> {
      const path = join(dir, name);
      writeFileSync(path, text);
      await options.locator('#import').setInputFiles(path);
      await whileBusy?.();
      const result = options.locator('#import-result[aria-busy=false]');
      await result.waitFor({ timeout: 60_000 });
      return (await result.textContent()) ?? '';
    }

    const storedBlocks = () => storedCount(ext, 'userBlocks');

    it('refuses a file with invalid entries, a newer version and a non-settings file, each with its own message, changing nothing', async () => {
      const options = await ext.extensionPage('options.html');
      await options.locator('#import').waitFor();
      const invalid = await importFile(
        options,
        'invalid.json',
        settingsFile({
          userBlocks: [block('fine-shop.example'), block('co.jp'), block('*')],
        }),
      );
      expect(invalid).toContain(TEXT[lang].invalid);
      expect(invalid).toContain('co.jp');
      const newer = await importFile(
        options,
        'newer.json',
        settingsFile({ version: 7, userBlocks: [block('fine-shop.example')] }),
      );
      expect(newer).toContain(TEXT[lang].newer);
      const other = await importFile(options, 'other.json', '{"name":"some other app","v":1}');
      expect(other).toContain(TEXT[lang].notSettings);
      expect(new Set([invalid, newer, other]).size).toBe(3);
      expect(await storedBlocks()).toBe(0);
      expect(await options.locator('#blocklist tr[data-site]').count()).toBe(0);
      await options.close();
    }, 120_000);

    it(`shows a count while it checks ${BIG.toLocaleString('en-US')} entries, then imports them all`, async () => {
      const options = await ext.extensionPage('options.html');
      await options.locator('#import').waitFor();
      // Everything the status line and the progress bar ever showed.
      await options.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { seen: string[] }).seen = seen;
        new MutationObserver(() => {
          const line = document.querySelector('#import-result');
          const bar = document.querySelector('#import-progress');
          if (line?.textContent) seen.push(line.textContent);
          if (bar) seen.push(`progress ${bar.getAttribute('value')}/${bar.getAttribute('max')}`);
        }).observe(document.body, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
        });
      });
      const blocks = Array.from({ length: BIG }, (_, i) => block(`shop-${i}.example`));
      const done = await importFile(
        options,
        'big.json',
        settingsFile({ userBlocks: blocks }),
        async () => {
          // The count and its bar, while the background checks the entries (the bar stays, full,
          // while they are written). If it never shows, say what the page showed instead.
          await options
            .locator('#import-progress')
            .waitFor({ timeout: 30_000 })
            .catch(async (error: unknown) => {
              const seen = await options.evaluate(
                () => (window as unknown as { seen: string[] }).seen,
              );
              throw new Error(
                `${String(error)}\nthe page showed: ${JSON.stringify([...new Set(seen)])}`,
              );
            });
          // The section in view, then the viewport (a locator's screenshot waits for the count
          // to stop moving).
          await options.evaluate(() => document.querySelector('#data')!.scrollIntoView());
          await options.screenshot({ path: `${ARTIFACTS}/import-progress-${lang}.png` });
        },
      );
      expect(done).toContain(TEXT[lang].imported);
      const seen = await options.evaluate(() => (window as unknown as { seen: string[] }).seen);
      const counts = seen.filter((s) => TEXT[lang].progress.test(s));
      expect(counts.length).toBeGreaterThan(0);
      expect(seen.some((s) => /^progress \d+\/25000$/.test(s))).toBe(true);
      expect(await storedBlocks()).toBe(BIG);
      await options.close();
    }, 180_000);
  },
);
