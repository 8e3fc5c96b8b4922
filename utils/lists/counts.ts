// A list's entry counts, computed in one place for everyone: the stored record's counts, the
// shrink guard (old count against new) and the options page's "N entries". Dependency-free: pages
// import it too.
import type { ListContent } from './model';

export interface ListCounts {
  sites: number;
  domains: number;
  /** Domains inside groups. */
  grouped: number;
  registrars: number;
  breaches: number;
  licensed: number;
}

export function countContent(content: ListContent): ListCounts {
  return {
    sites: content.sites.length,
    domains: content.domains.length,
    grouped: content.groups.reduce((n, g) => n + g.domains.length, 0),
    registrars: content.registrars.length,
    breaches: content.breaches.length,
    licensed: content.licensed?.length ?? 0,
  };
}

/**
 * What the shrink guard compares between versions: the listed sites, domains and breaches. The
 * registrar facts a list carries describe companies, not sites, and are left out.
 */
export function listedCount(counts: ListCounts): number {
  return counts.sites + counts.domains + counts.grouped + counts.breaches + counts.licensed;
}

/** Every entry of a list, whatever its kind (the options page's "N entries"). */
export function entryCount(counts: ListCounts): number {
  return listedCount(counts) + counts.registrars;
}
