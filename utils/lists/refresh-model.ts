// What a refresh answers, its limits, and the small pieces of the delta path that need no
// refresher state: reading a list's head and fetching one delta (checked against its hash).
import { LIST_HTTP_ALLOWED, fetchList, type FetchErrorCode, type FetchOutcome } from './fetch-list';
import { DeltaSchema, HeadSchema, type Delta, type Head } from './delta';
import { MAX_LIST_BYTES, type ImportError, type ListContent } from './model';
import type { ListSource } from './catalog';
import type { ListRecord, ListStatus } from './record';
import { sha256Hex } from '../core/hash';
import type { Platform } from '../platform/platform';

export const REFRESH_TIMEOUT_MS = 60_000;
export const SIGNATURE_MAX_BYTES = 1024;
/** A new version with fewer than this share of the entries waits for the user's confirmation. */
export const SHRINK_LIMIT = 0.5;
export const USER_AGENT = 'KusuriGuard/0.1 (browser extension; +https://github.com/kusuri-guard)';

export type RefreshErrorCode =
  | FetchErrorCode
  | ImportError
  | 'missing-signature'
  | 'bad-signature'
  | 'older-version'
  | 'bad-head';

export type RefreshResult =
  | { outcome: 'updated'; record: ListRecord; rejected: number; via: 'delta' | 'full' }
  | { outcome: 'unchanged'; how: 'not-modified' | 'same-content' }
  | { outcome: 'failed'; code: RefreshErrorCode; detail: string }
  | { outcome: 'shrink-pending'; from: number; to: number }
  | { outcome: 'skipped'; why: 'no-url' | 'disabled' | 'missing' };

export function sourceOf(record: ListRecord): ListSource {
  return {
    id: record.id,
    origin: record.origin,
    format: record.format,
    action: record.action,
    url: record.url,
    category: record.domainCategory,
    // Formats that carry their own metadata (the project's list, licensed-seller lists) need none.
    meta: record.format === 'kusuri-guard' || record.format === 'licensed' ? null : record.meta,
    intervalMs: record.intervalMs,
    signed: record.signed,
  };
}

export type HeadOutcome =
  | { kind: 'done'; result: RefreshResult }
  | { kind: 'no-head' }
  /** A delta from the version held produced the announced list: to be installed. */
  | { kind: 'delta'; content: ListContent; hash: string; validators: Partial<ListStatus> }
  | { kind: 'full-needed'; headEtag: string | null; bytes: number };

/** A download from a list server (head, delta, signature or list) with the refresher's limits:
 * its time-out, user agent and https rule, and the platform's clock for Retry-After. */
export function fromListServer(
  platform: Platform,
  request: {
    url: string;
    maxBytes: number;
    etag?: string | null;
    lastModified?: string | null;
    accept?: string;
  },
): Promise<FetchOutcome> {
  return fetchList(
    {
      etag: null,
      lastModified: null,
      ...request,
      timeoutMs: platform.config.refreshTimeoutMs ?? REFRESH_TIMEOUT_MS,
      userAgent: USER_AGENT,
      allowHttp: LIST_HTTP_ALLOWED,
    },
    platform.fetch,
    () => platform.now(),
  );
}

export function parseHead(text: string): Head | null {
  try {
    const parsed = HeadSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function fetchDelta(
  platform: Platform,
  url: string,
  sha256: string,
): Promise<{ delta: Delta | null; bytes: number }> {
  const fetched = await fromListServer(platform, { url, maxBytes: MAX_LIST_BYTES });
  if (fetched.kind !== 'ok') return { delta: null, bytes: 0 };
  if ((await sha256Hex(fetched.text)) !== sha256) return { delta: null, bytes: fetched.bytes };
  try {
    const parsed = DeltaSchema.safeParse(JSON.parse(fetched.text));
    return { delta: parsed.success ? parsed.data : null, bytes: fetched.bytes };
  } catch {
    return { delta: null, bytes: fetched.bytes };
  }
}
