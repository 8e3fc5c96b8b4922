// One download of a list: a conditional GET (an unchanged list costs a 304 and no body), a
// time-out, a size cap enforced while the body streams in, gzip bodies, and every failure turned
// into a code the status line can explain. Takes `fetch` as a parameter so tests drive every fault.
// Contained: https to public host names only (core/remote-url.ts), for the first address and for
// every redirect, and at most MAX_REDIRECTS of them.
import { remoteUrlProblem } from '../core/remote-url';

export const MAX_REDIRECTS = 3;

/**
 * A list's own address may be plain http when the user typed one (a list is public data and
 * nothing of the user's is sent), but never an IP literal or local name, and a redirect never
 * goes from https to http. RDAP, which sends the domain looked up, is https only.
 */
export const LIST_HTTP_ALLOWED = true;

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface FetchRequest {
  url: string;
  etag: string | null;
  lastModified: string | null;
  maxBytes: number;
  timeoutMs: number;
  /** Sent as User-Agent where the platform allows it (HIBP asks for one). */
  userAgent?: string;
  accept?: string;
  /** Plain http allowed for the first address (lists; RDAP only in the e2e build). */
  allowHttp?: boolean;
}

export type FetchErrorCode =
  | 'timeout'
  | 'network'
  | 'http'
  | 'rate-limited'
  | 'too-large'
  | 'dropped'
  | 'bad-encoding'
  | 'refused-address'
  | 'redirects';

export type FetchOutcome =
  | { kind: 'not-modified' }
  | { kind: 'ok'; text: string; etag: string | null; lastModified: string | null; bytes: number }
  | { kind: 'error'; code: FetchErrorCode; status?: number; retryAfterMs?: number; detail: string };

export async function fetchList(
  request: FetchRequest,
  fetchImpl: FetchLike,
  now: () => number = Date.now,
): Promise<FetchOutcome> {
  const headers: Record<string, string> = {
    accept: request.accept ?? 'application/json, text/plain;q=0.9, */*;q=0.1',
  };
  if (request.etag) headers['if-none-match'] = request.etag;
  if (request.lastModified) headers['if-modified-since'] = request.lastModified;
  if (request.userAgent) headers['user-agent'] = request.userAgent;
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException('timeout', 'TimeoutError')),
    request.timeoutMs,
  );
  let response: Response;
  let url = request.url;
  for (let hop = 0; ; hop += 1) {
    const downgrade = hop > 0 && request.url.startsWith('https:') && url.startsWith('http:');
    const problem = downgrade
      ? 'not-https'
      : remoteUrlProblem(url, { allowHttp: request.allowHttp === true });
    if (problem !== null) {
      clearTimeout(timer);
      return {
        kind: 'error',
        code: 'refused-address',
        detail: `${problem}: ${url.slice(0, 200)}${hop > 0 ? ' (a redirect)' : ''}`,
      };
    }
    try {
      response = await fetchImpl(url, {
        headers,
        signal: controller.signal,
        cache: 'no-store',
        credentials: 'omit',
        // Each hop is checked before it is requested. Browsers hide where a redirect goes
        // (an "opaqueredirect" answer): such a redirect is refused rather than followed blind.
        redirect: 'manual',
        referrerPolicy: 'no-referrer',
      });
    } catch (error) {
      clearTimeout(timer);
      return controller.signal.aborted
        ? { kind: 'error', code: 'timeout', detail: `no answer within ${request.timeoutMs} ms` }
        : { kind: 'error', code: 'network', detail: describe(error) };
    }
    const location = response.headers.get('location');
    const redirected =
      response.type === 'opaqueredirect' ||
      ([301, 302, 303, 307, 308].includes(response.status) && location !== null);
    if (!redirected) break;
    await response.body?.cancel().catch(() => undefined);
    if (response.type === 'opaqueredirect' || location === null) {
      clearTimeout(timer);
      return {
        kind: 'error',
        code: 'redirects',
        detail: 'the server redirected to an address the browser does not reveal; not followed',
      };
    }
    if (hop >= MAX_REDIRECTS) {
      clearTimeout(timer);
      return {
        kind: 'error',
        code: 'redirects',
        detail: `more than ${MAX_REDIRECTS} redirects`,
      };
    }
    try {
      url = new URL(location, url).href;
    } catch {
      url = location;
    }
  }
  try {
    if (response.status === 304) {
      await response.body?.cancel().catch(() => undefined);
      return { kind: 'not-modified' };
    }
    if (response.status === 429 || response.status === 503) {
      await response.body?.cancel().catch(() => undefined);
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now());
      return {
        kind: 'error',
        code: response.status === 429 ? 'rate-limited' : 'http',
        status: response.status,
        ...(retryAfterMs !== null ? { retryAfterMs } : {}),
        detail: `HTTP ${response.status}`,
      };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return {
        kind: 'error',
        code: 'http',
        status: response.status,
        detail: `HTTP ${response.status}`,
      };
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > request.maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      return {
        kind: 'error',
        code: 'too-large',
        detail: `${declared} bytes declared; the limit is ${request.maxBytes}`,
      };
    }
    const body = await readCapped(response, request.maxBytes, controller.signal);
    if (body.kind === 'error') return body;
    const gzipped = isGzip(body.bytes);
    let bytes = body.bytes;
    if (gzipped) {
      const inflated = await gunzip(bytes, request.maxBytes);
      if (inflated === null)
        return {
          kind: 'error',
          code: 'bad-encoding',
          detail: 'the gzip body is corrupt or too large',
        };
      bytes = inflated;
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { kind: 'error', code: 'bad-encoding', detail: 'the body is not UTF-8 text' };
    }
    return {
      kind: 'ok',
      text,
      etag: response.headers.get('etag'),
      lastModified: response.headers.get('last-modified'),
      bytes: body.bytes.length,
    };
  } finally {
    clearTimeout(timer);
  }
}

/** Read the body, stopping as soon as it exceeds `maxBytes`; a connection dropped mid-body is an error. */
async function readCapped(
  response: Response,
  maxBytes: number,
  signal: AbortSignal,
): Promise<{ kind: 'ok'; bytes: Uint8Array } | Extract<FetchOutcome, { kind: 'error' }>> {
  if (!response.body) return { kind: 'ok', bytes: new Uint8Array(0) };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { kind: 'error', code: 'too-large', detail: `more than ${maxBytes} bytes` };
      }
      chunks.push(value);
    }
  } catch (error) {
    if (signal.aborted)
      return { kind: 'error', code: 'timeout', detail: 'the download did not finish in time' };
    return {
      kind: 'error',
      code: 'dropped',
      detail: `the connection dropped after ${size} bytes (${describe(error)})`,
    };
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return { kind: 'ok', bytes };
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Inflate a gzip body (a list published as .gz) without letting it grow past `maxBytes`. */
async function gunzip(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array | null> {
  try {
    const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
      .stream()
      .pipeThrough(new DecompressionStream('gzip'));
    const result = await readCapped(new Response(stream), maxBytes, new AbortController().signal);
    return result.kind === 'ok' ? result.bytes : null;
  } catch {
    return null;
  }
}

/** Retry-After in milliseconds: delta-seconds or an HTTP date. Null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed), 7 * 24 * 3600) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
