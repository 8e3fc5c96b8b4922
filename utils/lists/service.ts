// The lists feature's state owner: installs the packaged lists, swaps imported lists in atomically,
// applies the user's changes to a list's settings, and owns the in-memory index built from every
// enabled list and the user's own blocks (a cache; IndexedDB holds the truth). Whatever changes
// what the index or the pre-load rules are made from goes through changed(), which drops the
// index and tells the subscribers (the pre-load rules) before it returns.
import { catalogRank, catalogSource, type CatalogEntry, type ListSource } from './catalog';
import type { importByFormatYielding } from './import';
import type { ImportError, ListContent, Rejected } from './model';
import { loadListData, probedList } from './list-data';
import { flushDatabaseLog } from '../core/db-log';
import { readFirstVerdictLists } from './first-verdict';
import { db } from '../core/db';
import { deleteList, getListRecord, getListRecords, replaceList, updateListRecord } from './store';
import {
  confirmedHosts,
  emptyStatus,
  type BlockAction,
  type ContentFrom,
  type ListFormat,
  type ListRecord,
  type ListStatus,
} from './record';
import { sha256Hex } from '../core/hash';
import { memoAsync } from '../core/memo';
import { wakeMark } from '../core/wake-marks';
import { importMark } from './import-marks';
import { Signal } from '../core/signal';
import { getUserBlocks, type UserBlock } from '../decisions/user-blocks';
import { isValidUserSite } from '../core/site-name';
import {
  ListIndex,
  ProbeIndex,
  listDataFromContent,
  type ListLookup,
  type IndexedListInput,
  type ListData,
} from '../verdicts/list-index';
import { userBlocksInput } from '../verdicts/user-blocks';
import type { Platform } from '../platform/platform';

export type ApplyResult =
  | { ok: true; record: ListRecord | null; rejected: Rejected[] }
  | { ok: false; error: ImportError; detail: string; rejected: Rejected[] };

export interface NewCustomList {
  url: string;
  format: ListFormat;
  action: BlockAction;
  name: string;
}

/**
 * The importers (every list format, the hygiene checks and their data): loaded only when a list
 * is imported, so the worker's first-verdict script does not carry them (utils/background/core.ts).
 */
export type LoadImporter = () => Promise<typeof importByFormatYielding>;

export class ListsService {
  /** Announced after any change to what the index or the pre-load rules are made from. */
  readonly onChanged = new Signal();
  private readonly indexMemo = memoAsync(() => this.buildIndex());
  private readonly probeMemo = memoAsync(() => this.buildProbeIndex());
  /** The whole index, once read (lookups then need no reads but a hit's chunk). */
  private whole: ListIndex | null = null;
  /** How many times the indexes were dropped (a whole index read across a drop is not kept). */
  private dropped = 0;
  /** The install under way, if any (installBundled runs one at a time). */
  private installing: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly platform: Platform,
    readonly catalog: readonly CatalogEntry[],
    private readonly importer: LoadImporter,
  ) {}

  /** Every enabled list's whole index (what comparing lists and the pre-load rules read). */
  index(): Promise<ListIndex> {
    const run = this.indexMemo.get();
    const dropped = this.dropped;
    void run.then(
      (index) => {
        // Kept only if no change dropped the indexes while it was read.
        if (this.dropped === dropped) this.whole = index;
      },
      () => undefined,
    );
    return run;
  }

  /**
   * What a verdict looks hosts up in: the whole index once it is in memory; until then (a worker
   * that just woke) one that reads only the chunks a lookup needs, so that the first verdict does
   * not wait for every list's index (megabytes at a million domains). Call warm() once answered.
   */
  lookupIndex(): Promise<ListLookup> {
    return this.whole ? Promise.resolve(this.whole) : this.probeMemo.get();
  }

  /** Read the whole index in the background (after a first answer), for the next lookups. */
  warm(): void {
    if (!this.whole) this.index().catch(() => undefined);
  }

  private dropIndexes(): void {
    this.dropped += 1;
    this.indexMemo.invalidate();
    this.probeMemo.invalidate();
    this.whole = null;
  }

  /** Drop the index and bring the subscribers (the pre-load rules) in line. */
  async changed(): Promise<void> {
    this.dropIndexes();
    await this.onChanged.emit();
    this.settleStorage();
  }

  /**
   * After the stored lists changed, off the path of the change's reply: the first-verdict record
   * written again, then the database's log written out, so that the next cold wake does not
   * replay the lists' megabytes (utils/core/db-log.ts).
   */
  private settleStorage(): void {
    // The record is written here, not through lookupIndex(): after most changes the pre-load
    // rules have just read the whole index, which a lookup would answer from (found in review).
    this.settled = db()
      .then(readFirstVerdictLists)
      .catch(() => undefined)
      .then(() => flushDatabaseLog());
  }

  /** The last settleStorage() (tests wait for it; nothing else needs to). */
  settled: Promise<void> = Promise.resolve();

  /**
   * Bring the subscribers in line after storeImported (which already dropped the index): an
   * index a verdict built since then is of the new list and is kept.
   */
  async announce(): Promise<void> {
    await this.onChanged.emit();
    this.settleStorage();
  }

  private async buildIndex(): Promise<ListIndex> {
    const records = (await getListRecords()).filter((r) => r.enabled);
    // In parallel: the reads overlap with the validation of what has arrived.
    const loaded = await Promise.all(records.map((record) => loadListData(record)));
    const lists = loaded.filter((data): data is ListData => data !== null);
    return new ListIndex([...lists, ...(await inMemoryLists(records))]);
  }

  /** The first verdict's index: the same lists, each read only where a lookup needs it. */
  private async buildProbeIndex(): Promise<ProbeIndex> {
    // The user's blocks asked for beside the lists, not after them (one round of reads fewer).
    const blocks = getUserBlocks();
    blocks.catch(() => undefined);
    // Every enabled list's record and small parts in one request (the first-verdict record),
    // or, the first time after a change, read whole and kept (first-verdict.ts).
    const stored = await readFirstVerdictLists(await db());
    wakeMark('index: list records');
    wakeMark('parts of every list read');
    const records = stored.map((list) => list.record);
    const lists = stored.map((list) => probedList(list.record, list.parts));
    const inMemory = await inMemoryLists(records, blocks);
    const index = new ProbeIndex([...lists, ...inMemory]);
    wakeMark('index: lists read');
    return index;
  }

  /** The packaged lists in catalog order (the project's own first), then the user's. */
  async records(): Promise<ListRecord[]> {
    return orderLists(await getListRecords(), this.catalog);
  }

  record(id: string): Promise<ListRecord | null> {
    return getListRecord(id);
  }

  /**
   * Install the packaged copy of each catalog list that is missing, or (on install/update) whose
   * packaged copy changed and was not superseded by a download.
   */
  installBundled(extensionUpdated: boolean): Promise<ListRecord[]> {
    // One install at a time: on a fresh profile the install event's install and a first
    // verdict's (the lists-installed memo) start together, and each found the lists missing and
    // imported all of them (session 9's import trace showed every packaged list written twice).
    // Queued, the second reads the records the first wrote and skips what is there.
    const run = this.installing.then(() => this.installBundledNow(extensionUpdated));
    this.installing = run.catch(() => undefined);
    return run;
  }

  private async installBundledNow(extensionUpdated: boolean): Promise<ListRecord[]> {
    const records = new Map((await getListRecords()).map((r) => [r.id, r]));
    const installed: ListRecord[] = [];
    for (const entry of this.catalog) {
      const existing = records.get(entry.id);
      if (existing && extensionUpdated) {
        // Build-time settings may have changed with the update (the list URL, its schedule).
        await updateListRecord(entry.id, (r) => ({
          ...r,
          url: entry.url,
          intervalMs: entry.intervalMs,
          signed: entry.signed,
        }));
      }
      if (existing && (!extensionUpdated || existing.contentFrom === 'download')) continue;
      const text = await this.platform.readPackaged(entry.bundledPath);
      const result = await this.applyListText(catalogSource(entry), text, 'bundled');
      if (result.ok) {
        if (result.record) installed.push(result.record);
      } else {
        // A broken packaged list is a build defect; keep whatever is stored and say so.
        console.error(
          `Kusuri Guard: packaged list ${entry.id} rejected: ${result.error} ${result.detail}`,
        );
      }
    }
    if (installed.length > 0) this.settleStorage();
    return installed;
  }

  /**
   * Import a list body and, only if it is valid, swap it in atomically. A body that is not a list
   * (not JSON, wrong schema, truncated, an HTML error page, too large) changes nothing in storage:
   * the previous list stays active. An unchanged body (same hash) is not rewritten.
   */
  async applyListText(
    source: ListSource,
    text: string,
    contentFrom: ContentFrom,
    status?: Partial<ListStatus>,
  ): Promise<ApplyResult> {
    const existing = await getListRecord(source.id);
    const hash = await sha256Hex(text);
    if (existing && existing.contentHash === hash) return { ok: true, record: null, rejected: [] };
    const importByFormatYielding = await this.importer();
    const imported = await importByFormatYielding(source.format, text, {
      meta: source.meta,
      category: source.category,
    });
    if (!imported.ok) return imported;
    return this.storeImported(
      source,
      imported.content,
      hash,
      contentFrom,
      { ...status, rejected: imported.summary },
      imported.rejected,
    );
  }

  /**
   * Swap an imported list in (one transaction, one record write) and drop the index. With
   * importStartedAt, the record's status carries the import time (lastImportMs) in that write.
   */
  async storeImported(
    source: ListSource,
    content: ListContent,
    hash: string,
    contentFrom: ContentFrom,
    status: Partial<ListStatus> | undefined,
    rejected: Rejected[],
    importStartedAt?: number,
  ): Promise<ApplyResult> {
    const existing = await getListRecord(source.id);
    importMark('record read');
    const record = await replaceList(
      {
        id: source.id,
        origin: existing?.origin ?? source.origin,
        format: source.format,
        action: existing?.action ?? source.action,
        enabled: existing?.enabled ?? true,
        url: existing?.origin === 'custom' ? existing.url : source.url,
        meta: content.meta,
        domainCategory: content.domainCategory,
        contentHash: hash,
        contentFrom,
        installedAt: this.platform.now(),
        status: { ...(existing?.status ?? emptyStatus()), ...status },
        intervalMs: existing?.intervalMs ?? source.intervalMs,
        signed: source.signed,
        // A confirmation lasts while the new version still names (and so holds) the host.
        confirmedHeld: keptConfirmations(existing, status),
      },
      content,
      undefined,
      importStartedAt === undefined ? undefined : { importStartedAt },
    );
    this.dropIndexes();
    return { ok: true, record, rejected };
  }

  /**
   * Confirm (block anyway) or hold again one host a list names that is on the never-block set.
   * Only a host the list's current version holds can be confirmed.
   */
  async setHeldConfirmed(id: string, host: string, confirmed: boolean): Promise<boolean> {
    let ok = false;
    await updateListRecord(id, (r) => {
      const held = r.status.rejected?.held ?? [];
      const others = r.confirmedHeld.filter((h) => h !== host);
      ok = !confirmed || (held.includes(host) && (r.action === 'block' || r.action === 'warn'));
      if (!ok) return r;
      return { ...r, confirmedHeld: confirmed ? [...others, host] : others };
    });
    if (ok) await this.changed();
    return ok;
  }

  async setEnabled(id: string, enabled: boolean): Promise<void> {
    await updateListRecord(id, (r) => ({ ...r, enabled }));
    await this.changed();
  }

  async setAction(id: string, action: BlockAction): Promise<void> {
    await updateListRecord(id, (r) => (fixedAction(r.action) ? r : { ...r, action }));
    await this.changed();
  }

  /**
   * Subscribe to a list by URL: an empty list until its first download succeeds (the refresher
   * downloads it next; its status shows how that went). Returns the list's id and whether it is
   * new (an existing subscription is only checked for news, not started over empty).
   */
  async addCustom(input: NewCustomList): Promise<{ id: string; isNew: boolean }> {
    const url = new URL(input.url);
    const id = `custom-${(await sha256Hex(url.href)).slice(0, 12)}`;
    if (await getListRecord(id)) return { id, isNew: false };
    const title = input.name.trim() || url.hostname;
    const meta = {
      id,
      title: { ja: title, en: title },
      version: 0,
      updated: new Date(this.platform.now()).toISOString().slice(0, 10),
      licence: 'unknown (added by you)',
      attribution: [{ name: url.hostname, url: url.href, licence: 'unknown' }],
    };
    const category = input.format === 'hibp' ? 'breached-service' : 'rogue-pharmacy';
    await replaceList(
      {
        id,
        origin: 'custom',
        format: input.format,
        action:
          input.format === 'hibp' ? 'notice' : input.format === 'licensed' ? 'allow' : input.action,
        enabled: true,
        url: url.href,
        meta,
        domainCategory: category,
        contentHash: '',
        contentFrom: 'download',
        installedAt: this.platform.now(),
        status: emptyStatus(),
        intervalMs: 24 * 3600_000,
        signed: false,
      },
      {
        meta,
        sites: [],
        domains: [],
        domainCategory: category,
        groups: [],
        registrars: [],
        breaches: [],
      },
    );
    this.dropIndexes();
    return { id, isNew: true };
  }

  /** An imported choice for a list the user has (breach lists keep `notice`). No announcement. */
  async restoreChoice(id: string, enabled: boolean, action: ListRecord['action']): Promise<void> {
    await updateListRecord(id, (r) => ({
      ...r,
      enabled,
      action: fixedAction(r.action) || fixedAction(action) ? r.action : action,
    }));
  }

  /** Only lists the user added are removed; packaged lists are disabled instead. */
  async remove(id: string): Promise<boolean> {
    const record = await getListRecord(id);
    if (!record || record.origin !== 'custom') return false;
    await deleteList(id);
    await this.changed();
    return true;
  }
}

/** The confirmations that outlive a new version: hosts it still holds (a delta keeps its figure). */
function keptConfirmations(
  existing: ListRecord | null,
  status: Partial<ListStatus> | undefined,
): string[] {
  if (!existing) return [];
  const summary = status?.rejected === undefined ? existing.status.rejected : status.rejected;
  const held = new Set(summary?.held ?? []);
  return existing.confirmedHeld.filter((h) => held.has(h));
}

/**
 * The lists held in memory beside the stored ones: the user's own blocks, and each list's held
 * hosts the user confirmed (entries of their list like the others: same id and action).
 */
async function inMemoryLists(
  records: readonly ListRecord[],
  read: Promise<UserBlock[]> = getUserBlocks(),
): Promise<ListData[]> {
  const lists: ListData[] = [];
  // A stored block failing the site-name rule (written by an older version) is ignored here.
  const blocks = (await read).filter((b) => isValidUserSite(b.site));
  if (blocks.length > 0) lists.push(listDataFromContent(userBlocksInput(blocks)));
  for (const record of records) {
    const confirmed = confirmedHosts(record);
    if (confirmed.length > 0) lists.push(listDataFromContent(confirmedInput(record, confirmed)));
  }
  return lists;
}

/** A list's confirmed held hosts as bare entries of that list (its id, action and category). */
function confirmedInput(record: ListRecord, hosts: string[]): IndexedListInput {
  return {
    id: record.id,
    action: record.action,
    format: record.format,
    content: {
      meta: record.meta,
      sites: [],
      domains: [...hosts].sort(),
      domainCategory: record.domainCategory,
      groups: [],
      registrars: [],
      breaches: [],
    },
  };
}

/** Breach lists always notify and licensed-seller lists always allow: the user cannot re-level them. */
function fixedAction(action: ListRecord['action']): boolean {
  return action === 'notice' || action === 'allow';
}

/** The packaged lists in catalog order (the project's own first), then the lists the user added. */
function orderLists(records: ListRecord[], catalog: readonly CatalogEntry[]): ListRecord[] {
  return [...records].sort(
    (a, b) =>
      catalogRank(catalog, a.id) - catalogRank(catalog, b.id) ||
      a.meta.title.en.localeCompare(b.meta.title.en),
  );
}
