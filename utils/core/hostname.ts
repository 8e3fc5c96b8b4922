// Hostname handling shared by the background, the pages, the CLI and the tests.
// Everything that compares hosts works on the canonical ASCII form: lower case, punycode for
// IDNs, no trailing dot. Unicode is only produced for display. Public suffixes come from ./psl
// (tldts's answers from a compact copy of its rules: the worker's first script carries no tldts).
import { getDomain, getPublicSuffix } from './psl';
import { toUnicode } from 'punycode/punycode.es6.js';

export type HostKind = 'domain' | 'ipv4' | 'ipv6' | 'local';

export interface NormalizedHost {
  /** Canonical ASCII host: lower case, punycode, no trailing dot; IPv6 without brackets. */
  host: string;
  kind: HostKind;
}

export type HostError = 'empty' | 'too-long' | 'invalid' | 'label-too-long' | 'public-suffix';

export type HostResult = { ok: true; value: NormalizedHost } | { ok: false; error: HostError };

const MAX_HOST_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;
const LDH_LABEL = /^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?$/;
const IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}$/;
/** Lower-case LDH labels (underscores allowed but not in the TLD), 253 characters at most. */
const CANONICAL_HOST =
  /^(?=.{1,253}$)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Names that resolve to the user's own machine or network; never listed, never looked up. */
function isLocalName(host: string): boolean {
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host.endsWith('.local') ||
    host.endsWith('.internal') ||
    host.endsWith('.home.arpa') ||
    !host.includes('.')
  );
}

/**
 * Normalise a bare hostname as typed, found in a list or taken from a URL.
 * Uses the WHATWG URL parser for IDNA mapping (full-width letters, upper case, Unicode) and IPv4
 * canonicalisation, then checks the DNS length limits the parser does not enforce.
 */
export function normalizeHost(input: string): HostResult {
  let raw = input.trim();
  if (raw === '') return { ok: false, error: 'empty' };
  // Fast path for what lists are made of: a host already in canonical form. The URL parser would
  // return it unchanged (no IDNA work, no IPv4 forms: the last label starts with a letter; no
  // punycode to validate), so skip it: a 1M-domain list imports in a fraction of the time.
  if (CANONICAL_HOST.test(raw) && !raw.includes('xn--')) {
    return { ok: true, value: { host: raw, kind: isLocalName(raw) ? 'local' : 'domain' } };
  }
  if (raw.length > 1024) return { ok: false, error: 'too-long' };
  if (raw.startsWith('[') && raw.endsWith(']')) raw = raw.slice(1, -1);
  if (raw.includes(':')) {
    // Only an IPv6 literal may contain colons here; ports belong to URLs, not hosts.
    try {
      const url = new URL(`http://[${raw}]/`);
      return { ok: true, value: { host: url.hostname.slice(1, -1), kind: 'ipv6' } };
    } catch {
      return { ok: false, error: 'invalid' };
    }
  }
  if (/[\s/?#@\\%]/.test(raw)) return { ok: false, error: 'invalid' };
  let host: string;
  try {
    host = new URL(`http://${raw}/`).hostname;
  } catch {
    return { ok: false, error: 'invalid' };
  }
  return checkParsedHost(host);
}

/** Validate a hostname that the URL parser already produced. */
export function checkParsedHost(parsed: string): HostResult {
  let host = parsed.toLowerCase();
  if (host.startsWith('[') && host.endsWith(']')) {
    return { ok: true, value: { host: host.slice(1, -1), kind: 'ipv6' } };
  }
  while (host.endsWith('.')) host = host.slice(0, -1);
  if (host === '') return { ok: false, error: 'empty' };
  if (host.length > MAX_HOST_LENGTH) return { ok: false, error: 'too-long' };
  if (IPV4.test(host)) return { ok: true, value: { host, kind: 'ipv4' } };
  const labels = host.split('.');
  for (const label of labels) {
    if (label.length === 0) return { ok: false, error: 'invalid' };
    if (label.length > MAX_LABEL_LENGTH) return { ok: false, error: 'label-too-long' };
    if (!LDH_LABEL.test(label)) return { ok: false, error: 'invalid' };
  }
  // A label that is all digits in the last position would be an invalid TLD.
  if (/^\d+$/.test(labels[labels.length - 1]!)) return { ok: false, error: 'invalid' };
  return { ok: true, value: { host, kind: isLocalName(host) ? 'local' : 'domain' } };
}

/**
 * Normalise a host that is meant to be a list entry: it must be a public domain or an IPv4
 * address, and it must not be a public suffix (listing `com` or `co.jp` would block everything).
 */
export function normalizeListedHost(input: string): HostResult {
  const result = normalizeHost(input);
  if (!result.ok) return result;
  const { host, kind } = result.value;
  if (kind === 'ipv6') return { ok: false, error: 'invalid' };
  if (kind !== 'ipv4' && isCanonicalPublicSuffix(host))
    return { ok: false, error: 'public-suffix' };
  if (kind === 'local') return { ok: false, error: 'invalid' };
  return result;
}

/**
 * The suffix lookup (./psl, as tldts) keeps the last host it parsed in one shared object, and the
 * JavaScript engine keeps the last string a regular expression matched (RegExp.input). A host
 * sliced out of a list's text keeps the whole text alive through either (20 MB for a million
 * domains); importByFormat calls this after every import, so only a short literal stays.
 */
export function releaseParsedHost(): void {
  getPublicSuffix('example.com');
  getDomain('example.com');
  CANONICAL_HOST.test('example.com');
}

export function isPublicSuffix(host: string): boolean {
  return getPublicSuffix(host, { allowPrivateDomains: true }) === host;
}

/** Options for a host that is already canonical: the parser skips extracting and validating it. */
const CANONICAL_PSL = {
  allowPrivateDomains: true,
  extractHostname: false,
  validateHostname: false,
  detectIp: false,
  mixedInputs: false,
} as const;

/** isPublicSuffix for a host normalizeHost returned (a third faster on a million-host import). */
function isCanonicalPublicSuffix(host: string): boolean {
  return getPublicSuffix(host, CANONICAL_PSL) === host;
}

/**
 * The registrable domain ("site") of a host, using the Public Suffix List including private
 * suffixes, so `a.blogspot.com` is its own site. IPs and local names are their own site.
 */
export function registrableDomain(host: string): string {
  if (IPV4.test(host) || host.includes(':')) return host;
  return getDomain(host, { allowPrivateDomains: true }) ?? host;
}

/**
 * All suffixes of a host that a listing could name, most specific first:
 * `a.b.example.com` -> [`a.b.example.com`, `b.example.com`, `example.com`].
 * Stops at the registrable domain: public suffixes are never listed. IPs only match themselves.
 */
export function hostSuffixes(host: string): string[] {
  if (IPV4.test(host) || host.includes(':')) return [host];
  const site = registrableDomain(host);
  const out: string[] = [host];
  let rest = host;
  while (rest !== site) {
    const dot = rest.indexOf('.');
    if (dot < 0) break;
    rest = rest.slice(dot + 1);
    out.push(rest);
  }
  return out;
}

/**
 * The domain a registry holds a registration for (ICANN suffixes only): RDAP and WHOIS know
 * `blogspot.com`, not `someone.blogspot.com`. Null for IPs and local names.
 */
export function registeredDomain(host: string): string | null {
  if (IPV4.test(host) || host.includes(':')) return null;
  return getDomain(host, { allowPrivateDomains: false }) ?? null;
}

/** Unicode form of an ASCII host for display (punycode labels decoded). */
export function displayHost(host: string): string {
  if (!host.includes('xn--')) return host;
  try {
    return toUnicode(host);
  } catch {
    return host;
  }
}

export type ParsedTarget =
  { ok: true; url: string | null; host: NormalizedHost } | { ok: false; error: TargetError };

export type TargetError = HostError | 'unsupported-scheme' | 'credentials';

/**
 * Parse what a user typed into "check a site", or a URL the extension saw: a bare domain,
 * a domain with a path, or an http(s) URL. Credentials are refused (they are a phishing trick and
 * must never be sent to a lookup service); other schemes such as `javascript:` are refused.
 */
export function parseTarget(input: string): ParsedTarget {
  const raw = input.trim();
  if (raw === '') return { ok: false, error: 'empty' };
  if (raw.length > 4096) return { ok: false, error: 'too-long' };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(raw);
  let candidate = raw;
  if (scheme && !/^\d+$/.test(raw.slice(scheme[0].length).split('/')[0] ?? '')) {
    const name = scheme[1]!.toLowerCase();
    if (name !== 'http' && name !== 'https') return { ok: false, error: 'unsupported-scheme' };
  } else {
    candidate = `http://${raw}`;
  }
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { ok: false, error: 'invalid' };
  }
  if (url.username !== '' || url.password !== '') return { ok: false, error: 'credentials' };
  const host = checkParsedHost(url.hostname);
  if (!host.ok) return host;
  return { ok: true, url: url.href, host: unproxied(host.value, url) };
}

const TRANSLATE_PROXY = '.translate.goog';
const AMP_CACHE = '.cdn.ampproject.org';

/**
 * The site a translation or cache proxy shows under a host of its own, or `host` itself. Google
 * Translate's proxy names `www.joa2020.jp` `www-joa2020-jp.translate.goog` (each `-` of the host
 * doubled, each `.` made a `-`); the AMP cache serves it at
 * `<anything>.cdn.ampproject.org/c/s/www.joa2020.jp/…` (`c`, `v`, `i`, `r`… for what it serves,
 * `s/` for https). A listed shop seen through either is that shop to the lists, the allowlist,
 * the grants and the detector; a name that does not decode to a valid host stays the proxy's.
 */
function unproxied(host: NormalizedHost, url: URL): NormalizedHost {
  if (host.kind !== 'domain') return host;
  let inner: string | null = null;
  if (host.host.endsWith(TRANSLATE_PROXY)) {
    const label = host.host.slice(0, -TRANSLATE_PROXY.length);
    if (!label.includes('.')) inner = label.replace(/--|-/g, (m) => (m === '-' ? '.' : '-'));
  } else if (host.host.endsWith(AMP_CACHE)) {
    inner = /^\/[a-z]{1,2}\/(?:s\/)?([^/]+)/.exec(url.pathname)?.[1] ?? null;
  }
  if (inner === null) return host;
  let name: string;
  try {
    name = decodeURIComponent(inner);
  } catch {
    return host;
  }
  // normalizeHost makes an IDN's punycode and refuses a user or path riding along; a port reads
  // as a broken IPv6 literal: none of these is a public domain.
  const site = normalizeHost(name);
  return site.ok && site.value.kind === 'domain' ? site.value : host;
}

/** Host of an http(s) URL in canonical form, or null for anything else. */
export function hostOfUrl(url: string): NormalizedHost | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const result = checkParsedHost(parsed.hostname);
  return result.ok ? unproxied(result.value, parsed) : null;
}
