// Verdicts: what Kusuri Guard concludes about a page, and every reason for it. Reasons carry data
// and codes, never sentences; utils/verdict/render.ts turns them into Japanese or English.
import type { Bilingual, Evidence, SiteCategory } from '../list/model';

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

export type Reason = ListReason;

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
  /** A visit is stopped before loading (a block-level listing that is not allowlisted). */
  blocked: boolean;
  checkedAt: number;
}

/** Level and score of a set of reasons: the strongest reason decides, list hits first. */
export function summarize(reasons: readonly Reason[]): { level: Level; score: number } {
  let level: Level = 'none';
  let score = 0;
  for (const reason of reasons) {
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
    blocked: false,
    checkedAt: now,
  };
}
