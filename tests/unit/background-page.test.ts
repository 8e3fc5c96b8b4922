// The background's side of the detector: page checks from content scripts, the banner decision,
// "don't warn me on this site", and what a content script may and may not ask.
import { beforeEach, describe, expect, it } from 'vitest';
import { composeBackground, type Background } from '../../utils/background/root';
import { defaultCatalog } from '../../utils/lists/catalog';
import { getDismissals } from '../../utils/decisions/dismissals';
import { contentSender, fakePlatform, ORIGIN, pageSender, type TestPlatform } from './fakes';
import { installedBackground } from './installed';
import { SAMPLE_LIMITS } from '../../utils/content/sample';
import { STRUCTURE_LIMITS } from '../../utils/content/structure';
import { en } from '../../utils/i18n/en';
import { readSiteEvidence } from '../../utils/detector/site-evidence-store';

let platform: TestPlatform;
let background: Background;

const ROGUE_TEXT =
  '処方箋不要でカマグラゴールドをお届けします。個人輸入代行。お支払いはJCBのみ。カートに入れる';
const sample = (text: string) => ({ title: '', meta: '', headings: '', text });

beforeEach(async () => {
  ({ platform, background } = await installedBackground());
});

async function check(url: string, text: string | null, tabId = 7) {
  const message = { type: 'page.check', url, ...(text !== null ? { sample: sample(text) } : {}) };
  return background.handleMessage(message, contentSender(url, tabId));
}

describe('page checks', () => {
  it('scores the sample and asks for a banner on a rogue page', async () => {
    const response = await check('https://unlisted-rogue.example/item', ROGUE_TEXT);
    expect(response).toMatchObject({ ok: true, data: { banner: { level: 'danger', lang: 'en' } } });
    if (!response.ok) return;
    const banner = (response.data as { banner: { title: string; reasons: string[] } }).banner;
    expect(banner.title).toBe('This page looks like a rogue online pharmacy');
    // The three reasons that weighed most, each one of the detector's sentences.
    const sentences = Object.entries(en)
      .filter(([key]) => key.startsWith('reason.page.'))
      .map(([, text]) => text.replace('{drug}', 'Kamagra'));
    expect(banner.reasons).toHaveLength(3);
    for (const reason of banner.reasons) expect(sentences).toContain(reason);
    expect(platform.badges.get(7)).toMatchObject({ text: '!' });
  });

  it('shows no banner on ordinary pages or pages that were not sampled', async () => {
    expect(await check('https://plain.example/', null)).toEqual({
      ok: true,
      data: { banner: null, notice: null },
    });
    expect(
      await check('https://plain.example/', 'A blog post about gardening and medicine cabinets.'),
    ).toEqual({ ok: true, data: { banner: null, notice: null } });
  });

  it('uses the sender tab and URL, not what the message claims', async () => {
    const response = await background.handleMessage(
      { type: 'page.check', url: 'https://innocent.example/', sample: sample(ROGUE_TEXT) },
      contentSender('https://actual-rogue.example/', 9),
    );
    expect(response.ok).toBe(true);
    platform.tabs.tabs.set(9, 'https://actual-rogue.example/');
    const verdict = await background.verdicts.verdictForTab(9);
    expect(verdict.site).toBe('actual-rogue.example');
    expect(verdict.page?.level).toBe('danger');
  });

  it('shows the banner for warn-level list hits even without page signals', async () => {
    // 0rx.ru is in the packaged Block List Project list (warn level).
    const response = await check('http://0rx.ru/', null);
    expect(response).toMatchObject({
      ok: true,
      data: { banner: { title: 'This site is listed as a rogue online pharmacy' } },
    });
  });

  it('shows the popup verdict with page reasons and the evidence', async () => {
    await check('https://unlisted-rogue.example/item', ROGUE_TEXT, 3);
    platform.tabs.tabs.set(3, 'https://unlisted-rogue.example/item');
    const verdict = await background.verdicts.verdictForTab(3);
    const page = verdict.reasons.filter((r) => r.group === 'page');
    // The named signals that weighed most, then the learned phrases, each in the page's words.
    expect(page.filter((r) => r.code !== 'page.phrase').length).toBeGreaterThanOrEqual(3);
    for (const reason of page) {
      const words = 'evidence' in reason ? (reason.evidence ?? '') : '';
      expect(words.length).toBeGreaterThan(0);
      expect(ROGUE_TEXT).toContain(words.replace(/^…|…$/g, '').slice(0, 8));
    }
    // A later navigation in that tab does not inherit the old page's signals.
    platform.tabs.tabs.set(3, 'https://unlisted-rogue.example/other');
    expect((await background.verdicts.verdictForTab(3)).page).toBeNull();
  });

  it('renders the banner in Japanese for a Japanese browser', async () => {
    const ja = fakePlatform({ uiLanguage: 'ja' });
    const bg = composeBackground(ja, defaultCatalog(null));
    await bg.lifecycle.onInstalled();
    const response = await bg.handleMessage(
      { type: 'page.check', url: 'https://x.example/', sample: sample(ROGUE_TEXT) },
      contentSender('https://x.example/'),
    );
    expect(response).toMatchObject({
      ok: true,
      data: {
        banner: {
          lang: 'ja',
          title: 'このページは不正なネット薬局の疑いがあります',
          labels: { dismiss: 'このサイトでは警告しない' },
        },
      },
    });
  });
});

describe('whole-site verdicts', () => {
  const FAQ =
    'よくある質問。お届けまでの日数は地域により異なります。ご不明な点はお問い合わせください。';

  it('warns on a quiet page of a site whose product page reached warning, naming that page', async () => {
    // Alone, the FAQ page says nothing alarming.
    expect(await check('https://faq-alone.example/faq', FAQ, 2)).toEqual({
      ok: true,
      data: { banner: null, notice: null },
    });
    await check('https://www.rogue-shop.example/item?id=3', ROGUE_TEXT, 3);
    const response = await check('https://rogue-shop.example/faq', FAQ, 3);
    expect(response).toMatchObject({ ok: true, data: { banner: { level: 'warning' } } });
    const banner = (response as { data: { banner: { reasons: string[] } } }).data.banner;
    expect(banner.reasons[0]).toBe('Another page of this site looks like a rogue online pharmacy.');
    platform.tabs.tabs.set(3, 'https://rogue-shop.example/faq');
    const reason = (await background.verdicts.verdictForTab(3)).reasons.find(
      (r) => r.code === 'page.site-evidence',
    );
    // The address without its query, and when it was seen.
    expect(reason).toMatchObject({ evidence: 'https://www.rogue-shop.example/item' });
    // A page without a sample (nothing about medicines) is warned too.
    expect(await check('https://rogue-shop.example/about', null, 3)).toMatchObject({
      data: { banner: { level: 'warning' } },
    });
  });

  it('is forgotten when the user says "don\'t warn me on this site"', async () => {
    await check('https://rogue-shop.example/item', ROGUE_TEXT, 3);
    // The banner's button only asks; the evidence goes once the popup confirms (issue 11).
    platform.tabs.tabs.set(3, 'https://rogue-shop.example/item');
    await background.handleMessage(
      { type: 'dismissal.add', tabId: 3 },
      pageSender('/popup.html?tab=3&confirm=dismiss'),
    );
    expect(await readSiteEvidence('rogue-shop.example')).toBeNull();
  });
});

describe("don't warn me on this site", () => {
  it('is only asked for by the banner and confirmed in the popup, never by one click in the page', async () => {
    await background.handleMessage(
      { type: 'page.dismiss' },
      contentSender('https://shop.rogue-site.example/a?b=c', 4),
    );
    expect(await getDismissals()).toEqual([]);
    expect(platform.tabs.opened).toEqual([
      { url: `${ORIGIN}/popup.html?tab=4&confirm=dismiss`, openerTabId: 4 },
    ]);
    // A content script cannot confirm it itself.
    expect(
      await background.handleMessage(
        { type: 'dismissal.add', tabId: 4 },
        contentSender('https://shop.rogue-site.example/a?b=c', 4),
      ),
    ).toEqual({ ok: false, error: 'forbidden' });
    expect(await getDismissals()).toEqual([]);
  });

  it('is remembered per site, survives a worker restart, and can be undone from the popup', async () => {
    platform.tabs.tabs.set(4, 'https://shop.rogue-site.example/a?b=c');
    expect(
      await background.handleMessage(
        { type: 'dismissal.add', tabId: 4 },
        pageSender('/popup.html'),
      ),
    ).toEqual({ ok: true, data: { added: true } });
    expect((await getDismissals()).map((d) => [d.site, d.url])).toEqual([
      ['rogue-site.example', 'https://shop.rogue-site.example/a'],
    ]);
    const restarted = composeBackground(platform, defaultCatalog(null));
    const again = await restarted.handleMessage(
      { type: 'page.check', url: 'https://other.rogue-site.example/', sample: sample(ROGUE_TEXT) },
      contentSender('https://other.rogue-site.example/', 4),
    );
    expect(again).toEqual({ ok: true, data: { banner: null, notice: null } });
    // The verdict still says what the page is, and that warnings are off.
    platform.tabs.tabs.set(4, 'https://other.rogue-site.example/');
    expect(await restarted.verdicts.verdictForTab(4)).toMatchObject({
      level: 'danger',
      dismissed: true,
    });
    expect(
      await restarted.handleMessage(
        { type: 'dismissal.remove', site: 'rogue-site.example' },
        pageSender('/popup.html'),
      ),
    ).toEqual({
      ok: true,
      data: { removed: true },
    });
    expect(await check('https://other.rogue-site.example/', ROGUE_TEXT, 4)).toMatchObject({
      data: { banner: { level: 'danger' } },
    });
  });

  it('never lifts a pre-load block', async () => {
    await background.handleMessage(
      { type: 'page.dismiss' },
      contentSender('https://joa2020.jp/', 4),
    );
    expect((await background.verdicts.verdictFor('https://joa2020.jp/')).blocked).toBe(true);
  });
});

describe('what a content script may ask', () => {
  it('may open the details for its own tab only', async () => {
    await background.handleMessage(
      { type: 'page.details', tabId: 99 },
      contentSender('https://x.example/', 5),
    );
    expect(platform.tabs.opened).toEqual([{ url: `${ORIGIN}/popup.html?tab=5`, openerTabId: 5 }]);
  });

  it('cannot remove dismissals or read other tabs', async () => {
    expect(
      await background.handleMessage(
        { type: 'dismissal.remove', site: 'x.example' },
        contentSender('https://x.example/'),
      ),
    ).toEqual({
      ok: false,
      error: 'forbidden',
    });
    expect(
      await background.handleMessage(
        { type: 'verdict.get', tabId: 1 },
        contentSender('https://x.example/'),
      ),
    ).toEqual({
      ok: false,
      error: 'forbidden',
    });
  });

  it('refuses oversized samples', async () => {
    const huge = {
      type: 'page.check',
      url: 'https://x.example/',
      sample: sample('x'.repeat(SAMPLE_LIMITS.text + 1)),
    };
    expect(await background.handleMessage(huge, contentSender('https://x.example/'))).toEqual({
      ok: false,
      error: 'bad-request',
    });
  });

  it('takes structural facts with the sample and refuses oversized or malformed ones', async () => {
    const url = 'https://x.example/';
    const structure = { cart: 'カートに入れる', products: [], links: ['ED治療薬'], footer: '' };
    const send = (extra: object) =>
      background.handleMessage(
        { type: 'page.check', url, sample: sample(ROGUE_TEXT), ...extra },
        contentSender(url),
      );
    expect(await send({ structure })).toMatchObject({ ok: true });
    for (const bad of [
      { ...structure, links: Array(STRUCTURE_LIMITS.links + 1).fill('a') },
      { ...structure, footer: 'f'.repeat(STRUCTURE_LIMITS.footer + 1) },
      { ...structure, cart: 1 },
      { cart: '' },
    ])
      expect(await send({ structure: bad })).toEqual({ ok: false, error: 'bad-request' });
  });

  it('ignores page checks from frames without a tab (e.g. another extension page)', async () => {
    const response = await background.handleMessage(
      { type: 'page.check', url: 'https://x.example/' },
      { id: 'testextensionid', url: 'https://x.example/' },
    );
    expect(response).toEqual({ ok: false, error: 'forbidden' });
  });
});
