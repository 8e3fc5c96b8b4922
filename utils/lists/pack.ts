// A list's hosts in the stored layout (pure): the compact fingerprint index, and the exact entries
// in chunks that follow the index's order, so a fingerprint candidate is confirmed by reading one
// chunk. Each entry carries a reference to its details: none (the list's category), a group, or a
// site entry of its own.
import { buildCompactIndex, type CompactIndexData } from '../match/compact-index';
import { hostFingerprint } from '../match/fingerprint';
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

interface Entry {
  host: string;
  ref: number;
  site: SiteEntry | null;
}

/** Every host of a list once: a site entry wins over a group, a group over a bare listing. */
function entriesOf(content: ListContent): { entries: Entry[]; groups: GroupMeta[] } {
  const entries: Entry[] = [];
  for (const site of content.sites) entries.push({ host: site.domain, ref: 0, site });
  const groups: GroupMeta[] = [];
  content.groups.forEach((group: DomainGroup, g) => {
    const { domains, ...meta } = group;
    groups.push(meta);
    for (const host of domains) entries.push({ host, ref: g, site: null });
  });
  for (const host of content.domains) entries.push({ host, ref: REF_BARE, site: null });
  return { entries, groups };
}

export function packContent(content: ListContent): PackedList {
  const { entries, groups } = entriesOf(content);
  let pairs = new Uint32Array(entries.length * 2);
  entries.forEach((entry, i) => {
    const fp = hostFingerprint(entry.host);
    pairs[i * 2] = fp.hi;
    pairs[i * 2 + 1] = fp.lo;
  });
  let built = buildCompactIndex(pairs);
  // The same host twice (in two parts of a list) sits next to itself: keep the first, which the
  // stable sort left first (sites, then groups, then bare hosts).
  const drop = duplicates(built.data, built.order, entries);
  let kept = entries;
  if (drop.size > 0) {
    kept = entries.filter((_, i) => !drop.has(i));
    pairs = pairs.filter((_, i) => !drop.has(i >>> 1));
    built = buildCompactIndex(pairs);
  }
  const { data, order } = built;
  const chunkCount = 2 ** data.chunkBits;
  const chunks: ExactChunk[] = [];
  for (let c = 0; c < chunkCount; c += 1) {
    const start = data.offsets[c << (data.bucketBits - data.chunkBits)]!;
    const end = data.offsets[(c + 1) << (data.bucketBits - data.chunkBits)]!;
    const hosts: string[] = [];
    const refs = new Int32Array(end - start);
    const sites: SiteEntry[] = [];
    for (let p = start; p < end; p += 1) {
      const entry = kept[order[p]!]!;
      hosts.push(entry.host);
      if (entry.site) {
        refs[p - start] = siteRef(sites.length);
        sites.push(entry.site);
      } else {
        refs[p - start] = entry.ref;
      }
    }
    chunks.push({ hosts: hosts.join('\n'), refs, sites });
  }
  return { index: data, chunks, groups };
}

function duplicates(data: CompactIndexData, order: Uint32Array, entries: Entry[]): Set<number> {
  const drop = new Set<number>();
  for (let p = 1; p < data.count; p += 1) {
    if (data.hi[p] !== data.hi[p - 1] || data.lo[p] !== data.lo[p - 1]) continue;
    // Equal fingerprints: compare with every earlier entry of the run (almost always one).
    for (let q = p - 1; q >= 0 && data.hi[q] === data.hi[p] && data.lo[q] === data.lo[p]; q -= 1) {
      if (!drop.has(order[q]!) && entries[order[q]!]!.host === entries[order[p]!]!.host) {
        drop.add(order[p]!);
        break;
      }
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
