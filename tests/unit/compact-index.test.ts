// The compact domain index: the 64-bit fingerprint against a BigInt reference, agreement with the
// obviously-correct Set matcher on real-looking lists, no collisions among millions of domains,
// confirmation against the exact entry (a fingerprint alone never warns), crafted crowded buckets,
// and packing with duplicates across the parts of a list.
import { describe, expect, it } from 'vitest';
import {
  hostFingerprint,
  hostFingerprintInto,
  suffixFingerprints,
} from '../../utils/match/fingerprint';
import {
  ALL_DEPTHS,
  buildCompactIndex,
  CompactDomainIndex,
  depthBit,
  isCompactIndexData,
} from '../../utils/match/compact-index';
import { SetMatcher } from '../oracles/set-matcher';
import { packContent, readChunk, unpackEntries, REF_BARE } from '../../utils/lists/pack';
import { ListIndex, type ListData } from '../../utils/verdicts/list-index';
import type { ListContent, SiteEntry } from '../../utils/lists/model';
import { random } from '../../tools/bench/common';
import { syntheticDomains, syntheticVisits } from '../../tools/bench/domains';
import { listContent, listMeta } from './list-fixture';

/**
 * The definition, in BigInt arithmetic modulo 2^32 (independent of the Math.imul code): lane A is
 * FNV-1a 32 and lane B rotate-5-xor-multiply, both over the string read right to left; the lanes
 * are crossed and each finished with MurmurHash3's fmix32.
 */
function reference(host: string): bigint {
  const m32 = (1n << 32n) - 1n;
  const mul = (x: bigint, y: bigint) => (x * y) & m32;
  const rotl5 = (x: bigint) => ((x << 5n) | (x >> 27n)) & m32;
  const fmix = (h: bigint) => {
    h ^= h >> 16n;
    h = mul(h, 0x85ebca6bn);
    h ^= h >> 13n;
    h = mul(h, 0xc2b2ae35n);
    return h ^ (h >> 16n);
  };
  let a = 0x811c9dc5n;
  let b = 0x9747b28cn;
  for (let i = host.length - 1; i >= 0; i -= 1) {
    const c = BigInt(host.charCodeAt(i));
    a = mul(a ^ c, 0x01000193n);
    b = mul(rotl5(b) ^ c, 0x9e3779b1n);
  }
  const hi = fmix(a ^ mul(b, 0x27d4eb2dn));
  const lo = fmix((a + b) & m32);
  return (hi << 32n) | lo;
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
  it('follow their definition exactly, for every suffix, in one right-to-left pass', () => {
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
      const into = new Uint32Array(3);
      hostFingerprintInto(host, into, 1);
      expect(asBigInt({ hi: into[1]!, lo: into[2]! })).toBe(reference(host));
      const count = suffixFingerprints(host, out, starts);
      // Least specific first: the last label alone, ..., the whole host.
      const suffixes = [0, ...[...host].flatMap((c, i) => (c === '.' ? [i + 1] : []))].reverse();
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
  }, 300_000); // three million fingerprints: half a minute alone, minutes on a loaded machine
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

  it('takes about 4.3 bytes per domain', () => {
    const { data } = buildCompactIndex(fingerprintPairs(syntheticDomains(100_000, 5)));
    const index = new CompactDomainIndex(data);
    expect(index.bytes / index.size).toBeLessThan(4.5);
    expect(isCompactIndexData(data)).toBe(true);
    expect(isCompactIndexData({ ...data, count: data.count + 1 })).toBe(false);
    expect(isCompactIndexData({ ...data, format: 1 })).toBe(false);
    // Offsets that go backwards would send a lookup past its bucket.
    const offsets = data.offsets.slice();
    offsets[5] = offsets[7]! + 1;
    expect(isCompactIndexData({ ...data, offsets })).toBe(false);
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

  it('confirms a candidate that only shares the 48 bits the index keeps', async () => {
    // The index keeps the top bucket bits of `hi` and all of `lo`: an entry whose fingerprint
    // differs from a visited host's only in the other bits of `hi` is a (false) candidate.
    const fp = hostFingerprint('visited.example');
    const { data } = buildCompactIndex(new Uint32Array([(fp.hi ^ 1) >>> 0, fp.lo]));
    const index = new CompactDomainIndex(data);
    expect(index.find(fp.hi, fp.lo)).toBe(0);
    const list: ListData = {
      id: 'near',
      action: 'block',
      meta,
      domainCategory: 'rogue-pharmacy',
      groups: [],
      registrars: [],
      breaches: [],
      index,
      chunk: async () =>
        readChunk({ hosts: 'other.example', refs: new Int32Array([REF_BARE]), sites: [] }),
    };
    const lists = new ListIndex([list]);
    expect(lists.candidates('www.visited.example')).toHaveLength(1);
    expect(await lists.lookup('www.visited.example')).toEqual([]);
  });

  it('keeps distinct hosts that share a key and drops a repeated one', async () => {
    // Two hosts whose `lo` halves are equal: a birthday pair, expected after about 80,000.
    const byKey = new Map<number, string>();
    let pair: [string, string] | null = null;
    for (let i = 0; i < 1_000_000 && pair === null; i += 1) {
      const host = `shop${i}.example`;
      const key = hostFingerprint(host).lo;
      const other = byKey.get(key);
      if (other !== undefined) pair = [other, host];
      byKey.set(key, host);
    }
    expect(pair).not.toBeNull();
    const [x, y] = pair!;
    const packed = packContent(content([x, y, 'plain.example'], { sites: [site(y)] }));
    expect(packed.index.count).toBe(3);
    const index = ListIndex.fromContents([
      { id: 'l', action: 'block', content: content([x, y], { sites: [site(y)] }) },
    ]);
    expect((await index.lookup(`www.${x}`)).map((h) => h.reason.listed)).toEqual([x]);
    expect((await index.lookup(y)).map((h) => h.reason.listed)).toEqual([y]);
  }, 30_000);

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

  it('records the label counts its entries have and looks up only those suffixes', async () => {
    const deep = 'a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.aa.bb.cc.dd.ee.example.com';
    const packed = packContent(content(['shop.example.jp', 'x.y.example.net', deep]));
    expect(packed.index.depths).toBe((depthBit(3) | depthBit(4) | depthBit(33)) >>> 0);
    expect(depthBit(33)).toBe(depthBit(31));
    const index = ListIndex.fromContents([
      { id: 'l', action: 'block', content: content(['shop.example.jp', 'x.y.example.net', deep]) },
    ]);
    // Hosts deeper than any entry still find their listed parents, and every depth that has
    // entries is looked up.
    const listed = async (host: string) => (await index.lookup(host)).map((h) => h.reason.listed);
    expect(await listed('a.b.c.d.e.shop.example.jp')).toEqual(['shop.example.jp']);
    expect(await listed('m.x.y.example.net')).toEqual(['x.y.example.net']);
    expect(await listed(`www.${deep}`)).toEqual([deep]);
    expect(await listed(deep)).toEqual([deep]);
    expect(await listed('example.jp')).toEqual([]);
    // A depth no entry has is not looked up at all: a fingerprint of it is no candidate.
    const fp = suffixFingerprints('www.example.jp', new Uint32Array(8), new Int32Array(4));
    expect(fp).toBe(3);
    const two = new CompactDomainIndex(
      buildCompactIndex(fingerprintPairs(['example.jp', 'shop.example.jp']), depthBit(3)).data,
    );
    const fps = new Uint32Array(8);
    suffixFingerprints('shop.example.jp', fps, new Int32Array(4));
    const positions = new Int32Array(4);
    expect(two.findSuffixes(fps, 2, 1, positions)).toBe(1);
    expect(positions[1]).toBe(-1);
    expect(positions[2]).toBeGreaterThanOrEqual(0);
    // Built without label counts (or stored before they existed), every suffix is looked up.
    const all = new CompactDomainIndex(
      buildCompactIndex(fingerprintPairs(['example.jp', 'shop.example.jp'])).data,
    );
    expect(all.data.depths).toBe(ALL_DEPTHS);
    expect(all.findSuffixes(fps, 2, 1, positions)).toBe(2);
    const { depths: _, ...stored } = all.data;
    expect(isCompactIndexData(stored)).toBe(true);
    expect(new CompactDomainIndex(stored).findSuffixes(fps, 2, 1, positions)).toBe(2);
    // A damaged value is refused (the list is rebuilt from its entries).
    expect(isCompactIndexData({ ...all.data, depths: -1 })).toBe(false);
    expect(isCompactIndexData({ ...all.data, depths: 1.5 })).toBe(false);
    expect(isCompactIndexData({ ...all.data, depths: '7' })).toBe(false);
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
