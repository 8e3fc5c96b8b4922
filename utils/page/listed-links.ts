// Links to listed sites: a page that mentions medicines and sends its readers to a site a
// block-level list names (an affiliate blog, a doorway page, a "where to buy" article of a listed
// shop) is raised to warning, with the linked hosts as the reason. The hosts come from the
// content script's structural facts (visible links only); they are matched here, against the
// lists already on this device: nothing leaves the browser. What the learned model decided about
// the page's text is kept; this reason is added beside it, and it is not site evidence (one page
// linking to a listed shop does not condemn the rest of its site).
import { hostOfUrl, registrableDomain } from '../core/hostname';
import {
  raisedToWarning,
  WARNING_REASON_WEIGHT,
  type DetectedPage,
  type ReasonHit,
} from '../detector/model-score';
import type { ListLookup } from '../verdicts/list-index';
import { levelRank } from '../verdicts/model';

export const LISTED_LINKS_LIMITS = {
  /**
   * Other sites (registrable domains) whose linked hosts are looked up, at most, in document
   * order; every linked host of those sites is looked up (the content script sends 80 hosts at
   * most). Counted by site, not by host, so that a blog's share buttons and ad hosts do not use
   * the allowance up before the link to the shop. A worker that just woke looks each host up in
   * its stored chunks (one read per list).
   */
  sites: 30,
};

/**
 * The hosts among `linked` that a block-level list names (the host or a parent of it), in the
 * page's order. Left out: the page's own site, hosts that are not domain names (IP literals,
 * `localhost`, the empty host of a mailto: link), sites the user allowed, and licensed sellers
 * (a licensed pharmacy that a list also names is not evidence against the page linking to it).
 */
export async function listedLinks(
  pageHost: string,
  linked: readonly string[],
  lists: ListLookup,
  allowSites: ReadonlySet<string>,
): Promise<string[]> {
  const own = registrableDomain(pageHost);
  const hosts: string[] = [];
  const sites = new Set<string>();
  for (const raw of linked) {
    // The content script sends what the browser parsed; the page decides what its links say, so
    // each is parsed again as a URL's host and kept only in canonical form.
    const host = raw === '' ? null : hostOfUrl(`https://${raw}/`);
    if (!host || host.kind !== 'domain' || hosts.includes(host.host)) continue;
    const site = registrableDomain(host.host);
    if (site === own || allowSites.has(site)) continue;
    if (!sites.has(site)) {
      if (sites.size >= LISTED_LINKS_LIMITS.sites) continue;
      sites.add(site);
    }
    hosts.push(host.host);
  }
  const listed = await Promise.all(
    hosts.map(async (host) => {
      const hits = await lists.lookup(host);
      if (!hits.some((h) => h.blocks)) return false;
      return (await lists.licensedFor(host)) === null;
    }),
  );
  return hosts.filter((_, i) => listed[i]);
}

/**
 * The page's result with its links to listed sites: raised to warning (a banner) when it links to
 * at least one, the hosts as the reason's evidence, put first (the banner then says the page
 * sends readers to listed sites, not that it is a shop itself: models.ts). A page already at
 * warning or above keeps its level and its strongest reason, and gains this one second.
 */
export function withListedLinks(
  page: DetectedPage | null,
  hosts: readonly string[],
): DetectedPage | null {
  if (hosts.length === 0) return page;
  const reason: ReasonHit = {
    code: 'listed-links',
    weight: WARNING_REASON_WEIGHT,
    evidence: hosts.join(' '),
    terms: [...hosts],
  };
  if (!page || levelRank(page.level) < levelRank('warning')) return raisedToWarning(page, reason);
  const [first, ...rest] = page.signals;
  return { ...page, signals: first ? [first, reason, ...rest] : [reason] };
}
