// Links to listed sites: a page that mentions medicines and links to a site a block-level list
// names gets the banner, with the linked hosts as the reason; the content script's collector, the
// message schema, the lookups (own site, allowed and licensed sites, warn-only lists, hosts that
// are not domain names, the lookup cap), the level it raises, and the sentence in both languages.
import { beforeEach, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { collectStructure, STRUCTURE_LIMITS } from '../../utils/content/structure';
import { StructureSchema } from '../../utils/page/handlers';
import { LISTED_LINKS_LIMITS, listedLinks, withListedLinks } from '../../utils/page/listed-links';
import type { ListHit, ListLookup } from '../../utils/verdicts/list-index';
import type { DetectedPage } from '../../utils/detector/model-score';
import type { PageReason } from '../../utils/verdicts/model';
import { renderReason } from '../../utils/verdicts/render';
import type { Background } from '../../utils/background/root';
import { contentSender, pageSender, type TestPlatform } from './fakes';
import { installedBackground } from './installed';

// linkedom parses links but has no URL parts on them; the browser's anchor has hostname.
function withHostnames(html: string): Document {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const a of Array.from(document.querySelectorAll('a[href]'))) {
    let host = '';
    try {
      host = new URL(a.getAttribute('href')!, 'https://page.example/').hostname;
    } catch {
      // an unparsable href has no host
    }
    Object.defineProperty(a, 'hostname', { value: host });
  }
  return document as unknown as Document;
}

describe('the content script collects the hosts links lead to', () => {
  it('distinct, in document order, without the empty host of mailto: links', () => {
    const s = collectStructure(
      withHostnames(
        [
          '<a href="https://shop.example.com/a">Shop</a>',
          '<a href="/about">About</a>',
          '<a href="https://shop.example.com/b">Shop again</a>',
          '<a href="mailto:info@page.example">Mail</a>',
          '<a href="https://XN--Kcrx77d1x4a.example/">IDN</a>',
        ].join(''),
      ),
    );
    expect(s.hosts).toEqual(['shop.example.com', 'page.example', 'xn--kcrx77d1x4a.example']);
    expect(StructureSchema.safeParse(s).success).toBe(true);
  });

  it('never sends more hosts than link texts, and skips links without a hostname (SVG)', () => {
    const many = Array.from(
      { length: 200 },
      (_, i) => `<a href="https://h${i}.example/">link ${i}</a>`,
    ).join('');
    const s = collectStructure(withHostnames(many));
    expect(s.hosts).toHaveLength(STRUCTURE_LIMITS.links);
    expect(StructureSchema.safeParse(s).success).toBe(true);
    // An SVG <a> matches a[href] but has no hostname: an undefined in the array would make the
    // background refuse the whole page check.
    const svg = parseHTML(
      '<!doctype html><html><body><svg><a href="https://svg.example/"><text>x</text></a></svg></body></html>',
    ).document as unknown as Document;
    expect(collectStructure(svg).hosts).toEqual([]);
  });

  it('the schema refuses more than 80 hosts; a too-long host or a non-string reads as none', () => {
    const base = { links: [], footer: '' };
    expect(StructureSchema.safeParse({ ...base, hosts: ['a.example'] }).success).toBe(true);
    expect(StructureSchema.safeParse(base).success).toBe(true); // an older content script
    for (const hosts of [Array(STRUCTURE_LIMITS.links + 1).fill('a.example'), 'a.example'])
      expect(StructureSchema.safeParse({ ...base, hosts }).success).toBe(false);
    // The browser reports a link's host of any length: one long link must not refuse the
    // whole page check (that would switch the detector off on the page).
    expect(
      StructureSchema.parse({ ...base, hosts: ['a'.repeat(300) + '.com', null, 'b.example'] })
        .hosts,
    ).toEqual(['', '', 'b.example']);
  });
});

/** A lookup over a few listed hosts (exact host or a parent), each with its list's action. */
function fakeLists(
  listed: Record<string, 'block' | 'warn'>,
  licensed: string[] = [],
): ListLookup & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async lookup(host) {
      asked.push(host);
      const hits: ListHit[] = [];
      for (const [entry, action] of Object.entries(listed))
        if (host === entry || host.endsWith(`.${entry}`))
          hits.push({ listId: action, blocks: action === 'block' } as ListHit);
      return hits;
    },
    registrar: () => null,
    breachesFor: async () => [],
    licensedFor: async (host) =>
      licensed.includes(host)
        ? ({ domain: host } as unknown as Awaited<ReturnType<ListLookup['licensedFor']>>)
        : null,
  };
}

describe('which linked hosts count', () => {
  it('block-level entries and hosts under them, in the page order', async () => {
    const lists = fakeLists({ 'rogue.example': 'block', 'other-rogue.example': 'block' });
    expect(
      await listedLinks(
        'blog.example',
        ['www.rogue.example', 'nhs.uk', 'other-rogue.example', 'rogue.example'],
        lists,
        new Set(),
      ),
    ).toEqual(['www.rogue.example', 'other-rogue.example', 'rogue.example']);
  });

  it('not warn-only lists, the page’s own site, allowed sites or licensed sellers', async () => {
    const lists = fakeLists(
      {
        'keyword-list.example': 'warn',
        'blog.example': 'block',
        'allowed.example': 'block',
        'licensed.example': 'block',
      },
      ['licensed.example'],
    );
    expect(
      await listedLinks(
        'www.blog.example',
        ['keyword-list.example', 'shop.blog.example', 'allowed.example', 'licensed.example'],
        lists,
        new Set(['allowed.example']),
      ),
    ).toEqual([]);
    // The page's own site and the allowed site are not even looked up.
    expect(lists.asked).toEqual(['keyword-list.example', 'licensed.example']);
  });

  it('drops what is not a domain name, and reads a host in canonical form', async () => {
    const lists = fakeLists({ 'rogue.example': 'block' });
    const hostile = [
      '',
      '127.0.0.1',
      '[::1]',
      'localhost',
      'com',
      'rogue .example',
      'ROGUE.example',
    ];
    expect(await listedLinks('blog.example', hostile, lists, new Set())).toEqual(['rogue.example']);
    expect(lists.asked).toEqual(['rogue.example']);
  });

  it(`looks up the hosts of ${LISTED_LINKS_LIMITS.sites} other sites at most, counted by site`, async () => {
    const lists = fakeLists({ 'shop.site5.example': 'block', 'late-rogue.example': 'block' });
    // 30 sites with two hosts each (share buttons, ads, a CDN), one repeated host, then a 31st
    // site that is listed, then a listed host of a site already counted.
    const hosts = [
      ...Array.from({ length: 30 }, (_, i) => [
        `www.site${i}.example`,
        `cdn.site${i}.example`,
      ]).flat(),
      'www.site3.example',
      'late-rogue.example',
      'shop.site5.example',
    ];
    expect(await listedLinks('blog.example', hosts, lists, new Set())).toEqual([
      'shop.site5.example',
    ]);
    expect(lists.asked).toHaveLength(61);
    expect(lists.asked).not.toContain('late-rogue.example');
  });
});

describe('the page’s level', () => {
  const page = (level: DetectedPage['level'], score: number): DetectedPage => ({
    level,
    score,
    signals: [{ code: 'info', weight: -12, evidence: 'news', terms: ['news'] }],
  });

  it('raises a quiet, a caution or an unscored page to warning, the hosts first in the reasons', () => {
    for (const before of [page('none', 5), page('caution', 30), null]) {
      const after = withListedLinks(before, ['rogue.example', 'www.other.example'])!;
      expect(after.level).toBe('warning');
      expect(after.score).toBe(40);
      expect(after.signals[0]).toMatchObject({
        code: 'listed-links',
        evidence: 'rogue.example www.other.example',
        terms: ['rogue.example', 'www.other.example'],
      });
      expect(after.signals.slice(1)).toEqual(before?.signals ?? []);
    }
  });

  it('keeps a danger page’s level, score and strongest reason, and changes nothing without listed links', () => {
    const danger = page('danger', 90);
    const after = withListedLinks(danger, ['rogue.example'])!;
    expect(after).toMatchObject({ level: 'danger', score: 90 });
    expect(after.signals.map((s) => s.code)).toEqual(['info', 'listed-links']);
    expect(withListedLinks({ ...danger, signals: [] }, ['rogue.example'])!.signals).toHaveLength(1);
    expect(withListedLinks(danger, [])).toBe(danger);
    expect(withListedLinks(null, [])).toBeNull();
  });
});

describe('the reason in both languages', () => {
  const reason = (hosts: string[]): PageReason => ({
    group: 'page',
    code: 'page.listed-links',
    level: 'warning',
    weight: 25,
    evidence: hosts.join(' '),
  });

  it('names three hosts in the sentence (IDN shown in Unicode) and the others below it', () => {
    const idn = new URL('https://薬局.example/').hostname; // the ASCII form links carry
    const hosts = ['a.example', idn, 'c.example', 'd.example', 'e.example'];
    const e = renderReason('en', reason(hosts));
    expect(e.title).toBe('Links to sites on a block list: a.example, 薬局.example, c.example');
    expect(e.details).toEqual(['Also links to 2 more sites on a block list: d.example, e.example']);
    expect(renderReason('en', reason(hosts.slice(0, 4))).details).toEqual([
      'Also links to 1 more site on a block list: d.example',
    ]);
    const j = renderReason('ja', reason(hosts));
    expect(j.title).toBe(
      'ブロックリストに載っているサイトへのリンクがあります：a.example、薬局.example、c.example',
    );
    expect(j.details).toEqual([
      'ほかにも、ブロックリストに載っているサイト2件へのリンクがあります：d.example、e.example',
    ]);
    expect(renderReason('en', reason(['a.example'])).details).toEqual([]);
  });
});

describe('in the background, with the packaged lists', () => {
  let platform: TestPlatform;
  let background: Background;
  // Mentions medicines (so the content script sends it) and scores quiet on its own.
  const QUIET = 'A blog post about gardening and medicine cabinets.';
  const ROGUE_TEXT =
    '処方箋不要でカマグラゴールドをお届けします。個人輸入代行。お支払いはJCBのみ。カートに入れる';
  const sample = { title: '', meta: '', headings: '', text: QUIET };
  // 247rxpill.in: the project's list (block level, an FDA warning letter). 0rx.ru: the Block
  // List Project list (warn level, built from keywords).
  const check = (url: string, hosts: string[], tabId = 7) =>
    background.handleMessage(
      { type: 'page.check', url, sample, structure: { links: [], footer: '', hosts } },
      contentSender(url, tabId),
    );

  beforeEach(async () => {
    ({ platform, background } = await installedBackground());
  });

  it('a page linking to a listed shop gets the banner with the shop as the reason', async () => {
    expect(await check('https://quiet-blog.example/post', ['www.nhs.uk'])).toEqual({
      ok: true,
      data: { banner: null, notice: null },
    });
    const response = await check('https://quiet-blog.example/post', [
      'www.nhs.uk',
      'www.247rxpill.in',
    ]);
    expect(response).toMatchObject({ ok: true, data: { banner: { level: 'warning' } } });
    if (!response.ok) return;
    const banner = (response.data as { banner: { title: string; reasons: string[] } }).banner;
    // Not "this page looks like a rogue pharmacy": it sends readers to one.
    expect(banner.title).toBe('This page sends you to sites on a block list');
    expect(banner.reasons[0]).toBe('Links to sites on a block list: www.247rxpill.in');
    platform.tabs.tabs.set(7, 'https://quiet-blog.example/post');
    const verdict = await background.verdicts.verdictForTab(7);
    expect(verdict.page?.level).toBe('warning');
    expect(verdict.reasons.find((r) => r.code === 'page.listed-links')).toMatchObject({
      evidence: 'www.247rxpill.in',
    });
  });

  it('not for a warn-level list, nor once the user allowed the linked site', async () => {
    expect(await check('https://quiet-blog.example/a', ['0rx.ru'])).toMatchObject({
      data: { banner: null },
    });
    const added = await background.handleMessage(
      { type: 'allowlist.add', site: '247rxpill.in' },
      pageSender('/popup.html'),
    );
    expect(added).toMatchObject({ ok: true });
    expect(await check('https://quiet-blog.example/b', ['247rxpill.in'], 8)).toMatchObject({
      data: { banner: null },
    });
  });

  it('a page the detector warns on keeps its own title, and gains the reason', async () => {
    const url = 'https://unlisted-rogue.example/item';
    const response = await background.handleMessage(
      {
        type: 'page.check',
        url,
        sample: { ...sample, text: ROGUE_TEXT },
        structure: { links: [], footer: '', hosts: ['247rxpill.in'] },
      },
      contentSender(url, 11),
    );
    expect(response).toMatchObject({
      ok: true,
      data: { banner: { level: 'danger', title: 'This page looks like a rogue online pharmacy' } },
    });
    if (!response.ok) return;
    expect((response.data as { banner: { reasons: string[] } }).banner.reasons[1]).toBe(
      'Links to sites on a block list: 247rxpill.in',
    );
  });

  it('one over-long link does not switch the check off, and a list that fails costs only the reason', async () => {
    const long = `${'a'.repeat(300)}.com`;
    expect(await check('https://quiet-blog.example/long', [long, '247rxpill.in'])).toMatchObject({
      ok: true,
      data: { banner: { reasons: ['Links to sites on a block list: 247rxpill.in'] } },
    });
    // The linked host's lookup fails (a chunk unreadable); the page's own lookups still work.
    const lists = background.lists;
    const original = lists.lookupIndex.bind(lists);
    lists.lookupIndex = async (): Promise<ListLookup> => {
      const index = await original();
      return {
        lookup: (host) =>
          host === '247rxpill.in'
            ? Promise.reject(new Error('storage failing'))
            : index.lookup(host),
        registrar: (id) => index.registrar(id),
        breachesFor: (site) => index.breachesFor(site),
        licensedFor: (host) => index.licensedFor(host),
      };
    };
    expect(await check('https://quiet-blog.example/fail', ['247rxpill.in'], 12)).toEqual({
      ok: true,
      data: { banner: null, notice: null },
    });
  });

  it('looks nothing up on a site the user allowed', async () => {
    const asked: string[] = [];
    const lists = background.lists;
    const original = lists.lookupIndex.bind(lists);
    lists.lookupIndex = async (): Promise<ListLookup> => {
      const index = await original();
      return {
        lookup: (host) => (asked.push(host), index.lookup(host)),
        registrar: (id) => index.registrar(id),
        breachesFor: (site) => index.breachesFor(site),
        licensedFor: (host) => index.licensedFor(host),
      };
    };
    await check('https://quiet-blog.example/post', ['247rxpill.in']);
    expect(asked).toContain('247rxpill.in');
    asked.length = 0;
    await background.handleMessage(
      { type: 'allowlist.add', site: 'quiet-blog.example' },
      pageSender('/popup.html'),
    );
    expect(await check('https://quiet-blog.example/post', ['247rxpill.in'])).toEqual({
      ok: true,
      data: { banner: null, notice: null },
    });
    expect(asked).not.toContain('247rxpill.in');
  });

  it('does not make the linking page evidence against the rest of its site', async () => {
    await check('https://quiet-blog.example/post', ['247rxpill.in']);
    const other = await background.handleMessage(
      { type: 'page.check', url: 'https://quiet-blog.example/other', sample },
      contentSender('https://quiet-blog.example/other', 9),
    );
    expect(other).toEqual({ ok: true, data: { banner: null, notice: null } });
  });
});
