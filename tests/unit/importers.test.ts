import { describe, expect, it } from 'vitest';
import { importProjectList, importProjectListValue } from '../../utils/lists/import-json';
import { importDomainList } from '../../utils/lists/import-domains';
import { importHibpBreaches } from '../../utils/lists/import-hibp';
import { importUblacklist } from '../../utils/lists/import-ublacklist';
import { htmlToText } from '../../utils/lists/import-common';
import { MAX_LIST_BYTES, MAX_REJECTED_KEPT, type ListMeta } from '../../utils/lists/model';
import { bundledText } from '../../tools/lib/bundled-data';

const meta: ListMeta = {
  id: 'test-list',
  title: { ja: 'テスト', en: 'Test' },
  version: 1,
  updated: '2026-11-21',
  licence: 'CC0',
  attribution: [],
};

function site(domain: string, extra: Record<string, unknown> = {}) {
  return {
    domain,
    category: 'rogue-pharmacy',
    evidence: [{ source: { url: 'https://example.org/evidence' }, date: '2026-11' }],
    ...extra,
  };
}

function projectList(overrides: Record<string, unknown> = {}) {
  return {
    format: 'kusuri-guard-list',
    schemaVersion: 1,
    meta,
    sites: [site('b-shop.example'), site('a-shop.example')],
    registrars: [],
    breaches: [],
    ...overrides,
  };
}

describe('project JSON importer', () => {
  it('imports a good list, normalising and sorting hosts', () => {
    const result = importProjectList(
      JSON.stringify(projectList({ sites: [site('Shop.Example.'), site('ばいあぐら.example')] })),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.content.sites.map((s) => s.domain)).toEqual([
      'shop.example',
      'xn--l8jd1b8h6e.example',
    ]);
    expect(result.rejected).toEqual([]);
  });

  it('reports bad entries and keeps the good ones', () => {
    const result = importProjectList(
      JSON.stringify(
        projectList({
          sites: [
            site('good.example'),
            site('com'),
            site('not a host'),
            site('good.example'),
            { domain: 'no-evidence.example', category: 'rogue-pharmacy', evidence: [] },
            site('bad-category.example', { category: 'unknown' }),
            site('bad-date.example', {
              evidence: [{ source: { url: 'https://x.example/' }, date: '26/11/2026' }],
            }),
            site('js-url.example', {
              evidence: [{ source: { url: 'javascript:alert(1)' }, date: '2026' }],
            }),
            site('no-source.example', { evidence: [{ source: {}, date: '2026' }] }),
            42,
          ],
        }),
      ),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.content.sites.map((s) => s.domain)).toEqual(['good.example']);
    expect(result.rejected.map((r) => [r.where, r.reason])).toEqual([
      ['sites[1]', 'bare-tld'],
      ['sites[2]', 'invalid-host'],
      ['sites[3]', 'duplicate'],
      ['sites[4]', 'schema'],
      ['sites[5]', 'schema'],
      ['sites[6]', 'schema'],
      ['sites[7]', 'schema'],
      ['sites[8]', 'schema'],
      ['sites[9]', 'schema'],
    ]);
    expect(result.rejected[6]!.detail).toContain('evidence[0].source.url');
  });

  it.each([
    ['not JSON', 'this is not json', 'not-json'],
    ['truncated', JSON.stringify(projectList()).slice(0, 120), 'not-json'],
    ['empty', '   ', 'empty'],
    ['an HTML error page', '<!DOCTYPE html><html><body>502 Bad Gateway</body></html>', 'html-page'],
    ['binary', 'PK\u0003\u0004\u0000\u0000garbage', 'binary'],
    ['another format', JSON.stringify({ hello: 'world' }), 'wrong-format'],
    ['a JSON array', '[1,2,3]', 'wrong-format'],
    ['a newer schema version', JSON.stringify(projectList({ schemaVersion: 2 })), 'wrong-schema'],
    [
      'a bad meta',
      JSON.stringify(projectList({ meta: { ...meta, id: 'Bad Id' } })),
      'wrong-schema',
    ],
    ['no valid entry', JSON.stringify(projectList({ sites: [site('com')] })), 'no-entries'],
  ])('rejects %s without throwing', (_name, text, error) => {
    const result = importProjectList(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBe(error);
    expect(result.detail.length).toBeGreaterThan(0);
  });

  it('rejects a huge body before parsing it', () => {
    const huge = ' '.repeat(MAX_LIST_BYTES + 1);
    const result = importProjectList(huge);
    expect(result).toMatchObject({ ok: false, error: 'too-large' });
  });

  it('accepts values that are not objects without throwing', () => {
    for (const value of [null, undefined, 3, 'x', [], { format: 'kusuri-guard-list' }]) {
      expect(importProjectListValue(value).ok).toBe(false);
    }
  });
});

describe('plain domain and hosts importer', () => {
  const options = { meta, category: 'rogue-pharmacy' as const };

  it('reads plain domains with comments and blank lines', () => {
    const result = importDomainList(
      '# header\n\nshop.example\n  Pills.Example  # inline\r\n! adblock comment\n',
      options,
    );
    expect(result).toMatchObject({
      ok: true,
      content: { domains: ['shop.example', 'pills.example'] }, // in file order
    });
  });

  it('reads hosts files and skips their boilerplate', () => {
    const text = [
      '127.0.0.1 localhost',
      '::1 ip6-localhost ip6-loopback',
      '0.0.0.0 0.0.0.0',
      '0.0.0.0 rx-shop.example',
      '127.0.0.1 a.example b.example',
      '255.255.255.255 broadcasthost',
    ].join('\n');
    const result = importDomainList(text, options);
    expect(result).toMatchObject({
      ok: true,
      content: { domains: ['rx-shop.example', 'a.example', 'b.example'] },
    });
    if (result.ok) expect(result.rejected).toHaveLength(1); // the broadcast address line has two fields
  });

  it('reports bad lines with their line numbers', () => {
    const result = importDomainList(
      'good.example\nbad host here\nco.jp\nexample..com\ngood.example\n',
      options,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.content.domains).toEqual(['good.example']);
    expect(result.rejected.map((r) => [r.where, r.reason])).toEqual([
      ['2', 'invalid-host'],
      ['3', 'public-suffix'],
      ['4', 'invalid-host'],
      ['5', 'duplicate'],
    ]);
  });

  it('converts IDNs to punycode', () => {
    const result = importDomainList('ばいあぐらジェネリック通販.net\n', options);
    expect(result).toMatchObject({
      ok: true,
      content: { domains: ['xn--l8jd1b8h6emh4bwd2epetpy238ghmja.net'] },
    });
  });

  it('keeps a bounded number of rejections but counts them all', () => {
    const text =
      Array.from({ length: 1000 }, (_, i) => `bad host ${i}`).join('\n') + '\nok.example\n';
    const result = importDomainList(text, options);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.rejected).toHaveLength(MAX_REJECTED_KEPT);
  });

  it.each([
    ['JSON', '{"format":"kusuri-guard-list"}', 'wrong-format'],
    ['HTML', '<html><head><title>Error</title></head></html>', 'html-page'],
    ['nothing valid', '# only comments\n!!!\n', 'no-entries'],
    ['empty', '', 'empty'],
  ])('rejects %s', (_name, text, error) => {
    expect(importDomainList(text, options)).toMatchObject({ ok: false, error });
  });

  it('imports the bundled Block List Project snapshot cleanly', () => {
    const result = importDomainList(bundledText('blocklistproject-drugs.txt'), options);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.content.domains.length).toBeGreaterThan(5800);
    expect(result.rejected.length).toBeLessThan(10);
  });
});

describe('Have I Been Pwned importer', () => {
  const breach = (overrides: Record<string, unknown> = {}) => ({
    Name: 'Example',
    Title: 'Example Service',
    Domain: 'example.com',
    BreachDate: '2020-01-02',
    AddedDate: '2020-02-03T04:05:06Z',
    ModifiedDate: '2020-02-03T04:05:06Z',
    PwnCount: 1234,
    Description: 'In 2020, <a href="https://x">Example</a> was breached &amp; &quot;leaked&quot;.',
    DataClasses: ['Email addresses', 'Passwords'],
    IsVerified: true,
    IsFabricated: false,
    IsSensitive: false,
    IsRetired: false,
    IsSpamList: false,
    ...overrides,
  });

  it('maps HIBP fields and strips HTML from descriptions', () => {
    const result = importHibpBreaches(JSON.stringify([breach()]), meta);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.content.breaches[0]).toMatchObject({
      name: 'Example',
      domain: 'example.com',
      breachDate: '2020-01-02',
      addedDate: '2020-02-03',
      pwnCount: 1234,
      description: 'In 2020, Example was breached & "leaked".',
      source: { url: 'https://haveibeenpwned.com/Breach/Example' },
    });
  });

  it('skips fabricated, spam-list and retired breaches and ones without a domain', () => {
    const result = importHibpBreaches(
      JSON.stringify([
        breach({ Name: 'Fake', IsFabricated: true }),
        breach({ Name: 'Spam', IsSpamList: true }),
        breach({ Name: 'Old', IsRetired: true }),
        breach({ Name: 'NoDomain', Domain: '' }),
        breach({ Name: 'BadDate', BreachDate: 'yesterday' }),
        breach({ Name: 'Good' }),
        { nonsense: true },
      ]),
      meta,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.content.breaches.map((b) => b.name)).toEqual(['Good']);
    expect(result.rejected.map((r) => [r.input, r.reason, r.detail ?? ''])).toEqual([
      ['Fake', 'skipped-breach', 'fabricated'],
      ['Spam', 'skipped-breach', 'spam list'],
      ['Old', 'skipped-breach', 'retired'],
      ['NoDomain', 'invalid-host', 'no domain'],
      ['BadDate', 'schema', 'bad BreachDate or AddedDate'],
      [expect.stringContaining('nonsense'), 'schema', expect.any(String)],
    ]);
  });

  it('imports the bundled HIBP snapshot', () => {
    const result = importHibpBreaches(bundledText('hibp-breaches.json'), meta);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // 334 entries: 2 fabricated, 10 spam lists, 1 retired are skipped.
    expect(result.content.breaches.length).toBeGreaterThan(300);
    expect(result.rejected.filter((r) => r.reason === 'skipped-breach')).toHaveLength(13);
    expect(result.content.breaches.every((b) => !/[<>]/.test(b.description))).toBe(true);
  });

  it.each([
    ['an object instead of an array', '{"Name":"x"}', 'wrong-format'],
    ['not JSON', '[{', 'not-json'],
    ['an empty array', '[]', 'no-entries'],
  ])('rejects %s', (_name, text, error) => {
    expect(importHibpBreaches(text, meta)).toMatchObject({ ok: false, error });
  });
});

describe('htmlToText', () => {
  it('removes tags and decodes entities, numeric ones included', () => {
    expect(htmlToText('<p>A&nbsp;&lt;b&gt; &#39;x&#39; &#x41;</p>\n<script>x</script>')).toBe(
      "A <b> 'x' A x",
    );
  });
});

describe('uBlacklist importer', () => {
  const options = { meta, category: 'scam' as const };

  it('reads whole-site match patterns, with and without subdomains, skipping the front matter', () => {
    const text = [
      '---',
      'name: 詐欺サイト一覧',
      '---',
      '# comment',
      '*://*.fake-shop.example/*',
      '*://kusuri.example/*',
      'https://only-https.example/*',
      '*://ばいあぐら.example/*',
    ].join('\n');
    const result = importUblacklist(text, options);
    expect(result).toMatchObject({
      ok: true,
      content: {
        domains: [
          'fake-shop.example',
          'kusuri.example',
          'only-https.example',
          'xn--l8jd1b8h6e.example',
        ],
        domainCategory: 'scam',
      },
    });
  });

  it('reports rules it cannot honour as a whole site, never guesses', () => {
    const text = [
      '*://good.example/*',
      '/ばいあぐら/',
      'title/通販/',
      '@*://allowed.example/*',
      '@1*://highlight.example/*',
      '*://path.example/shop/*',
      '*://*.com/*',
      'not a rule',
      '*://good.example/*',
    ].join('\n');
    const result = importUblacklist(text, options);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.content.domains).toEqual(['good.example']);
    expect(result.rejected.map((r) => [r.where, r.reason])).toEqual([
      ['2', 'unsupported-rule'],
      ['3', 'unsupported-rule'],
      ['4', 'unsupported-rule'],
      ['5', 'unsupported-rule'],
      ['6', 'unsupported-rule'],
      ['7', 'bare-tld'],
      ['8', 'invalid-host'],
      ['9', 'duplicate'],
    ]);
  });

  it.each([
    ['JSON', '[{"x":1}]', 'wrong-format'],
    ['an HTML page', '<!doctype html><p>404</p>', 'html-page'],
    ['only unsupported rules', '/regex/\n@*://a.example/*\n', 'no-entries'],
  ])('rejects %s', (_name, text, error) => {
    expect(importUblacklist(text, options)).toMatchObject({ ok: false, error });
  });
});
