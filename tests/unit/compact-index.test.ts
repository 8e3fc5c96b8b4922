// The compact domain index: the 64-bit fingerprint against a BigInt reference, agreement with the
// obviously-correct Set matcher on real-looking lists, no collisions among millions of domains,
// confirmation against the exact entry (a fingerprint alone never warns), crafted crowded buckets,
// and packing with duplicates across the parts of a list.
import { describe, expect, it } from 'vitest';
import { hostFingerprint, suffixFingerprints } from '../../utils/match/fingerprint';
import {
  buildCompactIndex,
  CompactDomainIndex,
  isCompactIndexData,
} from '../../utils/match/compact-index';
import { SetMatcher } from '../../utils/match/matcher';
import { packContent, readChunk, unpackEntries, REF_BARE } from '../../utils/lists/pack';
import { ListIndex, type ListData } from '../../utils/verdicts/list-index';
import type { ListContent, SiteEntry } from '../../utils/lists/model';
import { random } from '../../tools/bench/common';
import { syntheticDomains, syntheticVisits } from '../../tools/bench/domains';
import { listContent, listMeta } from './list-fixture';

/** FNV-1a 64 over the reversed string, then MurmurHash3 fmix64: the definition, in BigInt. */
function reference(host: string): bigint {
  const mask = (1n << 64n) - 1n;
  let h = 0xcbf29ce484222325n;
  for (let i = host.length - 1; i >= 0; i -= 1) {
    h ^= BigInt(host.charCodeAt(i));
    h = (h * 0x100000001b3n) & mask;
  }
  h ^= h >> 33n;
  h = (h * 0xff51afd7ed558ccdn) & mask;
  h ^= h >> 33n;
  h = (h * 0xc4ceb9fe1a85ec53n) & mask;
  h ^= h >> 33n;
  return h;
}

const asBigInt = (fp: { hi: number; lo: number }) => (BigInt(fp.hi) << 32n) | BigInt(fp.lo);

const meta = listMeta('test');
const content = (domains: string[], extra: Partial<ListContent> = {}) =>
  listContent('test', domains, extra);

const site = (domain: string): SiteEntry => ({
  domain,
  category: 'rogue-pharmacy',
  evidence: [{ source: { citation: 'test' }, date: '2026' }],
});

describe('fingerprints', () => {
  it('are FNV-1a 64 + fmix64 exactly, for every suffix, in one right-to-left pass', () => {
    const hosts = [
      'a.b',
      'example.com',
      'shop.kusuri-rogue.co.jp',
      'xn--eckwd4c7c.xn--zckzah',
      ...syntheticDomains(2000, 3),
    ];
    const out = new Uint32Array(256);
    const starts = new Int32Array(128);
    for (const host of hosts) {
      expect(asBigInt(hostFingerprint(host))).toBe(reference(host));
      const count = suffixFingerprints(host, out, starts);
      const suffixes = [0, ...[...host].flatMap((c, i) => (c === '.' ? [i + 1] : []))];
      expect(count).toBe(suffixes.length);
      for (let k = 0; k < count; k += 1) {
        expect(starts[k]).toBe(suffixes[k]);
        const suffix = host.slice(starts[k]);
        expect(asBigInt({ hi: out[k * 2]!, lo: out[k * 2 + 1]! })).toBe(reference(suffix));
      }
    }
  });

  it('do not collide among millions of real-looking and random hosts', () => {
    const next = random(99);
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789-';
    const randomHost = () => {
      const length = 3 + Math.floor(next() * 20);
      let label = '';
      for (let i = 0; i < length; i += 1) label += alphabet[Math.floor(next() * alphabet.length)];
      return `${label}.${['com', 'jp', 'net', 'co.jp', 'shop'][Math.floor(next() * 5)]}`;
    };
    const hosts = new Set(syntheticDomains(1_500_000, 21));
    while (hosts.size < 3_000_000) hosts.add(randomHost());
    const fps = new BigUint64Array(hosts.size);
    let i = 0;
    for (const host of hosts) fps[i++] = asBigInt(hostFingerprint(host));
    fps.sort();
    let collisions = 0;
    for (let j = 1; j < fps.length; j += 1) if (fps[j] === fps[j - 1]) collisions += 1;
    expect(collisions).toBe(0);
  }, 120_000);
});

describe('the compact index', () => {
  it('gives the same answers as a Set of the same domains, for lists of every size', async () => {
    for (const size of [0, 1, 18, 5000, 200_000]) {
      const listed = syntheticDomains(size, size + 1);
      const index = ListIndex.fromContents([
        { id: 'l', action: 'block', content: content(listed) },
      ]);
      const oracle = new SetMatcher(listed);
      const visits = [
        ...listed.slice(0, 300),
        ...listed.slice(0, 300).map((h) => `www.${h}`),
        ...listed.slice(0, 100).map((h) => `a.b.${h}`),
        ...syntheticVisits(500, size + 2),
      ];
      for (const host of visits) {
        const hits = await index.lookup(host);
        expect(hits.map((h) => h.reason.listed)).toEqual(
          oracle.match(host) === null ? [] : [oracle.match(host)],
        );
      }
    }
  }, 60_000);

  it('takes about 6 bytes per domain', () => {
    const { data } = buildCompactIndex(fingerprintPairs(syntheticDomains(100_000, 5)));
    const index = new CompactDomainIndex(data);
    expect(index.bytes / index.size).toBeLessThan(6.5);
    expect(isCompactIndexData(data)).toBe(true);
    expect(isCompactIndexData({ ...data, count: data.count + 1 })).toBe(false);
  });

  it('stays correct when a crafted list puts every entry in one bucket', () => {
    // Same top 16 bits for all: the worst case for the bucket layout.
    const count = 20_000;
    const pairs = new Uint32Array(count * 2);
    const next = random(4);
    for (let i = 0; i < count; i += 1) {
      pairs[i * 2] = (0xabcd0000 | Math.floor(next() * 0x10000)) >>> 0;
      pairs[i * 2 + 1] = Math.floor(next() * 2 ** 32) >>> 0;
    }
    const { data } = buildCompactIndex(pairs);
    const index = new CompactDomainIndex(data);
    for (let i = 0; i < count; i += 97) {
      expect(index.find(pairs[i * 2]!, pairs[i * 2 + 1]!)).toBeGreaterThanOrEqual(0);
    }
    expect(index.find(0xabcd0000, 12345)).toBe(-1);
  });

  it('never warns on a fingerprint alone: the exact entry must match', async () => {
    // A list whose index holds the fingerprint of visited.example but whose exact entry is
    // another host: what a 64-bit collision would look like.
    const fp = hostFingerprint('visited.example');
    const pairs = new Uint32Array([fp.hi, fp.lo, fp.hi, fp.lo]);
    const { data } = buildCompactIndex(pairs);
    const list = (hosts: string): ListData => ({
      id: 'crafted',
      action: 'block',
      meta,
      domainCategory: 'rogue-pharmacy',
      groups: [],
      registrars: [],
      breaches: [],
      index: new CompactDomainIndex(data),
      chunk: async () =>
        readChunk({ hosts, refs: new Int32Array([REF_BARE, REF_BARE]), sites: [] }),
    });
    const collided = new ListIndex([list('other.example\nanother.example')]);
    expect(await collided.lookup('visited.example')).toEqual([]);
    // Two hosts with one fingerprint: the second one is found by walking the run.
    const both = new ListIndex([list('other.example\nvisited.example')]);
    expect((await both.lookup('www.visited.example')).map((h) => h.reason.listed)).toEqual([
      'visited.example',
    ]);
    // An unreadable chunk confirms nothing.
    const broken = new ListIndex([{ ...list(''), chunk: async () => null }]);
    expect(await broken.lookup('visited.example')).toEqual([]);
  });

  it('matches IP addresses only as a whole', async () => {
    const index = ListIndex.fromContents([
      { id: 'l', action: 'block', content: content(['10.1.2.3', '2.3.example']) },
    ]);
    expect((await index.lookup('10.1.2.3')).length).toBe(1);
    expect(await index.lookup('110.1.2.3')).toEqual([]);
    expect(await index.lookup('10.1.2.30')).toEqual([]);
    // Names made of digit labels are still domain names: parents match.
    expect((await index.lookup('1.2.3.example')).map((h) => h.reason.listed)).toEqual([
      '2.3.example',
    ]);
  });
});

describe('packing a list', () => {
  it('keeps each host once: a site entry wins over a group, a group over a bare listing', () => {
    const group = {
      id: 'bestkenko',
      category: 'rogue-pharmacy' as const,
      network: 'BestKenko',
      evidence: [{ source: { citation: 'test' }, date: '2026' }],
      domains: ['a.example', 'b.example', 'c.example'],
    };
    const packed = packContent(
      content(['b.example', 'c.example', 'd.example'], {
        sites: [site('a.example')],
        groups: [group],
      }),
    );
    expect(packed.index.count).toBe(4);
    const back = unpackEntries(
      packed.chunks.map((c) => readChunk(c)!),
      packed.groups,
    );
    expect(back.sites.map((s) => s.domain)).toEqual(['a.example']);
    expect(back.groups[0]!.domains).toEqual(['b.example', 'c.example']);
    expect(back.domains).toEqual(['d.example']);
  });

  it('round-trips a large list through its chunks', () => {
    const domains = syntheticDomains(50_000, 8);
    const packed = packContent(content(domains));
    expect(packed.chunks.length).toBe(2 ** packed.index.chunkBits);
    expect(
      unpackEntries(
        packed.chunks.map((c) => readChunk(c)!),
        packed.groups,
      ).domains.sort(),
    ).toEqual([...domains].sort());
  });
});

function fingerprintPairs(hosts: string[]): Uint32Array {
  const pairs = new Uint32Array(hosts.length * 2);
  hosts.forEach((host, i) => {
    const fp = hostFingerprint(host);
    pairs[i * 2] = fp.hi;
    pairs[i * 2 + 1] = fp.lo;
  });
  return pairs;
}
