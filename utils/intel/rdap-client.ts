// The RDAP client: bootstrap lookup, the registry's answer, then the registrar's own RDAP record
// when the registry links to it. Cached (answers 24 h, failures and "not found" 1 h), timed out
// after a few seconds, and respectful of HTTP 429 Retry-After per server. Only the domain name is
// ever sent.
import { fetchList, type FetchLike } from '../lists/fetch-list';
import { mergeRdap, parseRdapDomain, type RdapDomain } from './rdap-parse';
import { rdapBaseFor, whoisPageFor } from './rdap-bootstrap';

export const RDAP_TIMEOUT_MS = 5_000;
export const RDAP_MAX_BYTES = 1024 * 1024;
export const POSITIVE_TTL_MS = 24 * 3600_000;
export const NEGATIVE_TTL_MS = 3600_000;
const DEFAULT_HOLD_MS = 60_000;

export type RdapErrorCode =
  | 'timeout'
  | 'network'
  | 'http'
  | 'rate-limited'
  | 'bad-response'
  | 'too-large'
  | 'refused-address';

export type RdapResult =
  | { status: 'ok'; data: RdapDomain; servers: string[]; fetchedAt: number }
  | { status: 'no-rdap'; tld: string; whois: { url: string; registry: string }; fetchedAt: number }
  | { status: 'not-found'; fetchedAt: number }
  | { status: 'error'; error: RdapErrorCode; detail: string; fetchedAt: number };

export interface RdapCache {
  get(domain: string): Promise<{ result: RdapResult; expiresAt: number } | null>;
  put(domain: string, result: RdapResult, expiresAt: number): Promise<void>;
}

/** Servers that asked us to wait (429), by host, until a time. */
export interface RdapHolds {
  until(host: string): Promise<number | null>;
  hold(host: string, until: number): Promise<void>;
}

export interface RdapDeps {
  fetch: FetchLike;
  now(): number;
  bootstrap(): Promise<Map<string, string[]>>;
  cache: RdapCache;
  holds: RdapHolds;
  timeoutMs?: number;
  /** Plain http for the e2e build's fixture servers only. */
  allowHttp?: boolean;
}

export async function lookupRdap(
  domain: string,
  deps: RdapDeps,
  options: { useCache?: boolean } = {},
): Promise<RdapResult> {
  const now = deps.now();
  if (options.useCache !== false) {
    const cached = await deps.cache.get(domain);
    if (cached && cached.expiresAt > now) return cached.result;
  }
  const base = rdapBaseFor(await deps.bootstrap(), domain);
  if (base === null) {
    const result: RdapResult = {
      status: 'no-rdap',
      tld: domain.split('.').pop() ?? '',
      whois: whoisPageFor(domain),
      fetchedAt: now,
    };
    await remember(deps, domain, result, now + POSITIVE_TTL_MS);
    return result;
  }
  const registry = await fetchRdap(`${base}domain/${encodeURIComponent(domain)}`, deps);
  if (registry.kind === 'held')
    return { status: 'error', error: 'rate-limited', detail: registry.detail, fetchedAt: now };
  if (registry.kind === 'not-found') {
    const result: RdapResult = { status: 'not-found', fetchedAt: now };
    await remember(deps, domain, result, now + NEGATIVE_TTL_MS);
    return result;
  }
  if (registry.kind === 'error') {
    const result: RdapResult = {
      status: 'error',
      error: registry.code,
      detail: registry.detail,
      fetchedAt: now,
    };
    if (registry.code !== 'rate-limited')
      await remember(deps, domain, result, now + NEGATIVE_TTL_MS);
    return result;
  }
  const servers = [base];
  let registrar: RdapDomain | null = null;
  // A link inside the answer obeys the same rule as a redirect (fetchRdap → fetchList checks it).
  if (registry.data.registrarRdapUrl) {
    const second = await fetchRdap(registry.data.registrarRdapUrl, deps);
    if (second.kind === 'ok') {
      registrar = second.data;
      servers.push(registry.data.registrarRdapUrl);
    }
  }
  const result: RdapResult = {
    status: 'ok',
    data: mergeRdap(registry.data, registrar),
    servers,
    fetchedAt: now,
  };
  await remember(deps, domain, result, now + POSITIVE_TTL_MS);
  return result;
}

type Fetched =
  | { kind: 'ok'; data: RdapDomain }
  | { kind: 'not-found' }
  | { kind: 'held'; detail: string }
  | { kind: 'error'; code: RdapErrorCode; detail: string };

async function fetchRdap(url: string, deps: RdapDeps): Promise<Fetched> {
  let host: string;
  try {
    host = new URL(url).host;
  } catch {
    return { kind: 'error', code: 'bad-response', detail: `bad RDAP URL ${url}` };
  }
  const held = await deps.holds.until(host);
  if (held !== null && held > deps.now()) {
    return { kind: 'held', detail: `${host} asked to wait until ${new Date(held).toISOString()}` };
  }
  const outcome = await fetchList(
    {
      url,
      etag: null,
      lastModified: null,
      maxBytes: RDAP_MAX_BYTES,
      timeoutMs: deps.timeoutMs ?? RDAP_TIMEOUT_MS,
      accept: 'application/rdap+json, application/json',
      allowHttp: deps.allowHttp === true,
    },
    deps.fetch,
    deps.now,
  );
  if (outcome.kind === 'not-modified')
    return { kind: 'error', code: 'http', detail: 'unexpected 304' };
  if (outcome.kind === 'error') {
    if (outcome.code === 'rate-limited') {
      await deps.holds.hold(host, deps.now() + (outcome.retryAfterMs ?? DEFAULT_HOLD_MS));
      return { kind: 'error', code: 'rate-limited', detail: outcome.detail };
    }
    if (outcome.status === 404) return { kind: 'not-found' };
    const code: RdapErrorCode =
      outcome.code === 'timeout'
        ? 'timeout'
        : outcome.code === 'too-large'
          ? 'too-large'
          : outcome.code === 'http'
            ? 'http'
            : outcome.code === 'refused-address' || outcome.code === 'redirects'
              ? 'refused-address'
              : 'network';
    return { kind: 'error', code, detail: outcome.detail };
  }
  let json: unknown;
  try {
    json = JSON.parse(outcome.text);
  } catch {
    return {
      kind: 'error',
      code: 'bad-response',
      detail: 'the answer is not JSON (an HTML page?)',
    };
  }
  const parsed = parseRdapDomain(json, deps.now());
  if (!parsed.ok) return { kind: 'error', code: 'bad-response', detail: parsed.detail };
  return { kind: 'ok', data: parsed.value };
}

/**
 * The cache is an optimisation: a write that fails (a full disk) must not lose the answer the
 * user is waiting for. Before, a failed write aborted the report form's draft ("internal").
 */
async function remember(deps: RdapDeps, domain: string, result: RdapResult, expiresAt: number) {
  try {
    await deps.cache.put(domain, result, expiresAt);
  } catch {
    // Not cached: the next lookup asks again.
  }
}
