// Lists that disagree about one host (issue 13, "Bad input"): a block-level list against a
// warn-level list, the user's allowlist against a list, the cap with "and N more", and a
// million-domain list compared through the smaller side only.
import { describe, expect, it, vi } from 'vitest';
import { composeBackground } from '../../utils/background/root';
import { defaultCatalog } from '../../utils/lists/catalog';
import type { Disagreements } from '../../utils/lists/disagreements';
import { fakePlatform, pageSender } from './fakes';
import { findDisagreements } from '../../utils/lists/disagreements';
import type { AllowEntry } from '../../utils/decisions/allowlist';
import { ListIndex, listDataFromContent, type ListData } from '../../utils/verdicts/list-index';
import { t } from '../../utils/i18n';
import { listContent } from './list-fixture';
import { disagreeingLists } from '../../components/popup/disagreeing-lists';
import { disagreementsVersion } from '../../utils/lists/disagreements-cache';
import type { ListRecord } from '../../utils/lists/record';
import { readKv, writeKv } from '../../utils/core/kv';
import { z } from '../../utils/core/zod';

const noPause = () => Promise.resolve();
const allow = (site: string): AllowEntry => ({ site, addedAt: 1, listedAs: null, via: 'options' });

describe('findDisagreements', () => {
  it('shows a host that one list blocks and another only warns on, with both lists', async () => {
    const index = ListIndex.fromContents([
      {
        id: 'project',
        action: 'block',
        content: listContent('project', ['a.example', 'both.example']),
      },
      {
        id: 'keywords',
        action: 'warn',
        content: listContent('keywords', ['both.example', 'c.example']),
      },
    ]);
    const found = await findDisagreements(index, [], { pause: noPause });
    expect(found.rows).toEqual([
      {
        host: 'both.example',
        lists: [
          {
            id: 'project',
            title: { ja: 'project', en: 'project' },
            listed: 'both.example',
            blocks: true,
          },
          {
            id: 'keywords',
            title: { ja: 'keywords', en: 'keywords' },
            listed: 'both.example',
            blocks: false,
          },
        ],
      },
    ]);
    expect(found.more).toBe(0);
  });

  it('finds a warned host under a blocked parent, and nothing when lists agree', async () => {
    const index = ListIndex.fromContents([
      {
        id: 'big',
        action: 'block',
        content: listContent('big', ['evil.example', 'x.example', 'y.example']),
      },
      { id: 'small', action: 'warn', content: listContent('small', ['shop.evil.example']) },
      { id: 'other', action: 'block', content: listContent('other', ['x.example']) },
    ]);
    const found = await findDisagreements(index, [], { pause: noPause });
    expect(
      found.rows.map((r) => [r.host, r.lists.map((l) => `${l.id}:${l.listed}:${l.blocks}`)]),
    ).toEqual([['shop.evil.example', ['big:evil.example:true', 'small:shop.evil.example:false']]]);
    // Two block-level lists naming x.example agree: not a disagreement.
    expect(found.rows.some((r) => r.host === 'x.example')).toBe(false);
  });

  it('does not count a breach-category entry of a block-level list as blocking', async () => {
    const index = ListIndex.fromContents([
      {
        id: 'breaches',
        action: 'block',
        content: listContent('breaches', ['leaky.example'], { domainCategory: 'breached-service' }),
      },
      { id: 'keywords', action: 'warn', content: listContent('keywords', ['leaky.example']) },
    ]);
    expect((await findDisagreements(index, [], { pause: noPause })).rows).toEqual([]);
  });

  it('shows a site the user allowed that a block list names, and ignores allowed sites no list names', async () => {
    const index = ListIndex.fromContents([
      { id: 'project', action: 'block', content: listContent('project', ['www.mine.example']) },
      { id: 'keywords', action: 'warn', content: listContent('keywords', ['other.example']) },
    ]);
    const found = await findDisagreements(index, [allow('mine.example'), allow('clean.example')], {
      pause: noPause,
    });
    expect(found.rows).toEqual([
      {
        host: 'mine.example',
        allowed: { site: 'mine.example', addedAt: 1 },
        lists: [
          {
            id: 'project',
            title: { ja: 'project', en: 'project' },
            listed: 'www.mine.example',
            blocks: true,
          },
        ],
      },
    ]);
  });

  it('keeps at most `cap` rows and counts the rest ("and N more")', async () => {
    const hosts = Array.from({ length: 57 }, (_, i) => `shared${i}.example`);
    const index = ListIndex.fromContents([
      { id: 'a', action: 'block', content: listContent('a', hosts) },
      { id: 'b', action: 'warn', content: listContent('b', hosts) },
    ]);
    const found = await findDisagreements(index, [allow('shared0.example')], {
      cap: 50,
      pause: noPause,
    });
    expect(found.rows).toHaveLength(50);
    // The allowed site is one row, every shared host another (the allowed one appears twice: as
    // the user's choice and as two lists disagreeing).
    expect(found.more).toBe(58 - 50);
    expect(found.rows[0]!.allowed?.site).toBe('shared0.example');
    expect(new Set(found.rows.slice(1).map((r) => r.host)).size).toBe(49);
    expect(t('en', 'options.disagree.more', { count: found.more })).toBe('and 8 more sites');
    expect(t('en', 'options.disagree.more', { count: 1 })).toBe('and 1 more site');
    expect(t('ja', 'options.disagree.more', { count: 8 })).toBe('ほかに 8 件');
  });

  it('compares a 1M-domain block list with a small warn list through the small side only', async () => {
    const million = Array.from({ length: 1_000_000 }, (_, i) => `m${i}.example`);
    const big = listDataFromContent({
      id: 'big',
      action: 'block',
      content: listContent('big', million),
    });
    const reads: number[] = [];
    const counted: ListData = { ...big, chunk: (no) => (reads.push(no), big.chunk(no)) };
    const small = listDataFromContent({
      id: 'small',
      action: 'warn',
      content: listContent('small', ['m12.example', 'm999999.example', 'unlisted.example']),
    });
    let pauses = 0;
    const found = await findDisagreements(new ListIndex([counted, small]), [], {
      pause: async () => {
        pauses += 1;
      },
    });
    expect(found.rows.map((r) => r.host).sort()).toEqual(['m12.example', 'm999999.example']);
    // Bounded work: only the three hosts of the small list were compared, and the big list's
    // stored chunks were read only to confirm the two fingerprint hits.
    expect(found.compared).toBe(3);
    expect(reads.length).toBeLessThanOrEqual(2);
    expect(pauses).toBe(1);
  });

  it('walks the block side when it is the smaller one, yielding after every stored chunk', async () => {
    const many = Array.from({ length: 20_000 }, (_, i) => `w${i}.example`);
    const index = ListIndex.fromContents([
      { id: 'block', action: 'block', content: listContent('block', ['w5.example', 'w7.example']) },
      { id: 'warn', action: 'warn', content: listContent('warn', many) },
    ]);
    let pauses = 0;
    const found = await findDisagreements(index, [], {
      pause: async () => {
        pauses += 1;
      },
    });
    expect(found.compared).toBe(2);
    expect(found.rows.map((r) => r.host).sort()).toEqual(['w5.example', 'w7.example']);
    expect(pauses).toBe(1);
    // Walking the big side instead would pause once per chunk.
    expect(index.listSizes().map((l) => l.size)).toEqual([2, 20_000]);
  });
});

describe("the popup's line for the current site", () => {
  const index = ListIndex.fromContents([
    {
      id: 'project',
      action: 'block',
      content: listContent('project', ['both.example', 'b.example']),
    },
    { id: 'mirror', action: 'block', content: listContent('mirror', ['b.example']) },
    {
      id: 'keywords',
      action: 'warn',
      content: listContent('keywords', ['shop.both.example', 'w.example']),
    },
  ]);
  const reasons = async (host: string) => (await index.lookup(host)).map((h) => h.reason);

  it('names the blocking and the warning list when they disagree', async () => {
    expect(disagreeingLists(await reasons('shop.both.example'))).toEqual({
      blocking: [{ ja: 'project', en: 'project' }],
      warning: [{ ja: 'keywords', en: 'keywords' }],
    });
    expect(t('ja', 'popup.listsDisagree', { blocking: 'project', warning: 'keywords' })).toBe(
      'このサイトについてリストの扱いが食い違っています：「project」はブロック、「keywords」は警告のみです。',
    );
  });

  it('says nothing when the lists agree or only one names the site', async () => {
    expect(disagreeingLists(await reasons('b.example'))).toBeNull();
    expect(disagreeingLists(await reasons('w.example'))).toBeNull();
    expect(disagreeingLists([])).toBeNull();
  });
});

describe('the lists view (lists.get) on the options page', () => {
  it('returns two lists added by URL that name one host at block and warn level, and an allowed site a list names', async () => {
    const platform = fakePlatform();
    const background = composeBackground(platform, defaultCatalog(null));
    await background.lifecycle.onInstalled();
    const add = async (name: string, action: 'block' | 'warn', hosts: string[]) => {
      const url = `https://lists.example/${name}.txt`;
      platform.net.route(url, () => new Response(hosts.join('\n'), { status: 200 }));
      const result = await background.refresher.subscribe({ url, format: 'domains', action, name });
      expect(result.outcome).toBe('updated');
    };
    // The packaged lists disagree with each other too (the keyword list only warns on hosts the
    // project's list blocks).
    const first = await background.handleMessage(
      { type: 'lists.get' },
      pageSender('/options.html'),
    );
    if (!first.ok) throw new Error('lists.get failed');
    const packaged = first.data as { lists: { id: string }[]; disagreements: Disagreements };
    expect(packaged.disagreements.rows).toHaveLength(50);
    expect(packaged.disagreements.more).toBeGreaterThan(0);
    await add('strict', 'block', ['disputed-rx.example', 'only-strict.example', 'mine-rx.example']);
    await add('loose', 'warn', ['disputed-rx.example', 'only-loose.example']);
    const allowed = await background.handleMessage(
      { type: 'allowlist.add', site: 'mine-rx.example' },
      pageSender('/options.html'),
    );
    expect(allowed).toMatchObject({ ok: true, data: { added: true } });
    const view = await background.handleMessage({ type: 'lists.get' }, pageSender('/options.html'));
    if (!view.ok) throw new Error('lists.get failed');
    const { rows, more } = (view.data as { disagreements: Disagreements }).disagreements;
    // The lists added by URL come first, before the packaged lists' disagreements.
    expect(rows).toHaveLength(50);
    expect(more).toBe(packaged.disagreements.rows.length + packaged.disagreements.more + 2 - 50);
    const summary = rows.slice(0, 2).map((r) => ({
      host: r.host,
      allowed: r.allowed?.site ?? null,
      lists: r.lists.map((l) => `${l.title.en}:${l.blocks ? 'block' : 'warn'}`),
    }));
    expect(summary).toEqual([
      { host: 'mine-rx.example', allowed: 'mine-rx.example', lists: ['strict:block'] },
      { host: 'disputed-rx.example', allowed: null, lists: ['strict:block', 'loose:warn'] },
    ]);
  });
});

describe('the comparison is kept per version of the lists (issue 10 follow-up)', () => {
  const options = pageSender('/options.html');
  async function view(background: ReturnType<typeof composeBackground>): Promise<Disagreements> {
    const answer = await background.handleMessage({ type: 'lists.get' }, options);
    if (!answer.ok) throw new Error('lists.get failed');
    return (answer.data as { disagreements: Disagreements }).disagreements;
  }

  it('a second load, even by a new worker, does not walk the lists again; a list or allowlist change does', async () => {
    const walks = vi.spyOn(ListIndex.prototype, 'hostChunks');
    try {
      const platform = fakePlatform();
      const background = composeBackground(platform, defaultCatalog(null));
      await background.lifecycle.onInstalled();
      const first = await view(background);
      const walked = walks.mock.calls.length;
      expect(walked).toBeGreaterThan(0);
      expect(first.rows.length).toBeGreaterThan(0);

      // The options page opened again, then by a worker started afresh (nothing in memory).
      expect(await view(background)).toEqual(first);
      const restarted = composeBackground(platform, defaultCatalog(null));
      expect(await view(restarted)).toEqual(first);
      expect(walks.mock.calls.length).toBe(walked);

      // A list the user adds at warn level naming a host the project's list blocks.
      const blocked = first.rows
        .find((r) => r.lists.some((l) => l.blocks))!
        .lists.find((l) => l.blocks)!.listed;
      const url = 'https://lists.example/mine.txt';
      platform.net.route(url, () => new Response(`${blocked}\n`, { status: 200 }));
      const added = await restarted.refresher.subscribe({
        url,
        format: 'domains',
        action: 'warn',
        name: 'mine',
      });
      expect(added.outcome).toBe('updated');
      const afterList = await view(restarted);
      expect(walks.mock.calls.length).toBeGreaterThan(walked);
      expect(afterList.rows[0]!.lists.map((l) => l.title.en)).toContain('mine');

      // An allowed site is one side of a disagreement: the allowlist changes the version too.
      const walkedBefore = walks.mock.calls.length;
      await restarted.handleMessage({ type: 'allowlist.add', site: blocked }, options);
      const afterAllow = await view(restarted);
      expect(walks.mock.calls.length).toBeGreaterThan(walkedBefore);
      expect(afterAllow.rows[0]).toMatchObject({ host: blocked, allowed: { site: blocked } });
      // And unchanged again: stored.
      const walkedAfter = walks.mock.calls.length;
      expect(await view(restarted)).toEqual(afterAllow);
      expect(walks.mock.calls.length).toBe(walkedAfter);
    } finally {
      walks.mockRestore();
    }
  });

  it('a damaged stored comparison is computed again, not shown', async () => {
    const platform = fakePlatform();
    const background = composeBackground(platform, defaultCatalog(null));
    await background.lifecycle.onInstalled();
    const first = await view(background);
    const stored = (await readKv('disagreements', z.unknown(), null)) as { version: string };
    await writeKv('disagreements', z.unknown(), { version: stored.version, value: { rows: 7 } });
    expect(await view(composeBackground(platform, defaultCatalog(null)))).toEqual(first);
  });

  it('the version follows every input of the comparison', async () => {
    const record = (patch: Partial<ListRecord> = {}): ListRecord =>
      ({
        id: 'a',
        generation: 1,
        enabled: true,
        action: 'block',
        origin: 'bundled',
        confirmedHeld: [],
        status: {},
        ...patch,
      }) as unknown as ListRecord;
    const base = { records: [record()], userBlocks: [], allowlist: [] };
    const v = await disagreementsVersion(base);
    expect(await disagreementsVersion({ ...base, records: [record()] })).toBe(v);
    const changed = [
      { ...base, records: [record({ generation: 2 })] },
      { ...base, records: [record({ enabled: false })] },
      { ...base, records: [record({ action: 'warn' })] },
      { ...base, records: [record({ origin: 'custom' })] },
      { ...base, records: [record(), record({ id: 'b' })] },
      {
        ...base,
        userBlocks: [{ site: 'x.example', addedAt: 1, note: '', via: 'options' as const }],
      },
      { ...base, allowlist: [allow('x.example')] },
    ];
    const versions = await Promise.all(changed.map((c) => disagreementsVersion(c)));
    expect(new Set([v, ...versions]).size).toBe(changed.length + 1);
  });
});
