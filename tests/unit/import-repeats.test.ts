// Repeats in a domain list are dropped by fingerprint after the list is read (utils/lists/repeats.ts),
// not by a Set of strings as the lines come. The result must be the one the Set gave: the same
// hosts in the same order, the same rejections with the same reasons, lines and inputs, the same
// counts and the same order of kinds, and the same held hosts. importDomainListBySet is that path.
import { describe, expect, it } from 'vitest';
import { importDomainList, importDomainListBySet } from '../../utils/lists/import-domains';
import { repeatsOf } from '../../utils/lists/repeats';
import { hostFingerprintInto } from '../../utils/match/fingerprint';
import { MAX_REJECTED_KEPT } from '../../utils/lists/model';
import { NEVER_BLOCK_SECTIONS, NeverBlock } from '../../utils/lists/hygiene';
import { hostSuffixes } from '../../utils/core/hostname';
import { listMeta } from './list-fixture';

const options = { meta: listMeta('repeats'), category: 'rogue-pharmacy' as const };

/** A small deterministic generator (xorshift32), so that a failure can be re-run. */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

/** Lines of every kind a list has, and the shapes of one host a list may repeat it in. */
function hostileList(seed: number, lines: number): string {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const hosts = Array.from({ length: 60 }, (_, i) => `shop-${i}.rogue-${i % 7}.example`);
  const shapes: ((host: string) => string)[] = [
    (h) => h,
    (h) => h.toUpperCase(),
    (h) => `${h}.`,
    (h) => `${h}..`,
    (h) => `  ${h}\t`,
    (h) => `0.0.0.0 ${h}`,
    (h) => `127.0.0.1 ${h} www.${h} ${h}`,
    (h) => `||${h}^`,
    (h) => `${h} # a comment`,
    (h) => `${h}\r`,
    (h) => `Ｗｗｗ.${h}`,
  ];
  const others = [
    'くすり.example',
    'xn--gckr3f0f.example',
    'くすり.EXAMPLE.',
    'bücher.example',
    'xn--bcher-kva.example',
    'com',
    'co.jp',
    '.jp',
    'github.io',
    'user.github.io',
    'github.com',
    'www.github.com',
    'google.com',
    'mail.google.com',
    'data.iana.org',
    'iana.org',
    '192.168.1.1',
    '10.0.0.1',
    '8.8.8.8',
    '8.8.8.8',
    '::1',
    '[2001:db8::1]',
    'localhost',
    '0.0.0.0 localhost',
    '127.0.0.1 LocalHost Broadcasthost IP6-allnodes \u0130p6-localhost',
    'a..b.example',
    '-bad.example',
    'bad-.example',
    'under_score.example',
    `${'a'.repeat(64)}.example`,
    `${'a.'.repeat(130)}example`,
    'host.with/path.example',
    'two words',
    '*.wild.example',
    '||ad.example^$third-party',
    '||ad.example/path^',
    '! adblock comment',
    '[Adblock Plus 2.0]',
    '# hash comment',
    '',
    '   ',
    'shop.example\u00a0more.example',
    'ｓｈｏｐ.example',
    'SHOP.EXAMPLE',
    'shop.example',
    '1.2.3.4.5',
    '123',
    'example.123',
  ];
  const out: string[] = [];
  for (let i = 0; i < lines; i += 1) {
    out.push(next() < 0.55 ? pick(shapes)(pick(hosts)) : pick(others));
  }
  return out.join(next() < 0.5 ? '\n' : '\r\n');
}

function same(text: string): ReturnType<typeof importDomainList> {
  const late = importDomainList(text, options);
  const bySet = importDomainListBySet(text, options);
  expect(late).toEqual(bySet);
  // The order of the summary's kinds too (what the list card shows first).
  expect(JSON.stringify(late)).toBe(JSON.stringify(bySet));
  return late;
}

describe('dropping repeats by fingerprint', () => {
  it('gives what a Set gave, on lists of repeats, case, dots, IDN, junk and protected hosts', () => {
    for (const [seed, lines] of [
      [1, 50],
      [2, 400],
      [3, 3000],
      [4, 20_000],
    ] as const) {
      const result = same(hostileList(seed, lines));
      if (!result.ok) throw new Error(result.error);
      // The lists exercise what they are meant to: repeats past the kept log's limit, holds.
      expect(result.summary.kinds.duplicate ?? 0).toBeGreaterThan(lines > 1000 ? 1000 : 5);
      expect(result.summary.held?.length ?? 0).toBeGreaterThan(0);
      if (lines > 1000) expect(result.summary.total).toBeGreaterThan(MAX_REJECTED_KEPT);
    }
  });

  it('keeps the earliest rejections when repeats come before and after the kept limit', () => {
    // 150 junk lines, then 100 repeats, then 300 junk lines: the kept log is 150 junk + 50 repeats.
    const lines = [
      'first.example',
      ...Array.from({ length: 150 }, (_, i) => `junk ${i}`),
      ...Array.from({ length: 100 }, () => 'first.example'),
      ...Array.from({ length: 300 }, (_, i) => `junk ${i}`),
      'FIRST.example.',
    ];
    const result = same(lines.join('\n'));
    expect(result.rejected).toHaveLength(MAX_REJECTED_KEPT);
    expect(result.rejected.filter((r) => r.reason === 'duplicate')).toHaveLength(50);
    expect(result.rejected[151]).toEqual({
      where: '153',
      input: 'first.example',
      reason: 'duplicate',
    });
    expect(result.summary.kinds).toEqual({ 'invalid-host': 450, duplicate: 101 });
    // A list whose first rejection is a repeat lists that kind first.
    const first = same(['a.example', 'a.example', 'junk line', 'b.example'].join('\n'));
    expect(Object.keys(first.summary.kinds)).toEqual(['duplicate', 'invalid-host']);
  });

  it('gives no-entries with the same log when every line is junk or a protected host', () => {
    const result = same(['junk line', 'google.com', 'com', '10.0.0.1'].join('\n'));
    expect(result.ok).toBe(false);
  });

  it('tells hosts apart that share a fingerprint, and keeps the first of each', () => {
    // Forged fingerprints: every host gets the same pair, as colliding hosts would.
    const hosts = ['a.example', 'b.example', 'a.example', 'c.example', 'b.example', 'a.example'];
    const pairs = new Uint32Array(hosts.length * 2).fill(7);
    expect(Array.from(repeatsOf(pairs, hosts)!)).toEqual([0, 0, 1, 0, 1, 1]);
    // Real fingerprints, no repeat: nothing to drop.
    const real = new Uint32Array(hosts.length * 2);
    const unique = ['a.example', 'b.example', 'c.example'];
    unique.forEach((h, i) => hostFingerprintInto(h, real, i * 2));
    expect(repeatsOf(real.subarray(0, 6), unique)).toBeNull();
  });
});

describe('the never-block set’s quick refusal', () => {
  it('answers as the full walk over the registrable domain’s suffixes does', () => {
    const full = (set: NeverBlock, host: string) => {
      // What sectionFor did before its fingerprint check, from its own maps.
      const maps = set as unknown as { exact: Map<string, string>; parents: Map<string, string> };
      const direct = maps.parents.get(host);
      if (direct !== undefined) return direct;
      for (const suffix of hostSuffixes(host)) {
        const section = maps.exact.get(suffix);
        if (section !== undefined) return section;
      }
      return null;
    };
    const set = new NeverBlock(NEVER_BLOCK_SECTIONS);
    const probes: string[] = [];
    for (const section of NEVER_BLOCK_SECTIONS) {
      for (const host of section.hosts) {
        probes.push(host, `www.${host}`, `a.b.${host}`, `x${host}`, `${host}.example`);
        const dot = host.indexOf('.');
        if (dot > 0) probes.push(host.slice(dot + 1), `other${host.slice(dot)}`);
      }
    }
    let protectedCount = 0;
    for (const host of probes) {
      const section = set.sectionFor(host);
      expect(section, host).toBe(full(set, host));
      if (section !== null) protectedCount += 1;
    }
    expect(protectedCount).toBeGreaterThan(1000);
    expect(protectedCount).toBeLessThan(probes.length);
  });
});
