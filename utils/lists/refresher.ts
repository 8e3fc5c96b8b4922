// Keeping lists fresh. One refresh of one list: for a signed list its head and a delta first
// (refresh-head.ts); otherwise a conditional download, the signature check for signed lists,
// import and validation, guards against rollback and against a list that would remove more than
// half of its entries; then the atomic swap and a rebuild of the pre-load rules.
// Whatever fails, the active list stays as it was and the status says what happened.
import { countContent, listedCount } from './counts';
import { isDue } from './schedule';
import { importByFormatYielding } from './import';
import { MAX_LIST_BYTES, type ListContent, type Rejected } from './model';
import { getListRecord, getListRecords, updateListRecord } from './store';
import { type ListRecord, type ListStatus } from './record';
import {
  fromListServer,
  SHRINK_LIMIT,
  sourceOf,
  type HeadOutcome,
  type RefreshResult,
} from './refresh-model';
import { checkHead } from './refresh-head';
import { importMark, startImportMarks } from './import-marks';
import { sha256Hex } from '../core/hash';
import { signatureOk } from './refresh-signature';
import { RefreshStatus } from './refresh-status';
import type { ListsService, NewCustomList } from './service';
import type { Platform } from '../platform/platform';

export {
  REFRESH_TIMEOUT_MS,
  SHRINK_LIMIT,
  SIGNATURE_MAX_BYTES,
  USER_AGENT,
  sourceOf,
  type RefreshErrorCode,
  type RefreshResult,
} from './refresh-model';

export class Refresher {
  /** One refresh per list at a time: a second request joins the running one. */
  private readonly running = new Map<string, Promise<RefreshResult>>();

  /** The status bookkeeping every outcome ends with (next check, failures, errors). */
  private readonly status: RefreshStatus;

  constructor(
    private readonly platform: Platform,
    private readonly lists: ListsService,
  ) {
    this.status = new RefreshStatus(platform);
  }

  /** Add a list by URL: the first download decides whether it is kept. */
  async subscribe(input: NewCustomList): Promise<RefreshResult> {
    const { id } = await this.lists.addCustom(input);
    // Already subscribed: checked for news rather than started over empty.
    return this.refresh(id);
  }

  refresh(id: string, options: { acceptShrink?: boolean } = {}): Promise<RefreshResult> {
    const current = this.running.get(id);
    if (current) return current;
    const run = this.run(id, options).finally(() => this.running.delete(id));
    this.running.set(id, run);
    return run;
  }

  /** Refresh every enabled list whose next check is due (the alarm calls this). */
  async refreshDue(): Promise<Map<string, RefreshResult>> {
    const results = new Map<string, RefreshResult>();
    const now = this.platform.now();
    for (const record of await getListRecords()) {
      if (!record.enabled || record.url === null) continue;
      if (!isDue(record.status.nextCheck, now, record.intervalMs)) continue;
      results.set(record.id, await this.refresh(record.id));
    }
    return results;
  }

  private async run(id: string, options: { acceptShrink?: boolean }): Promise<RefreshResult> {
    const record = await getListRecord(id);
    if (!record) return { outcome: 'skipped', why: 'missing' };
    if (record.url === null) return { outcome: 'skipped', why: 'no-url' };
    if (!record.enabled) return { outcome: 'skipped', why: 'disabled' };
    let viaHead: HeadOutcome = { kind: 'no-head' };
    if (record.signed && record.format === 'kusuri-guard') {
      viaHead = await checkHead(this.platform, this.status, record, record.url);
      if (viaHead.kind === 'done') return viaHead.result;
      if (viaHead.kind === 'delta') {
        const { content, hash, validators } = viaHead;
        return this.install(record, content, hash, validators, [], 'delta', options);
      }
    }
    return this.full(record, record.url, options, viaHead.kind === 'full-needed' ? viaHead : null);
  }

  /** The whole list: a conditional download, its signature, import and the guards. */
  private async full(
    record: ListRecord,
    url: string,
    options: { acceptShrink?: boolean },
    afterHead: { headEtag: string | null; bytes: number } | null,
  ): Promise<RefreshResult> {
    const conditional = record.contentFrom === 'download' && afterHead === null;
    const fetched = await fromListServer(this.platform, {
      url,
      // A packaged copy has no validator from this server, and after a head announced a new
      // version a 304 would be wrong: ask for the full list.
      etag: conditional ? record.status.etag : null,
      lastModified: conditional ? record.status.lastModified : null,
      maxBytes: MAX_LIST_BYTES,
    });
    if (fetched.kind === 'not-modified') {
      await this.status.succeeded(record, { lastBytes: 0 });
      return { outcome: 'unchanged', how: 'not-modified' };
    }
    if (fetched.kind === 'error') {
      return this.status.failed(record, fetched.code, fetched.detail, fetched.retryAfterMs);
    }
    const validators = {
      etag: fetched.etag,
      lastModified: fetched.lastModified,
      lastBytes: fetched.bytes + (afterHead?.bytes ?? 0),
      ...(afterHead ? { headEtag: afterHead.headEtag } : {}),
    };
    if (record.signed) {
      const signed = await signatureOk(this.platform, this.status, record, url, fetched.text);
      if (signed !== true) return signed;
    }
    const hash = await sha256Hex(fetched.text);
    if (hash === record.contentHash) {
      await this.status.succeeded(record, validators);
      return { outcome: 'unchanged', how: 'same-content' };
    }
    const started = performance.now();
    startImportMarks(started);
    const source = sourceOf(record);
    const imported = await importByFormatYielding(source.format, fetched.text, {
      meta: source.meta,
      category: source.category,
    });
    importMark('imported');
    if (!imported.ok) return this.status.failed(record, imported.error, imported.detail);
    const versioned = record.format === 'kusuri-guard' || record.format === 'licensed';
    if (versioned && imported.content.meta.version < record.meta.version) {
      return this.status.failed(
        record,
        'older-version',
        `version ${imported.content.meta.version} is older than the active version ${record.meta.version}`,
      );
    }
    return this.install(
      record,
      imported.content,
      hash,
      { ...validators, rejected: imported.summary },
      imported.rejected,
      'full',
      options,
      started,
    );
  }

  /** The shrink guard, then the atomic swap and the rule rebuild. */
  private async install(
    record: ListRecord,
    content: ListContent,
    hash: string,
    validators: Partial<ListStatus>,
    rejected: Rejected[],
    via: 'delta' | 'full',
    options: { acceptShrink?: boolean },
    started = performance.now(),
  ): Promise<RefreshResult> {
    const now = this.platform.now();
    const before = listedCount(record.counts);
    const after = listedCount(countContent(content));
    if (!options.acceptShrink && before > 0 && after < before * SHRINK_LIMIT) {
      await updateListRecord(record.id, (r) => ({
        ...r,
        status: {
          ...this.status.scheduled(r, now, 0),
          lastAttempt: now,
          pendingShrink: { from: before, to: after, at: now, version: content.meta.version },
        },
      }));
      return { outcome: 'shrink-pending', from: before, to: after };
    }
    importMark('counted');
    await this.lists.storeImported(
      sourceOf(record),
      content,
      hash,
      'download',
      {
        ...this.status.scheduled(record, now, 0),
        ...validators,
        lastAttempt: now,
        lastSuccess: now,
        lastError: null,
        pendingShrink: null,
        lastUpdate: via,
      },
      rejected,
      started,
    );
    await this.lists.announce();
    const stored = (await getListRecord(record.id))!;
    return { outcome: 'updated', record: stored, rejected: rejected.length, via };
  }
}
