// How the out-of-fold probabilities of eval --cv rank each language's pages: the area under the
// ROC curve, the recall one threshold would reach at each false-positive rate, and the false-
// positive rate the budget's recall (0.92) would cost. The five folds' models are pooled as if one
// had scored every page, and the one threshold is set on these very pages. It is not a bound on
// what thresholds chosen inside each training split give (the folds' models score on slightly
// different scales, so per-fold thresholds can do better, and the shipped ones find about as
// many pages at the same false alarms): it says how far the ranking is from the budget, where the
// rates of eval --cv say where the shipped thresholds put it.

import { meanAndRange } from './repeats';

/** The false-positive rates at which the recall is read. */
export const FPR_POINTS = [0.01, 0.03, 0.05, 0.1] as const;
/** The recall at which the false-positive rate is read: the budget. */
export const RECALL_POINT = 0.92;

export interface Ranking {
  positives: number;
  negatives: number;
  /** Area under the ROC curve (Mann–Whitney; a tie counts half). */
  auc: number;
  /** Recall of the positives scored above every negative but the allowed share, per FPR point. */
  recallAtFpr: { fpr: number; recall: number }[];
  /** The share of negatives scored at or above the lowest score that keeps RECALL_POINT. */
  fprAtRecall: { recall: number; fpr: number };
}

const descending = (values: readonly number[]) => [...values].sort((a, b) => b - a);

/** How many values of ascending `sorted` are below x (with `orEqual`, at most x): a binary search. */
function countBelow(sorted: readonly number[], x: number, orEqual = false): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < x || (orEqual && sorted[middle] === x)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * `positives` and `negatives` are the scores of the pages to warn on and to leave alone. Ties go
 * against the detector: at a threshold equal to a negative's score, positives with that score are
 * not counted as found, and negatives with the lowest needed positive's score count as alarms.
 */
export function ranking(positives: readonly number[], negatives: readonly number[]): Ranking {
  const pos = descending(positives);
  const neg = descending(negatives);
  // Mann–Whitney: for each positive, the negatives below it and half of those equal to it.
  const ascending = [...neg].reverse();
  let sum = 0;
  for (const p of pos) {
    const below = countBelow(ascending, p);
    sum += below + (countBelow(ascending, p, true) - below) / 2;
  }
  const auc = pos.length && neg.length ? sum / (pos.length * neg.length) : NaN;
  const recallAtFpr = FPR_POINTS.map((fpr) => {
    const allowed = Math.floor(fpr * neg.length);
    // Every positive above the first negative not allowed (none left: every positive counts).
    const threshold = allowed < neg.length ? neg[allowed]! : -Infinity;
    const found = pos.filter((p) => p > threshold).length;
    return { fpr, recall: pos.length ? found / pos.length : NaN };
  });
  const need = Math.ceil(RECALL_POINT * pos.length);
  const lowest = pos[need - 1] ?? NaN;
  const alarms = neg.filter((n) => n >= lowest).length;
  return {
    positives: pos.length,
    negatives: neg.length,
    auc,
    recallAtFpr,
    fprAtRecall: {
      recall: RECALL_POINT,
      fpr: neg.length && pos.length ? alarms / neg.length : NaN,
    },
  };
}

/**
 * One line: "AUC 0.943; recall 46.2% at 1.0%, … false positives; 92.0% recall costs 18.4% false
 * positives".
 */
export function formatRanking(r: Ranking): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const at = r.recallAtFpr.map((p) => `${pct(p.recall)} at ${pct(p.fpr)}`).join(', ');
  return `AUC ${r.auc.toFixed(3)}; recall ${at} false positives; ${pct(r.fprAtRecall.recall)} recall costs ${pct(r.fprAtRecall.fpr)} false positives`;
}

/**
 * The rankings of one language over several splits (eval --cv --repeats): mean and range of the
 * AUC, of the recall at 3% false positives and of the false positives at 92% recall.
 */
export function formatRankingSpread(rankings: readonly Ranking[]): string {
  const spread = (values: number[], digits: number, scale = 1) => {
    const shown = (x: number) => (x * scale).toFixed(digits);
    const { mean, min, max } = meanAndRange(values);
    return `mean ${shown(mean)} (${shown(min)}–${shown(max)})`;
  };
  const at3 = rankings.map((r) => r.recallAtFpr.find((p) => p.fpr === 0.03)!.recall);
  return `AUC ${spread(
    rankings.map((r) => r.auc),
    3,
  )}; recall at 3% false positives ${spread(at3, 1, 100)}%; 92% recall costs ${spread(
    rankings.map((r) => r.fprAtRecall.fpr),
    1,
    100,
  )}% false positives`;
}
