// Verdicts: what Kusuri Guard concludes about a page, and every reason for it. Reasons carry data
// and codes, never sentences; utils/verdicts/render.ts turns them into Japanese or English.
import type {
  AbuseStat,
  Bilingual,
  Breach,
  Evidence,
  Incident,
  SiteCategory,
  Source,
} from '../lists/model';
import type { SignalCode } from '../detector/signals';

export type Level = 'none' | 'caution' | 'warning' | 'danger';
export const LEVELS: readonly Level[] = ['none', 'caution', 'warning', 'danger'];

export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

export function maxLevel(a: Level, b: Level): Level {
  return levelRank(a) >= levelRank(b) ? a : b;
}

export type ReasonGroup = 'list' | 'page' | 'registrar' | 'age' | 'breach';

export interface ListRef {
  id: string;
  title: Bilingual;
  /** Attribution names of the list, for lists without per-entry evidence. */
  attribution: string[];
}

/** A listed site matched the page's host. */
export interface ListReason {
  group: 'list';
  code: 'list.block' | 'list.warn' | 'list.user';
  level: Level;
  list: ListRef;
  /** The listed entry that matched (canonical ASCII; may be a parent of the page's host). */
  listed: string;
  category: SiteCategory;
  network?: string;
  evidence: Evidence[];
  note?: Bilingual;
}

/** A signal the detector found in the page's own text. */
export interface PageReason {
  group: 'page';
  code: `page.${SignalCode | 'phrase' | 'site-evidence' | 'listed-links'}`;
  level: Level;
  /** The signal's weight in the score: positive toward rogue, negative away from it. */
  weight: number;
  /** The page's own words that triggered it. */
  evidence: string;
  drug?: { en: string; ja: string };
  /** For `page.site-evidence`: when the other page (its address in `evidence`) was seen. */
  seenAt?: number;
}

/** Who registered the domain, and what is known about that registrar. */
export interface RegistrarRef {
  ianaId: number | null;
  /** The name RDAP or the IANA table gives. */
  name: string | null;
  /** The curated short name (e.g. "GMO Internet (お名前.com)"), when the registrar is in the data. */
  displayName?: Bilingual;
}

export interface RegistrarReason {
  group: 'registrar';
  code:
    | 'registrar.identity'
    | 'registrar.breach'
    | 'registrar.noncooperation'
    | 'registrar.positive'
    | 'registrar.abuse-rank'
    | 'registrar.no-rdap'
    | 'registrar.lookup-failed'
    | 'registrar.not-found'
    | 'registrar.not-looked-up';
  level: Level;
  registrar: RegistrarRef | null;
  incident?: Incident;
  note?: { summary: Bilingual; source: Source };
  stat?: AbuseStat;
  abuse?: { email: string | null; phone: string | null };
  whois?: { url: string; registry: string };
  /** The page or a list already points to a rogue pharmacy (non-cooperation only matters then). */
  pharmacyContext?: boolean;
  error?: string;
}

export interface AgeReason {
  group: 'age';
  code: 'age.new' | 'age.young' | 'age.established';
  level: Level;
  /** ISO date of registration. */
  registered: string;
  days: number;
  expiration: string | null;
}

export interface BreachReason {
  group: 'breach';
  code: 'breach.site';
  level: Level;
  breach: Breach;
  list: ListRef;
}

export type Reason = ListReason | PageReason | RegistrarReason | AgeReason | BreachReason;

/** What a domain lookup found, shown with the verdict. */
export interface IntelSummary {
  /** The registered domain that was (or would be) looked up. */
  domain: string;
  state: 'done' | 'not-asked' | 'local';
  registrar: RegistrarRef | null;
  registered: string | null;
  expiration: string | null;
  abuse: { email: string | null; phone: string | null } | null;
  rdapServers: string[];
}

/** How a page signal's weight reads as a level on its own. */
export function signalLevel(weight: number): Level {
  if (weight >= 25) return 'warning';
  if (weight > 0) return 'caution';
  return 'none';
}

export type VerdictStatus = 'checked' | 'unsupported' | 'local';

export interface Verdict {
  status: VerdictStatus;
  url: string | null;
  /** Canonical ASCII host. */
  host: string | null;
  /** Host for display (Unicode for IDNs). */
  displayHost: string | null;
  /** Registrable domain ("site"), the unit of allowlisting and of breach matching. */
  site: string | null;
  level: Level;
  /** 0–100: how strongly the reasons point to a rogue or risky site. */
  score: number;
  reasons: Reason[];
  /** The user allowed this site: nothing is blocked, reasons are still shown. */
  allowlisted: boolean;
  /** The user turned the in-page banner off for this site. */
  dismissed: boolean;
  /** A visit is stopped before loading (a block-level listing that is not allowlisted). */
  blocked: boolean;
  /** The detector's result for the page's text, when the page was read. */
  page: { score: number; level: Level; at: number } | null;
  /** Registrar, dates and contacts from RDAP, when looked up. */
  intel: IntelSummary | null;
  checkedAt: number;
  /** The host is on the licensed-seller allowlist (utils/lists/licensed.ts). */
  licensed?: LicensedRef;
  /** Warn-level list entries and page signals the allowlist overrode: shown as a conflict. */
  overridden?: Reason[];
}

/** A list names the site (as opposed to the page's own content alone deciding the verdict). */
export function namedByList(verdict: Verdict): boolean {
  return verdict.reasons.some((r) => r.group === 'list');
}

export interface LicensedRef {
  domain: string;
  name: string;
  kind: 'pharmacy' | 'drugstore' | 'clinic' | 'reference';
  register: { id: string; ja: string; en: string };
  licence?: string;
  source: Source;
}

/**
 * Level and score of a verdict: list hits decide by themselves and outrank the detector; page
 * signals count through the detector's score, not one by one.
 */
export function summarize(
  reasons: readonly Reason[],
  page: { score: number; level: Level } | null,
): { level: Level; score: number } {
  let level: Level = page?.level ?? 'none';
  let score = page?.score ?? 0;
  for (const reason of reasons) {
    // Page signals count through the detector's score; registrar and age reasons through the
    // bonus added to it.
    if (reason.group === 'page' || reason.group === 'registrar' || reason.group === 'age') continue;
    level = maxLevel(level, reason.level);
    score = Math.max(score, REASON_SCORE[reason.level]);
  }
  return { level, score };
}

const REASON_SCORE: Record<Level, number> = { none: 0, caution: 30, warning: 70, danger: 100 };

export function uncheckedVerdict(
  status: 'unsupported' | 'local',
  url: string | null,
  now: number,
): Verdict {
  return {
    status,
    url,
    host: null,
    displayHost: null,
    site: null,
    level: 'none',
    score: 0,
    reasons: [],
    allowlisted: false,
    dismissed: false,
    blocked: false,
    page: null,
    intel: null,
    checkedAt: now,
  };
}
