// Lists that stay fresh, in Chromium with a local list server: add a list by URL on the options
// page, a domain added on the server becomes a pre-load warning after "Update now", an unchanged
// list costs a 304 with no body, the server going down leaves blocking intact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createHash } from 'node:crypto';
import { ARTIFACTS, waitForBlockedDomain, type ExtensionBrowser } from './browser';
import { closeBrowserAndServer, launchWithRules } from './suite';
import { expectStoppedBeforeLoad } from './helpers';
import { FixtureServer, simplePage } from './fixture-server';
import { LIST_HOST, addListByUrl, listCard } from './list-server';

describe('list subscriptions in Chromium', () => {
  let server: FixtureServer;
  let ext: ExtensionBrowser;
  let domains = ['served-rogue.example'];
  let serverDown = false;
  const listResponses: { status: number; bytes: number }[] = [];

  // Lines every importer refuses, each of another kind: the card counts them.
  const junk = ['co.jp', '192.168.1.1', '*.wild.example', 'www.google.com'];
  const listText = () => `# test list\n${[...junk, ...domains].join('\n')}\n`;
  const etag = () => `"${createHash('sha256').update(listText()).digest('hex').slice(0, 16)}"`;

  beforeAll(async () => {
    server = new FixtureServer()
      .handle((req, res) => {
        if (req.headers.host?.split(':')[0] !== LIST_HOST) return false;
        if (serverDown) {
          res.writeHead(503, { 'content-type': 'text/plain' }).end('down for maintenance');
          listResponses.push({ status: 503, bytes: 20 });
          return true;
        }
        if (req.headers['if-none-match'] === etag()) {
          res.writeHead(304, { etag: etag() }).end();
          listResponses.push({ status: 304, bytes: 0 });
          return true;
        }
        const body = listText();
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', etag: etag() }).end(body);
        listResponses.push({ status: 200, bytes: Buffer.byteLength(body) });
        return true;
      })
      .page('*', '/', simplePage('Shop', '<h1 id="shop">Shop</h1>'));
    await server.start();
    ext = await launchWithRules({ lang: 'en' });
  });

  afterAll(() => closeBrowserAndServer(ext, server));

  const card = (options: Page) => listCard(options, 'My test list');

  it('adds a list by URL at block level: its domains are stopped before they load', async () => {
    const options = await ext.extensionPage('options.html');
    await addListByUrl(options, {
      url: server.url(LIST_HOST, '/my-list.txt'),
      name: 'My test list',
      format: 'domains',
      action: 'block',
    });
    const myList = await card(options);
    await expect.poll(() => myList.locator('.count').textContent()).toBe('1 entry');
    await expect
      .poll(() => myList.locator('.rejected').textContent())
      .toBe(
        '4 lines rejected (form not supported (*.x, paths, options…): 1, public suffix: 1, ' +
          'private, loopback, link-local or CGNAT address: 1, popular site: 1)',
      );
    await waitForBlockedDomain(ext, 'served-rogue.example');
    await expectStoppedBeforeLoad(ext, server, 'served-rogue.example');
    await options.close();
  });

  it('a domain added on the server becomes a pre-load warning after "Update now"', async () => {
    domains = [...domains, 'added-later.example'];
    const options = await ext.extensionPage('options.html');
    const myList = await card(options);
    await myList.getByRole('button', { name: 'Update now' }).click();
    await expect.poll(() => myList.locator('.result').textContent()).toBe('Updated: 2 entries.');
    await waitForBlockedDomain(ext, 'added-later.example');
    await expectStoppedBeforeLoad(ext, server, 'added-later.example');
    await options.close();
  });

  it('an unchanged list is refreshed with a 304 and no body', async () => {
    const options = await ext.extensionPage('options.html');
    const myList = await card(options);
    const before = listResponses.length;
    await myList.getByRole('button', { name: 'Update now' }).click();
    await expect.poll(() => myList.locator('.result').textContent()).toBe('Already up to date.');
    expect(listResponses.slice(before)).toEqual([{ status: 304, bytes: 0 }]);
    await options.close();
  });

  it('the server going down leaves blocking intact and the page says so', async () => {
    serverDown = true;
    const options = await ext.extensionPage('options.html');
    await options.setViewportSize({ width: 1100, height: 1600 });
    const myList = await card(options);
    await myList.getByRole('button', { name: 'Update now' }).click();
    await expect
      .poll(() => myList.locator('.result').textContent())
      .toBe('Update failed: the server answered with an error (HTTP 503).');
    await options.reload();
    const reloaded = await card(options);
    expect(await reloaded.locator('.problem').textContent()).toMatch(
      /^Last problem \(.*\): the server answered with an error \(HTTP 503\); keeping the list from .*\.$/,
    );
    await expectStoppedBeforeLoad(ext, server, 'added-later.example');
    await options.screenshot({ path: `${ARTIFACTS}/options-en.png`, fullPage: true });
    serverDown = false;
    await options.close();
  });

  it('shows the options page in Japanese', async () => {
    const options = await ext.extensionPage('options.html');
    await options.setViewportSize({ width: 1100, height: 1600 });
    await options.getByRole('button', { name: 'Switch the language to Japanese' }).click();
    await expect.poll(() => options.locator('h1').textContent()).toBe('くすりガードの設定');
    expect(await options.locator('#lists h2').textContent()).toBe('リスト');
    expect(await (await card(options)).locator('.rejected').textContent()).toBe(
      '4行を取り込みませんでした（対応していない書き方（*.x、パス指定、オプションなど）：1行、' +
        '公開サフィックス（co.jpなど）：1行、' +
        'プライベート・ループバック・リンクローカル・CGNATのアドレス：1行、よく使われる有名サイト：1行）',
    );
    await options.screenshot({ path: `${ARTIFACTS}/options-ja.png`, fullPage: true });
    // Back to English for the other tests in this browser.
    await options.getByRole('button', { name: '表示言語を英語に切り替える' }).click();
    await options.close();
  });

  it('edits the allowlist and the own blocklist, with when and why', async () => {
    const options = await ext.extensionPage('options.html');
    await options
      .locator('#blocklist input[type=text]')
      .first()
      .fill('https://my-own-block.example/shop?x=1');
    await options.locator('#blocklist input[type=text]').nth(1).fill('sold me fake pills');
    await options.locator('#blocklist button[type=submit]').click();
    const row = options.locator('#blocklist tr[data-site="my-own-block.example"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('sold me fake pills');
    await waitForBlockedDomain(ext, 'my-own-block.example');
    await expectStoppedBeforeLoad(ext, server, 'my-own-block.example');
    await row.getByRole('button', { name: 'Remove' }).click();
    await row.waitFor({ state: 'detached' });
    await options.close();
  });
});
