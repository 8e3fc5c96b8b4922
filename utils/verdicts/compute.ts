// From a URL to a verdict (pure): list hits, the detector's result for the page, and what a
// domain lookup found. List hits outrank everything; the page score, plus small additions for a
// new domain or a registrar that ignores rogue-pharmacy takedowns, decides the rest.
import { displayHost, hostOfUrl, registeredDomain, registrableDomain } from '../core/hostname';
import type { ListLookup } from './list-index';
import {
  levelRank,
  signalLevel,
  summarize,
  uncheckedVerdict,
  type PageReason,
  type Reason,
  type Verdict,
} from './model';
import { levelFor } from '../detector/score';
import type { DetectedPage } from '../detector/model-score';
import { intelReasons } from '../intel/model';
import type { RdapResult } from '../intel/rdap-client';
import type { LicensedEntry } from '../lists/licensed';

/** Finds the licensed seller covering a host (LicensedIndex, or a list index's licensedFor). */
export interface LicensedLookup {
  lookup(host: string): LicensedEntry | null | Promise<LicensedEntry | null>;
}

/** The detector's signals as reasons, strongest first; evidence against rogue selling last. */
export function pageReasons(page: DetectedPage): PageReason[] {
  return page.signals.map((signal) => {
    const reason: PageReason = {
      group: 'page',
      code: `page.${signal.code}`,
      level: signalLevel(signal.weight),
      weight: signal.weight,
      evidence: signal.evidence,
    };
    if (signal.drug) reason.drug = signal.drug;
    if (signal.seenAt !== undefined) reason.seenAt = signal.seenAt;
    return reason;
  });
}

/**
 * What a domain lookup found: a result, or null when nobody asked (automatic lookups are off).
 * Without this argument the verdict has no registrar section at all (breaches, which are local
 * data, are always included).
 */
export interface LookupInput {
  result: RdapResult | null;
  /** Registrar name from IANA's registrar-ID table. */
  ianaName: (id: number) => string | null;
}

export async function verdictForUrl(
  url: string,
  index: ListLookup,
  allowSites: ReadonlySet<string>,
  now: number,
  page: (DetectedPage & { at: number }) | null = null,
  lookup: LookupInput | null = null,
  // The licensed sellers: the stored lists' (the verdict service) or the packaged table (the
  // checker CLI); not a default here, so the worker's first-verdict script does not carry it.
  allowlist: LicensedLookup | null = null,
): Promise<Verdict> {
  const parsed = hostOfUrl(url);
  if (!parsed) return uncheckedVerdict('unsupported', null, now);
  if (parsed.kind === 'local') return uncheckedVerdict('local', url, now);
  const site = registrableDomain(parsed.host);
  // Asked for at once (a waking worker reads each from IndexedDB): the licensed seller first, as
  // a probed index reads the site's breaches with it.
  const [allHits, licensedFound, breaches] = await Promise.all([
    index.lookup(parsed.host),
    allowlist?.lookup(parsed.host) ?? null,
    index.breachesFor(site),
  ]);
  // A licensed seller is not warned on because of a warn-level entry or the detector: those are
  // kept aside as the conflict the popup shows. Block-level entries still count (and the options
  // page shows the conflict): a block is a deliberate act of a list's maintainer.
  const licensed = licensedFound ?? null;
  const hits = licensed ? allHits.filter((h) => h.blocks) : allHits;
  const overridden: Reason[] = licensed
    ? [
        ...allHits.filter((h) => !h.blocks).map((h) => h.reason),
        ...(page ? pageReasons(page).filter((r) => r.weight > 0) : []),
      ]
    : [];
  const scoredPage = licensed ? null : page;
  const reasons: Reason[] = [
    ...hits.map((h) => h.reason),
    ...(scoredPage ? pageReasons(scoredPage) : []),
  ];
  const pharmacy =
    hits.length > 0 || (scoredPage !== null && levelRank(scoredPage.level) >= levelRank('caution'));
  const domain = registeredDomain(parsed.host);
  let bonus = 0;
  let intel: Verdict['intel'] = null;
  if (domain !== null) {
    const data = lookup?.result?.status === 'ok' ? lookup.result.data : null;
    const ianaId = data?.registrar.ianaId ?? null;
    const computed = intelReasons(
      {
        domain,
        lookup: lookup ? lookup.result : null,
        registrar: index.registrar(ianaId),
        ianaName: ianaId !== null && lookup ? lookup.ianaName(ianaId) : null,
        breaches,
      },
      { pharmacy, now },
    );
    reasons.push(...computed.reasons.filter((r) => lookup !== null || r.group === 'breach'));
    if (lookup !== null) {
      intel = computed.summary;
      bonus = computed.bonus;
    }
  }
  const siteScore = Math.min(100, (scoredPage?.score ?? 0) + bonus);
  const { level, score } = summarize(
    reasons,
    scoredPage || bonus > 0 ? { score: siteScore, level: levelFor(siteScore) } : null,
  );
  const allowlisted = allowSites.has(site);
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
    page: scoredPage
      ? { score: scoredPage.score, level: scoredPage.level, at: scoredPage.at }
      : null,
    intel,
    checkedAt: now,
    ...(licensed
      ? {
          licensed: {
            domain: licensed.domain,
            name: licensed.name,
            kind: licensed.kind,
            register: licensed.register,
            ...(licensed.licence ? { licence: licensed.licence } : {}),
            source: licensed.source,
          },
          overridden,
        }
      : {}),
  };
}
