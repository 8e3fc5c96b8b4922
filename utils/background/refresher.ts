// Keeping lists fresh. One refresh of one list: a conditional download, the signature check for
// signed lists, import and validation, guards against rollback and against a list that would
// remove more than half of its entries, then the atomic swap and a rebuild of the pre-load rules.
// Whatever fails, the active list stays as it was and the status says what happened.
import { fetchList, type FetchErrorCode } from '../refresh/fetch-list';
import { verifyListSignature } from '../refresh/signature';
import { nextCheck, isDue } from '../refresh/schedule';
import { importByFormat } from '../list/import';
import { MAX_LIST_BYTES, type ImportError, type ListContent, type Rejected } from '../list/model';
import { getListRecords, updateListRecord, type ListRecord, type ListStatus } from '../store/lists';
import { sha256Hex } from '../hash';
import type { ListSource } from '../list/catalog';
import type { Platform } from './platform';

export const REFRESH_TIMEOUT_MS = 60_000;
export const SIGNATURE_MAX_BYTES = 1024;
/** A new version with fewer than this share of the entries waits for the user's confirmation. */
export const SHRINK_LIMIT = 0.5;
export const USER_AGENT = 'KusuriGuard/0.1 (browser extension; +https://github.com/kusuri-guard)';

export type RefreshErrorCode =
  FetchErrorCode | ImportError | 'missing-signature' | 'bad-signature' | 'older-version';

export type RefreshResult =
  | { outcome: 'updated'; record: ListRecord; rejected: number }
  | { outcome: 'unchanged'; how: 'not-modified' | 'same-content' }
  | { outcome: 'failed'; code: RefreshErrorCode; detail: string }
  | { outcome: 'shrink-pending'; from: number; to: number }
  | { outcome: 'skipped'; why: 'no-url' | 'disabled' | 'missing' };

/** What the background must provide: the atomic swap and the rule rebuild. */
export interface RefreshHost {
  storeImported(
    source: ListSource,
    content: ListContent,
    hash: string,
    contentFrom: 'download',
    status: Partial<ListStatus>,
    rejected: Rejected[],
  ): Promise<unknown>;
  /** Lists changed: rebuild the pre-load rules. */
  listsChanged(): Promise<void>;
}

export function sourceOf(record: ListRecord): ListSource {
  return {
    id: record.id,
    origin: record.origin,
    format: record.format,
    action: record.action,
    url: record.url,
    category: record.domainCategory,
    meta: record.format === 'kusuri-guard' ? null : record.meta,
    intervalMs: record.intervalMs,
    signed: record.signed,
  };
}

function entryCount(record: Pick<ListRecord, 'counts'>): number {
  return record.counts.sites + record.counts.domains + record.counts.breaches;
}

export class Refresher {
  /** One refresh per list at a time: a second request joins the running one. */
  private readonly running = new Map<string, Promise<RefreshResult>>();

  constructor(
    private readonly platform: Platform,
    private readonly host: RefreshHost,
  ) {}

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
    const record = (await getListRecords()).find((r) => r.id === id);
    if (!record) return { outcome: 'skipped', why: 'missing' };
    if (record.url === null) return { outcome: 'skipped', why: 'no-url' };
    if (!record.enabled) return { outcome: 'skipped', why: 'disabled' };
    const now = this.platform.now();
    const fetched = await fetchList(
      {
        url: record.url,
        // A packaged copy has no validator from this server: ask for the full list once.
        etag: record.contentFrom === 'download' ? record.status.etag : null,
        lastModified: record.contentFrom === 'download' ? record.status.lastModified : null,
        maxBytes: MAX_LIST_BYTES,
        timeoutMs: this.platform.config.refreshTimeoutMs ?? REFRESH_TIMEOUT_MS,
        userAgent: USER_AGENT,
      },
      this.platform.fetch,
      () => this.platform.now(),
    );
    if (fetched.kind === 'not-modified') {
      await this.succeeded(record, { lastBytes: 0 });
      return { outcome: 'unchanged', how: 'not-modified' };
    }
    if (fetched.kind === 'error') {
      return this.failed(record, fetched.code, fetched.detail, fetched.retryAfterMs);
    }
    const validators = {
      etag: fetched.etag,
      lastModified: fetched.lastModified,
      lastBytes: fetched.bytes,
    };
    if (record.signed) {
      const signature = await fetchList(
        {
          url: `${record.url}.sig`,
          etag: null,
          lastModified: null,
          maxBytes: SIGNATURE_MAX_BYTES,
          timeoutMs: this.platform.config.refreshTimeoutMs ?? REFRESH_TIMEOUT_MS,
          userAgent: USER_AGENT,
          accept: 'text/plain',
        },
        this.platform.fetch,
      );
      if (signature.kind !== 'ok') {
        return this.failed(
          record,
          'missing-signature',
          `no signature at ${record.url}.sig (${signature.kind === 'error' ? signature.detail : 'not modified'})`,
        );
      }
      if (
        !(await verifyListSignature(
          fetched.text,
          signature.text,
          this.platform.config.listPublicKey,
        ))
      ) {
        return this.failed(
          record,
          'bad-signature',
          'the signature does not match the list and the pinned key',
        );
      }
    }
    const hash = await sha256Hex(fetched.text);
    if (hash === record.contentHash) {
      await this.succeeded(record, validators);
      return { outcome: 'unchanged', how: 'same-content' };
    }
    const source = sourceOf(record);
    const imported = importByFormat(source.format, fetched.text, {
      meta: source.meta,
      category: source.category,
    });
    if (!imported.ok) return this.failed(record, imported.error, imported.detail);
    if (record.format === 'kusuri-guard' && imported.content.meta.version < record.meta.version) {
      return this.failed(
        record,
        'older-version',
        `version ${imported.content.meta.version} is older than the active version ${record.meta.version}`,
      );
    }
    const before = entryCount(record);
    const after =
      imported.content.sites.length +
      imported.content.domains.length +
      imported.content.breaches.length;
    if (!options.acceptShrink && before > 0 && after < before * SHRINK_LIMIT) {
      await updateListRecord(record.id, (r) => ({
        ...r,
        status: {
          ...this.scheduled(r, now, 0),
          lastAttempt: now,
          pendingShrink: {
            from: before,
            to: after,
            at: now,
            version: imported.content.meta.version,
          },
        },
      }));
      return { outcome: 'shrink-pending', from: before, to: after };
    }
    await this.host.storeImported(
      source,
      imported.content,
      hash,
      'download',
      {
        ...this.scheduled(record, now, 0),
        ...validators,
        lastAttempt: now,
        lastSuccess: now,
        lastError: null,
        pendingShrink: null,
      },
      imported.rejected,
    );
    await this.host.listsChanged();
    const stored = (await getListRecords()).find((r) => r.id === id)!;
    return { outcome: 'updated', record: stored, rejected: imported.rejected.length };
  }

  private scheduled(
    record: ListRecord,
    now: number,
    failures: number,
    retryAfterMs?: number,
  ): ListStatus {
    return {
      ...record.status,
      failures,
      nextCheck: nextCheck({
        now,
        intervalMs: record.intervalMs,
        failures,
        random: this.platform.random(),
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      }),
    };
  }

  private async succeeded(record: ListRecord, status: Partial<ListStatus>): Promise<void> {
    const now = this.platform.now();
    await updateListRecord(record.id, (r) => ({
      ...r,
      status: {
        ...this.scheduled(r, now, 0),
        ...status,
        lastAttempt: now,
        lastSuccess: now,
        lastError: null,
        pendingShrink: null,
      },
    }));
  }

  private async failed(
    record: ListRecord,
    code: RefreshErrorCode,
    detail: string,
    retryAfterMs?: number,
  ): Promise<RefreshResult> {
    const now = this.platform.now();
    await updateListRecord(record.id, (r) => ({
      ...r,
      status: {
        ...this.scheduled(r, now, r.status.failures + 1, retryAfterMs),
        lastAttempt: now,
        lastError: { code, detail, at: now },
      },
    }));
    return { outcome: 'failed', code, detail };
  }
}
