// The set-up the popup and screenshot tests share: a fixture server with a Japanese rogue pharmacy
// page (the corpus page 'ja-rogue-kamagra-shop', which the detector rates as danger) registered 30
// days ago through GMO Internet (IANA 49, a long record in data/registrars.json) on a local RDAP
// server, any other host an ordinary page; and Chromium with the e2e build in one language, its
// rules installed and its RDAP lookups sent to that server.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { E2E_DIST, launchExtension, waitForRules, type ExtensionBrowser } from './browser';
import { FixtureServer, simplePage } from './fixture-server';
import { fixtureHtml } from './fixture-pages';
import { tabIdOf } from './helpers';
import { rdapAnswer, rdapHandler, useLocalRdap } from './rdap';

/** A site on the bundled block-level list: the browser shows the full-page warning instead. */
export const LISTED = 'www.joa2020.jp';
/** What the popup's registrar group says once the lookup for the rogue site is in. */
export const REGISTRAR_SEEN = 'IANA ID 49';

export interface RogueSite {
  server: FixtureServer;
  ext: ExtensionBrowser;
  close(): Promise<void>;
}

export async function openRogueSite(
  rogue: string,
  launch: Parameters<typeof launchExtension>[0] & {
    lang: 'en' | 'ja';
    /** Chromium reaches the server as its HTTP proxy (FixtureServer.proxyArg): no port in URLs. */
    proxy?: boolean;
  },
): Promise<RogueSite> {
  const server = new FixtureServer()
    .handle(
      rdapHandler((domain) =>
        domain === rogue
          ? rdapAnswer(domain, 30, 49, 'GMO Internet Group, Inc. d/b/a Onamae.com')
          : null,
      ),
    )
    .page(rogue, '/', fixtureHtml('ja-rogue-kamagra-shop').html)
    .page('*', '/', simplePage('Shop', '<h1>Shop</h1>'));
  await server.start();
  let ext: ExtensionBrowser | undefined;
  try {
    const { proxy, ...options } = launch;
    ext = await launchExtension({
      dist: E2E_DIST,
      ...options,
      extraArgs: [...(options.extraArgs ?? []), ...(proxy ? [server.proxyArg()] : [])],
    });
    await waitForRules(ext);
    await useLocalRdap(ext, server);
  } catch (error) {
    await ext?.close();
    await server.stop();
    throw error;
  }
  const opened = ext;
  return {
    server,
    ext: opened,
    async close() {
      await opened.close();
      await server.stop();
    },
  };
}

/**
 * The popup for the tab showing `page`, at Chrome's largest popup size (400×600), once its
 * registrar group shows `registrarText` (the RDAP lookup is in).
 */
export async function popupFor(
  ext: ExtensionBrowser,
  page: Page,
  registrarText: string = REGISTRAR_SEEN,
): Promise<Page> {
  const tabId = await tabIdOf(ext, page);
  const popup = await ext.extensionPage(`popup.html?tab=${tabId}`);
  await popup.setViewportSize({ width: 400, height: 600 });
  await expect
    .poll(() => popup.locator('#reasons-registrar').textContent(), { timeout: 15_000 })
    .toContain(registrarText);
  return popup;
}
