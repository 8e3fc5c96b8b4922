// The warning page acts only for a top-level warning page, in a tab the browser really sent to a
// listed site, and on the address the background recorded; the banner's escalation rules.
import { beforeEach, describe, expect, it } from 'vitest';
import { composeBackground, type Background } from '../../utils/background/root';
import { defaultCatalog } from '../../utils/lists/catalog';
import { getAllowlist } from '../../utils/decisions/allowlist';
import {
  ESCALATION,
  SightWindow,
  judgeSight,
  type BannerSight,
} from '../../utils/content/escalation';
import { contentSender, fakePlatform, ORIGIN, type TestPlatform } from './fakes';
import { readCorpus } from '../../tools/lib/corpus';
import { TabRefresh } from '../../utils/tabs/tab-refresh';

const LISTED = 'https://www.joa2020.jp/faq.php';
const warningPage = (tabId: number, frameId: number, fragment = LISTED) => ({
  id: 'testextensionid',
  url: `${ORIGIN}/warning.html#${fragment}`,
  tabId,
  frameId,
});

let platform: TestPlatform;
let background: Background;

beforeEach(async () => {
  platform = fakePlatform();
  background = composeBackground(platform, defaultCatalog(null));
  await background.lifecycle.onInstalled();
});

describe('warning page gate', () => {
  it('explains and continues to the recorded address of a tab the browser sent there', async () => {
    await background.tabs.onNavigationStarting(3, LISTED);
    const info = await background.handleMessage({ type: 'block.info' }, warningPage(3, 0));
    expect(info).toMatchObject({ ok: true, data: { status: 'listed', url: LISTED } });
    const go = await background.handleMessage(
      { type: 'block.continue', mode: 'once' },
      warningPage(3, 0, 'https://www.amazon.co.jp/'),
    );
    expect(go).toEqual({ ok: true, data: { navigated: true } });
    expect(platform.tabs.tabs.get(3)).toBe(LISTED); // the recorded address, not the fragment
  });

  it('refuses a warning page inside a frame: no badge, no continue, no allowlist', async () => {
    await background.tabs.onNavigationStarting(3, 'https://rogue.example/');
    const badge = platform.badges.get(3);
    expect(await background.handleMessage({ type: 'block.info' }, warningPage(3, 5))).toEqual({
      ok: true,
      data: { status: 'framed' },
    });
    expect(
      await background.handleMessage({ type: 'block.continue', mode: 'always' }, warningPage(3, 5)),
    ).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await getAllowlist()).toEqual([]);
    expect(platform.badges.get(3)).toEqual(badge);
  });

  it('a page that opens warning.html with any fragment gets nothing for that address', async () => {
    // The tab was last on an unlisted page, which then navigated itself to warning.html#amazon.
    await background.tabs.onNavigationStarting(6, 'https://rogue.example/');
    const info = await background.handleMessage(
      { type: 'block.info' },
      warningPage(6, 0, 'https://www.amazon.co.jp/'),
    );
    expect(info).toMatchObject({
      ok: true,
      data: { status: 'not-listed', url: 'https://rogue.example/' },
    });
    // A tab with no recorded navigation at all is unverified, unless the fragment names a listed
    // site (a warning entry from the history, a restored tab): that explains the listed site,
    // which is what opening the site itself would have shown (README, "Hostile pages").
    const unlisted = warningPage(8, 0, 'https://www.amazon.co.jp/');
    expect(await background.handleMessage({ type: 'block.info' }, unlisted)).toEqual({
      ok: true,
      data: { status: 'unverified' },
    });
    expect(
      await background.handleMessage({ type: 'block.continue', mode: 'always' }, unlisted),
    ).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await getAllowlist()).toEqual([]);
    expect(await background.handleMessage({ type: 'block.info' }, warningPage(8, 0))).toMatchObject(
      {
        ok: true,
        data: { status: 'listed', url: LISTED },
      },
    );
  });
});

describe('banner escalation rules', () => {
  const seen: BannerSight = {
    connected: true,
    width: 1280,
    height: 90,
    viewportWidth: 1280,
    styleVisible: true,
    paintVisible: true,
    onTop: true,
  };

  it.each([
    ['removed', { connected: false }],
    ['hidden', { styleVisible: false }],
    ['shrunk', { height: 2 }],
    ['shrunk', { width: 25 }],
    ['covered', { onTop: false }],
    ['covered', { paintVisible: false }],
  ] as const)('%s: %j', (reason, change) => {
    expect(judgeSight({ ...seen, ...change })).toBe(reason);
  });

  it('a banner in plain sight, or where a browser cannot measure paint, passes', () => {
    expect(judgeSight(seen)).toBeNull();
    expect(judgeSight({ ...seen, paintVisible: null, styleVisible: null })).toBeNull();
  });

  it('one failed look (a dialog opened once) does not escalate; repeated ones do', () => {
    const window = new SightWindow();
    expect(window.add('covered')).toBeNull();
    for (let i = 0; i < ESCALATION.window; i += 1) expect(window.add(null)).toBeNull();
    expect(window.add('covered')).toBeNull();
    expect(window.add(null)).toBeNull();
    expect(window.add('covered')).toBe('covered');
  });
});

describe('badge tooltip', () => {
  it('says "looks like" for the detector and "on a blocklist" only for a list hit', async () => {
    const rogue = readCorpus('tests/fixtures/pages').find((p) => p.slug === 'en-rogue-shop')!;
    const url = 'https://cheap-meds-online.example/';
    await background.handleMessage(
      { type: 'page.check', url, sample: rogue.sample },
      contentSender(url, 12),
    );
    expect(platform.badges.get(12)?.title).toMatch(/this page looks (very much )?like a rogue/);
    expect(platform.badges.get(12)?.title).not.toContain('list');
    await background.tabs.onNavigationCommitted(13, LISTED);
    expect(platform.badges.get(13)?.title).toBe(
      'Kusuri Guard: danger — this site is on a blocklist',
    );
  });
});

describe('same-document navigations', () => {
  it('keep the page score and the badge; another document does not inherit them', async () => {
    const rogue = readCorpus('tests/fixtures/pages').find((p) => p.slug === 'en-rogue-shop')!;
    const url = 'https://cheap-meds-online.example/a';
    await background.handleMessage(
      { type: 'page.check', url, sample: rogue.sample },
      contentSender(url, 21),
    );
    // The page calls pushState: the browser reports the new URL of the same document.
    await background.tabs.onTabUrlChanged(21, 'https://cheap-meds-online.example/p1');
    await background.tabs.onSameDocumentNavigation(21, 'https://cheap-meds-online.example/p1');
    expect(platform.badges.get(21)?.text).toBe('!');
    platform.tabs.tabs.set(21, 'https://cheap-meds-online.example/p1');
    expect((await background.verdicts.verdictForTab(21)).page).not.toBeNull();
    // Another origin is never a same-document navigation: nothing is carried.
    await background.tabs.onSameDocumentNavigation(21, 'https://elsewhere.example/');
    platform.tabs.tabs.set(21, 'https://elsewhere.example/');
    expect((await background.verdicts.verdictForTab(21)).page).toBeNull();
  });
});

describe('same-document navigations reported by tabs.onUpdated alone', () => {
  it("keep the badge when the history event comes late or not at all (Chromium's order)", async () => {
    const rogue = readCorpus('tests/fixtures/pages').find((p) => p.slug === 'en-rogue-shop')!;
    const url = 'https://cheap-meds-online.example/a';
    await background.handleMessage(
      { type: 'page.check', url, sample: rogue.sample },
      contentSender(url, 22),
    );
    for (let i = 0; i < 3; i += 1) {
      await background.tabs.onTabUrlChanged(22, `https://cheap-meds-online.example/p${i}`);
      expect(platform.badges.get(22)?.text).toBe('!');
    }
  });
});

describe('page scores keyed by document', () => {
  it("the popup's lookup keeps the score of the document the tab still shows, whatever its URL", async () => {
    const rogue = readCorpus('tests/fixtures/pages').find((p) => p.slug === 'en-rogue-shop')!;
    const url = 'https://cheap-meds-online.example/a';
    await background.handleMessage(
      { type: 'page.check', url, sample: rogue.sample },
      { ...contentSender(url, 23), documentId: 'DOC-A' },
    );
    // The page has since moved on with pushState, faster than any history event reaches us.
    platform.tabs.tabs.set(23, 'https://cheap-meds-online.example/p97');
    platform.tabs.documents.set(23, 'DOC-A');
    const same = await background.verdicts.verdictForTab(23, 'automatic');
    expect(same.page?.score).toBeGreaterThan(0);
    expect(platform.badges.get(23)?.text).toBe('!');
    // Another document at the very same URL (a reload, a new page) does not inherit it.
    platform.tabs.tabs.set(23, url);
    platform.tabs.documents.set(23, 'DOC-B');
    expect((await background.verdicts.verdictForTab(23, 'automatic')).page).toBeNull();
  });

  it('without document ids (Firefox) the record is matched by URL, as before', async () => {
    const rogue = readCorpus('tests/fixtures/pages').find((p) => p.slug === 'en-rogue-shop')!;
    const url = 'https://cheap-meds-online.example/a';
    await background.handleMessage(
      { type: 'page.check', url, sample: rogue.sample },
      contentSender(url, 24),
    );
    platform.tabs.tabs.set(24, `${url}#frag`);
    expect((await background.verdicts.verdictForTab(24)).page).not.toBeNull();
    platform.tabs.tabs.set(24, 'https://cheap-meds-online.example/b');
    expect((await background.verdicts.verdictForTab(24)).page).toBeNull();
  });
});

describe('tab refresh coalescing', () => {
  it('a hundred URL changes in a burst cost two refreshes, with the latest URL', async () => {
    const runs: [string, boolean][] = [];
    const refresh = new TabRefresh(async (_tab, url, same) => {
      runs.push([url, same]);
    }, 50);
    const done: Promise<void>[] = [];
    for (let i = 0; i < 100; i += 1) {
      done.push(refresh.request(1, `https://x.example/p${i}`, false));
      done.push(refresh.request(1, `https://x.example/p${i}`, true));
      if (i === 0) await done[0]; // the first runs at once
    }
    await Promise.all(done);
    expect(runs).toEqual([
      ['https://x.example/p0', true],
      ['https://x.example/p99', true],
    ]);
  });
});
