// Guarded lists in Chromium (issue 14): a block-level list naming www.mhlw.go.jp (the
// authorities' channel; not github.com, which is HSTS-preloaded, so plain http to it never reaches
// the test server) and a rogue domain. www.mhlw.go.jp keeps loading and the card shows it held; "Block anyway" and the
// second confirmation make it an entry of the list, and then www.mhlw.go.jp is stopped before it loads.
// In English and Japanese (the Japanese run confirms).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, waitForBlockedDomain, type ExtensionBrowser } from './browser';
import { closeBrowserAndServer, launchWithRules } from './suite';
import { gotoTyped } from './helpers';
import { FixtureServer, simplePage } from './fixture-server';
import { LIST_HOST, addListByUrl, listCard } from './list-server';

const ROGUE = 'held-rogue.example';

describe.each(['en', 'ja'] as const)('held never-block entries in Chromium (%s)', (lang) => {
  let server: FixtureServer;
  let ext: ExtensionBrowser;
  const text =
    lang === 'en'
      ? {
          held: '1 entry held because it would block an important site',
          blockAnyway: 'Block anyway',
          yes: 'Block',
          blocked: 'blocked: you confirmed it',
        }
      : {
          held: '重要なサイトをブロックしないよう、1件を保留しています',
          blockAnyway: 'それでもブロックする',
          yes: 'ブロックする',
          blocked: 'ブロック中（確認済み）',
        };

  beforeAll(async () => {
    server = new FixtureServer()
      .handle((req, res) => {
        if (req.headers.host?.split(':')[0] !== LIST_HOST) return false;
        res.writeHead(200, { 'content-type': 'text/plain' }).end(`www.mhlw.go.jp\n${ROGUE}\n`);
        return true;
      })
      .page('*', '/', simplePage('Site', '<h1 id="site">Site</h1>'));
    await server.start();
    ext = await launchWithRules({ lang });
  });

  afterAll(() => closeBrowserAndServer(ext, server));

  async function loads(host: string): Promise<boolean> {
    const page = await ext.context.newPage();
    await gotoTyped(page, server.url(host, '/'));
    const ok = (await page.locator('#site').count()) > 0 && !page.url().includes('/warning.html');
    await page.close();
    return ok;
  }

  it('holds www.mhlw.go.jp (it loads), and blocks it once confirmed twice', async () => {
    const options = await ext.extensionPage('options.html');
    await options.setViewportSize({ width: 1100, height: 1400 });
    await addListByUrl(options, {
      url: server.url(LIST_HOST, '/held.txt'),
      name: 'Held test list',
      format: 'domains',
      action: 'block',
    });
    const list = await listCard(options, 'Held test list');
    await expect.poll(() => list.locator('.held p').textContent()).toBe(text.held);
    await waitForBlockedDomain(ext, ROGUE);
    expect(await loads('www.mhlw.go.jp')).toBe(true);

    const row = list.locator('[data-held="www.mhlw.go.jp"]');
    await row.getByRole('button', { name: text.blockAnyway }).click();
    // Nothing changes until the second step.
    await expect.poll(() => row.locator('.confirm').count()).toBe(1);
    await options.screenshot({ path: `${ARTIFACTS}/held-confirm-${lang}.png`, fullPage: true });
    expect(await loads('www.mhlw.go.jp')).toBe(true);
    await row.getByRole('button', { name: text.yes, exact: true }).click();
    await expect.poll(() => row.locator('.muted').textContent()).toBe(text.blocked);
    await waitForBlockedDomain(ext, 'www.mhlw.go.jp');
    expect(await loads('www.mhlw.go.jp')).toBe(false);
    await options.screenshot({ path: `${ARTIFACTS}/held-blocked-${lang}.png`, fullPage: true });
    await options.close();
  });
});
