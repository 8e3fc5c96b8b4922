// Whole-site verdicts in the evaluation (issue 12): what a user who has already seen a site's other
// pages is shown on each page. The extension remembers each page's result per registrable domain
// (utils/detector/site-evidence.ts) and raises a later page of a site with a warned page to
// warning, unless the site's licensed-looking pages are as many. The evaluation replays exactly
// those functions, each page judged after every other page of its site, so the figure is the
// best case of browsing order (a page seen first is judged alone: the per-page rate).
import {
  recordPage,
  siteFinding,
  sitePage,
  withSiteEvidence,
  type SiteEvidence,
} from '../../utils/detector/site-evidence';
import type { DetectedPage } from '../../utils/detector/model-score';
import { levelRank } from '../../utils/verdicts/model';

export interface BrowsedPage {
  site: string;
  url: string;
  /** null: the content script sent no sample (its pre-check found no medicine word), so the page
   * leaves no evidence for its site but is still shown its site's. */
  detected: DetectedPage | null;
}

/** A fixed moment, so that the result does not depend on the clock (evidence lives 30 days). */
const NOW = Date.UTC(2026, 0, 1);

/**
 * For each page, whether it is shown at warning or above once every other page of its site has
 * been seen (a minute apart, in the given order), with the site's evidence as the extension
 * applies it.
 */
export function warnedAfterSite(pages: readonly BrowsedPage[]): boolean[] {
  const bySite = new Map<string, number[]>();
  pages.forEach((p, i) => bySite.set(p.site, [...(bySite.get(p.site) ?? []), i]));
  return pages.map((page, i) => {
    let evidence: SiteEvidence | null = null;
    let at = NOW - 60_000 * pages.length;
    for (const j of bySite.get(page.site) ?? []) {
      if (j === i) continue;
      at += 60_000;
      const other = pages[j]!;
      if (other.detected === null) continue;
      evidence = recordPage(evidence, other.site, sitePage(other.url, other.detected, at), NOW);
    }
    const shown = withSiteEvidence(page.detected, siteFinding(evidence, NOW), page.url);
    return shown !== null && levelRank(shown.level) >= levelRank('warning');
  });
}
