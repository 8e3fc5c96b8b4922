import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  indexBootstrap,
  parseRegistrarIds,
  rdapBaseFor,
  whoisPageFor,
  BootstrapSchema,
} from '../../utils/intel/rdap-bootstrap';
import { parseRdapDomain, vcardText } from '../../utils/intel/rdap-parse';
import {
  lookupRdap,
  NEGATIVE_TTL_MS,
  POSITIVE_TTL_MS,
  type RdapCache,
  type RdapHolds,
  type RdapResult,
} from '../../utils/intel/rdap-client';
import { FakeNet } from './fakes';

const verisign = JSON.parse(
  readFileSync('tests/fixtures/rdap-verisign-hhgames.com.json', 'utf8'),
) as Record<string, unknown>;
const afnic = JSON.parse(
  readFileSync('tests/fixtures/rdap-afnic-fr-domain.json', 'utf8'),
) as Record<string, unknown>;
const bootstrap = indexBootstrap(
  BootstrapSchema.parse(JSON.parse(readFileSync('data/iana-rdap-dns.json', 'utf8'))),
);

describe('RDAP parsing', () => {
  it('reads a real .com registry answer (Verisign)', () => {
    const result = parseRdapDomain(verisign);
    expect(result).toEqual({
      ok: true,
      value: {
        domain: 'hhgames.com',
        status: [
          'client delete prohibited',
          'client transfer prohibited',
          'client update prohibited',
        ],
        registration: '2002-07-04T19:15:32.000Z',
        expiration: '2026-07-04T19:21:02.000Z',
        lastChanged: '2025-04-16T04:27:20.000Z',
        registrar: { name: 'Sea Wasp, LLC', ianaId: 411 },
        abuse: { email: 'abuse@fabulous.com', phone: '+1.5045078209' },
        registrarRdapUrl: 'https://rdap.fabulous.com/rdap/domain/HHGAMES.COM',
      },
    });
  });

  it('reads a real ccTLD answer (AFNIC .fr), whose registrar has no IANA accreditation', () => {
    const result = parseRdapDomain(afnic);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      domain: 'afnic.fr',
      registration: '2001-12-10T23:00:00.000Z',
      registrar: { name: 'Registry Operations', ianaId: 9999 },
    });
  });

  it('copes with vCards and entities in odd shapes', () => {
    const odd = {
      objectClassName: 'domain',
      ldhName: 'ODD.EXAMPLE.',
      events: [
        { eventAction: 'registration', eventDate: 'not a date' },
        { eventAction: 'expiration' },
      ],
      entities: [
        'not an entity',
        {
          roles: ['technical'],
          entities: [
            {
              roles: ['registrar'],
              vcardArray: [
                'vcard',
                [
                  ['fn', {}, 'text', ['Odd', 'Registrar']],
                  ['email', {}, 'text', 'not-an-email'],
                ],
              ],
              publicIds: [{ type: 'IANA Registrar ID', identifier: 'abc' }],
              entities: [
                {
                  roles: ['abuse'],
                  vcardArray: [
                    'vcard',
                    [
                      ['email', {}, 'text', 'mailto:abuse@odd.example'],
                      ['tel', {}, 'uri', 'tel:+81-3-1234-5678'],
                    ],
                  ],
                },
              ],
            },
          ],
        },
      ],
    };
    const result = parseRdapDomain(odd);
    expect(result).toMatchObject({
      ok: true,
      value: {
        domain: 'odd.example',
        registration: null,
        expiration: null,
        registrar: { name: 'Odd Registrar', ianaId: null },
        abuse: { email: 'abuse@odd.example', phone: '+81-3-1234-5678' },
      },
    });
    expect(vcardText('nonsense', 'fn')).toBeNull();
    expect(vcardText(['vcard', 'not properties'], 'fn')).toBeNull();
    expect(vcardText(['vcard', [['fn', {}, 'text', '']]], 'fn')).toBeNull();
  });

  it('refuses things that are not RDAP domain objects', () => {
    expect(parseRdapDomain({ errorCode: 404, title: 'Not Found' })).toEqual({
      ok: false,
      detail: 'RDAP error 404',
    });
    expect(parseRdapDomain({ objectClassName: 'entity' }).ok).toBe(false);
    expect(parseRdapDomain('<html>').ok).toBe(false);
    expect(parseRdapDomain(null).ok).toBe(false);
  });
});

describe('bootstrap', () => {
  it('finds the RDAP server for a TLD, https first', () => {
    expect(rdapBaseFor(bootstrap, 'kamagra-shop.com')).toBe('https://rdap.verisign.com/com/v1/');
    expect(rdapBaseFor(bootstrap, 'shop.example.net')).toBe('https://rdap.verisign.com/net/v1/');
    expect(rdapBaseFor(bootstrap, 'xn--l8jd1b8h6emh4bwd2epetpy238ghmja.net')).toBe(
      'https://rdap.verisign.com/net/v1/',
    );
  });

  it('knows that .jp has no RDAP service and where its WHOIS is', () => {
    expect(rdapBaseFor(bootstrap, 'joa2020.jp')).toBeNull();
    expect(whoisPageFor('joa2020.jp')).toEqual({
      url: 'https://whois.jprs.jp/',
      registry: 'JPRS (.jp)',
    });
    expect(whoisPageFor('x.zz').url).toBe('https://www.iana.org/whois?q=zz');
  });

  it('maps IANA registrar IDs to names from the CSV (quoted names included)', () => {
    const names = parseRegistrarIds(readFileSync('data/iana-registrar-ids.csv', 'utf8'));
    expect(names[49]).toBe('GMO Internet Group, Inc. d/b/a Onamae.com');
    expect(names[146]).toBe('GoDaddy.com, LLC');
    expect(names[1]).toBeUndefined(); // "Reserved"
    expect(Object.keys(names).length).toBeGreaterThan(3000);
  });
});

function memoryCache(): RdapCache & {
  rows: Map<string, { result: RdapResult; expiresAt: number }>;
} {
  const rows = new Map<string, { result: RdapResult; expiresAt: number }>();
  return {
    rows,
    async get(domain) {
      return rows.get(domain) ?? null;
    },
    async put(domain, result, expiresAt) {
      rows.set(domain, { result, expiresAt });
    },
  };
}
function memoryHolds(): RdapHolds {
  const holds = new Map<string, number>();
  return {
    async until(host) {
      return holds.get(host) ?? null;
    },
    async hold(host, until) {
      holds.set(host, until);
    },
  };
}

describe('RDAP client', () => {
  const REGISTRY = 'https://rdap.verisign.com/com/v1/domain/hhgames.com';
  const REGISTRAR = 'https://rdap.fabulous.com/rdap/domain/HHGAMES.COM';

  function setup() {
    const net = new FakeNet();
    const clock = { now: Date.parse('2026-11-21T00:00:00Z') };
    const cache = memoryCache();
    const deps = {
      fetch: net.fetch,
      now: () => clock.now,
      bootstrap: async () => bootstrap,
      cache,
      holds: memoryHolds(),
      timeoutMs: 200,
    };
    return { net, clock, cache, deps };
  }

  it('asks the registry, then the registrar it links to, and caches the answer for 24 h', async () => {
    const { net, clock, cache, deps } = setup();
    net.route(
      REGISTRY,
      () =>
        new Response(JSON.stringify(verisign), {
          headers: { 'content-type': 'application/rdap+json' },
        }),
    );
    net.route(REGISTRAR, () => new Response(JSON.stringify({ ...verisign, entities: [] })));
    const result = await lookupRdap('hhgames.com', deps);
    expect(result).toMatchObject({
      status: 'ok',
      data: { registrar: { ianaId: 411 } },
      servers: ['https://rdap.verisign.com/com/v1/', REGISTRAR],
    });
    expect(cache.rows.get('hhgames.com')?.expiresAt).toBe(clock.now + POSITIVE_TTL_MS);
    // Only the domain leaves: the URL carries nothing else.
    expect(net.requests.map((r) => r.url)).toEqual([REGISTRY, REGISTRAR]);
    await lookupRdap('hhgames.com', deps);
    expect(net.requests).toHaveLength(2);
    clock.now += POSITIVE_TTL_MS + 1;
    await lookupRdap('hhgames.com', deps);
    expect(net.count(REGISTRY)).toBe(2);
  });

  it('keeps the registry data when the registrar server fails', async () => {
    const { net, deps } = setup();
    net.route(REGISTRY, () => new Response(JSON.stringify(verisign)));
    net.route(REGISTRAR, () => new Response('boom', { status: 500 }));
    expect(await lookupRdap('hhgames.com', deps)).toMatchObject({
      status: 'ok',
      servers: ['https://rdap.verisign.com/com/v1/'],
    });
  });

  it.each([
    [
      'a time-out',
      () => new Promise<Response>(() => undefined),
      { status: 'error', error: 'timeout' },
    ],
    [
      'an HTML page',
      () => new Response('<!doctype html><p>Welcome</p>', { status: 200 }),
      { status: 'error', error: 'bad-response' },
    ],
    [
      'malformed JSON',
      () => new Response('{"objectClassName": "dom', { status: 200 }),
      { status: 'error', error: 'bad-response' },
    ],
    ['a 404', () => new Response('{"errorCode":404}', { status: 404 }), { status: 'not-found' }],
    ['a 500', () => new Response('oops', { status: 500 }), { status: 'error', error: 'http' }],
    [
      'a huge answer',
      () => new Response(new Uint8Array(2 * 1024 * 1024), { status: 200 }),
      { status: 'error', error: 'too-large' },
    ],
    [
      'a redirect loop',
      () => {
        throw new TypeError('Failed to fetch: too many redirects');
      },
      { status: 'error', error: 'network' },
    ],
  ])('%s: a clear failure, cached for 1 h', async (_name, respond, expected) => {
    const { net, clock, cache, deps } = setup();
    net.route(REGISTRY, respond as () => Response);
    expect(await lookupRdap('hhgames.com', deps)).toMatchObject(expected);
    expect(cache.rows.get('hhgames.com')?.expiresAt).toBe(clock.now + NEGATIVE_TTL_MS);
  });

  it('respects 429 Retry-After: nothing is sent to that server until then, and nothing is cached', async () => {
    const { net, clock, cache, deps } = setup();
    net.route(
      REGISTRY,
      () => new Response('slow down', { status: 429, headers: { 'retry-after': '120' } }),
    );
    expect(await lookupRdap('hhgames.com', deps)).toMatchObject({
      status: 'error',
      error: 'rate-limited',
    });
    expect(cache.rows.has('hhgames.com')).toBe(false);
    expect(await lookupRdap('hhgames.com', deps)).toMatchObject({
      status: 'error',
      error: 'rate-limited',
    });
    expect(net.count(REGISTRY)).toBe(1);
    clock.now += 121_000;
    net.route(REGISTRY, () => new Response(JSON.stringify(verisign)));
    net.route(REGISTRAR, () => new Response(JSON.stringify(verisign)));
    expect((await lookupRdap('hhgames.com', deps)).status).toBe('ok');
  });

  it('says honestly when a TLD has no RDAP service', async () => {
    const { net, deps } = setup();
    expect(await lookupRdap('joa2020.jp', deps)).toMatchObject({
      status: 'no-rdap',
      tld: 'jp',
      whois: { url: 'https://whois.jprs.jp/' },
    });
    expect(net.requests).toHaveLength(0);
  });
});
