// From a URL to a verdict using the list index and the user's allowlist (pure).
import { displayHost, hostOfUrl, registrableDomain } from '../hostname';
import type { ListIndex } from './list-index';
import { summarize, uncheckedVerdict, type Reason, type Verdict } from './model';

export function verdictForUrl(
  url: string,
  index: ListIndex,
  allowSites: ReadonlySet<string>,
  now: number,
  extraReasons: readonly Reason[] = [],
): Verdict {
  const parsed = hostOfUrl(url);
  if (!parsed) return uncheckedVerdict('unsupported', null, now);
  if (parsed.kind === 'local') return uncheckedVerdict('local', url, now);
  const site = registrableDomain(parsed.host);
  const hits = index.lookup(parsed.host);
  const reasons: Reason[] = [...hits.map((h) => h.reason), ...extraReasons];
  const allowlisted = allowSites.has(site);
  const { level, score } = summarize(reasons);
  return {
    status: 'checked',
    url,
    host: parsed.host,
    displayHost: displayHost(parsed.host),
    site,
    level,
    score,
    reasons,
    allowlisted,
    blocked: !allowlisted && hits.some((h) => h.blocks),
    checkedAt: now,
  };
}
