// The worker's two scripts (utils/background/core.ts, rest.ts): a waking worker answers the first
// verdict, the warning page and navigation checks from the first script alone; everything else
// waits for the rest, composed on the same services; and a change announced before the rest is
// composed still reaches the pre-load rules.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { composeBackground } from '../../utils/background/root';
import { composeCore, isCoreMessage, type Core } from '../../utils/background/core';
import { composeRest, type Rest } from '../../utils/background/rest';
import { defaultCatalog } from '../../utils/lists/catalog';
import { importByFormatYielding } from '../../utils/lists/import';
import { t } from '../../utils/i18n';
import { createRdapNetwork } from '../../utils/intel/rdap-network';
import { fakePlatform, pageSender, contentSender, type TestPlatform } from './fakes';
import { ListIndex, ProbeIndex, type ListLookup } from '../../utils/verdicts/list-index';

const LISTED = 'https://www.joa2020.jp/';

let platform: TestPlatform;
beforeEach(() => {
  platform = fakePlatform();
});

/** A new worker life: the first script composed, the rest only when asked for (and counted). */
function wake(options: { importer?: boolean; network?: boolean } = {}) {
  const loads = { rest: 0, importer: 0, titles: 0, network: 0 };
  let rest: Rest | null = null;
  const core: Core = composeCore(platform, {
    catalog: defaultCatalog(null),
    importer: async () => {
      loads.importer += 1;
      if (options.importer === false) throw new Error('the importers were loaded');
      return importByFormatYielding;
    },
    rdapNetwork: async () => {
      loads.network += 1;
      if (options.network === false) throw new Error('the network side was not loaded');
      return createRdapNetwork;
    },
    restLoaded: () => rest !== null,
    loadRest: async () => {
      loads.rest += 1;
      rest ??= composeRest(core);
    },
    badgeTitle: async (lang, key) => {
      loads.titles += 1;
      return t(lang, key);
    },
  });
  return { core, loads, rest: () => rest };
}

describe('a worker whose lists were never installed (killed during onInstalled)', () => {
  it('answers from the lists it installs, not from the index prepare() read before', async () => {
    const { core, loads } = wake();
    core.prepare();
    // The index read before the install check: no lists in it.
    const early = await core.lists.lookupIndex();
    expect(await early.lookup('www.joa2020.jp')).toEqual([]);
    platform.tabs.tabs.set(4, LISTED);
    const verdict = await core.handleCoreMessage(
      { type: 'verdict.get', tabId: 4 },
      pageSender('/popup.html'),
    );
    expect(verdict).toMatchObject({ ok: true, data: { level: 'danger', site: 'joa2020.jp' } });
    expect(loads.importer).toBeGreaterThan(0);
  });
});

describe('a woken worker', () => {
  beforeEach(async () => {
    // An installed extension: lists and rules stored by an earlier life of the worker.
    await composeBackground(platform, defaultCatalog(null)).lifecycle.onInstalled();
  });

  it('answers the popup and the warning page without the rest or the importers', async () => {
    const { core, loads } = wake({ importer: false });
    platform.tabs.tabs.set(4, LISTED);
    const verdict = await core.handleCoreMessage(
      { type: 'verdict.get', tabId: 4 },
      pageSender('/popup.html'),
    );
    expect(verdict).toMatchObject({ ok: true, data: { level: 'danger', site: 'joa2020.jp' } });
    await core.tabs.onNavigationStarting(9, LISTED);
    platform.tabs.tabs.set(9, `${platform.extensionUrl('/warning.html')}#${LISTED}`);
    const info = await core.handleCoreMessage(
      { type: 'block.info' },
      { ...pageSender(`/warning.html#${LISTED}`, 9), frameId: 0 },
    );
    expect(info).toMatchObject({ ok: true, data: { status: 'listed', site: 'joa2020.jp' } });
    // The registrar cache was read; the network side (RDAP client, bootstrap) was not loaded.
    expect(loads).toMatchObject({ rest: 0, importer: 0, network: 0 });
  });

  it('composes without reading the public suffix rules; the first verdict reads them once', async () => {
    // Fresh modules: a worker's life starts with none of them evaluated.
    vi.resetModules();
    const psl = await import('../../utils/core/psl');
    const fresh = await import('../../utils/background/core');
    const core = fresh.composeCore(platform, {
      catalog: defaultCatalog(null),
      importer: async () => importByFormatYielding,
      rdapNetwork: async () => createRdapNetwork,
      restLoaded: () => true,
      loadRest: async () => undefined,
      badgeTitle: async () => '',
    });
    expect(psl.pslTreesRead()).toBe(false);
    platform.tabs.tabs.set(4, 'https://shop.example.co.uk/');
    const verdict = await core.handleCoreMessage(
      { type: 'verdict.get', tabId: 4 },
      pageSender('/popup.html'),
    );
    expect(verdict).toMatchObject({ ok: true, data: { site: 'example.co.uk' } });
    expect(psl.pslTreesRead()).toBe(true);
  });

  it('prepares before its first event: the database opening and its reads, nothing else loaded or read on the thread', async () => {
    vi.resetModules();
    const psl = await import('../../utils/core/psl');
    const fresh = await import('../../utils/background/core');
    const marks = await import('../../utils/core/wake-marks');
    const loads = { rest: 0, importer: 0 };
    const core = fresh.composeCore(platform, {
      catalog: defaultCatalog(null),
      importer: async () => {
        loads.importer += 1;
        return importByFormatYielding;
      },
      rdapNetwork: async () => {
        throw new Error('the network side was loaded');
      },
      restLoaded: () => false,
      loadRest: async () => {
        loads.rest += 1;
      },
      badgeTitle: async () => '',
    });
    const global = globalThis as unknown as Record<string, [string, number][] | undefined>;
    global[marks.WAKE_MARKS_GLOBAL] = [];
    expect(psl.pslTreesRead()).toBe(false);
    core.prepare();
    // Only requests: the public suffix rules are not read before the event (that work held the
    // event back), the verdict reads them while the browser answers about the tab.
    expect(psl.pslTreesRead()).toBe(false);
    expect(global[marks.WAKE_MARKS_GLOBAL]!.map(([label]) => label)).toEqual(['database opening']);
    // Then, still before any event, the reads every verdict makes: the lists' index as a first
    // lookup reads it (the lists' records and small parts), the allowlist and the dismissals.
    const labelsNow = () => global[marks.WAKE_MARKS_GLOBAL]!.map(([label]) => label);
    await vi.waitFor(() => expect(labelsNow()).toContain('index: lists read'));
    expect(labelsNow()).not.toContain('lists ready');
    platform.tabs.tabs.set(4, LISTED);
    const verdict = await core.handleCoreMessage(
      { type: 'verdict.get', tabId: 4 },
      pageSender('/popup.html'),
    );
    expect(verdict).toMatchObject({ ok: true, data: { level: 'danger', site: 'joa2020.jp' } });
    expect(psl.pslTreesRead()).toBe(true);
    // The verdict used the connection prepare() started: the database was opened once; and the
    // index prepare() read: the lists' records were read for it once.
    const labels = global[marks.WAKE_MARKS_GLOBAL]!.map(([label]) => label);
    expect(labels.filter((l) => l === 'database opening')).toHaveLength(1);
    expect(labels.filter((l) => l === 'index: list records')).toHaveLength(1);
    expect(labels).toContain('verdict');
    expect(loads).toEqual({ rest: 0, importer: 0 });
  });

  it('asks for the lists before the browser has answered about the tab', async () => {
    const { core } = wake({ importer: false });
    platform.tabs.tabs.set(4, LISTED);
    const installCheck = vi.spyOn(core.lists, 'installBundled');
    let answerTab!: () => void;
    const tabAnswered = new Promise<void>((resolve) => (answerTab = resolve));
    const get = platform.tabs.get.bind(platform.tabs);
    platform.tabs.get = async (tabId: number) => {
      await tabAnswered;
      return get(tabId);
    };
    const verdict = core.handleCoreMessage(
      { type: 'verdict.get', tabId: 4 },
      pageSender('/popup.html'),
    );
    // The tab's address is not known yet, the lists' install check is under way.
    await vi.waitFor(() => expect(installCheck).toHaveBeenCalledTimes(1));
    answerTab();
    expect(await verdict).toMatchObject({
      ok: true,
      data: { level: 'danger', site: 'joa2020.jp' },
    });
    expect(installCheck).toHaveBeenCalledTimes(1);
  });

  it("reads the page's score beside the lists and the registrar cache, not before them", async () => {
    const { core } = wake({ importer: false });
    platform.tabs.tabs.set(4, LISTED);
    const cacheRead = vi.spyOn(core.intel, 'lookup');
    let answerScore!: () => void;
    const scoreAnswered = new Promise<void>((resolve) => (answerScore = resolve));
    const get = core.pageScores.get.bind(core.pageScores);
    vi.spyOn(core.pageScores, 'get').mockImplementation(async (...args) => {
      await scoreAnswered;
      return get(...args);
    });
    const verdict = core.handleCoreMessage(
      { type: 'verdict.get', tabId: 4 },
      pageSender('/popup.html'),
    );
    await vi.waitFor(() => expect(cacheRead).toHaveBeenCalledTimes(1));
    answerScore();
    expect(await verdict).toMatchObject({
      ok: true,
      data: { level: 'danger', site: 'joa2020.jp' },
    });
  });

  it('asks the lists about the host before the registrar cache has answered', async () => {
    const { core } = wake({ importer: false });
    platform.tabs.tabs.set(4, LISTED);
    let answerCache!: () => void;
    const cacheAnswered = new Promise<void>((resolve) => (answerCache = resolve));
    const lookup = core.intel.lookup.bind(core.intel);
    vi.spyOn(core.intel, 'lookup').mockImplementation(async (...args) => {
      await cacheAnswered;
      return lookup(...args);
    });
    const asked: string[] = [];
    for (const index of [ProbeIndex.prototype, ListIndex.prototype]) {
      const original = index.lookup;
      vi.spyOn(index, 'lookup').mockImplementation(function (this: ListLookup, host: string) {
        asked.push(host);
        return original.call(this, host);
      });
    }
    const verdict = core.handleCoreMessage(
      { type: 'verdict.get', tabId: 4 },
      pageSender('/popup.html'),
    );
    // The host's entries in the lists are asked for while the registrar cache is held back.
    await vi.waitFor(() => expect(asked).toContain('www.joa2020.jp'));
    answerCache();
    expect(await verdict).toMatchObject({
      ok: true,
      data: { level: 'danger', site: 'joa2020.jp' },
    });
    // Asked once: the verdict got the answer asked for early.
    expect(asked.filter((host) => host === 'www.joa2020.jp')).toHaveLength(1);
  });

  it('checks a navigation and shows the badge with its title; only the title text is loaded', async () => {
    const { core, loads } = wake({ importer: false });
    platform.tabs.tabs.set(5, 'https://joa2020.jp/shop');
    await core.tabs.onNavigationCommitted(5, 'https://joa2020.jp/shop');
    expect(platform.badges.get(5)).toMatchObject({ text: '!', color: '#c62828' });
    expect(platform.badges.get(5)?.title).toBe(t('en', 'badge.title.danger'));
    expect(loads).toMatchObject({ rest: 0, importer: 0, titles: 1, network: 0 });
  });

  it('loads the network side of the registrar lookups only for a lookup that may go out, once', async () => {
    const { core, loads } = wake({ importer: false });
    const url = 'https://rdap.verisign.com/com/v1/domain/looked-up.com';
    platform.net.route(url, () => new Response('{}', { status: 404 }));
    // A cache-only lookup, and an automatic one with automatic lookups off: no network side.
    expect(await core.intel.lookup('looked-up.com', 'cache-only', true)).toMatchObject({
      result: null,
    });
    expect(await core.intel.lookup('looked-up.com', 'automatic', false)).toMatchObject({
      result: null,
    });
    expect(loads.network).toBe(0);
    // The user asked: loaded, and the registry asked.
    expect(await core.intel.lookup('looked-up.com', 'explicit', false)).toMatchObject({
      result: { status: 'not-found' },
    });
    expect(await core.intel.lookup('other-site.com', 'explicit', false)).toMatchObject({
      result: { status: 'not-found' },
    });
    expect(loads.network).toBe(1);
    expect(platform.net.count(url)).toBe(1);
  });

  it('tries a network side that failed to load again on the next lookup', async () => {
    let fail = true;
    const core = composeCore(platform, {
      catalog: defaultCatalog(null),
      importer: async () => importByFormatYielding,
      rdapNetwork: async () => {
        if (fail) throw new Error('the second script is missing');
        return createRdapNetwork;
      },
      restLoaded: () => true,
      loadRest: async () => undefined,
      badgeTitle: async () => '',
    });
    platform.net.route(
      'https://rdap.verisign.com/com/v1/domain/retried.com',
      () => new Response('{}', { status: 404 }),
    );
    await expect(core.intel.lookup('retried.com', 'explicit', false)).rejects.toThrow(
      'the second script is missing',
    );
    fail = false;
    expect(await core.intel.lookup('retried.com', 'explicit', false)).toMatchObject({
      result: { status: 'not-found' },
    });
  });

  it('keeps the same checks on who may ask: a content script gets no verdict', async () => {
    const { core } = wake();
    expect(
      await core.handleCoreMessage({ type: 'verdict.get', tabId: 1 }, contentSender(LISTED, 5)),
    ).toEqual({ ok: false, error: 'forbidden' });
    expect(
      await core.handleCoreMessage(
        { type: 'verdict.get', tabId: 'one' },
        pageSender('/popup.html'),
      ),
    ).toEqual({ ok: false, error: 'bad-request' });
  });
});

describe('what the first script answers', () => {
  it('is reads only: whatever changes lists, decisions or settings goes to the rest', () => {
    expect(isCoreMessage({ type: 'verdict.get', tabId: 1 })).toBe(true);
    expect(isCoreMessage({ type: 'block.info' })).toBe(true);
    for (const message of [
      { type: 'block.continue', mode: 'always' },
      { type: 'allowlist.add', site: 'example.com' },
      { type: 'lists.get' },
      { type: 'page.check', url: LISTED },
      { type: 'settings.set', patch: {} },
      { type: 'toString' },
      { type: 42 },
      null,
      'verdict.get',
    ])
      expect(isCoreMessage(message), JSON.stringify(message)).toBe(false);
  });
});

describe('a change announced before the rest is composed', () => {
  it('loads the rest first, so the pre-load rules follow it', async () => {
    // A fresh profile whose worker was stopped during onInstalled: no lists, no rules.
    const { core, loads, rest } = wake();
    await core.listsInstalled.get();
    expect(loads.importer).toBeGreaterThan(0);
    expect(platform.dnr.dynamic).toEqual([]);
    await core.lists.changed();
    expect(loads.rest).toBe(1);
    expect(rest()).not.toBeNull();
    expect(platform.dnr.dynamic.some((r) => r.action.type === 'redirect')).toBe(true);
    // Composed once: the next change reuses it.
    await core.lists.changed();
    expect(loads.rest).toBe(1);
  });

  it('shares one set of services: a site allowed through the rest is allowed in the first script', async () => {
    await composeBackground(platform, defaultCatalog(null)).lifecycle.onInstalled();
    const { core } = wake();
    // What the second script composes on the first one's services.
    const full = composeRest(core);
    const added = await full.handleMessage(
      { type: 'allowlist.add', site: 'joa2020.jp' },
      pageSender('/options.html'),
    );
    expect(added).toMatchObject({ ok: true });
    platform.tabs.tabs.set(4, LISTED);
    const verdict = await core.handleCoreMessage(
      { type: 'verdict.get', tabId: 4 },
      pageSender('/popup.html'),
    );
    expect(verdict).toMatchObject({ ok: true, data: { allowlisted: true } });
  });
});
