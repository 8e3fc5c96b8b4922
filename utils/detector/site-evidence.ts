// Whole-site verdicts (pure): pages of one registrable domain share evidence. When a page of a
// site reaches warning, later pages of that site are warned too, with the address and date of the
// page that did — a rogue shop's FAQ, terms and delivery pages say little on their own. One
// outlier does not condemn a site whose other pages look licensed. Evidence older than 30 days
// is forgotten.
import { levelRank, type Level } from '../verdicts/model';
import { raisedToWarning, WARNING_REASON_WEIGHT, type DetectedPage } from './model-score';

export const SITE_EVIDENCE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Pages remembered per site (the most recent ones). */
export const SITE_EVIDENCE_PAGES = 20;

export interface SitePage {
  /** The page's address without query or fragment (what the popup shows). */
  url: string;
  at: number;
  level: Level;
  score: number;
  /** The page shows a seller's licence (named evidence against a rogue shop) and was not warned. */
  licensed: boolean;
}

export interface SiteEvidence {
  site: string;
  pages: SitePage[];
}

/** A URL as remembered: no query (it may hold personal data) and no fragment. */
export function evidenceUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return url.slice(0, 2048);
  }
}

function fresh(page: SitePage, now: number): boolean {
  return now - page.at <= SITE_EVIDENCE_DAYS * DAY_MS && page.at <= now + DAY_MS;
}

/** Adds (or replaces) a page's result; drops stale pages; keeps the most recent ones. */
export function recordPage(
  evidence: SiteEvidence | null,
  site: string,
  page: SitePage,
  now: number,
): SiteEvidence {
  const url = evidenceUrl(page.url);
  const others = (evidence?.pages ?? []).filter((p) => p.url !== url && fresh(p, now));
  const pages = [...others, { ...page, url }]
    .sort((a, b) => b.at - a.at)
    .slice(0, SITE_EVIDENCE_PAGES);
  return { site, pages };
}

export interface SiteFinding {
  /** The most recent page of the site that reached warning. */
  page: SitePage;
  warnedPages: number;
  licensedPages: number;
}

/**
 * The site's verdict from its remembered pages, or null. The site counts as rogue when at least
 * one fresh page reached warning and warned pages outnumber pages that look licensed.
 */
export function siteFinding(evidence: SiteEvidence | null, now: number): SiteFinding | null {
  if (!evidence) return null;
  const pages = evidence.pages.filter((p) => fresh(p, now));
  const warned = pages.filter((p) => levelRank(p.level) >= levelRank('warning'));
  const licensed = pages.filter((p) => p.licensed && levelRank(p.level) < levelRank('warning'));
  if (warned.length === 0 || warned.length <= licensed.length) return null;
  const latest = warned.reduce((a, b) => (b.at > a.at ? b : a));
  return { page: latest, warnedPages: warned.length, licensedPages: licensed.length };
}

/** What a page's own result says for its site's memory. */
export function sitePage(url: string, page: DetectedPage, at: number): SitePage {
  return {
    url,
    at,
    level: page.level,
    score: page.score,
    licensed:
      levelRank(page.level) < levelRank('warning') &&
      page.signals.some((s) => s.code === 'licence-present' && s.weight < 0),
  };
}

/**
 * The page's result with its site's evidence: a page below warning on a site another page of
 * which reached warning is raised to warning, with that page's address and date as the reason.
 * A page without a sample (it says nothing about medicines) gets the site's reason alone.
 */
export function withSiteEvidence(
  page: DetectedPage | null,
  finding: SiteFinding | null,
  url: string,
): DetectedPage | null {
  if (!finding || finding.page.url === evidenceUrl(url)) return page;
  if (page && levelRank(page.level) >= levelRank('warning')) return page;
  return raisedToWarning(page, {
    code: 'site-evidence',
    weight: WARNING_REASON_WEIGHT,
    evidence: finding.page.url,
    terms: [finding.page.url],
    seenAt: finding.page.at,
  });
}
