// A stored list as the index uses it: the fingerprint index and the small parts are read now;
// exact entries are read chunk by chunk when a candidate needs confirming, with the last few
// chunks kept (a user on a listed site asks about it again and again).
import { CompactDomainIndex } from '../match/compact-index';
import type { ChunkEntries, ExactChunk } from './pack';
import {
  findInIndex,
  type FoundEntry,
  type ListData,
  type ProbedList,
  type Suffix,
} from '../verdicts/list-index';
import { getListIndex } from './store-content';
import {
  chunkNumber,
  getListChunk,
  getListParts,
  getProbeChunks,
  getProbeParts,
  getSiteRows,
  type PartData,
  type PartName,
} from './store-parts';
import { type ListRecord } from './record';
import { db, type KgDatabase } from '../core/db';
import { wakeMark } from '../core/wake-marks';

const CACHED_CHUNKS = 8;

/** What a loaded or probed list takes from its stored record as it is. */
function recordFields(record: ListRecord) {
  const { id, action, format, meta, domainCategory } = record;
  return { id, action, format, meta, domainCategory };
}

export async function loadListData(
  record: ListRecord,
  database?: KgDatabase,
): Promise<ListData | null> {
  const data = await getListIndex(record.id, database);
  if (!data) return null;
  const index = new CompactDomainIndex(data);
  const { groups, registrars, breaches, licensed } = await smallParts(record, database);
  const cache = new Map<number, Promise<ChunkEntries | null>>();
  return {
    ...recordFields(record),
    groups,
    registrars,
    breaches,
    licensed,
    index,
    chunk(no) {
      const cached = cache.get(no);
      if (cached) {
        // Most recently used last.
        cache.delete(no);
        cache.set(no, cached);
        return cached;
      }
      const expected = index.chunkEnd(no) - index.chunkStart(no);
      const read = getListChunk(record.id, no, expected, database).catch(() => null);
      cache.set(no, read);
      if (cache.size > CACHED_CHUNKS) cache.delete(cache.keys().next().value!);
      return read;
    },
  };
}

/**
 * The small parts of a list (group details, registrars, breaches, licensed sellers), in one
 * transaction. Several lists are read side by side, one transaction each: one transaction for
 * every list's parts measured slower in Chromium (52 ms against 29 at load 5), its ~30 requests
 * running one after another.
 */
async function smallParts(record: ListRecord, database?: KgDatabase) {
  const licensed = record.format === 'licensed';
  const names: PartName[] = licensed
    ? ['groups', 'registrars', 'breaches', 'licensed']
    : ['groups', 'registrars', 'breaches'];
  const read = await getListParts(
    names.map((part) => [record.id, part] as const),
    database ?? (await db()),
  );
  return {
    groups: read[0] as PartData<'groups'>,
    registrars: read[1] as PartData<'registrars'>,
    breaches: read[2] as PartData<'breaches'>,
    licensed: licensed ? (read[3] as PartData<'licensed'>) : [],
  };
}

/** The line of `text` (lines joined by newlines) equal to `line`, or -1. */
export function lineIndex(text: string, line: string): number {
  for (let at = text.indexOf(line); at >= 0; at = text.indexOf(line, at + 1)) {
    const end = at + line.length;
    if (
      (at === 0 || text.charCodeAt(at - 1) === 10) &&
      (end === text.length || text.charCodeAt(end) === 10)
    ) {
      let n = 0;
      for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) n += 1;
      return n;
    }
  }
  return -1;
}

/** The entry for `suffix` in a stored chunk (its hosts must agree with its references), or null. */
function findInChunk(chunk: ExactChunk | null | undefined, suffix: string): FoundEntry | null {
  if (!chunk) return null;
  const line = lineIndex(chunk.hosts, suffix);
  if (line < 0 || line >= chunk.refs.length) return null;
  return { suffix, ref: chunk.refs[line]!, sites: chunk.sites };
}

/**
 * A stored list for a waking worker's first lookup: its registrars now (and its breaches and
 * licensed sellers, if stored before they were kept per site), and for each lookup the head of
 * its index, the chunks of the host's suffixes and, if an entry names a group, the group details,
 * in one transaction (a swap is seen whole). The exact hosts are the chunk's own, so a host found
 * there is confirmed by construction. A list stored before heads existed is looked up through its
 * whole index (read once, then kept).
 */
export async function probeListData(
  record: ListRecord,
  database?: KgDatabase,
): Promise<ProbedList> {
  const store = database ?? (await db());
  return probedList(record, await getProbeParts(record.id, record.format === 'licensed', store));
}

/**
 * probeListData for several lists, read at once (one transaction per list): the full read the
 * tests compare with; the lists service reads the same through the first-verdict record.
 */
export async function probeLists(
  records: readonly ListRecord[],
  database?: KgDatabase,
): Promise<ProbedList[]> {
  const store = database ?? (await db());
  const parts = await Promise.all(
    records.map((record) => getProbeParts(record.id, record.format === 'licensed', store)),
  );
  wakeMark('parts of every list read');
  return records.map((record, i) => probedList(record, parts[i]!, database));
}

/** Whether an entry's reference names a group (ListDetails.listing). */
const namesGroup = (ref: number) => ref >= 0;

/** A stored list for a first lookup, from its record and small parts (probeListData's). */
export function probedList(
  record: ListRecord,
  parts: Awaited<ReturnType<typeof getProbeParts>>,
  database?: KgDatabase,
): ProbedList {
  let whole: Promise<ListData | null> | null = null;
  const { bySite, registrars, breaches, licensed } = parts;
  return {
    ...recordFields(record),
    // Read with the chunk that names one (find), so never paired with another version's chunk.
    groups: [],
    registrars,
    breaches,
    licensed,
    ...(bySite
      ? {
          async siteRows(site: string | null, hosts: readonly string[]) {
            return getSiteRows(record.id, bySite, site, hosts, database ?? (await db()));
          },
        }
      : {}),
    async find(suffixes: readonly Suffix[]): Promise<FoundEntry | null> {
      const store = database ?? (await db());
      let entry: FoundEntry | null = null;
      const read = await getProbeChunks(
        record.id,
        suffixes.map((s) => s.hi),
        store,
        (head, chunks) => {
          for (const suffix of suffixes) {
            entry = findInChunk(chunks.get(chunkNumber(head.chunkBits, suffix.hi)), suffix.text);
            if (entry) return namesGroup(entry.ref);
          }
          return false;
        },
        parts.chunkBits ?? undefined,
      );
      if (read === null) {
        whole ??= loadListData(record, database);
        const data = await whole;
        const found = data ? await findInIndex(data, suffixes) : null;
        return found && data ? { ...found, group: data.groups[found.ref] ?? null } : found;
      }
      const found = entry as FoundEntry | null;
      if (found && read.groups) return { ...found, group: read.groups[found.ref] ?? null };
      return found;
    },
  };
}
