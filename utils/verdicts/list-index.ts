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
import { hostSuffixes, registrableDomain } from '../core/hostname';
import { readAhead } from '../core/read-ahead';
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

/** One suffix of a visited host to look for: its text and the high half of its fingerprint. */
export interface Suffix {
  text: string;
  hi: number;
  lo: number;
}

/** An entry a list holds, found by its exact host: its reference and its chunk's site entries. */
export interface FoundEntry {
  suffix: string;
  ref: number;
  sites: readonly SiteEntry[];
  /**
   * The group `ref` names, when it was read with the entry's chunk (a probed list); absent: the
   * list's own `groups[ref]`.
   */
  group?: GroupMeta | null;
}

/**
 * One stored list as a waking worker's first lookup uses it, before its fingerprint index is in
 * memory: the small parts are read, and `find` reads only the chunks that could hold the visited
 * host's suffixes (list-data.ts), in one transaction so that a swap is seen whole or not at all.
 */
export interface ProbedList extends Omit<ListData, 'index' | 'chunk'> {
  /** The first of `suffixes` (most specific first) the list holds, by its exact host, or null. */
  find(suffixes: readonly Suffix[]): Promise<FoundEntry | null>;
  /**
   * A list whose breaches and licensed sellers are stored per site (its `breaches` and
   * `licensed` are then empty): those matched on `site` and those of `hosts`.
   */
  siteRows?(
    site: string | null,
    hosts: readonly string[],
  ): Promise<{ breaches: Breach[]; licensed: Map<string, LicensedEntry> }>;
}

/** A probed list whose breaches and licensed sellers are read per site. */
function isStoredPerSite(
  list: ProbedList | ListData,
): list is ProbedList & Required<Pick<ProbedList, 'siteRows'>> {
  return 'siteRows' in list && typeof list.siteRows === 'function';
}

/** `find` over a list whose index is in memory: fingerprint candidates, then the exact host. */
export async function findInIndex(
  list: ListData,
  suffixes: readonly Suffix[],
): Promise<FoundEntry | null> {
  for (const { text, hi, lo } of suffixes) {
    const position = list.index.find(hi, lo);
    if (position < 0) continue;
    const no = list.index.chunkOf(hi);
    const chunk = await list.chunk(no);
    if (!chunk) continue;
    const start = list.index.chunkStart(no);
    for (let p = position; list.index.same(p, hi, lo); p += 1) {
      if (chunk.hosts[p - start] === text)
        return { suffix: text, ref: chunk.refs[p - start]!, sites: chunk.sites };
    }
  }
  return null;
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

/** What the verdict asks of the lists: hits for a host, registrars, breaches, licensed sellers. */
export interface ListLookup {
  lookup(host: string): Promise<ListHit[]>;
  registrar(ianaId: number | null): Registrar | null;
  /** Known breaches of a site's own service (matched on the registrable domain), newest first. */
  breachesFor(site: string): Promise<MatchedBreach[]>;
  /** The licensed seller that covers `host` (its own host or one under it), first list first. */
  licensedFor(host: string): Promise<LicensedEntry | null>;
}

/** The details every list carries (registrars, breaches, licensed sellers), and hits from entries. */
abstract class ListDetails<L extends Omit<ListData, 'index' | 'chunk'>> implements ListLookup {
  protected readonly lists: L[];
  protected readonly refs: ListRef[];
  private readonly registrars = new Map<number, Registrar>();
  protected readonly breaches = new Map<string, MatchedBreach[]>();
  /** The licensed sellers of every enabled licensed-seller list (first list first). */
  readonly licensed: LicensedIndex;

  abstract lookup(host: string): Promise<ListHit[]>;

  constructor(lists: readonly L[]) {
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

  /** The listing of an entry found by its exact host. */
  protected listing(list: L, found: FoundEntry): Listing {
    const { suffix, ref } = found;
    if (ref === REF_BARE)
      return { listed: suffix, category: list.domainCategory, site: null, group: null };
    if (ref >= 0) {
      const group = found.group !== undefined ? found.group : (list.groups[ref] ?? null);
      return {
        listed: suffix,
        category: group?.category ?? list.domainCategory,
        site: null,
        group,
      };
    }
    const site = found.sites[siteOfRef(ref)] ?? null;
    return { listed: suffix, category: site?.category ?? list.domainCategory, site, group: null };
  }

  protected hit(list: L, ref: ListRef, listing: Listing): ListHit {
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
  async breachesFor(site: string): Promise<MatchedBreach[]> {
    return newestFirst([...(this.breaches.get(site) ?? [])]);
  }

  async licensedFor(host: string): Promise<LicensedEntry | null> {
    return this.licensed.lookup(host);
  }
}

function newestFirst(breaches: MatchedBreach[]): MatchedBreach[] {
  return breaches.sort((a, b) => (a.breach.breachDate < b.breach.breachDate ? 1 : -1));
}

/**
 * The suffixes of `host` a list entry can name, most specific first, into `fps`/`starts` scratch:
 * the host and its parents down to two labels (a lone label, a TLD, is never listed: importers
 * refuse public suffixes and names without a dot); an IP address only itself. Returns the index
 * of the most specific (the whole host; -1 for none); the least specific is leastSuffix().
 */
function suffixRange(host: string, fps: Uint32Array, starts: Int32Array): number {
  return suffixFingerprints(host, fps, starts) - 1;
}

/** The least specific suffix to look up, given suffixRange()'s `last`. */
function leastSuffix(host: string, last: number): number {
  // The regular expression runs only for hosts that end in a digit.
  return last < 1 ? 0 : isIpv4(host) ? last : 1;
}

/**
 * The index a waking worker answers its first verdict from: every list's small parts, and for
 * each lookup only the chunks that could hold the host's suffixes, read from IndexedDB (a few
 * kilobytes instead of every list's fingerprint index, 4.3 MB at a million domains). The lists
 * service swaps in the whole ListIndex as soon as it has been read, after that first answer.
 */
export class ProbeIndex extends ListDetails<ProbedList | ListData> {
  private readonly fps = new Uint32Array(MAX_SUFFIXES * 2);
  private readonly starts = new Int32Array(MAX_SUFFIXES);
  /** Each list's licensed sellers held in memory (a list not stored per site), by host. */
  private readonly heldLicensed = this.lists.map((list) =>
    isStoredPerSite(list) ? null : new LicensedIndex(list.licensed ?? []),
  );
  /** Every list's per-site rows read for a site's breaches, by site (null: a list in memory). */
  private readonly breachRows = new Map<string, Promise<(Breach[] | null)[]>>();
  /** ...and for a host's licensed seller, by host. */
  private readonly licensedRows = new Map<string, Promise<(Map<string, LicensedEntry> | null)[]>>();

  /**
   * Every list's per-site rows for `site` (breaches) and `hosts` (licensed sellers), one
   * transaction per list stored per site; kept for the breaches asked for next.
   */
  private readSiteRows(site: string, hosts: readonly string[]) {
    const read = Promise.all(
      this.lists.map((list) => (isStoredPerSite(list) ? list.siteRows(site, hosts) : null)),
    );
    if (!this.breachRows.has(site))
      this.breachRows.set(
        site,
        read.then((rows) => rows.map((r) => r?.breaches ?? null)),
      );
    return read;
  }

  override async breachesFor(site: string): Promise<MatchedBreach[]> {
    if (!this.breachRows.has(site)) void this.readSiteRows(site, []);
    const rows = await this.breachRows.get(site)!;
    const held = this.breaches.get(site) ?? [];
    const matched: MatchedBreach[] = [];
    this.lists.forEach((list, i) => {
      const read = rows[i];
      if (!read) matched.push(...held.filter((m) => m.list === this.refs[i]));
      else {
        const curated = list.format !== 'hibp';
        for (const breach of read) matched.push({ breach, list: this.refs[i]!, curated });
      }
    });
    return newestFirst(matched);
  }

  /**
   * Also reads the host's site's breach rows in the same transactions (a verdict asks for both:
   * ask for this first).
   */
  override async licensedFor(host: string): Promise<LicensedEntry | null> {
    let read = this.licensedRows.get(host);
    if (!read) {
      const hosts = hostSuffixes(host);
      read = this.readSiteRows(registrableDomain(host), hosts).then((rows) =>
        rows.map((r) => r?.licensed ?? null),
      );
      this.licensedRows.set(host, read);
    }
    const rows = await read;
    // Most specific host first, then the first list: as LicensedIndex over every list's entries.
    for (const suffix of hostSuffixes(host)) {
      for (let i = 0; i < this.lists.length; i += 1) {
        const entry = (rows[i] ?? this.heldLicensed[i])?.get(suffix);
        if (entry) return entry;
      }
    }
    return null;
  }

  async lookup(host: string): Promise<ListHit[]> {
    const last = suffixRange(host, this.fps, this.starts);
    const least = leastSuffix(host, last);
    const suffixes: Suffix[] = [];
    for (let k = last; k >= least; k -= 1)
      suffixes.push({
        text: host.slice(this.starts[k]!),
        hi: this.fps[k * 2]!,
        lo: this.fps[k * 2 + 1]!,
      });
    if (suffixes.length === 0) return [];
    // Every list at once: each reads its own chunks in its own transaction.
    const found = await Promise.all(
      this.lists.map((list) => {
        if (list.action === 'notice') return null; // breach lists are matched by the breach index
        return 'find' in list ? list.find(suffixes) : findInIndex(list, suffixes);
      }),
    );
    const hits: ListHit[] = [];
    found.forEach((entry, i) => {
      const list = this.lists[i]!;
      if (entry) hits.push(this.hit(list, this.refs[i]!, this.listing(list, entry)));
    });
    return hits.sort((a, b) => Number(b.blocks) - Number(a.blocks));
  }
}

export class ListIndex extends ListDetails<ListData> {
  // Scratch for the suffix fingerprints of the host being looked up.
  private readonly fps = new Uint32Array(MAX_SUFFIXES * 2);
  private readonly starts = new Int32Array(MAX_SUFFIXES);
  /** Scratch for where each suffix was found in the list being looked at (-1: not found). */
  private readonly positions = new Int32Array(MAX_SUFFIXES);

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
    const fps = this.fps;
    const last = suffixRange(host, fps, this.starts);
    if (last < 0) return NO_CANDIDATES;
    const least = leastSuffix(host, last);
    const positions = this.positions;
    let out: Candidate[] | null = null;
    for (let i = 0; i < this.lists.length; i += 1) {
      const list = this.lists[i]!;
      if (list.action === 'notice') continue; // breach lists are matched by the breach index
      if (list.index.findSuffixes(fps, last, least, positions) === 0) continue;
      for (let k = last; k >= least; k -= 1) {
        const position = positions[k]!;
        if (position < 0) continue;
        const hi = fps[k * 2]!;
        const lo = fps[k * 2 + 1]!;
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
    const start = list.index.chunkStart(no);
    for (let p = position; list.index.same(p, hi, lo); p += 1) {
      if (chunk.hosts[p - start] !== suffix) continue; // another host with the same fingerprint
      return this.listing(list, { suffix, ref: chunk.refs[p - start]!, sites: chunk.sites });
    }
    return null;
  }

  /** Each list's id, action and number of hosts, in index order (for comparing lists). */
  listSizes(): { id: string; action: ListAction; size: number }[] {
    return this.lists.map((l) => ({ id: l.id, action: l.action, size: l.index.size }));
  }

  /** The exact hosts of one list, one stored chunk at a time (an unreadable chunk is skipped). */
  async *hostChunks(listId: string): AsyncGenerator<readonly string[]> {
    const list = this.lists.find((l) => l.id === listId);
    if (!list) return;
    for await (const chunk of readAhead(list.index.chunkCount, (no) => list.chunk(no)))
      if (chunk) yield chunk.hosts;
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
      for await (const chunk of readAhead(list.index.chunkCount, (no) => list.chunk(no))) {
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
