// How well out-of-fold probabilities rank the pages, whatever thresholds are chosen (eval --cv):
// the area under the ROC curve, the recall each false-positive rate would allow, and the
// false-positive rate the budget's recall would cost. The thresholds `npm run train` ships are
// chosen inside each training split; these figures say how far the ranking itself is from the
// budget (recall 0.92 at false positives 0.03). The five folds' models are pooled as if one had
// scored every page (each page's probability from the model that never saw its site), as the
// recall and false-positive rates of eval --cv already are.

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

/** In ascending `sorted`, the index of the first value ≥ x (binary search). */
function firstAtLeast(sorted: readonly number[], x: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < x) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** In ascending `sorted`, the index of the first value > x. */
function firstAbove(sorted: readonly number[], x: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! <= x) low = middle + 1;
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
    const below = firstAtLeast(ascending, p);
    sum += below + (firstAbove(ascending, p) - below) / 2;
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
  const lowest = need > 0 ? pos[need - 1]! : Infinity;
  const alarms = neg.filter((n) => n >= lowest).length;
  return {
    positives: pos.length,
    negatives: neg.length,
    auc,
    recallAtFpr,
    fprAtRecall: { recall: RECALL_POINT, fpr: neg.length ? alarms / neg.length : NaN },
  };
}

/** One line: "AUC 0.943; recall 46.2% at 1% false positives, …; 92% recall costs 18.4%". */
export function formatRanking(r: Ranking): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const at = r.recallAtFpr.map((p) => `${pct(p.recall)} at ${pct(p.fpr)}`).join(', ');
  return `AUC ${r.auc.toFixed(3)}; recall ${at} false positives; ${pct(r.fprAtRecall.recall)} recall costs ${pct(r.fprAtRecall.fpr)} false positives`;
}
