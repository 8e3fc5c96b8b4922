// The detector as a user meets it in Chromium: a banner on unlisted rogue pages, none on licensed
// drugstores, clinics, news and ordinary pages; "don't warn me" remembered; a hostile page cannot
// get rid of the banner; single-page-app navigations are re-scored; the popup shows why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchExtension, type ExtensionBrowser } from './browser';
import { closeBrowserAndServer, launchWithRules } from './suite';
import { FixtureServer, simplePage } from './fixture-server';
import { fixtureBody, fixtureHtml, fixtureLines } from './fixture-pages';
import { bannerOnTop, clickBannerButton, expectNoBannerAfter, waitForBanner } from './banner';
import { tabIdOf } from './helpers';
import { en } from '../../utils/i18n/en';
import { ja } from '../../utils/i18n/ja';

/** The detector's reason sentences in a language, as patterns (a drug's name may be any). */
function pageSentences(table: Record<string, string>): RegExp[] {
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return Object.entries(table)
    .filter(([key]) => key.startsWith('reason.page.') && !/quote$/i.test(key))
    .map(([, text]) => new RegExp(text.split('{drug}').map(escape).join('.+?')));
}

/** How many of the detector's sentences a banner's text holds. */
function sentencesIn(text: string, sentences: RegExp[]): number {
  return sentences.filter((s) => s.test(text)).length;
}

const HOSTS: Record<string, string> = {
  'ja-rogue-kamagra-shop': 'kamagra-gold-shop.example',
  'en-rogue-shop': 'cheap-meds-online.example',
  'ja-licensed-drugstore': 'kenko-drug.example',
  'ja-clinic-ed': 'example-clinic.example',
  'en-clinic-telehealth': 'example-telehealth.example',
  'ja-news-rogue-arrest': 'news.example',
  'en-news-fda-warning': 'health-news.example',
  'ja-other-fashion-shop': 'fashion-select.example',
  'ja-affiliate-ranking': 'ed-yakuhin-hikaku.example',
};

const KANA_ONLY_SHOP = [
  'カマグラゴールド100mg 通販|最安値で即日発送',
  'ｶﾏｸﾞﾗｺﾞｰﾙﾄﾞ 100mg 4箱 3,980円(税込) カートに入れる',
  'まとめ買いでさらにお得! 10箱セット 29,800円',
  'インドのアジャンタ・ファーマ社の正規品を海外から直接お届けします。',
  'お支払いはクレジットカード(JCBのみ)または銀行振込。カード決済は米ドル建てとなります。',
  '商品は国際郵便で発送するため、お届けまで7〜14日ほどかかります。',
];

const HOSTILE_SCRIPT = `
<style>kusuri-guard-banner{display:none!important;visibility:hidden!important}</style>
<div id="cover" style="position:fixed;inset:0;z-index:2147483647;background:#fff">cover</div>
<dialog id="modal">modal over everything</dialog>
<script>
  // Remove, restyle and cover the banner, again and again; and pretend to be the extension.
  const removeBanners = () => {
    for (const el of document.querySelectorAll('kusuri-guard-banner')) {
      el.setAttribute('style', 'display:none');
      el.setAttribute('hidden', '');
      el.remove();
    }
  };
  new MutationObserver(removeBanners).observe(document.documentElement, { childList: true, subtree: true });
  setInterval(() => {
    removeBanners();
    const cover = document.getElementById('cover');
    if (document.documentElement.lastElementChild !== cover) document.documentElement.appendChild(cover);
    const modal = document.getElementById('modal');
    if (!modal.open) { try { modal.showModal(); } catch (e) {} }
    window.postMessage({ type: 'page.dismiss' }, '*');
    window.postMessage({ type: 'block.continue', mode: 'always', url: location.href }, '*');
  }, 50);
</script>`;

describe('in-page detector in Chromium', () => {
  let server: FixtureServer;
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    server = new FixtureServer();
    for (const [slug, host] of Object.entries(HOSTS))
      server.page(host, '/', fixtureHtml(slug).html);
    server.page(
      'hostile-rogue.example',
      '/',
      fixtureHtml('ja-rogue-kamagra-shop', '', HOSTILE_SCRIPT).html,
    );
    server.page(
      'spa-shop.example',
      '/',
      simplePage(
        'Garden shop',
        `<main id="main"><h1>Garden tools</h1><p>Spades and rakes.</p></main>
        <script>
          document.addEventListener('click', () => {
            history.pushState({}, '', '/pills');
            document.getElementById('main').innerHTML =
              ${JSON.stringify(fixtureBody('en-rogue-shop'))};
          });
        </script>`,
      ),
    );
    // A shop that names its drug only in katakana, half-width too, and no general medicine word:
    // the content script's pre-check must read it (utils/content/medicine-gate.ts).
    server.page(
      'otodoke-mart.example',
      '/',
      simplePage(
        'カマグラゴールド通販',
        KANA_ONLY_SHOP.map((line) => `<p>${line}</p>`).join(''),
        'ja',
      ),
    );
    server.page(
      'no-body.example',
      '/',
      '<!doctype html><html><head><title>薬</title></head><frameset><frame src="about:blank"></frameset></html>',
    );
    server.page(
      'changing.example',
      '/',
      simplePage(
        '薬の通販',
        `<div id="feed"></div><script>
      const LINES = ${JSON.stringify(fixtureLines('ja-rogue-kamagra-shop'))};
      let n = 0;
      setInterval(() => {
        const p = document.createElement('p');
        p.textContent = LINES[n % LINES.length] + ' ' + (n++);
        document.getElementById('feed').prepend(p);
        if (n % 50 === 0) document.title = '薬 ' + n;
      }, 5);
    </script>`,
      ),
    );
    server.handle((req, res) => {
      if (req.headers.host?.startsWith('binary.example')) {
        const bytes = Buffer.alloc(300_000);
        for (let i = 0; i < bytes.length; i += 1) bytes[i] = (i * 7919) % 256;
        res.writeHead(200, { 'content-type': 'text/html; charset=shift_jis' }).end(bytes);
        return true;
      }
      return false;
    });
    await server.start();
    ext = await launchWithRules({ lang: 'en' });
  });

  afterAll(() => closeBrowserAndServer(ext, server));

  it.each([
    ['ja-rogue-kamagra-shop', true],
    ['en-rogue-shop', true],
    ['ja-affiliate-ranking', true],
    ['ja-licensed-drugstore', false],
    ['ja-clinic-ed', false],
    ['en-clinic-telehealth', false],
    ['ja-news-rogue-arrest', false],
    ['en-news-fda-warning', false],
    ['ja-other-fashion-shop', false],
  ])('%s: banner %s', async (slug, expected) => {
    const page = await ext.context.newPage();
    await page.goto(server.url(HOSTS[slug]!));
    if (expected) {
      const banner = await waitForBanner(page);
      expect(banner.text).toContain('This page looks like a rogue online pharmacy');
      expect(banner.buttons).toEqual(['Details', 'Report', 'Don’t warn me on this site', '×']);
    } else {
      // Give the detector time to run, then check it stayed quiet.
      await expectNoBannerAfter(page, 2500);
    }
    await page.close();
  });

  it('× closes the banner for this page: it stays closed through clicks and added content', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url(HOSTS['en-rogue-shop']!));
    await waitForBanner(page);
    await clickBannerButton(page, '×');
    await waitForBanner(page, false);
    // A click on the page and a burst of added content: each makes the page be read again.
    await page.mouse.click(300, 300);
    await page.evaluate(() => {
      for (let i = 0; i < 60; i += 1) document.body.append(document.createElement('p'));
    });
    await expectNoBannerAfter(page, 4000);
    await page.close();
  });

  it('warns on a shop that names its drug only in katakana (the pre-check reads kana names)', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('otodoke-mart.example'));
    const banner = await waitForBanner(page);
    expect(banner.text).toContain('This page looks like a rogue online pharmacy');
    await page.close();
  });

  it('names the reasons in plain words, and the banner does not move the page', async () => {
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.goto(server.url(HOSTS['ja-rogue-kamagra-shop']!));
    const headerBefore = await page.locator('header').boundingBox();
    const banner = await waitForBanner(page);
    // The three reasons that weighed most in the learned model, as sentences.
    expect(sentencesIn(banner.text, pageSentences(en))).toBe(3);
    expect(await page.locator('header').boundingBox()).toEqual(headerBefore);
    expect(await bannerOnTop(page)).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/banner-en.png` });
    await page.close();
  });

  it('the badge and the popup show the verdict with every reason and the text that triggered it', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url(HOSTS['en-rogue-shop']!));
    await waitForBanner(page);
    const tabId = await tabIdOf(ext, page);
    const worker = await ext.worker();
    expect(await worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe(
      '!',
    );
    const popup = await ext.extensionPage(`popup.html?tab=${tabId}`);
    await popup.locator('#reasons-page').waitFor();
    const text = await popup.locator('#reasons-page').textContent();
    expect(sentencesIn(text ?? '', pageSentences(en))).toBeGreaterThanOrEqual(3);
    expect(text).toContain('On the page: “');
    // The phrases that weighed most, quoted from the page.
    expect(text).toContain(en['reason.page.phrase']);
    expect(text).toContain('Site name: cheap-meds-online.example');
    await popup.screenshot({ path: `${ARTIFACTS}/popup-page-signals-en.png`, fullPage: true });
    await popup.close();
    await page.close();
  });

  it('"Details" opens the popup for that tab', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url(HOSTS['en-rogue-shop']!));
    await waitForBanner(page);
    const opened = ext.context.waitForEvent('page');
    await clickBannerButton(page, 'Details');
    const details = await opened;
    await details.waitForLoadState();
    expect(details.url()).toMatch(
      new RegExp(`^chrome-extension://${ext.extensionId}/popup\\.html\\?tab=\\d+$`),
    );
    await details.locator('#verdict').waitFor();
    expect(await details.locator('#verdict').getAttribute('data-level')).toBe('danger');
    await details.close();
    await page.close();
  });

  it('"Don\'t warn me on this site" is remembered', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url(HOSTS['ja-affiliate-ranking']!));
    await waitForBanner(page);
    // The banner's button only asks; the popup, in a tab the page cannot reach, confirms.
    const confirmPage = ext.context.waitForEvent('page');
    await clickBannerButton(page, 'Don’t warn me on this site');
    const confirm = await confirmPage;
    await confirm.locator('#confirm-dismiss-yes').click();
    await confirm.locator('#dismissed').waitFor();
    await confirm.close();
    await page.reload();
    await expectNoBannerAfter(page, 2500);
    const again = await ext.context.newPage();
    await again.goto(server.url(HOSTS['ja-affiliate-ranking']!, '/'));
    await expectNoBannerAfter(again, 2500);
    // The popup says so, and turning warnings back on brings the banner back.
    const tabId = await tabIdOf(ext, again);
    const popup = await ext.extensionPage(`popup.html?tab=${tabId}`);
    await popup.locator('#dismissed').waitFor();
    await popup.getByRole('button', { name: 'Turn them back on' }).click();
    await popup.locator('#dismissed').waitFor({ state: 'detached' });
    await again.reload();
    await waitForBanner(again);
    for (const p of [page, again, popup]) await p.close();
  });

  it('a hostile page that removes, hides and covers the banner gets the full-page warning, and cannot talk to the extension', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('hostile-rogue.example'));
    await expect
      .poll(() => page.url(), { timeout: 15_000 })
      .toContain(`chrome-extension://${ext.extensionId}/warning.html#`);
    await expect
      .poll(() => page.locator('#headline').textContent())
      .toBe('This page tried to hide Kusuri Guard’s warning');
    expect(await page.locator('#blocked-url').textContent()).toBe(
      server.url('hostile-rogue.example'),
    );
    // Its forged messages changed nothing: the site is neither dismissed nor allowlisted.
    const tabId = await tabIdOf(ext, page);
    const popup = await ext.extensionPage(`popup.html?tab=${tabId}`);
    await popup.locator('#verdict').waitFor();
    expect(await popup.locator('#dismissed').count()).toBe(0);
    expect(await popup.getByText('You allowed this site').count()).toBe(0);
    await popup.close();
    await page.close();
  });

  it('survives odd pages (binary, no body, constantly changing) and keeps working', async () => {
    const page = await ext.context.newPage();
    for (const host of ['binary.example', 'no-body.example']) {
      await page.goto(server.url(host));
      await expectNoBannerAfter(page, 1000);
    }
    // A page that never stops changing: the detector scans a bounded number of times and the
    // page stays responsive.
    await page.goto(server.url('changing.example'));
    await waitForBanner(page);
    const started = Date.now();
    expect(
      await page.evaluate(() => new Promise((r) => setTimeout(() => r('responsive'), 10))),
    ).toBe('responsive');
    expect(Date.now() - started).toBeLessThan(2000);
    // And the extension still works on the next rogue page.
    await page.goto(server.url(HOSTS['en-rogue-shop']!));
    await waitForBanner(page);
    await page.close();
  });

  it('re-scores after a single-page-app navigation', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('spa-shop.example'));
    await expectNoBannerAfter(page, 1500);
    await page.click('h1');
    await expect.poll(() => page.url()).toBe(server.url('spa-shop.example', '/pills'));
    const banner = await waitForBanner(page);
    expect(sentencesIn(banner.text, pageSentences(en))).toBe(3);
    await page.close();
  });
});

describe('in-page detector in Japanese', () => {
  it('shows the banner in Japanese', async () => {
    const server = await new FixtureServer()
      .page('kamagra-gold-shop.example', '/', fixtureHtml('ja-rogue-kamagra-shop').html)
      .start();
    const ext = await launchExtension({ lang: 'ja' });
    try {
      const page = await ext.context.newPage();
      await page.setViewportSize({ width: 1000, height: 700 });
      await page.goto(server.url('kamagra-gold-shop.example'));
      const banner = await waitForBanner(page);
      expect(banner.text).toContain('このページは不正なネット薬局の疑いがあります');
      expect(sentencesIn(banner.text, pageSentences(ja))).toBe(3);
      expect(banner.buttons).toEqual(['詳細', '通報する', 'このサイトでは警告しない', '×']);
      await page.screenshot({ path: `${ARTIFACTS}/banner-ja.png` });
    } finally {
      await closeBrowserAndServer(ext, server);
    }
  });
});
