// Links to listed sites in Chromium, in English and Japanese: a "where to buy" page whose text
// alone stays quiet gets the banner once it links to a shop on the packaged project list, naming
// that shop; the same page linking only to unlisted sites, or with the shop's link in an SVG or
// a mailto:, stays quiet. The popup lists the linked hosts. The listed hosts are real entries of
// the packaged list (data/sites.json): 247rxpill.in (an FDA warning letter) and 13indigobay.com
// (a page promoting unapproved sleeping pills); nothing is fetched from them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchExtension, type ExtensionBrowser } from './browser';
import { closeBrowserAndServer } from './suite';
import { FixtureServer, simplePage } from './fixture-server';
import { expectNoBannerAfter, waitForBanner } from './banner';
import { tabIdOf } from './helpers';

const EN_BLOG = 'medicine-notes.example';
const JA_BLOG = 'kusuri-matome.example';

const enPage = (links: string) =>
  simplePage(
    'Buying medicines online: our notes',
    `<nav><a href="/">Home</a> <a href="/about">About</a></nav>
     <h1>Buying medicines online: our notes</h1>
     <p>We compared how long delivery takes and what the checkout asks for.</p>
     <ul>${links}</ul>
     <footer><a href="mailto:editor@medicine-notes.example">Contact</a></footer>`,
  );

const jaPage = (links: string) =>
  simplePage(
    'お薬の通販サイトまとめ',
    `<nav><a href="/">ホーム</a> <a href="/about">運営者</a></nav>
     <h1>お薬の通販サイトまとめ</h1>
     <p>配送にかかる日数と、注文の手順を比べてみました。</p>
     <ul>${links}</ul>`,
    'ja',
  );

const UNLISTED = `<li><a href="https://www.nhs.uk/medicines/">NHS medicines A to Z</a></li>
  <li><a href="https://www.mhlw.go.jp/">厚生労働省</a></li>`;
// The shop's address only inside an SVG link and a mailto:, which carry no host the page sends.
const HIDDEN = `<li><svg width="80" height="20"><a href="https://www.247rxpill.in/"><text y="15">shop</text></a></svg></li>
  <li><a href="mailto:orders@247rxpill.in">orders</a></li>`;

function server(): FixtureServer {
  return new FixtureServer()
    .page(EN_BLOG, '/unlisted', enPage(UNLISTED))
    .page(EN_BLOG, '/hidden', enPage(UNLISTED + HIDDEN))
    .page(
      EN_BLOG,
      '/listed',
      enPage(`${UNLISTED}<li><a href="https://www.247rxpill.in/buy">24/7 Rx Pill</a></li>`),
    )
    .page(JA_BLOG, '/unlisted', jaPage(UNLISTED))
    .page(
      JA_BLOG,
      '/listed',
      jaPage(`${UNLISTED}<li><a href="http://www.13indigobay.com/">おすすめの通販サイト</a></li>`),
    );
}

/**
 * The page gets no banner, and was scored below warning (its result stored for its tab): a page
 * check that never reached the background would leave it quiet too (an SVG link did, until the
 * sampler stopped asking Chrome for the shadow root of elements that cannot have one).
 */
async function quiet(ext: ExtensionBrowser, url: string): Promise<void> {
  const page = await ext.context.newPage();
  await page.goto(url);
  const tabId = await tabIdOf(ext, page);
  const worker = await ext.worker();
  await expect
    .poll(() =>
      worker.evaluate(
        async ([id, href]) => {
          const all = (await chrome.storage.session.get('pageScores')).pageScores as
            Record<string, { url: string; level: string }> | undefined;
          const record = all?.[String(id)];
          return record?.url === href ? record.level : null;
        },
        [tabId, url] as const,
      ),
    )
    .toMatch(/^(none|caution)$/);
  await expectNoBannerAfter(page, 500);
  await page.close();
}

describe('links to listed sites in Chromium', () => {
  let fixtures: FixtureServer;
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    fixtures = await server().start();
    ext = await launchExtension();
  });

  afterAll(() => closeBrowserAndServer(ext, fixtures));

  it('the page stays quiet while it links only to unlisted sites', async () => {
    await quiet(ext, fixtures.url(EN_BLOG, '/unlisted'));
  });

  it('a listed shop behind an SVG link or a mailto: is not a link the page sends', async () => {
    await quiet(ext, fixtures.url(EN_BLOG, '/hidden'));
  });

  it('links to a listed shop: the banner names it, and so does the popup', async () => {
    const page = await ext.context.newPage();
    await page.goto(fixtures.url(EN_BLOG, '/listed'));
    const banner = await waitForBanner(page);
    expect(banner.text).toContain('This page sends you to sites on a block list');
    expect(banner.text).toContain('Links to sites on a block list: www.247rxpill.in');
    await page.screenshot({ path: `${ARTIFACTS}/listed-links-banner-en.png` });
    const tabId = await tabIdOf(ext, page);
    const popup = await ext.extensionPage(`popup.html?tab=${tabId}`);
    await popup.locator('#reasons-page').waitFor();
    expect(await popup.locator('#reasons-page').textContent()).toContain(
      'Links to sites on a block list: www.247rxpill.in',
    );
    await popup.screenshot({ path: `${ARTIFACTS}/listed-links-popup-en.png`, fullPage: true });
    await popup.close();
    await page.close();
  });
});

describe('links to listed sites in Japanese', () => {
  it('a quiet page, then the same page linking to a listed site', async () => {
    const fixtures = await server().start();
    const ext = await launchExtension({ lang: 'ja' });
    try {
      await quiet(ext, fixtures.url(JA_BLOG, '/unlisted'));
      const page = await ext.context.newPage();
      await page.goto(fixtures.url(JA_BLOG, '/listed'));
      const banner = await waitForBanner(page);
      expect(banner.text).toContain(
        'このページは、ブロックリストに載っているサイトへ誘導しています',
      );
      expect(banner.text).toContain(
        'ブロックリストに載っているサイトへのリンクがあります：www.13indigobay.com',
      );
      await page.screenshot({ path: `${ARTIFACTS}/listed-links-banner-ja.png` });
      await page.close();
    } finally {
      await closeBrowserAndServer(ext, fixtures);
    }
  });
});
