import { beforeEach, describe, expect, it } from 'vitest';
import { composeBackground, type Background } from '../../utils/background/root';
import { catalogSource, defaultCatalog, PROJECT_LIST_ID } from '../../utils/lists/catalog';
import { getListRecord } from '../../utils/lists/store';
import { getListContent } from '../../utils/lists/store-content';
import { getAllowlist } from '../../utils/decisions/allowlist';
import { BLOCK_RULE_BASE, ALLOW_RULE_ID, SENTINEL_RULE_ID } from '../../utils/preload/compile';
import { closeSharedDb } from '../../utils/core/db';
import { IDBFactory } from 'fake-indexeddb';
import { contentSender, fakePlatform, ORIGIN, pageSender, type TestPlatform } from './fakes';
import { installedBackground } from './installed';

const LISTED = 'https://www.joa2020.jp/faq.php';

let platform: TestPlatform;
let background: Background;

beforeEach(async () => {
  ({ platform, background } = await installedBackground());
});

function blockRule() {
  return platform.dnr.dynamic.find((r) => r.id === BLOCK_RULE_BASE)!;
}

describe('installation', () => {
  it('installs the packaged lists and the pre-load rules on install', async () => {
    const record = await getListRecord(PROJECT_LIST_ID);
    expect(record).toMatchObject({ contentFrom: 'bundled', action: 'block', enabled: true });
    const domains = blockRule().condition.requestDomains!;
    expect(domains).toContain('joa2020.jp');
    expect(domains).toContain('xn--l8jd1b8h6emh4bwd2epetpy238ghmja.net');
    // Warn-level and breach lists never produce pre-load blocks.
    expect(domains).not.toContain('0rx.ru');
    expect(domains).not.toContain('onamae.com');
    expect(blockRule().action).toEqual({
      type: 'redirect',
      redirect: { regexSubstitution: `${ORIGIN}/warning.html#\\0` },
    });
  });

  it('does not re-install rules that did not change', async () => {
    const calls = platform.dnr.updateCalls;
    await background.rules.sync();
    await composeBackground(platform, defaultCatalog(null)).lifecycle.ready();
    expect(platform.dnr.updateCalls).toBe(calls);
  });

  it('repairs a database a killed worker left empty', async () => {
    await closeSharedDb();
    globalThis.indexedDB = new IDBFactory();
    const fresh = fakePlatform();
    const bg = composeBackground(fresh, defaultCatalog(null));
    await bg.lifecycle.ready(); // no onInstalled: the worker died before it ran
    expect(fresh.dnr.dynamic.some((r) => r.id === BLOCK_RULE_BASE)).toBe(true);
    expect((await bg.verdicts.verdictFor(LISTED)).blocked).toBe(true);
  });

  it('changes only the rules of what changed: allowing or blocking a site leaves the lists alone', async () => {
    const listRules = () =>
      platform.dnr.dynamic.filter((r) => r.action.type === 'redirect').map((r) => r.id);
    const before = listRules();
    await background.decisions.allowSite('kusuri-ok.example');
    expect(platform.dnr.lastUpdate!.addRules.map((r) => r.id).sort((a, b) => a - b)).toEqual([
      ALLOW_RULE_ID,
      SENTINEL_RULE_ID,
    ]);
    await background.decisions.blockSite('my-block.example', '', 'popup');
    const added = platform.dnr.lastUpdate!.addRules.filter((r) => r.action.type === 'redirect');
    expect(added.map((r) => r.condition.requestDomains)).toEqual([['my-block.example']]);
    expect(listRules()).toEqual(expect.arrayContaining(before)); // the list's rules stayed
    expect(platform.dnr.decide('https://www.my-block.example/')?.action.type).toBe('redirect');
    expect(platform.dnr.decide('https://kusuri-ok.example/')?.action.type).toBe('allow');
  });

  it('checks the installed rules once per browser session, not on every wake of the worker', async () => {
    const reads = platform.dnr.getCalls;
    await composeBackground(platform, defaultCatalog(null)).lifecycle.ready(); // a new worker, same session
    expect(platform.dnr.getCalls).toBe(reads);
    platform.sessionData.clear(); // the browser restarted
    await composeBackground(platform, defaultCatalog(null)).lifecycle.ready();
    expect(platform.dnr.getCalls).toBe(reads + 1);
    expect(platform.dnr.updateCalls).toBe(1); // nothing reinstalled: the rules were there
  });

  it('reinstalls rules the browser lost although the stored marker says they are installed', async () => {
    const lost = fakePlatform(); // same database, empty rule set
    await composeBackground(lost, defaultCatalog(null)).lifecycle.ready();
    expect(lost.dnr.dynamic.map((r) => r.id).sort((a, b) => a - b)).toEqual([
      SENTINEL_RULE_ID,
      BLOCK_RULE_BASE,
    ]);
  });

  it('keeps the previous rules and records the error when Chrome refuses every update', async () => {
    const refuse = new Error('Dynamic unsafe rule count exceeded.');
    const update = platform.dnr.updateDynamicRules.bind(platform.dnr);
    let refusing = true;
    platform.dnr.updateDynamicRules = async (options) => {
      if (refusing) throw refuse;
      return update(options);
    };
    await background.tabs.continueTo(LISTED, 'always', 3); // forces a rebuild
    const marker = await background.rules.marker();
    expect(marker?.error).toBe('Dynamic unsafe rule count exceeded.');
    expect(platform.dnr.dynamic.some((r) => r.id === BLOCK_RULE_BASE)).toBe(true);
    // The next sync retries.
    refusing = false;
    await background.rules.sync();
    expect((await background.rules.marker())?.error).toBeNull();
    expect(platform.dnr.dynamic.some((r) => r.id === ALLOW_RULE_ID)).toBe(true);
  });

  it('installs the most important domains when the browser refuses all of them, and says so', async () => {
    // The user's own block goes first, then the project's list, then the rest.
    await background.decisions.blockSite('my-own-block.example', '', 'popup');
    const total = (await background.rules.marker())!.totalBlockDomains;
    platform.dnr.maxDomains = 10;
    await background.decisions.allowSite('unrelated.example'); // any change rebuilds the rules
    const marker = (await background.rules.marker())!;
    expect(marker.error).toBeNull();
    expect(marker.overflow).toBe('Internal error while installing the rules.');
    expect(marker.totalBlockDomains).toBe(total);
    expect(marker.blockDomains).toBeLessThanOrEqual(10);
    expect(marker.blockDomains).toBeGreaterThan(0);
    const covered = platform.dnr.dynamic
      .filter((r) => r.action.type === 'redirect')
      .flatMap((r) => r.condition.requestDomains!);
    expect(covered[0]).toBe('my-own-block.example');
    // A domain left without a rule is still stopped: when its page commits.
    const lists = await (await background.lists.index()).blockHosts();
    const host = lists.flatMap((l) => l.hosts).find((h) => !covered.includes(h))!;
    expect(platform.dnr.decide(`https://${host}/`)).toBeNull();
    expect(await background.tabs.onNavigationCommitted(9, `https://${host}/`)).toBe(true);
    expect(platform.tabs.updates.at(-1)).toEqual({
      tabId: 9,
      url: `chrome-extension://testextensionid/warning.html#https://${host}/`,
    });
  });
});

describe('extension updates', () => {
  it('installs a changed packaged list on update', async () => {
    const list = JSON.parse(platform.files.get('lists/kusuri-guard.json')!) as {
      meta: { version: number };
      sites: unknown[];
      groups: unknown[];
    };
    list.meta.version = 99;
    list.sites = list.sites.slice(0, 3);
    list.groups = [];
    platform.files.set('lists/kusuri-guard.json', JSON.stringify(list));
    await background.lifecycle.onInstalled();
    expect((await getListRecord(PROJECT_LIST_ID))?.meta.version).toBe(99);
    expect(blockRule().condition.requestDomains).toHaveLength(3);
  });

  it('keeps a newer downloaded list over the packaged copy', async () => {
    const entry = catalogSource(defaultCatalog(null)[0]!);
    const list = JSON.parse(platform.files.get('lists/kusuri-guard.json')!) as {
      meta: { version: number };
    };
    list.meta.version = 50;
    await background.lists.applyListText(entry, JSON.stringify(list), 'download');
    await background.lifecycle.onInstalled();
    expect(await getListRecord(PROJECT_LIST_ID)).toMatchObject({
      contentFrom: 'download',
      meta: { version: 50 },
    });
  });
});

describe('bad list bodies never replace the active list', () => {
  const entry = catalogSource(defaultCatalog(null)[0]!);
  const good = JSON.parse(fakePlatform().files.get('lists/kusuri-guard.json')!) as Record<
    string,
    unknown
  >;

  it.each([
    ['not JSON', 'garbage', 'not-json'],
    ['truncated', JSON.stringify(good).slice(0, 5000), 'not-json'],
    ['wrong schema', JSON.stringify({ ...good, meta: { id: 'x' } }), 'wrong-schema'],
    ['an HTML page', '<!doctype html><title>Oops</title>', 'html-page'],
    ['huge', 'x'.repeat(64 * 1024 * 1024 + 1), 'too-large'],
  ])('%s', async (_name, text, error) => {
    const before = await getListRecord(PROJECT_LIST_ID);
    const rulesBefore = structuredClone(platform.dnr.dynamic);
    const result = await background.lists.applyListText(entry, text, 'download');
    expect(result).toMatchObject({ ok: false, error });
    expect(await getListRecord(PROJECT_LIST_ID)).toEqual(before);
    expect((await getListContent(PROJECT_LIST_ID))?.sites.length).toBe(before!.counts.sites);
    await background.rules.sync();
    expect(platform.dnr.dynamic).toEqual(rulesBefore);
  });

  it('applies a good new version and rebuilds the rules', async () => {
    const next = {
      ...good,
      meta: { ...(good.meta as object), version: 2 },
      sites: [
        ...(good.sites as object[]),
        {
          domain: 'zz-new-rogue.example',
          category: 'rogue-pharmacy',
          evidence: [{ source: { url: 'https://zz-new-rogue.example/' }, date: '2026-11' }],
        },
      ],
    };
    const result = await background.lists.applyListText(entry, JSON.stringify(next), 'download');
    expect(result).toMatchObject({ ok: true, rejected: [] });
    await background.rules.sync();
    expect(blockRule().condition.requestDomains).toContain('zz-new-rogue.example');
    expect((await getListRecord(PROJECT_LIST_ID))?.contentFrom).toBe('download');
  });
});

describe('messages and who may send them', () => {
  it('refuses messages from other extensions and web pages', async () => {
    const other = { id: 'another-extension', url: 'chrome-extension://another-extension/x.html' };
    expect(await background.handleMessage({ type: 'allowlist.get' }, other)).toEqual({
      ok: false,
      error: 'forbidden',
    });
    expect(
      await background.handleMessage({ type: 'allowlist.get' }, { id: 'testextensionid' }),
    ).toEqual({
      ok: false,
      error: 'forbidden',
    });
  });

  it('refuses privileged requests from content scripts', async () => {
    const sender = contentSender('https://evil.example/', 5);
    for (const message of [
      { type: 'block.continue', url: LISTED, mode: 'always' },
      { type: 'allowlist.remove', site: 'joa2020.jp' },
      { type: 'settings.set', patch: { language: 'en' } },
      { type: 'verdict.get', tabId: 1 },
    ]) {
      expect(await background.handleMessage(message, sender)).toEqual({
        ok: false,
        error: 'forbidden',
      });
    }
    expect(await getAllowlist()).toEqual([]);
  });

  it('answers malformed messages with bad-request', async () => {
    const sender = pageSender('/popup.html');
    for (const message of [
      null,
      'x',
      { type: 'nope' },
      { type: 'verdict.get', tabId: 'one' },
      { type: 'block.continue', url: LISTED, mode: 'forever' },
    ]) {
      expect(await background.handleMessage(message, sender)).toEqual({
        ok: false,
        error: 'bad-request',
      });
    }
  });

  it('serves extension pages', async () => {
    platform.tabs.tabs.set(4, LISTED);
    const response = await background.handleMessage(
      { type: 'verdict.get', tabId: 4 },
      pageSender('/popup.html'),
    );
    expect(response).toMatchObject({
      ok: true,
      data: { level: 'danger', blocked: true, site: 'joa2020.jp' },
    });
  });

  it('reports the blocked URL behind a warning page tab: the one recorded, not the fragment', async () => {
    await background.tabs.onNavigationStarting(4, LISTED); // the browser said where the tab went
    platform.tabs.tabs.set(4, `${ORIGIN}/warning.html#https://www.amazon.co.jp/`);
    const response = await background.handleMessage(
      { type: 'verdict.get', tabId: 4 },
      pageSender('/popup.html'),
    );
    expect(response).toMatchObject({ ok: true, data: { level: 'danger', url: LISTED } });
  });
});

describe('warning page actions', () => {
  it('explains a listed URL and sets the badge of the tab', async () => {
    const info = await background.tabs.blockInfo(LISTED, 9);
    expect(info).toMatchObject({ status: 'listed', host: 'www.joa2020.jp', site: 'joa2020.jp' });
    if (info.status !== 'listed') return;
    expect(info.reasons[0]).toMatchObject({
      code: 'list.block',
      listed: 'joa2020.jp',
      category: 'rogue-pharmacy',
    });
    expect(platform.badges.get(9)).toMatchObject({ text: '!', color: '#c62828' });
  });

  it('treats malformed URLs as text', async () => {
    expect(await background.tabs.blockInfo('<script>alert(1)</script>', 9)).toEqual({
      status: 'bad-url',
      raw: '<script>alert(1)</script>',
    });
    expect(await background.tabs.blockInfo('javascript:alert(1)', 9)).toMatchObject({
      status: 'bad-url',
    });
  });

  it('"this time only" grants one tab the site until it leaves it', async () => {
    await background.tabs.continueTo(LISTED, 'once', 3);
    expect(platform.tabs.updates.at(-1)).toEqual({ tabId: 3, url: LISTED });
    expect(platform.dnr.decide(LISTED, 3)?.action.type).toBe('allow');
    expect(platform.dnr.decide(LISTED, 4)?.action.type).toBe('redirect');
    // Same site: the grant stays. Another site: it ends.
    await background.tabs.onTabUrlChanged(3, 'https://joa2020.jp/cart');
    expect(platform.dnr.decide(LISTED, 3)?.action.type).toBe('allow');
    await background.tabs.onTabUrlChanged(3, 'https://elsewhere.example/');
    expect(platform.dnr.decide(LISTED, 3)?.action.type).toBe('redirect');
  });

  it('a grant ends as soon as a navigation to another site starts', async () => {
    await background.tabs.continueTo(LISTED, 'once', 3);
    await background.tabs.onNavigationStarting(3, 'https://www.joa2020.jp/other'); // same site: kept
    expect(platform.dnr.decide(LISTED, 3)?.action.type).toBe('allow');
    await background.tabs.onNavigationStarting(3, 'https://elsewhere.example/');
    expect(platform.dnr.decide(LISTED, 3)?.action.type).toBe('redirect');
  });

  it('a closed tab loses its grant, and grants survive a worker restart', async () => {
    await background.tabs.continueTo(LISTED, 'once', 3);
    const restarted = composeBackground(platform, defaultCatalog(null));
    expect(await restarted.tabs.onNavigationCommitted(3, LISTED)).toBe(false); // still granted
    await restarted.tabs.onTabRemoved(3);
    expect(platform.dnr.session).toEqual([]);
  });

  it('"always" stores the site before rebuilding the rules, and can be undone', async () => {
    await background.tabs.continueTo('https://shop.joa2020.jp/', 'always', 3);
    expect((await getAllowlist()).map((e) => [e.site, e.listedAs, e.via])).toEqual([
      ['joa2020.jp', 'joa2020.jp', 'warning-page'],
    ]);
    expect(platform.dnr.decide(LISTED, 99)?.action.type).toBe('allow');
    const restarted = composeBackground(platform, defaultCatalog(null));
    expect((await restarted.verdicts.verdictFor(LISTED)).allowlisted).toBe(true);
    expect(await restarted.decisions.removeAllowed('joa2020.jp')).toBe(true);
    expect(platform.dnr.decide(LISTED, 99)?.action.type).toBe('redirect');
  });

  it('does nothing for unparseable URLs or without a tab', async () => {
    expect(await background.tabs.continueTo('not a url', 'always', 3)).toEqual({
      navigated: false,
    });
    expect(await background.tabs.continueTo(LISTED, 'once', undefined)).toEqual({
      navigated: false,
    });
    expect(await getAllowlist()).toEqual([]);
  });
});

describe('navigations the browser refused to redirect (no initiator: address bar, bookmarks)', () => {
  const WARNING_FOR_LISTED = `${ORIGIN}/warning.html#${LISTED}`;
  // Where the rule's redirect ended: the session's web-accessible address, refused.
  const REFUSED = `chrome-extension://0c6c8a1e-session-guid/warning.html#${LISTED}`;
  const navigateBlocked = async (
    tabId: number,
    url: string,
    error = 'net::ERR_BLOCKED_BY_CLIENT',
    reported = url,
  ) => {
    await background.tabs.onNavigationStarting(tabId, url);
    return background.tabs.onNavigationBlocked(tabId, reported, error);
  };

  it('sends the tab to the warning page, which acts on the recorded address', async () => {
    expect(await navigateBlocked(5, LISTED)).toBe('warning');
    expect(platform.tabs.updates).toEqual([{ tabId: 5, url: WARNING_FOR_LISTED }]);
    const info = await background.tabs.warningInfo({
      id: 'testextensionid',
      url: `${ORIGIN}/warning.html#https://www.amazon.co.jp/`,
      tabId: 5,
      frameId: 0,
    });
    expect(info).toMatchObject({ status: 'listed', url: LISTED });
  });

  it('an error naming the refused warning address acts on where the browser said the tab was going', async () => {
    expect(await navigateBlocked(5, LISTED, 'net::ERR_BLOCKED_BY_CLIENT', REFUSED)).toBe('warning');
    expect(platform.tabs.updates).toEqual([{ tabId: 5, url: WARNING_FOR_LISTED }]);
    // A page sending its tab to warning.html#<a site it chose> gets no warning for an unlisted site.
    platform.tabs.updates.length = 0;
    const forged = `${ORIGIN}/warning.html#https://www.amazon.co.jp/`;
    await background.tabs.onNavigationStarting(8, 'https://fine.example/');
    expect(await background.tabs.onNavigationBlocked(8, forged, 'net::ERR_BLOCKED_BY_CLIENT')).toBe(
      'none',
    );
    expect(await background.tabs.onNavigationBlocked(9, forged, 'net::ERR_BLOCKED_BY_CLIENT')).toBe(
      'none',
    );
    expect(platform.tabs.updates).toEqual([]);
    // Forward to the warning page's own history entry (the tab was last heading to the page
    // before it): the warning again, for the listed site the entry names.
    expect(
      await background.tabs.onNavigationBlocked(8, REFUSED, 'net::ERR_BLOCKED_BY_CLIENT'),
    ).toBe('warning');
    expect(platform.tabs.updates).toEqual([{ tabId: 8, url: WARNING_FOR_LISTED }]);
    platform.tabs.updates.length = 0;
    // Not an error at another extension's page.
    await background.tabs.onNavigationStarting(10, LISTED);
    expect(
      await background.tabs.onNavigationBlocked(
        10,
        'chrome-extension://other/page.html',
        'net::ERR_BLOCKED_BY_CLIENT',
      ),
    ).toBe('none');
    expect(platform.tabs.updates).toEqual([]);
  });

  it('Back through the blocked entry goes on back past it, once; Forward warns again', async () => {
    await background.tabs.onNavigationStarting(5, 'https://start.example/');
    expect(await navigateBlocked(5, LISTED)).toBe('warning');
    // Back from the warning page: the same address again, refused again.
    expect(await navigateBlocked(5, LISTED, 'net::ERR_BLOCKED_BY_CLIENT', REFUSED)).toBe('back');
    expect(platform.tabs.wentBack).toEqual([5]);
    expect(platform.tabs.updates).toHaveLength(1);
    // The page before commits; Forward reaches the blocked entry: the warning, not Back.
    await background.tabs.onNavigationStarting(5, 'https://start.example/');
    await background.tabs.onNavigationCommitted(5, 'https://start.example/');
    expect(await navigateBlocked(5, LISTED)).toBe('warning');
    expect(platform.tabs.wentBack).toEqual([5]);
  });

  it('a typed address refused at the warning address: the warning, and typing it again warns again', async () => {
    // What Chromium reports for a typed listed address: the rule's redirect, refused. The warning
    // page opens at that very address, replacing the refused entry: nothing to step over later.
    expect(await navigateBlocked(5, LISTED, 'net::ERR_BLOCKED_BY_CLIENT', REFUSED)).toBe('warning');
    expect(await navigateBlocked(5, LISTED, 'net::ERR_BLOCKED_BY_CLIENT', REFUSED)).toBe('warning');
    expect(platform.tabs.wentBack).toEqual([]);
    expect(platform.tabs.updates).toEqual([
      { tabId: 5, url: WARNING_FOR_LISTED },
      { tabId: 5, url: WARNING_FOR_LISTED },
    ]);
  });

  it('a refused warning entry is warned about as the site it names, not the one the tab went to last', async () => {
    // Link → warning page for one listed site, then a typed second listed site → warning page;
    // Back from it to the first warning entry: Chromium replays that entry without an initiator
    // and refuses it (no onBeforeNavigate), while the record still names the second site.
    const OTHER = 'https://xn--l8jd1b8h6emh4bwd2epetpy238ghmja.net/';
    expect(
      await navigateBlocked(
        5,
        OTHER,
        'net::ERR_BLOCKED_BY_CLIENT',
        `${ORIGIN}/warning.html#${OTHER}`,
      ),
    ).toBe('warning');
    platform.tabs.updates.length = 0;
    expect(
      await background.tabs.onNavigationBlocked(5, REFUSED, 'net::ERR_BLOCKED_BY_CLIENT'),
    ).toBe('warning');
    expect(platform.tabs.updates).toEqual([{ tabId: 5, url: WARNING_FOR_LISTED }]);
    expect(platform.tabs.wentBack).toEqual([]);
  });

  it('the mark survives a worker restart; with nothing to go back to, a new-tab page', async () => {
    platform.tabs.noHistory.add(6);
    expect(await navigateBlocked(6, LISTED)).toBe('warning');
    const restarted = composeBackground(platform, defaultCatalog(null));
    await restarted.tabs.onNavigationStarting(6, LISTED);
    expect(await restarted.tabs.onNavigationBlocked(6, LISTED, 'net::ERR_BLOCKED_BY_CLIENT')).toBe(
      'back',
    );
    expect(platform.tabs.updates.at(-1)).toEqual({ tabId: 6, url: platform.newTabUrl });
  });

  it('another address of the listed site after the warning is warned about, not skipped', async () => {
    expect(await navigateBlocked(5, LISTED)).toBe('warning');
    expect(await navigateBlocked(5, 'https://www.joa2020.jp/other')).toBe('warning');
    expect(platform.tabs.wentBack).toEqual([]);
  });

  it('ignores errors that are not a refusal: unlisted sites, aborted or failed loads, granted or allowed sites', async () => {
    expect(await navigateBlocked(5, 'https://fine.example/')).toBe('none');
    expect(await navigateBlocked(5, LISTED, 'net::ERR_ABORTED')).toBe('none');
    expect(await navigateBlocked(5, LISTED, 'NS_BINDING_ABORTED')).toBe('none');
    expect(await navigateBlocked(5, LISTED, 'net::ERR_NAME_NOT_RESOLVED')).toBe('none');
    await background.tabs.continueTo(LISTED, 'once', 5);
    platform.tabs.updates.length = 0;
    expect(await navigateBlocked(5, LISTED)).toBe('none');
    await background.decisions.allowSite('joa2020.jp');
    expect(await navigateBlocked(7, LISTED)).toBe('none');
    expect(platform.tabs.updates).toEqual([]);
  });
});

describe("a warning page taken from the tab's history (Back, Forward, a restored tab)", () => {
  const warningSenderAt = (tabId: number, fragment: string, frameId = 0) => ({
    id: 'testextensionid',
    url: `${ORIGIN}/warning.html#${fragment}`,
    tabId,
    frameId,
  });

  it('shows and acts on the listed site its entry names, not where the tab went last', async () => {
    // Link → warning page (the rule's redirect), Back to the page before, Forward: Chromium
    // commits the warning entry again, and the record names the page before.
    await background.tabs.onNavigationStarting(5, LISTED);
    await background.tabs.onNavigationStarting(5, 'https://start.example/');
    await background.tabs.onNavigationCommitted(5, 'https://start.example/');
    const sender = warningSenderAt(5, LISTED);
    expect(await background.tabs.warningInfo(sender)).toMatchObject({
      status: 'listed',
      url: LISTED,
    });
    expect(await background.tabs.warningTab(sender)).toBe(5);
    await background.tabs.warningContinue('once', sender);
    expect(platform.tabs.updates.at(-1)).toEqual({ tabId: 5, url: LISTED });
    expect(platform.dnr.decide(LISTED, 5)?.action.type).toBe('allow');
  });

  it('with no record at all (a tab restored after a restart), the listed site its entry names', async () => {
    expect(await background.tabs.warningInfo(warningSenderAt(12, LISTED))).toMatchObject({
      status: 'listed',
      url: LISTED,
    });
  });

  it('a fragment naming an unlisted site changes nothing: the record stands, or the page is unverified', async () => {
    await background.tabs.onNavigationStarting(5, 'https://start.example/');
    const forged = warningSenderAt(5, 'https://www.amazon.co.jp/');
    expect(await background.tabs.warningInfo(forged)).toMatchObject({
      url: 'https://start.example/',
    });
    await background.tabs.warningContinue('always', forged);
    expect((await getAllowlist()).map((e) => e.site)).not.toContain('amazon.co.jp');
    expect(platform.tabs.updates.at(-1)).toEqual({ tabId: 5, url: 'https://start.example/' });
    expect(
      await background.tabs.warningInfo(warningSenderAt(13, 'https://www.amazon.co.jp/')),
    ).toEqual({
      status: 'unverified',
    });
    // Text, a script or another scheme in the fragment: not an address, ignored.
    expect(await background.tabs.warningInfo(warningSenderAt(13, 'javascript:alert(1)'))).toEqual({
      status: 'unverified',
    });
  });

  it('a framed warning page stays refused, whatever its fragment names', async () => {
    expect(await background.tabs.warningInfo(warningSenderAt(5, LISTED, 3))).toEqual({
      status: 'framed',
    });
    await expect(
      background.tabs.warningContinue('always', warningSenderAt(5, LISTED, 3)),
    ).rejects.toThrow('warning-framed');
    expect(await getAllowlist()).toEqual([]);
  });
});

describe('tabs the pre-load rule missed', () => {
  it('sends a tab that loaded a listed site to the warning page', async () => {
    expect(await background.tabs.onNavigationCommitted(5, LISTED)).toBe(true);
    expect(platform.tabs.updates.at(-1)).toEqual({
      tabId: 5,
      url: `${ORIGIN}/warning.html#${LISTED}`,
    });
    expect(await background.tabs.onNavigationCommitted(5, 'https://fine.example/')).toBe(false);
  });

  it('checks tabs restored at start-up', async () => {
    platform.tabs.tabs.set(1, LISTED);
    platform.tabs.tabs.set(2, 'https://fine.example/');
    platform.tabs.tabs.set(3, 'chrome://newtab/');
    await composeBackground(platform, defaultCatalog(null)).lifecycle.onStartup();
    expect(platform.tabs.updates).toEqual([{ tabId: 1, url: `${ORIGIN}/warning.html#${LISTED}` }]);
  });

  it('titles the badge in the browser language', async () => {
    const jaPlatform = fakePlatform({ uiLanguage: 'ja' });
    const bg = composeBackground(jaPlatform, defaultCatalog(null));
    await bg.tabs.onNavigationCommitted(2, 'https://fine.example/');
    expect(jaPlatform.badges.get(2)).toEqual({
      text: '',
      color: '#2e7d32',
      title: 'くすりガード：このサイトに警告はありません',
    });
  });
});
