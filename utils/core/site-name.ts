// The one rule for a site the user names: what may be blocked or allowed by the user, typed on
// the options page, chosen in the popup, the report form or the warning page, read from a
// settings file, or read back from storage when the rules are built. A site is a real host whose
// name is its own registrable domain (or a public IPv4 address): never a public or private
// suffix (`co.jp`, `github.io`: a block would stop every shop under it, an allowance would let
// every listed one load), never `*` or other non-host text, never a local name or an address on
// the user's own network.
import { isNonPublicAddress } from './ip-range';
import { parseTarget, registrableDomain, isPublicSuffix } from './hostname';

export type SiteNameError = 'invalid' | 'public-suffix' | 'local' | 'private-address';

export type SiteNameResult = { ok: true; site: string } | { ok: false; error: SiteNameError };

/** The site (registrable domain) a user's block or allowance stands for, or why it cannot be one. */
export function userSiteOf(input: string): SiteNameResult {
  const target = parseTarget(input);
  if (!target.ok)
    return { ok: false, error: target.error === 'public-suffix' ? target.error : 'invalid' };
  const { host, kind } = target.host;
  if (kind === 'ipv6')
    return { ok: false, error: isNonPublicAddress(host) ? 'private-address' : 'invalid' };
  if (kind === 'ipv4')
    return isNonPublicAddress(host)
      ? { ok: false, error: 'private-address' }
      : { ok: true, site: host };
  if (kind === 'local') return { ok: false, error: 'local' };
  if (isPublicSuffix(host)) return { ok: false, error: 'public-suffix' };
  const site = registrableDomain(host);
  // registrableDomain falls back to the host itself when no registrable part exists.
  if (site === host && isPublicSuffix(site)) return { ok: false, error: 'public-suffix' };
  return { ok: true, site };
}

/** A stored site passes only if it is already in the form userSiteOf gives. */
export function isValidUserSite(site: string): boolean {
  const result = userSiteOf(site);
  return result.ok && result.site === site;
}
