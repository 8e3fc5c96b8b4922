// Every enabled list as one index: which hosts each list names, and what a hit means (block,
// warn, notice). Each list's hosts are a compact fingerprint index (about 6 bytes per domain, kept
// in memory) plus exact entries in chunks (kept in IndexedDB by the background, in memory by the
// CLI and tests): a fingerprint hit is a candidate until its chunk confirms the exact host, so no
// fingerprint collision ever reaches the user. Pure: no browser globals.
import { CompactDomainIndex } from '../match/compact-index';
import { suffixFingerprints } from '../match/fingerprint';
import { packContent, readChunk, REF_BARE, siteOfRef, type ChunkEntries } from '../lists/pack';
import type {
  Breach,
  GroupMeta,
  ListContent,
  ListMeta,
  Registrar,
  SiteCategory,
  SiteEntry,
} from '../lists/model';
import { registrableDomain } from '../core/hostname';
import type { MatchedBreach } from '../intel/model';
import type { ListAction, ListFormat } from '../lists/record';
import { LicensedIndex, type LicensedEntry } from '../lists/licensed';
import type { ListReason, ListRef } from './model';
import { USER_LIST_ID } from './user-blocks';

export interface IndexedListInput {
  id: string;
  action: ListAction;
  content: ListContent;
  /** The list's format: HIBP breaches are announced only when recent, curated ones always. */
  format?: ListFormat;
}

/** One list as the index uses it, wherever its exact entries are kept. */
export interface ListData {
  id: string;
  action: ListAction;
  format?: IndexedListInput['format'];
  meta: ListMeta;
  domainCategory: SiteCategory;
  groups: GroupMeta[];
  registrars: Registrar[];
  breaches: Breach[];
  /** Licensed sellers (a `licensed` list). */
  licensed?: LicensedEntry[];
  index: CompactDomainIndex;
  /** The exact entries of one chunk (null if unreadable: nothing in it is confirmed). */
  chunk(no: number): Promise<ChunkEntries | null>;
}

/** A list held entirely in memory (the CLI, tests, the user's own blocks). */
export function listDataFromContent(input: IndexedListInput): ListData {
  const packed = packContent(input.content);
  const read: (ChunkEntries | null)[] = [];
  return {
    id: input.id,
    action: input.action,
    ...(input.format ? { format: input.format } : {}),
    meta: input.content.meta,
    domainCategory: input.content.domainCategory,
    groups: packed.groups,
    registrars: input.content.registrars,
    breaches: input.content.breaches,
    licensed: input.content.licensed ?? [],
    index: new CompactDomainIndex(packed.index),
    chunk: async (no) => {
      if (!(no in read)) read[no] = packed.chunks[no] ? readChunk(packed.chunks[no]) : null;
      return read[no]!;
    },
  };
}

export interface ListHit {
  listId: string;
  reason: ListReason;
  /** The hit stops the page before it loads (unless the user allowed the site). */
  blocks: boolean;
}

/** Categories that warrant stopping a page; a breach alone never does. */
export function categoryBlocks(category: SiteCategory): boolean {
  return category !== 'breached-service';
}

/** The details of one confirmed entry. */
interface Listing {
  listed: string;
  category: SiteCategory;
  site: SiteEntry | null;
  group: GroupMeta | null;
}

/** A fingerprint hit in one list: the suffix starting at `start`, at `position` in the index. */
export interface Candidate {
  list: number;
  start: number;
  hi: number;
  lo: number;
  position: number;
}
const NO_CANDIDATES: readonly Candidate[] = Object.freeze([]);

/** Hosts have at most 127 labels. */
const MAX_SUFFIXES = 128;
const IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}$/;
const isIpv4 = (host: string) => {
  const end = host.charCodeAt(host.length - 1);
  return end >= 48 && end <= 57 && IPV4.test(host);
};

export class ListIndex {
  private readonly lists: ListData[];
  private readonly refs: ListRef[];
  private readonly registrars = new Map<number, Registrar>();
  private readonly breaches = new Map<string, MatchedBreach[]>();
  // Scratch for the suffix fingerprints of the host being looked up.
  private readonly fps = new Uint32Array(MAX_SUFFIXES * 2);
  private readonly starts = new Int32Array(MAX_SUFFIXES);
  /** The licensed sellers of every enabled licensed-seller list (first list first). */
  readonly licensed: LicensedIndex;

  constructor(lists: readonly ListData[]) {
    this.lists = [...lists];
    this.licensed = new LicensedIndex(this.lists.flatMap((l) => l.licensed ?? []));
    this.refs = this.lists.map((list) => ({
      id: list.id,
      title: list.meta.title,
      attribution: list.meta.attribution.map((a) => a.name),
    }));
    this.lists.forEach((list, i) => {
      for (const registrar of list.registrars) {
        if (registrar.ianaId !== null && !this.registrars.has(registrar.ianaId))
          this.registrars.set(registrar.ianaId, registrar);
      }
      for (const breach of list.breaches) {
        const site = registrableDomain(breach.domain);
        const entries = this.breaches.get(site) ?? [];
        entries.push({ breach, list: this.refs[i]!, curated: list.format !== 'hibp' });
        this.breaches.set(site, entries);
      }
    });
  }

  /** An index over lists held in memory. */
  static fromContents(inputs: readonly IndexedListInput[]): ListIndex {
    return new ListIndex(inputs.map(listDataFromContent));
  }

  /** Number of listed hosts over all lists. */
  get size(): number {
    return this.lists.reduce((n, l) => n + l.index.size, 0);
  }

  /**
   * Fingerprint hits for `host` and its parents, in every list, most specific first: the part
   * of a lookup that runs on every navigation, synchronously and without allocating for a miss.
   * Each hit is only a candidate until confirm() has checked the exact entry.
   */
  candidates(host: string): readonly Candidate[] {
    // Least specific first: [`com`, `example.com`, `www.example.com`].
    const found = suffixFingerprints(host, this.fps, this.starts);
    // A host matches itself and its parents, down to two labels: a lone label (a TLD) is never
    // listed (importers refuse public suffixes and names without a dot). An IP address matches
    // only itself; the regular expression runs only for hosts that end in a digit.
    const last = found - 1;
    if (last < 0) return NO_CANDIDATES;
    const least = isIpv4(host) ? last : Math.min(1, last);
    let out: Candidate[] | null = null;
    for (let i = 0; i < this.lists.length; i += 1) {
      const list = this.lists[i]!;
      if (list.action === 'notice') continue; // breach lists are matched by the breach index
      const index = list.index;
      for (let k = last; k >= least; k -= 1) {
        const hi = this.fps[k * 2]!;
        const lo = this.fps[k * 2 + 1]!;
        const position = index.find(hi, lo);
        if (position < 0) continue;
        (out ??= []).push({ list: i, start: this.starts[k]!, hi, lo, position });
      }
    }
    return out ?? NO_CANDIDATES;
  }

  /** Every list that names `host` (or a parent of it), strongest first. */
  async lookup(host: string): Promise<ListHit[]> {
    const candidates = this.candidates(host);
    if (candidates.length === 0) return [];
    const hits: ListHit[] = [];
    let confirmedList = -1;
    for (const c of candidates) {
      if (c.list === confirmedList) continue; // this list already named a more specific suffix
      const list = this.lists[c.list]!;
      const listing = await this.confirm(list, host.slice(c.start), c.hi, c.lo, c.position);
      if (listing === null) continue;
      confirmedList = c.list;
      hits.push(this.hit(list, this.refs[c.list]!, listing));
    }
    return hits.sort((a, b) => Number(b.blocks) - Number(a.blocks));
  }

  private async confirm(
    list: ListData,
    suffix: string,
    hi: number,
    lo: number,
    position: number,
  ): Promise<Listing | null> {
    const no = list.index.chunkOf(hi);
    const chunk = await list.chunk(no);
    if (!chunk) return null;
    const hosts = chunk.hosts;
    const start = list.index.chunkStart(no);
    for (let p = position; list.index.same(p, hi, lo); p += 1) {
      if (hosts[p - start] !== suffix) continue; // another host with the same fingerprint
      const ref = chunk.refs[p - start]!;
      if (ref === REF_BARE)
        return { listed: suffix, category: list.domainCategory, site: null, group: null };
      if (ref >= 0) {
        const group = list.groups[ref] ?? null;
        return {
          listed: suffix,
          category: group?.category ?? list.domainCategory,
          site: null,
          group,
        };
      }
      const site = chunk.sites[siteOfRef(ref)] ?? null;
      return { listed: suffix, category: site?.category ?? list.domainCategory, site, group: null };
    }
    return null;
  }

  private hit(list: ListData, ref: ListRef, listing: Listing): ListHit {
    const { category } = listing;
    const blocks = list.action === 'block' && categoryBlocks(category);
    const details = listing.site ?? listing.group;
    const reason: ListReason = {
      group: 'list',
      code: list.id === USER_LIST_ID ? 'list.user' : blocks ? 'list.block' : 'list.warn',
      level: blocks ? 'danger' : categoryBlocks(category) ? 'warning' : 'caution',
      list: ref,
      listed: listing.listed,
      category,
      evidence: details?.evidence ?? [],
    };
    if (details?.network !== undefined) reason.network = details.network;
    if (details?.note !== undefined) reason.note = details.note;
    return { listId: list.id, reason, blocks };
  }

  /** The curated record of a registrar, by IANA ID. */
  registrar(ianaId: number | null): Registrar | null {
    return ianaId === null ? null : (this.registrars.get(ianaId) ?? null);
  }

  /** Known breaches of a site's own service (matched on the registrable domain), newest first. */
  breachesFor(site: string): MatchedBreach[] {
    return [...(this.breaches.get(site) ?? [])].sort((a, b) =>
      a.breach.breachDate < b.breach.breachDate ? 1 : -1,
    );
  }

  /** Each list's id, action and number of hosts, in index order (for comparing lists). */
  listSizes(): { id: string; action: ListAction; size: number }[] {
    return this.lists.map((l) => ({ id: l.id, action: l.action, size: l.index.size }));
  }

  /** The exact hosts of one list, one stored chunk at a time (an unreadable chunk is skipped). */
  async *hostChunks(listId: string): AsyncGenerator<readonly string[]> {
    const list = this.lists.find((l) => l.id === listId);
    if (!list) return;
    for (let no = 0; no < list.index.chunkCount; no += 1) {
      const chunk = await list.chunk(no);
      if (chunk) yield chunk.hosts;
    }
  }

  /**
   * Every host that block-level lists stop before loading, for the pre-load rules, list by list
   * in the order given (the user's own blocks and the project's list first). Reads every chunk.
   */
  async blockHosts(
    only: (listId: string) => boolean = () => true,
  ): Promise<{ listId: string; hosts: string[] }[]> {
    const out: { listId: string; hosts: string[] }[] = [];
    for (const list of this.lists) {
      if (list.action !== 'block' || !only(list.id)) continue;
      const hosts: string[] = [];
      for (let no = 0; no < list.index.chunkCount; no += 1) {
        const chunk = await list.chunk(no);
        if (!chunk) continue;
        chunk.hosts.forEach((host, i) => {
          const ref = chunk.refs[i]!;
          const category =
            ref === REF_BARE
              ? list.domainCategory
              : ref >= 0
                ? (list.groups[ref]?.category ?? list.domainCategory)
                : (chunk.sites[siteOfRef(ref)]?.category ?? list.domainCategory);
          if (categoryBlocks(category)) hosts.push(host);
        });
      }
      out.push({ listId: list.id, hosts });
    }
    return out;
  }
}
