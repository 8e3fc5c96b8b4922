// When the in-page banner counts as not seen, and what the content script then does: it stops
// fighting the page and asks the background to send the tab to the full-page warning. A page
// can hide an element in more ways than any defence can undo (top-layer tricks, zoom, fonts,
// removal loops); it cannot hide an extension page. Dependency-free: part of the content script.

/** Why a banner counted as not seen (sent with page.escalate; the background validates it). */
export const ESCALATION_REASONS = ['removed', 'covered', 'shrunk', 'hidden', 'blocked'] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

export const ESCALATION = {
  /** Time after showing before the first check (the page settles, the popover opens). */
  graceMs: 800,
  /** Interval between checks. */
  sampleMs: 400,
  /** Checks remembered (a sliding window of about three seconds). */
  window: 8,
  /** Failed checks in the window that escalate: one is a page opening its own dialog once. */
  failures: 2,
  /** Removals of the banner that escalate (a page that removes it twice means it). */
  removals: 2,
  /** Smallest rendered height in CSS pixels the banner may have (its text is 13–15 px). */
  minHeight: 32,
  /** Smallest share of the viewport's width it may cover (it spans the viewport). */
  minWidthShare: 0.6,
};

/** What one check saw; `null` fields were not measurable in this browser. */
export interface BannerSight {
  connected: boolean;
  /** The box as rendered, in viewport pixels. */
  width: number;
  height: number;
  viewportWidth: number;
  /** checkVisibility() with opacity and visibility: false when CSS hides it. */
  styleVisible: boolean | null;
  /** IntersectionObserver v2 isVisible: false when anything is painted over it. */
  paintVisible: boolean | null;
  /** Hit-testing at points along the box found the banner everywhere. */
  onTop: boolean;
}

/** Why this check failed, or null if the banner was there to be read. */
export function judgeSight(sight: BannerSight): EscalationReason | null {
  if (!sight.connected) return 'removed';
  if (sight.styleVisible === false) return 'hidden';
  if (
    sight.height < ESCALATION.minHeight ||
    sight.width < Math.min(sight.viewportWidth * ESCALATION.minWidthShare, 320)
  )
    return 'shrunk';
  if (!sight.onTop || sight.paintVisible === false) return 'covered';
  return null;
}

/** A sliding window of check results: escalates when too many of the recent ones failed. */
export class SightWindow {
  private readonly results: (EscalationReason | null)[] = [];

  add(result: EscalationReason | null): EscalationReason | null {
    this.results.push(result);
    if (this.results.length > ESCALATION.window) this.results.shift();
    const failed = this.results.filter((r): r is EscalationReason => r !== null);
    return failed.length >= ESCALATION.failures ? failed[failed.length - 1]! : null;
  }
}
