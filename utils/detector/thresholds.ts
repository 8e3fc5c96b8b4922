// Thresholds on the model's probability, chosen from out-of-fold scores (pages the model being
// judged never saw). Each level allows at most a given share of false alarms in every language;
// within that, the threshold sits halfway between the highest allowed page to leave alone and the
// next page above it, which keeps the most recall with a margin for unseen sites.
import type { Script } from './features';
import type { ThresholdSet, Thresholds } from './model';

export interface Scored {
  probability: number;
  positive: boolean;
  lang: string;
}

/** The largest false-positive rate each level may have on cross-validation, in every language. */
export const FPR_TARGETS: Thresholds = { caution: 0.1, warning: 0.025, danger: 0.005 };

export function chooseThreshold(rows: readonly Scored[], maxFpr: number): number {
  let floor = 0;
  for (const lang of new Set(rows.map((r) => r.lang))) {
    const negatives = rows
      .filter((r) => r.lang === lang && !r.positive)
      .map((r) => r.probability)
      .sort((a, b) => b - a);
    const allowed = Math.floor(maxFpr * negatives.length);
    if (allowed < negatives.length) floor = Math.max(floor, negatives[allowed]!);
  }
  const above = rows.map((r) => r.probability).filter((p) => p > floor);
  const next = above.length > 0 ? Math.min(...above) : 1;
  return (floor + next) / 2;
}

/** Fewer pages than this of a script to leave alone, and its thresholds come from all pages. */
export const MIN_NEGATIVES_PER_SCRIPT = 20;

/** Thresholds per script (`lang` of the rows is the script the scorer will see). */
export function chooseThresholdSet(
  rows: readonly Scored[],
  fprWarning = FPR_TARGETS.warning,
): ThresholdSet {
  const pick = (script: Script) => {
    const own = rows.filter((r) => r.lang === script);
    const enough =
      own.filter((r) => !r.positive).length >= MIN_NEGATIVES_PER_SCRIPT &&
      own.some((r) => r.positive);
    return chooseThresholds(enough ? own : rows, fprWarning);
  };
  return { ja: pick('ja'), en: pick('en') };
}

export function chooseThresholds(
  rows: readonly Scored[],
  fprWarning = FPR_TARGETS.warning,
): Thresholds {
  const warning = chooseThreshold(rows, fprWarning);
  return {
    caution: Math.min(chooseThreshold(rows, FPR_TARGETS.caution), warning),
    warning,
    danger: Math.max(chooseThreshold(rows, FPR_TARGETS.danger), warning),
  };
}
