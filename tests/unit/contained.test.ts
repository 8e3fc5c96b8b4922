// Issue 14, items 2 and 3: contained downloads and lookups, remote text made safe to show, and a
// settings import that is all or nothing.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fetchList, MAX_REDIRECTS } from '../../utils/lists/fetch-list';
import { remoteUrlProblem } from '../../utils/core/remote-url';
import { cleanRemoteText } from '../../utils/core/text';
import { indexBootstrap, BootstrapSchema } from '../../utils/intel/rdap-bootstrap';
import { parseRdapDomain } from '../../utils/intel/rdap-parse';
import { lookupRdap, type RdapCache, type RdapHolds } from '../../utils/intel/rdap-client';
import { composeBackground } from '../../utils/background/root';
import { defaultCatalog } from '../../utils/lists/catalog';
import { getAllowlist } from '../../utils/decisions/allowlist';
import { getUserBlocks } from '../../utils/decisions/user-blocks';
import { getSettings } from '../../utils/settings/store';
import { fakePlatform, FakeNet, pageSender } from './fakes';

const verisign = JSON.parse(
  readFileSync('tests/fixtures/rdap-verisign-hhgames.com.json', 'utf8'),
) as Record<string, unknown>;
const bootstrap = indexBootstrap(
  BootstrapSchema.parse(JSON.parse(readFileSync('data/iana-rdap-dns.json', 'utf8'))),
);
const REGISTRY = 'https://rdap.verisign.com/com/v1/domain/hhgames.com';

const get = (url: string, fetchImpl: FakeNet['fetch']) =>
  fetchList({ url, etag: null, lastModified: null, maxBytes: 1e6, timeoutMs: 500 }, fetchImpl);
const redirect = (location: string, status = 301) =>
  new Response(null, { status, headers: { location } });

describe('where the extension may send its own requests', () => {
  it('https to a public host name only', () => {
    expect(remoteUrlProblem('https://lists.example.org/a.txt')).toBeNull();
    expect(remoteUrlProblem('http://lists.example.org/a.txt')).toBe('not-https');
    expect(remoteUrlProblem('http://lists.example.org/a.txt', { allowHttp: true })).toBeNull();
    for (const url of [
      'https://127.0.0.1:8080/',
      'https://169.254.169.254/latest/meta-data',
      'https://10.0.0.1/',
      'https://192.168.1.1/',
      'https://8.8.8.8/', // no IP literals at all
      'https://[::1]/',
      'https://localhost/',
      'https://router.local/',
    ])
      expect(remoteUrlProblem(url), url).toBe('not-public-host');
    expect(remoteUrlProblem('https://user:pw@lists.example.org/')).toBe('invalid');
    expect(remoteUrlProblem('file:///etc/passwd')).toBe('not-https');
  });

  it('follows up to 3 redirects to public https hosts', async () => {
    const net = new FakeNet();
    net.route('https://a.example/l', () => redirect('https://b.example/l'));
    net.route('https://b.example/l', () => redirect('/moved', 302));
    net.route('https://b.example/moved', () => redirect('https://c.example/l', 307));
    net.route('https://c.example/l', () => new Response('shop.example\n'));
    expect(await get('https://a.example/l', net.fetch)).toMatchObject({
      kind: 'ok',
      text: 'shop.example\n',
    });
    expect(net.requests.map((r) => r.url)).toEqual([
      'https://a.example/l',
      'https://b.example/l',
      'https://b.example/moved',
      'https://c.example/l',
    ]);
  });

  it(`refuses a ${MAX_REDIRECTS + 1}th redirect`, async () => {
    const net = new FakeNet();
    for (let i = 0; i < 5; i++)
      net.route(`https://r${i}.example/`, () => redirect(`https://r${i + 1}.example/`));
    expect(await get('https://r0.example/', net.fetch)).toMatchObject({
      kind: 'error',
      code: 'redirects',
    });
    expect(net.requests).toHaveLength(MAX_REDIRECTS + 1);
  });

  it.each([
    'http://127.0.0.1:9/x',
    'https://169.254.169.254/latest/meta-data/',
    'https://10.0.0.1/',
    'http://rdap.example.net/domain/hhgames.com', // https → http would send the domain in clear
    'https://localhost/',
  ])('never requests a redirect to %s', async (target) => {
    const net = new FakeNet();
    net.route('https://a.example/l', () => redirect(target));
    net.route(target, () => new Response('secret'));
    expect(await get('https://a.example/l', net.fetch)).toMatchObject({
      kind: 'error',
      code: 'refused-address',
    });
    expect(net.count(target)).toBe(0);
  });

  it('refuses a redirect whose target the browser hides (opaqueredirect) instead of following it blind', async () => {
    const opaque = {
      type: 'opaqueredirect',
      status: 0,
      ok: false,
      headers: new Headers(),
      body: null,
    };
    const fetchImpl = async () => opaque as unknown as Response;
    expect(await get('https://a.example/l', fetchImpl)).toMatchObject({
      kind: 'error',
      code: 'redirects',
    });
  });

  it('never requests a private first address either', async () => {
    const net = new FakeNet();
    net.route('http://192.168.1.1/list.txt', () => new Response('x.example'));
    expect(await get('http://192.168.1.1/list.txt', net.fetch)).toMatchObject({
      code: 'refused-address',
    });
    expect(net.requests).toEqual([]);
  });
});

describe('RDAP answers from servers that misbehave', () => {
  const memoryCache = (): RdapCache => {
    const rows = new Map<string, { result: never; expiresAt: number }>();
    return {
      get: async (d) => rows.get(d) ?? null,
      put: async (d, r, e) => void rows.set(d, { result: r as never, expiresAt: e }),
    };
  };
  const holds: RdapHolds = { until: async () => null, hold: async () => undefined };
  const deps = (net: FakeNet) => ({
    fetch: net.fetch,
    now: () => Date.parse('2026-11-21T00:00:00Z'),
    bootstrap: async () => bootstrap,
    cache: memoryCache(),
    holds,
    timeoutMs: 200,
  });

  it('a registry answer redirected to the metadata address is not fetched or shown', async () => {
    const net = new FakeNet();
    net.route(REGISTRY, () => redirect('http://169.254.169.254/latest/meta-data/'));
    const result = await lookupRdap('hhgames.com', deps(net));
    expect(result).toMatchObject({ status: 'error', error: 'refused-address' });
    expect(net.requests.map((r) => r.url)).toEqual([REGISTRY]);
  });

  it('a "related" link to a private address is not followed; the registry data stays', async () => {
    const net = new FakeNet();
    const answer = {
      ...verisign,
      links: [
        { rel: 'related', type: 'application/rdap+json', href: 'https://127.0.0.1:8443/domain/x' },
      ],
    };
    net.route(REGISTRY, () => new Response(JSON.stringify(answer)));
    const result = await lookupRdap('hhgames.com', deps(net));
    expect(result).toMatchObject({ status: 'ok', servers: ['https://rdap.verisign.com/com/v1/'] });
    expect(net.requests.map((r) => r.url)).toEqual([REGISTRY]);
  });

  it('a full disk does not lose the answer: the cache write fails, the lookup still answers', async () => {
    const net = new FakeNet();
    net.route(REGISTRY, () => new Response(JSON.stringify(verisign)));
    const full: RdapCache = {
      get: async () => null,
      put: async () => {
        throw new DOMException('disk full', 'QuotaExceededError');
      },
    };
    const result = await lookupRdap('hhgames.com', { ...deps(net), cache: full });
    expect(result).toMatchObject({ status: 'ok', data: { registrar: { ianaId: 411 } } });
  });

  it('strips bidi overrides and control characters from every text; impossible dates are unknown', () => {
    const now = Date.parse('2026-11-21T00:00:00Z');
    const answer = {
      objectClassName: 'domain',
      ldhName: 'shop.example',
      status: ['active\u202e'],
      events: [
        { eventAction: 'registration', eventDate: '9999-12-31T00:00:00Z' },
        { eventAction: 'expiration', eventDate: '1970-01-01T00:00:00Z' },
        { eventAction: 'last changed', eventDate: '2026-11-21T12:00:00Z' },
      ],
      entities: [
        {
          roles: ['registrar'],
          vcardArray: ['vcard', [['fn', {}, 'text', 'Good\u202eRegistrar\u0007 Inc\u2066']]],
        },
      ],
    };
    const parsed = parseRdapDomain(answer, now);
    expect(parsed).toMatchObject({
      ok: true,
      value: {
        status: ['active'],
        registration: null,
        expiration: null,
        lastChanged: '2026-11-21T12:00:00.000Z', // within a day ahead: clocks differ
        registrar: { name: 'Good Registrar Inc' },
      },
    });
    expect(cleanRemoteText('a\u200fb\u061cc\u0000d')).toBe('a b c d');
  });
});

describe('settings import: all or nothing', () => {
  async function fresh() {
    const platform = fakePlatform();
    const background = composeBackground(platform, defaultCatalog(null));
    await background.lifecycle.onInstalled();
    return { platform, background };
  }
  const file = (patch: Record<string, unknown> = {}) =>
    JSON.stringify({
      format: 'kusuri-guard-settings',
      version: 1,
      exportedAt: '2026-11-21T00:00:00.000Z',
      settings: {},
      allowlist: [],
      userBlocks: [],
      dismissals: [],
      lists: [],
      ...patch,
    });

  it('one message per failure kind', async () => {
    const { background } = await fresh();
    expect(await background.backup.importData('{"hello":1}')).toEqual({
      ok: false,
      problem: { kind: 'not-settings' },
    });
    expect(await background.backup.importData(file({ version: 2 }))).toEqual({
      ok: false,
      problem: { kind: 'newer-version', version: 2 },
    });
    const bad = await background.backup.importData(
      file({
        allowlist: [{ site: 'co.jp', addedAt: 1, listedAs: null, via: 'options' }],
        userBlocks: [
          { site: 'fine-shop.example', addedAt: 1, note: '', via: 'options' },
          { site: '*', addedAt: 1, note: '', via: 'options' },
        ],
        settings: { reportEndpoint: 'http://reports.example/' },
        lists: [
          {
            id: 'c1',
            origin: 'custom',
            url: 'https://169.254.169.254/latest',
            format: 'domains',
            action: 'block',
            enabled: true,
            name: 'x',
          },
        ],
      }),
    );
    expect(bad).toEqual({
      ok: false,
      problem: {
        kind: 'invalid-entries',
        count: 4,
        examples: [
          'allowlist: co.jp',
          'userBlocks: *',
          'reportEndpoint: http://reports.example/',
          'lists: https://169.254.169.254/latest',
        ],
      },
    });
    // Nothing of it was written, not even the valid block.
    expect(await getUserBlocks()).toEqual([]);
    expect((await getSettings()).reportEndpoint).toBeNull();
  });

  it('an import interrupted half-way leaves nothing written', async () => {
    const { background } = await fresh();
    const blocks = Array.from({ length: 2000 }, (_, i) => ({
      site: `shop${i}.example`,
      addedAt: 1,
      note: '',
      via: 'options',
    }));
    const allow = Array.from({ length: 10 }, (_, i) => ({
      site: `ok${i}.example`,
      addedAt: 1,
      listedAs: null,
      via: 'options',
    }));
    const proto = IDBObjectStore.prototype as unknown as { put: (...a: unknown[]) => IDBRequest };
    const put = proto.put;
    let calls = 0;
    proto.put = function (this: IDBObjectStore, ...args: unknown[]) {
      if (++calls === 777) throw new DOMException('disk full', 'QuotaExceededError');
      return put.apply(this, args);
    };
    try {
      await expect(
        background.backup.importData(file({ userBlocks: blocks, allowlist: allow })),
      ).rejects.toThrow();
    } finally {
      proto.put = put;
    }
    expect(await getUserBlocks()).toEqual([]);
    expect(await getAllowlist()).toEqual([]);
    // Then it imports whole.
    expect(
      await background.backup.importData(file({ userBlocks: blocks, allowlist: allow })),
    ).toMatchObject({ ok: true, userBlocks: 2000 });
    expect(await getUserBlocks()).toHaveLength(2000);
  }, 60_000);

  it('reports a count while it checks, and keeps answering other requests', async () => {
    const { background } = await fresh();
    const blocks = Array.from({ length: 12_000 }, (_, i) => ({
      site: `shop${i}.example`,
      addedAt: 1,
      note: '',
      via: 'options',
    }));
    expect(background.backup.importStatus()).toBeNull();
    const seen: unknown[] = [];
    // What the options page sees when it asks, every few milliseconds, while the import runs.
    const poll = setInterval(() => {
      void (
        background.handleMessage(
          { type: 'data.importStatus' },
          pageSender('/options.html'),
        ) as Promise<{ data: unknown }>
      ).then((reply) => seen.push(reply.data));
    }, 1);
    const summary = await background.backup.importData(file({ userBlocks: blocks }));
    clearInterval(poll);
    expect(summary).toMatchObject({ ok: true, userBlocks: 12_000 });
    const counts = seen
      .filter(
        (s): s is { phase: 'checking'; checked: number; total: number } =>
          (s as { phase?: string } | null)?.phase === 'checking',
      )
      .map((s) => [s.checked, s.total] as const);
    // Answers came during the check, with counts that only grow, out of all the entries.
    expect(counts.length).toBeGreaterThan(1);
    expect(counts.every(([, total]) => total === 12_000)).toBe(true);
    expect(counts.some(([checked]) => checked > 0 && checked < 12_000)).toBe(true);
    const checkedInOrder = counts.map(([checked]) => checked);
    expect(checkedInOrder).toEqual([...checkedInOrder].sort((a, b) => a - b));
    expect(background.backup.importStatus()).toBeNull();
  }, 60_000);

  it('lists named in the file are proposed, never fetched on import', async () => {
    const { platform, background } = await fresh();
    const url = 'https://community.example/scams.txt';
    platform.net.route(url, () => new Response('scam.example\n'));
    const summary = await background.backup.importData(
      file({
        lists: [
          {
            id: 'c1',
            origin: 'custom',
            url,
            format: 'domains',
            action: 'warn',
            enabled: true,
            name: 'Community',
          },
        ],
      }),
    );
    expect(summary).toMatchObject({ ok: true, proposedLists: [{ url, name: 'Community' }] });
    expect(platform.net.requests).toEqual([]);
  });
});
