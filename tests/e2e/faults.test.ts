// Issue 14 in Chromium: the site-name rule on the options page, and a list server whose redirect
// points at the user's own machine (Chromium hides where a redirect goes from fetch(): the
// extension must refuse it, not follow it blind).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, type ExtensionBrowser } from './browser';
import { closeBrowserAndServer, launchWithRules } from './suite';
import { FixtureServer } from './fixture-server';
import { addListByUrl } from './list-server';

const REDIRECTOR = 'redirecting-lists.kusuri-guard-test.example';

describe('faults and bad data in Chromium', () => {
  let server: FixtureServer;
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    server = new FixtureServer().handle((req, res) => {
      if (req.headers.host?.split(':')[0] !== REDIRECTOR) return false;
      // To the fixture server itself, by its loopback address: if followed, the log shows it.
      res.writeHead(302, { location: `http://127.0.0.1:${server.port}/secret.txt` }).end();
      return true;
    });
    await server.start();
    ext = await launchWithRules({ lang: 'en' });
  });

  afterAll(() => closeBrowserAndServer(ext, server));

  it('refuses a block on a public suffix and an allowance for a router, with the reason', async () => {
    const options = await ext.extensionPage('options.html');
    await options.locator('#blocklist input[type=text]').first().fill('co.jp');
    await options.locator('#blocklist button[type=submit]').click();
    await expect
      .poll(() => options.locator('#blocklist [role=alert]').textContent())
      .toContain('shared ending');
    await options.locator('#allowlist input[type=text]').first().fill('http://192.168.1.1/');
    await options.locator('#allowlist button[type=submit]').click();
    await expect
      .poll(() => options.locator('#allowlist [role=alert]').textContent())
      .toContain('your own computer or network');
    expect(await options.locator('#blocklist tr[data-site]').count()).toBe(0);
    expect(await options.locator('#allowlist tr[data-site]').count()).toBe(0);
    await options.screenshot({ path: `${ARTIFACTS}/options-site-rule.png`, fullPage: true });
    await options.close();
  });

  it('a list whose server redirects to 127.0.0.1 is not followed there', async () => {
    const options = await ext.extensionPage('options.html');
    const card = await addListByUrl(options, {
      url: server.url(REDIRECTOR, '/list.txt'),
      name: 'Redirecting list',
      format: 'domains',
    });
    await card.waitFor();
    await expect.poll(() => card.textContent()).toContain('redirected');
    expect(server.requestsTo(REDIRECTOR).length).toBeGreaterThan(0);
    expect(server.requestsTo('127.0.0.1')).toEqual([]);
    await options.close();
  });
});
