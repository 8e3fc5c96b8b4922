// How a list's content lies in IndexedDB (`listParts`, one row per part): `index` (the compact
// fingerprint index as typed arrays: a few megabytes for a million domains, loaded as is on every
// worker start), `chunk:<n>` (the exact entries, read only to confirm a hit or to rebuild the
// pre-load rules), `groups`, `registrars`, `breaches`, `licensed`; and `sites` and `domains`, the
// layout before the index, read only to convert it. Each part is validated when it is read.
import { z } from '../core/zod';
import {
  BreachSchema,
  GroupMetaSchema,
  RegistrarSchema,
  SiteEntrySchema,
  type ListContent,
} from './model';
import { LicensedEntrySchema, LicensedIndex } from './licensed';
import { db, type KgDatabase } from '../core/db';
import { registrableDomain } from '../core/hostname';
import { PSL_TLDTS_VERSION } from '../core/psl-data';
import { readChunk, type ChunkEntries, type ExactChunk, type PackedList } from './pack';
import {
  COMPACT_INDEX_FORMAT,
  isCompactIndexData,
  type CompactIndexData,
} from '../match/compact-index';

const StoredSiteSchema = z.extend(SiteEntrySchema, { domain: z.string() });

const PART_SCHEMAS = {
  groups: z.array(GroupMetaSchema),
  registrars: z.array(RegistrarSchema),
  breaches: z.array(z.extend(BreachSchema, { domain: z.string() })),
  licensed: z.array(z.extend(LicensedEntrySchema, { domain: z.string() })),
  // The layout before the index: every entry in two big arrays (read once, then converted).
  sites: z.array(StoredSiteSchema),
  domains: z.array(z.string()),
} as const;
export type PartName = keyof typeof PART_SCHEMAS;

export const ChunkSchema = z.object({
  hosts: z.string(),
  refs: z.instanceof(Int32Array),
  sites: z.array(StoredSiteSchema),
});

export interface PartRow {
  listId: string;
  part: string;
  data: unknown;
  /**
   * PARTS_CHECKED when packedRows wrote it from content the import had validated: read back as
   * is, without validating it again on every worker start (the breach list's part alone is
   * 350 KB of objects; a first verdict's chunk builds and runs the entries' schemas, several ms of
   * a waking worker's time). Rows without it (older versions, anything else) are validated on read.
   */
  checked?: number;
  /**
   * A part written in pieces (its first row, named as the part): how many rows it has, the others
   * named `<part>:1`, `<part>:2`… (packedRows splits a part Chromium would store as a blob file).
   * Rows without it hold the whole part, as every version before pieces wrote them.
   */
  pieces?: number;
  /** Which piece of its part a row `<part>:<n>` is (n ≥ 1). */
  piece?: number;
}

/** The stamp of parts written by packedRows from validated content (PartRow.checked). */
export const PARTS_CHECKED = 1;

export const chunkPart = (no: number) => `chunk:${no}`;

/**
 * The index's shape without its arrays (`head`): what a waking worker needs to know which chunk
 * could hold a host (list-data.ts), a few bytes instead of the index's megabytes. Written in the
 * same transaction as the chunks it describes; lists stored before it existed have none and are
 * read through their whole index.
 */
export interface IndexHead {
  format: number;
  count: number;
  bucketBits: number;
  chunkBits: number;
  /**
   * The list's breaches and licensed sellers are also stored one row per site
   * (`@b/<registrable domain>`, `@l/<host>`; SiteRows): how many of each. A waking worker reads
   * only the rows of the host it answers for instead of the whole parts (the packaged breach
   * list's is 221 KB). Heads written before (no `bySite`) are read through the whole parts.
   */
  bySite?: SiteRowCounts;
}

/** How many per-site rows a list has (IndexHead.bySite); the layout's version is BY_SITE_LAYOUT. */
export interface SiteRowCounts {
  layout: number;
  breaches: number;
  licensed: number;
  /**
   * The public suffix rules the breach rows were keyed with (their registrable domains). Rules
   * of another version may draw a site's boundary elsewhere, so rows keyed by them are not read:
   * the whole parts answer until the list's next import rewrites the rows.
   */
  psl: string;
}

/** The per-site rows' layout (IndexHead.bySite.layout); another value is read as none. */
export const BY_SITE_LAYOUT = 1;

export const breachRow = (site: string) => `@b/${site}`;
export const licensedRow = (host: string) => `@l/${host}`;

/** The head's per-site counts, when they are of this layout. */
export function siteRowCounts(head: IndexHead): SiteRowCounts | null {
  const by = head.bySite as Partial<SiteRowCounts> | undefined;
  return by?.layout === BY_SITE_LAYOUT &&
    by.psl === PSL_TLDTS_VERSION &&
    Number.isInteger(by.breaches) &&
    Number.isInteger(by.licensed)
    ? (by as SiteRowCounts)
    : null;
}

export function isIndexHead(value: unknown): value is IndexHead {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<IndexHead>;
  return (
    v.format === COMPACT_INDEX_FORMAT &&
    Number.isInteger(v.count) &&
    Number.isInteger(v.bucketBits) &&
    Number.isInteger(v.chunkBits) &&
    v.chunkBits! >= 0 &&
    v.chunkBits! <= v.bucketBits! &&
    v.bucketBits! <= 16
  );
}

/**
 * The most a piece of a part should take as IndexedDB stores it, estimated from its JSON at two
 * bytes a character (V8 stores a string with any character beyond Latin-1 at two): Chromium moves
 * a value over 64 KB (IDBValueWrapper::kWrapThreshold) into a blob file, and reading one back
 * costs a file read and more round trips (the breach list's part, 221 KB, was one on every wake).
 */
export const PIECE_BYTES = 48 * 1024;

/** `items` in consecutive pieces of about PIECE_BYTES at most (an item larger alone is alone). */
export function splitPieces<T>(items: readonly T[]): T[][] {
  const pieces: T[][] = [[]];
  let bytes = 0;
  for (const item of items) {
    const size = 2 * (JSON.stringify(item)?.length ?? 0) + 16;
    if (bytes + size > PIECE_BYTES && pieces[pieces.length - 1]!.length > 0) {
      pieces.push([]);
      bytes = 0;
    }
    pieces[pieces.length - 1]!.push(item);
    bytes += size;
  }
  return pieces;
}

/** The rows of one validated part: one row, or its pieces. */
function partRows(listId: string, part: PartName, items: readonly unknown[]): PartRow[] {
  const pieces = splitPieces(items);
  if (pieces.length === 1) return [{ listId, part, data: pieces[0], checked: PARTS_CHECKED }];
  return pieces.map((data, n) =>
    n === 0
      ? { listId, part, data, checked: PARTS_CHECKED, pieces: pieces.length }
      : { listId, part: `${part}:${n}`, data, checked: PARTS_CHECKED, piece: n },
  );
}

/**
 * The breaches by the registrable domain they are matched on (ListDetails.breachesFor) and the
 * licensed sellers by their host (LicensedIndex: the first entry of a host), one row each.
 */
function siteRows(listId: string, content: ListContent): PartRow[] {
  const breaches = new Map<string, unknown[]>();
  for (const breach of content.breaches) {
    const site = registrableDomain(breach.domain);
    const entries = breaches.get(site) ?? [];
    entries.push(breach);
    breaches.set(site, entries);
  }
  // The entry LicensedIndex answers with for each host (the first naming it).
  const licensed = new LicensedIndex(content.licensed ?? []).entries();
  return [
    ...[...breaches].map(([site, data]) => ({
      listId,
      part: breachRow(site),
      data,
      checked: PARTS_CHECKED,
    })),
    ...licensed.map((data) => ({
      listId,
      part: licensedRow(data.domain),
      data,
      checked: PARTS_CHECKED,
    })),
  ];
}

/** The rows a packed list is stored as. */
export function packedRows(listId: string, packed: PackedList, content: ListContent): PartRow[] {
  const { format, count, bucketBits, chunkBits } = packed.index;
  const bySite = siteRows(listId, content);
  const head: IndexHead = {
    format,
    count,
    bucketBits,
    chunkBits,
    bySite: {
      layout: BY_SITE_LAYOUT,
      breaches: bySite.filter((row) => row.part.startsWith('@b/')).length,
      licensed: bySite.filter((row) => row.part.startsWith('@l/')).length,
      psl: PSL_TLDTS_VERSION,
    },
  };
  return [
    { listId, part: 'index', data: packed.index },
    { listId, part: 'head', data: head },
    ...bySite,
    ...partRows(listId, 'groups', packed.groups),
    ...partRows(listId, 'registrars', content.registrars),
    ...partRows(listId, 'breaches', content.breaches),
    ...partRows(listId, 'licensed', content.licensed ?? []),
    ...packed.chunks.map((chunk, no) => ({
      listId,
      part: chunkPart(no),
      data: chunk,
      checked: PARTS_CHECKED,
    })),
  ];
}

/**
 * Read one part of a list's content, validated (unless packedRows stamped it as written from
 * validated content). Missing or corrupt parts read as empty.
 */
export async function getListPart<P extends PartName>(
  id: string,
  part: P,
  database?: KgDatabase,
): Promise<PartData<P>> {
  const store = database ?? (await db());
  const tx = store.transaction('listParts', 'readonly');
  const rows = await partRowsOf(tx.store, id, part);
  await tx.done;
  return partData(part, rows);
}

export type PartData<P extends PartName> = z.infer<(typeof PART_SCHEMAS)[P]>;

export interface PartsStore {
  get(key: IDBValidKey): Promise<unknown>;
  getAll(range: IDBKeyRange): Promise<unknown[]>;
}

/**
 * A part's rows: its first row, then (a part in pieces) the others in their order. Both reads are
 * asked for at once (a part in one row has no others: the second read finds none).
 */
async function partRowsOf(store: PartsStore, id: string, part: PartName): Promise<PartRow[]> {
  const [first, rest] = await Promise.all([
    store.get([id, part]) as Promise<PartRow | undefined>,
    store.getAll(IDBKeyRange.bound([id, `${part}:`], [id, `${part}:\uffff`])) as Promise<PartRow[]>,
  ]);
  if (!first) return [];
  if (first.pieces === undefined) return [first];
  return [first, ...rest.sort((a, b) => (a.piece ?? 0) - (b.piece ?? 0))];
}

/**
 * A stored part's data, validated unless packedRows stamped it; missing or corrupt (a piece
 * missing, or not of this part's write): empty.
 */
function partData<P extends PartName>(part: P, rows: readonly PartRow[]): PartData<P> {
  const first = rows[0];
  if (!first) return [] as PartData<P>;
  const count = first.pieces ?? 1;
  const whole =
    rows.length === count && rows.every((row, n) => n === 0 || row.piece === n)
      ? rows.every((row) => Array.isArray(row.data))
        ? rows.flatMap((row) => row.data as unknown[])
        : count === 1
          ? first.data
          : null
      : null;
  if (whole === null) return [] as PartData<P>;
  // Written from validated content by this layout: an array, as it was written.
  if (rows.every((row) => row.checked === PARTS_CHECKED) && Array.isArray(whole))
    return whole as PartData<P>;
  const parsed = PART_SCHEMAS[part].safeParse(whole);
  return (parsed.success ? parsed.data : []) as PartData<P>;
}

/**
 * Several parts, each as getListPart reads it, in one transaction (a waking worker's first verdict
 * reads three or four parts of each list: one transaction per list instead of one per part).
 */
export async function getListParts(
  wanted: readonly (readonly [id: string, part: PartName])[],
  store: KgDatabase,
): Promise<PartData<PartName>[]> {
  const tx = store.transaction('listParts', 'readonly');
  const rows = await Promise.all(wanted.map(([id, part]) => partRowsOf(tx.store, id, part)));
  await tx.done;
  return rows.map((read, i) => partData(wanted[i]![1], read));
}

/** One chunk of exact entries, validated (its size must match the index), or null. */
export async function getListChunk(
  id: string,
  no: number,
  expected: number,
  database?: KgDatabase,
): Promise<ChunkEntries | null> {
  const store = database ?? (await db());
  const row = (await store.get('listParts', [id, chunkPart(no)])) as PartRow | undefined;
  const chunk = chunkData(row);
  return chunk ? readChunk(chunk, expected) : null;
}

/**
 * A chunk row's entries: as written when packedRows stamped it (packed from content the import
 * had validated), validated otherwise (chunks of older versions); null if missing or corrupt.
 */
function chunkData(row: PartRow | undefined): ExactChunk | null {
  if (row?.checked === PARTS_CHECKED) return row.data as ExactChunk;
  const parsed = ChunkSchema.safeParse(row?.data);
  return parsed.success ? parsed.data : null;
}

/**
 * The chunks that could hold `hiHalves` (each a suffix fingerprint's high half) and the head they
 * were chosen by, read in one transaction: a list swapped meanwhile is read whole, old or new.
 * When `needsGroups` says the chunks name a group, the list's group details are read in the same
 * transaction (read beside a head from another transaction, an old list's groups could be paired
 * with a new list's chunk). Null when the list has no head (stored before heads existed, or not
 * of this index format).
 */
export async function getProbeChunks(
  id: string,
  hiHalves: readonly number[],
  store: KgDatabase,
  needsGroups: (head: IndexHead, chunks: Map<number, ExactChunk | null>) => boolean = () => false,
  expectedChunkBits?: number,
): Promise<{
  head: IndexHead;
  chunks: Map<number, ExactChunk | null>;
  groups: PartData<'groups'> | null;
} | null> {
  const tx = store.transaction('listParts', 'readonly');
  const readChunks = (chunkBits: number) => {
    const wanted = new Set(hiHalves.map((hi) => chunkNumber(chunkBits, hi)));
    return Promise.all(
      [...wanted].map(
        async (no) =>
          [
            no,
            chunkData((await tx.store.get([id, chunkPart(no)])) as PartRow | undefined),
          ] as const,
      ),
    );
  };
  // The chunks the head read for this list's index points at, asked for beside the head (one
  // round of reads instead of two, session 11); they are used only if this transaction's head
  // has the same chunkBits (a list swapped meanwhile may not: then its own chunks are read here,
  // in this same transaction, so the head and its chunks always belong to one version).
  const early = expectedChunkBits === undefined ? null : readChunks(expectedChunkBits);
  // Settled whatever happens below: a request of this transaction that fails aborts it anyway.
  early?.catch(() => undefined);
  const head = await headOf(tx.store, id);
  if (head === null) {
    await tx.done;
    return null;
  }
  const read =
    early !== null && head.chunkBits === expectedChunkBits
      ? await early
      : await readChunks(head.chunkBits);
  const chunks = new Map<number, ExactChunk | null>(read);
  const groups = needsGroups(head, chunks)
    ? partData('groups', await partRowsOf(tx.store, id, 'groups'))
    : null;
  await tx.done;
  return { head, chunks, groups };
}

/** A list's head, or null (none, or not of this index format). */
async function headOf(store: PartsStore, id: string): Promise<IndexHead | null> {
  const row = (await store.get([id, 'head'])) as PartRow | undefined;
  return isIndexHead(row?.data) ? row.data : null;
}

/**
 * A waking worker's small parts of a list, in one transaction: its head and registrars; the
 * breaches and licensed sellers only when the head says they are not stored per site (lists
 * stored before that layout). Group details are read with the chunk that names one (getProbeChunks).
 */
/** A waking worker's small parts of one list (getProbeParts). */
export interface ProbeParts {
  bySite: SiteRowCounts | null;
  /** The head's chunkBits (null: no head), for getProbeChunks to ask for the chunks early. */
  chunkBits: number | null;
  registrars: PartData<'registrars'>;
  breaches: PartData<'breaches'>;
  licensed: PartData<'licensed'>;
}

export async function getProbeParts(
  id: string,
  withLicensed: boolean,
  store: KgDatabase,
): Promise<ProbeParts> {
  const tx = store.transaction('listParts', 'readonly');
  const parts = await probePartsIn(tx.store, id, withLicensed);
  await tx.done;
  return parts;
}

/** getProbeParts inside a transaction of the caller's (the first-verdict record's read). */
export async function probePartsIn(
  store: PartsStore,
  id: string,
  withLicensed: boolean,
): Promise<ProbeParts> {
  const [head, registrars] = await Promise.all([
    headOf(store, id),
    partRowsOf(store, id, 'registrars'),
  ]);
  const bySite = head ? siteRowCounts(head) : null;
  const [breaches, licensed] = bySite
    ? [[], []]
    : await Promise.all([
        partRowsOf(store, id, 'breaches'),
        withLicensed ? partRowsOf(store, id, 'licensed') : Promise.resolve([]),
      ]);
  return {
    bySite,
    chunkBits: head ? head.chunkBits : null,
    registrars: partData('registrars', registrars),
    breaches: partData('breaches', breaches),
    licensed: partData('licensed', licensed),
  };
}

/**
 * A list's breaches matched on `site` and its licensed sellers of `hosts` (the per-site rows
 * IndexHead.bySite counts), in one transaction; a list with none of a kind is not asked.
 */
export async function getSiteRows(
  id: string,
  counts: SiteRowCounts,
  site: string | null,
  hosts: readonly string[],
  store: KgDatabase,
): Promise<{
  breaches: PartData<'breaches'>;
  licensed: Map<string, PartData<'licensed'>[number]>;
}> {
  const found = new Map<string, PartData<'licensed'>[number]>();
  // Nothing of either kind (most lists): no transaction.
  if ((site === null || counts.breaches === 0) && (hosts.length === 0 || counts.licensed === 0))
    return { breaches: [], licensed: found };
  const tx = store.transaction('listParts', 'readonly');
  const breachRead =
    site !== null && counts.breaches > 0
      ? (tx.store.get([id, breachRow(site)]) as Promise<PartRow | undefined>)
      : Promise.resolve(undefined);
  const licensedRead =
    counts.licensed > 0
      ? Promise.all(
          hosts.map(
            (host) => tx.store.get([id, licensedRow(host)]) as Promise<PartRow | undefined>,
          ),
        )
      : Promise.resolve([]);
  const [breaches, licensed] = await Promise.all([breachRead, licensedRead]);
  await tx.done;
  licensed.forEach((row, i) => {
    if (!row) return;
    const entries = partData('licensed', [{ ...row, data: [row.data] }]);
    if (entries[0]) found.set(hosts[i]!, entries[0]);
  });
  return { breaches: breaches ? partData('breaches', [breaches]) : [], licensed: found };
}

/** The chunk a fingerprint's entries are stored in (CompactDomainIndex.chunkOf, from a head). */
export function chunkNumber(chunkBits: number, hi: number): number {
  return chunkBits === 0 ? 0 : hi >>> (32 - chunkBits);
}

/** The list's fingerprint index as stored, or null when it is missing or not of this format. */
export async function getStoredIndex(
  id: string,
  store: KgDatabase,
): Promise<CompactIndexData | null> {
  const row = (await store.get('listParts', [id, 'index'])) as PartRow | undefined;
  return isCompactIndexData(row?.data) ? row.data : null;
}
