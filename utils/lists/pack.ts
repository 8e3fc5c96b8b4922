// A list's hosts in the stored layout (pure): the compact fingerprint index, and the exact entries
// in chunks that follow the index's order, so a fingerprint candidate is confirmed by reading one
// chunk. Each entry carries a reference to its details: none (the list's category), a group, or a
// site entry of its own.
import { buildCompactIndex, depthBit, type CompactIndexData } from '../match/compact-index';
import { hostFingerprintInto } from '../match/fingerprint';
import type { DomainGroup, GroupMeta, ListContent, SiteEntry } from './model';
import { compareByDomain } from './order';

/** `refs` values: a group index (≥ 0), a bare host, or a site entry in the chunk's `sites`. */
export const REF_BARE = -1;
export const siteRef = (i: number) => -2 - i;
export const siteOfRef = (ref: number) => -2 - ref;

/** One chunk as stored: hosts in index order, joined with newlines (one string clones fast). */
export interface ExactChunk {
  hosts: string;
  refs: Int32Array;
  sites: SiteEntry[];
}

export interface PackedList {
  index: CompactIndexData;
  /** `2^index.chunkBits` chunks. */
  chunks: ExactChunk[];
  /** The groups' details, without their domains (those are entries in the chunks). */
  groups: GroupMeta[];
}

/**
 * Every host of a list once, as parallel arrays (a million entries as objects would cost a
 * million allocations): `refs[i]` is REF_BARE, a group index, or siteRef(j) for `content.sites[j]`.
 */
function entriesOf(content: ListContent): {
  hosts: string[];
  refs: Int32Array;
  groups: GroupMeta[];
} {
  const total =
    content.sites.length +
    content.domains.length +
    content.groups.reduce((n, g) => n + g.domains.length, 0);
  const hosts: string[] = new Array<string>(total);
  const refs = new Int32Array(total);
  let i = 0;
  content.sites.forEach((site, j) => {
    hosts[i] = site.domain;
    refs[i++] = siteRef(j);
  });
  const groups: GroupMeta[] = [];
  content.groups.forEach((group: DomainGroup, g) => {
    const { domains, ...meta } = group;
    groups.push(meta);
    for (const host of domains) {
      hosts[i] = host;
      refs[i++] = g;
    }
  });
  for (const host of content.domains) {
    hosts[i] = host;
    refs[i++] = REF_BARE;
  }
  return { hosts, refs, groups };
}

export function packContent(content: ListContent): PackedList {
  const entries = entriesOf(content);
  let { hosts, refs } = entries;
  let pairs = new Uint32Array(hosts.length * 2);
  let depths = 0;
  for (let i = 0; i < hosts.length; i += 1)
    depths |= depthBit(hostFingerprintInto(hosts[i]!, pairs, i * 2));
  let built = buildCompactIndex(pairs, depths);
  // The same host twice (in two parts of a list) sits next to itself: keep the first, which the
  // stable sort left first (sites, then groups, then bare hosts).
  const drop = repeatsIn(built.data, built.order, hosts);
  if (drop !== null) {
    const keep = (_: unknown, i: number) => drop[i] === 0;
    hosts = hosts.filter(keep);
    refs = refs.filter(keep);
    pairs = pairs.filter((_, i) => drop[i >>> 1] === 0);
    built = buildCompactIndex(pairs, depths);
  }
  const { data, order } = built;
  const chunkCount = 2 ** data.chunkBits;
  const chunks: ExactChunk[] = [];
  for (let c = 0; c < chunkCount; c += 1) {
    const start = data.offsets[c << (data.bucketBits - data.chunkBits)]!;
    const end = data.offsets[(c + 1) << (data.bucketBits - data.chunkBits)]!;
    const chunkHosts: string[] = new Array<string>(end - start);
    const chunkRefs = new Int32Array(end - start);
    const sites: SiteEntry[] = [];
    for (let p = start; p < end; p += 1) {
      const from = order[p]!;
      chunkHosts[p - start] = hosts[from]!;
      const ref = refs[from]!;
      if (ref < REF_BARE) {
        chunkRefs[p - start] = siteRef(sites.length);
        sites.push(content.sites[siteOfRef(ref)]!);
      } else {
        chunkRefs[p - start] = ref;
      }
    }
    chunks.push({ hosts: chunkHosts.join('\n'), refs: chunkRefs, sites });
  }
  return { index: data, chunks, groups: entries.groups };
}

/**
 * Which inputs repeat an earlier one (1 = drop), or null when none does, from the index built on
 * their fingerprints (`order` maps its positions to inputs).
 */
export function repeatsIn(
  data: CompactIndexData,
  order: Uint32Array,
  hosts: readonly string[],
): Uint8Array | null {
  let drop: Uint8Array | null = null;
  const { keys, count } = data;
  for (let start = 0, end = 1; start < count; start = end, end = start + 1) {
    while (end < count && keys[end] === keys[start]) end += 1;
    if (end - start === 1) continue;
    // A run of equal keys (a repeated host, or, about once in a list of millions, two hosts that
    // share 32 bits). Positions follow input order within a bucket, so the first of a repeated
    // host is kept. A Set, not pairwise comparisons: a crafted list could make the run long.
    const seen = new Set<string>();
    for (let p = start; p < end; p += 1) {
      const entry = order[p]!;
      const host = hosts[entry]!;
      if (seen.has(host)) (drop ??= new Uint8Array(hosts.length))[entry] = 1;
      else seen.add(host);
    }
  }
  return drop;
}

/** A chunk as it is read: its hosts split back into an array (once, when read). */
export interface ChunkEntries {
  hosts: string[];
  refs: Int32Array;
  sites: SiteEntry[];
}

/**
 * A stored chunk's entries, or null when its hosts and references do not agree (a damaged
 * chunk), or do not number `expected` (the index's count for it), when given.
 */
export function readChunk(chunk: ExactChunk, expected?: number): ChunkEntries | null {
  const hosts = chunk.hosts === '' ? [] : chunk.hosts.split('\n');
  if (hosts.length !== chunk.refs.length) return null;
  if (expected !== undefined && hosts.length !== expected) return null;
  return { hosts, refs: chunk.refs, sites: chunk.sites };
}

/** The list's entries back from its chunks (for updates applied to the stored list). */
export function unpackEntries(
  chunks: ChunkEntries[],
  groups: GroupMeta[],
): Pick<ListContent, 'sites' | 'domains' | 'groups'> {
  const sites: SiteEntry[] = [];
  const domains: string[] = [];
  const grouped: DomainGroup[] = groups.map((g) => ({ ...g, domains: [] }));
  for (const chunk of chunks) {
    chunk.hosts.forEach((host, i) => {
      const ref = chunk.refs[i]!;
      if (ref === REF_BARE) domains.push(host);
      else if (ref >= 0) grouped[ref]?.domains.push(host);
      else {
        const site = chunk.sites[siteOfRef(ref)];
        if (site) sites.push(site);
      }
    });
  }
  sites.sort(compareByDomain);
  for (const group of grouped) group.domains.sort();
  return { sites, domains, groups: grouped };
}
