// Thresholds on the model's probability, chosen from out-of-fold scores (pages the model being
// judged never saw). Each level allows at most a given share of false alarms in every language;
// within that, the threshold sits halfway between the highest allowed page to leave alone and the
// next page above it, which keeps the most recall with a margin for unseen sites.
//
// That page is one order statistic of the negatives (with ~690 of them per language and a 2.5%
// target, the 18th highest): drop or relabel a few pages and it becomes its neighbour, and the
// threshold jumps by the gap between them (session 15: 0.03–0.06). The `hd` estimators read the
// same quantile as a Harrell–Davis average of every order statistic (quantile.ts), on the
// probability or on its logit. The rule that every language keeps to the target stays in two
// forms: strictly (`hd`, `hd-logit`), where that estimate would leave more than ⌊target · n⌋ of a
// language's out-of-fold negatives at or above it, that language's threshold is the order
// rule's; or in the estimate only (`-loose`): each language's threshold is its own estimate of
// the quantile, the highest of them is taken, and a few pages more or less than the target may
// be left above it on the scores it was read from.
import type { Script } from './features';
import type { ThresholdSet, Thresholds } from './model';
import { harrellDavis } from './quantile';
import { logOdds, sigmoid } from './train';

/**
 * How the negatives' (1 − target) quantile is read: `order` the order statistic and halfway to
 * the next page (the shipped rule until session 16), `hd` the Harrell–Davis quantile of the
 * probabilities, `hd-logit` the same on their logits (mapped back to a probability); both
 * falling back on `order` where they would leave too many negatives above, unless `-loose`.
 */
export type ThresholdEstimator = 'order' | 'hd' | 'hd-logit' | 'hd-loose' | 'hd-logit-loose';

export const THRESHOLD_ESTIMATORS: readonly ThresholdEstimator[] = [
  'order',
  'hd',
  'hd-logit',
  'hd-loose',
  'hd-logit-loose',
];

export interface Scored {
  probability: number;
  positive: boolean;
  lang: string;
}

/** The largest false-positive rate each level may have on cross-validation, in every language. */
export const FPR_TARGETS: Thresholds = { caution: 0.1, warning: 0.025, danger: 0.005 };

/**
 * The quantile level the `hd` estimators read for a target `maxFpr` among `n` negatives. The order
 * rule's threshold sits halfway between its floor, the (allowed + 1)-th highest negative, and
 * the allowed-th highest: at order-statistic position n − allowed + ½ (ascending, from 1),
 * leaving `allowed` = ⌊maxFpr · n⌋ negatives above. The same without the rounding is position
 * n − maxFpr · n + 1; a Harrell–Davis quantile at level p weighs the order statistics around
 * position p · n + ½, hence p = 1 − maxFpr + ½ / n. (At p = 1 − maxFpr the weights centre on
 * the floor or up to one page below it, and the rule would fall back on the order statistic
 * about every other time.)
 */
export function hdLevel(maxFpr: number, n: number): number {
  return Math.min(1 - maxFpr + 0.5 / n, 1 - 0.5 / (n + 1));
}

/**
 * One language's threshold by the order rule: above its (allowed + 1)-th highest negative,
 * halfway to the next score of any page (`all`, descending); undefined when every negative is
 * allowed.
 */
function orderThreshold(negatives: readonly number[], all: readonly number[], maxFpr: number) {
  const allowed = Math.floor(maxFpr * negatives.length);
  if (allowed >= negatives.length) return undefined;
  const floor = negatives[allowed]!;
  let next = 1;
  for (const p of all) if (p > floor) next = p;
  return { floor, threshold: (floor + next) / 2, allowed };
}

/**
 * The threshold for the level whose false-positive rate may be at most `maxFpr` in every
 * language of `rows`: the highest of the languages' own thresholds (each from its negatives).
 */
export function chooseThreshold(
  rows: readonly Scored[],
  maxFpr: number,
  estimator: ThresholdEstimator = 'order',
): number {
  const all = rows.map((r) => r.probability).sort((a, b) => b - a);
  let chosen: number | undefined;
  for (const lang of new Set(rows.map((r) => r.lang))) {
    const negatives = rows
      .filter((r) => r.lang === lang && !r.positive)
      .map((r) => r.probability)
      .sort((a, b) => b - a);
    const order = orderThreshold(negatives, all, maxFpr);
    if (!order) continue;
    let own = order.threshold;
    if (estimator !== 'order' && maxFpr > 0) {
      const logit = estimator.startsWith('hd-logit');
      const level = hdLevel(maxFpr, negatives.length);
      const q = harrellDavis(logit ? negatives.map(logOdds) : negatives, level);
      const hd = logit ? sigmoid(q) : q;
      // Strictly: at most `allowed` of this language's negatives at or above its threshold.
      if (estimator.endsWith('-loose') || hd > order.floor) own = hd;
    }
    chosen = Math.max(chosen ?? 0, own);
  }
  if (chosen !== undefined) return chosen;
  // No language with a negative to leave out: halfway from 0 to the lowest score above it.
  return orderThreshold([0], all, 0)!.threshold;
}

/** Fewer pages than this of a script to leave alone, and its thresholds come from all pages. */
export const MIN_NEGATIVES_PER_SCRIPT = 20;

/** Thresholds per script (`lang` of the rows is the script the scorer will see). */
export function chooseThresholdSet(
  rows: readonly Scored[],
  fprWarning = FPR_TARGETS.warning,
  estimator: ThresholdEstimator = 'order',
): ThresholdSet {
  const pick = (script: Script) => {
    const own = rows.filter((r) => r.lang === script);
    const enough =
      own.filter((r) => !r.positive).length >= MIN_NEGATIVES_PER_SCRIPT &&
      own.some((r) => r.positive);
    return chooseThresholds(enough ? own : rows, fprWarning, estimator);
  };
  return { ja: pick('ja'), en: pick('en') };
}

export function chooseThresholds(
  rows: readonly Scored[],
  fprWarning = FPR_TARGETS.warning,
  estimator: ThresholdEstimator = 'order',
): Thresholds {
  const warning = chooseThreshold(rows, fprWarning, estimator);
  return {
    caution: Math.min(chooseThreshold(rows, FPR_TARGETS.caution, estimator), warning),
    warning,
    danger: Math.max(chooseThreshold(rows, FPR_TARGETS.danger, estimator), warning),
  };
}
