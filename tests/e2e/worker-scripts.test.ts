// The background worker in two scripts (entrypoints/background.ts, background-rest.ts), in real
// Chromium: the second script is imported while the worker installs, so that a later life of the
// worker, after Chrome stopped it or after a browser restart, may import it again on first use
// (importScripts() of a script not imported during installation fails in an installed worker).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, waitForRules, type ExtensionBrowser } from './browser';
import { restartServiceWorker } from './helpers';

/** A message that only the second script answers: the options page's view of the lists. */
async function listsGet(page: Page): Promise<{ ok: boolean; lists: number }> {
  return page.evaluate(async () => {
    const answer = (await chrome.runtime.sendMessage({ type: 'lists.get' })) as {
      ok: boolean;
      data?: { lists: unknown[] };
    };
    return { ok: answer.ok, lists: answer.data?.lists.length ?? 0 };
  });
}

/** Whether the worker has composed its second script in this life. */
async function restLoaded(ext: ExtensionBrowser): Promise<boolean> {
  const worker = await ext.worker();
  return worker.evaluate(() => '__kusuriGuardRest' in globalThis);
}

describe('the worker in two scripts', () => {
  it('Chrome runs the first script as the worker; Firefox lists both', () => {
    const read = (dir: string) =>
      JSON.parse(readFileSync(`.output/${dir}/manifest.json`, 'utf8')) as {
        background: { service_worker?: string; scripts?: string[] };
      };
    expect(read('chrome-mv3').background).toEqual({ service_worker: 'background.js' });
    expect(read('firefox-mv3').background.scripts).toEqual(['background.js', 'background-rest.js']);
    // The first script carries none of the rest: no message tables, no importers, no model, no
    // RDAP network side (its bootstrap's address: the first verdict reads the registrar cache only).
    const first = readFileSync('.output/chrome-mv3/background.js', 'utf8');
    const rest = readFileSync('.output/chrome-mv3/background-rest.js', 'utf8');
    for (const marker of ['不正なネット薬局', 'hosts-file', 'free-hosting', 'data.iana.org/rdap']) {
      expect(first.includes(marker), marker).toBe(false);
      expect(rest.includes(marker), marker).toBe(true);
    }
    // Neither carries tldts's trie (its label text begins so; the bundler copied that 68 KB
    // string to each of its three uses): the public suffixes are utils/core/psl-data.ts's one
    // string, once in each script.
    const tldtsLabels = 'orgmilcomschnetedugovdrrforms';
    const ourRules = 'aaa,aarp,abb,abbott,abbvie';
    for (const script of [first, rest]) {
      expect(script.includes(tldtsLabels)).toBe(false);
      expect(script.split(ourRules).length - 1).toBe(1);
    }
    // The first script is ASCII (wxt.config.ts escapes the rest), so Chrome keeps every wake's
    // source one byte a character; its IDN rules are still there, escaped.
    expect(first.match(/[^\x00-\x7f]/)).toBeNull();
    expect(first).toContain('\\u516c\\u53f8'); // 公司, a rule under cn
  });

  it('answers what needs the second script after the worker was stopped and after a browser restart', async () => {
    // A fresh profile each time (bigList: false): what is tested is the worker's script cache,
    // not a list's size; the suite's million-domain list would only lengthen the install.
    let ext = await launchExtension({ bigList: false });
    try {
      await waitForRules(ext);
      const options = await ext.extensionPage('options.html');
      expect(await listsGet(options)).toMatchObject({ ok: true });
      expect((await listsGet(options)).lists).toBeGreaterThan(2);

      // A later life of the worker: the popup's verdict comes from the first script alone.
      await restartServiceWorker(ext);
      const popup = await ext.extensionPage('popup.html');
      const tab = await ext.context.newPage();
      await tab.goto('about:blank');
      const verdict = await popup.evaluate(async () => {
        const [active] = await chrome.tabs.query({ url: 'about:blank' });
        return chrome.runtime.sendMessage({ type: 'verdict.get', tabId: active?.id ?? 0 });
      });
      expect(verdict).toMatchObject({ ok: true });
      // ...and the second script is imported again when first needed.
      expect(await listsGet(options)).toMatchObject({ ok: true });
      expect(await restLoaded(ext)).toBe(true);

      const profileDir = ext.profileDir;
      await ext.close({ keepProfile: true });
      ext = await launchExtension({ profileDir, bigList: false });
      const again = await ext.extensionPage('options.html');
      expect((await listsGet(again)).lists).toBeGreaterThan(2);
    } finally {
      await ext.close();
    }
  });
});
