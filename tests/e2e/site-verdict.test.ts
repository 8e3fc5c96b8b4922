// Whole-site verdicts in Chromium, in English and Japanese: a rogue shop's shipping page says
// nothing alarming on its own, but once the shop's product page was seen, it gets the banner with
// that page as the reason. A clinic's ED page and licensed pharmacies stay quiet. The pages are
// the project's HTML fixtures (navigation, product grid, footer), the Japanese shop in Shift_JIS.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionBrowser } from './browser';
import { closeBrowserAndServer } from './suite';
import { FixtureServer, simplePage } from './fixture-server';
import { expectNoBannerAfter, waitForBanner } from './banner';
import { en } from '../../utils/i18n/en';
import { ja } from '../../utils/i18n/ja';

const html = (slug: string) => readFileSync(`tests/fixtures/html/pages/${slug}.html`);

const JA_SHOP = 'kusuri-otodoke-mart.example';
const EN_SHOP = 'cheap-rx-direct.example';
const QUIET: [string, string, string][] = [
  ['example-clinic-online.example', '/ed/', 'ja-clinic-ed'],
  ['example-drugstore.example', '/item/loxonin-s', 'ja-licensed-drugstore'],
  ['example-uk-chemist.example', '/erectile-dysfunction', 'en-licensed-pharmacy'],
];

function server(): FixtureServer {
  const s = new FixtureServer()
    .handle((req, res) => {
      // The Japanese shop serves Shift_JIS and declares it only in the page, as many do.
      if (req.headers.host?.startsWith(JA_SHOP) && req.url === '/products/tadalafil-20') {
        res.writeHead(200, { 'content-type': 'text/html' }).end(html('ja-rogue-shop-product'));
        return true;
      }
      return false;
    })
    .page(
      JA_SHOP,
      '/shipping',
      simplePage(
        '配送について|お薬お届けマート',
        '<h1>配送について</h1><p>ご注文確認後、2営業日以内に発送いたします。</p><p>お届けまでの日数は地域により異なります。追跡番号はメールでお知らせします。</p>',
        'ja',
      ),
    )
    .page(EN_SHOP, '/viagra', html('en-rogue-shop').toString('utf8'))
    .page(
      EN_SHOP,
      '/shipping',
      simplePage(
        'Shipping | Cheap Rx Direct',
        '<h1>Shipping</h1><p>Orders are dispatched within two working days.</p><p>You will receive a tracking number by e-mail.</p>',
      ),
    );
  for (const [host, path, slug] of QUIET) s.page(host, path, html(slug).toString('utf8'));
  return s;
}

async function siteBanner(
  ext: ExtensionBrowser,
  fixtures: FixtureServer,
  host: string,
  product: string,
  sentence: string,
) {
  const page = await ext.context.newPage();
  // Alone, the shipping page gets no banner.
  await page.goto(fixtures.url(host, '/shipping'));
  await expectNoBannerAfter(page, 1500);
  await page.goto(fixtures.url(host, product));
  await waitForBanner(page);
  await page.goto(fixtures.url(host, '/shipping'));
  const banner = await waitForBanner(page);
  expect(banner.text).toContain(sentence);
  await page.close();
}

describe('whole-site verdicts in Chromium', () => {
  let fixtures: FixtureServer;
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    fixtures = await server().start();
    ext = await launchExtension();
  });

  afterAll(() => closeBrowserAndServer(ext, fixtures));

  it('warns on the shop’s shipping page after its product page was seen', async () => {
    await siteBanner(ext, fixtures, EN_SHOP, '/viagra', en['reason.page.site-evidence']);
  });

  it.each(QUIET)('%s%s stays quiet', async (host, path) => {
    const page = await ext.context.newPage();
    await page.goto(fixtures.url(host, path));
    await expectNoBannerAfter(page, 1500);
    await page.close();
  });
});

describe('whole-site verdicts in Japanese', () => {
  it('warns on the shop’s shipping page after its Shift_JIS product page was seen', async () => {
    const fixtures = await server().start();
    const ext = await launchExtension({ lang: 'ja' });
    try {
      await siteBanner(
        ext,
        fixtures,
        JA_SHOP,
        '/products/tadalafil-20',
        ja['reason.page.site-evidence'],
      );
    } finally {
      await closeBrowserAndServer(ext, fixtures);
    }
  });
});
