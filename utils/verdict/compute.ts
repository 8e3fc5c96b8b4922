// From a URL to a verdict using the list index and the user's allowlist (pure).
import { displayHost, hostOfUrl, registrableDomain } from '../hostname';
import type { ListIndex } from './list-index';
import {
  signalLevel,
  summarize,
  uncheckedVerdict,
  type PageReason,
  type Reason,
  type Verdict,
} from './model';
import type { PageScore } from '../detect/score';

/** The detector's signals as reasons, strongest first; evidence against rogue selling last. */
export function pageReasons(page: PageScore): PageReason[] {
  return page.signals.map((signal) => {
    const reason: PageReason = {
      group: 'page',
      code: `page.${signal.code}`,
      level: signalLevel(signal.weight),
      weight: signal.weight,
      evidence: signal.evidence,
    };
    if (signal.drug) reason.drug = signal.drug;
    return reason;
  });
}

export function verdictForUrl(
  url: string,
  index: ListIndex,
  allowSites: ReadonlySet<string>,
  now: number,
  page: (PageScore & { at: number }) | null = null,
  extraReasons: readonly Reason[] = [],
): Verdict {
  const parsed = hostOfUrl(url);
  if (!parsed) return uncheckedVerdict('unsupported', null, now);
  if (parsed.kind === 'local') return uncheckedVerdict('local', url, now);
  const site = registrableDomain(parsed.host);
  const hits = index.lookup(parsed.host);
  const reasons: Reason[] = [
    ...hits.map((h) => h.reason),
    ...(page ? pageReasons(page) : []),
    ...extraReasons,
  ];
  const allowlisted = allowSites.has(site);
  const { level, score } = summarize(reasons, page);
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
    dismissed: false,
    blocked: !allowlisted && hits.some((h) => h.blocks),
    page: page ? { score: page.score, level: page.level, at: page.at } : null,
    checkedAt: now,
  };
}
