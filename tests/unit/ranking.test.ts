// eval --cv's ranking figures (tools/lib/ranking.ts): the area under the ROC curve, the recall
// at fixed false-positive rates and the false-positive rate at the budget's recall, ties going
// against the detector.
import { describe, expect, it } from 'vitest';
import { formatRanking, formatRankingSpread, ranking } from '../../tools/lib/ranking';
import { rankingByLanguage, type EvalRow } from '../../tools/eval';

/** Every pair compared: the definition the binary searches must agree with. */
function pairwiseAuc(pos: number[], neg: number[]): number {
  let sum = 0;
  for (const p of pos) for (const n of neg) sum += p > n ? 1 : p === n ? 0.5 : 0;
  return sum / (pos.length * neg.length);
}

describe('ranking of out-of-fold probabilities', () => {
  it('reads a perfect, a reversed and a tied ranking', () => {
    const perfect = ranking([0.9, 0.8], [0.1, 0.2]);
    expect(perfect.auc).toBe(1);
    expect(perfect.recallAtFpr.every((p) => p.recall === 1)).toBe(true);
    expect(perfect.fprAtRecall).toEqual({ recall: 0.92, fpr: 0 });
    expect(ranking([0.1, 0.2], [0.9, 0.8]).auc).toBe(0);
    const tied = ranking([0.5], [0.5]);
    expect(tied.auc).toBe(0.5);
    // A tie is never a page found, and always an alarm.
    expect(tied.recallAtFpr[0]!.recall).toBe(0);
    expect(tied.fprAtRecall.fpr).toBe(1);
  });

  it('allows the share of negatives each point names, and no more', () => {
    const negatives = Array.from({ length: 100 }, (_, i) => i / 100);
    const r = ranking([0.995, 0.985, 0.975, 0.5], negatives);
    const at = (fpr: number) => r.recallAtFpr.find((p) => p.fpr === fpr)!.recall;
    expect(at(0.01)).toBe(0.5); // above 0.98: one negative (0.99) allowed
    expect(at(0.03)).toBe(0.75); // above 0.96: 0.99, 0.98, 0.97 allowed
    expect(at(0.1)).toBe(0.75);
    // 92% of four pages is all four: down to 0.5, where 50 negatives stand.
    expect(r.fprAtRecall.fpr).toBe(0.5);
    expect(r.auc).toBeCloseTo((100 + 99 + 98 + 50.5) / 400, 12);
    expect(formatRanking(r)).toMatch(
      /^AUC 0\.869; recall 50\.0% at 1\.0%, 75\.0% at 3\.0%.* false positives; 92\.0% recall costs 50\.0% false positives$/,
    );
  });

  it('needs 92% of the pages to warn on, rounded up', () => {
    // Ten pages: 9.2 rounds up to all ten, down to the lowest at 0.1, above which three of the four
    // negatives stand (rounded to nine, none would).
    const positives = [0.95, 0.94, 0.93, 0.92, 0.91, 0.9, 0.89, 0.88, 0.87, 0.1];
    const negatives = [0.05, 0.2, 0.3, 0.4];
    expect(ranking(positives, negatives).fprAtRecall.fpr).toBe(0.75);
    // Twenty-five pages: 23 of them, down to the 23rd highest.
    const many = Array.from({ length: 25 }, (_, i) => 1 - i / 100); // 1.00 … 0.76
    const r = ranking(many, [0.775, 0.785, 0.5]);
    expect(r.fprAtRecall.fpr).toBeCloseTo(1 / 3, 12); // the 23rd is 0.78: only 0.785 at or above
    expect(ranking([], [0.5]).fprAtRecall.fpr).toBeNaN();
  });

  it('summarises the splits: mean and range of AUC, recall at 3% and the cost of 92% recall', () => {
    const negatives = Array.from({ length: 100 }, (_, i) => i / 100);
    const a = ranking([0.995, 0.985, 0.975, 0.5], negatives); // AUC 0.869, 75% at 3%, costs 50%
    const b = ranking([0.995, 0.985, 0.975, 0.965], negatives); // AUC 0.985, 100% at 3%, costs 3%
    expect(formatRankingSpread([a, b])).toBe(
      'AUC mean 0.927 (0.869–0.985); recall at 3% false positives mean 87.5 (75.0–100.0)%; 92% recall costs mean 26.5 (3.0–50.0)% false positives',
    );
  });

  it('agrees with comparing every pair on random scores with ties', () => {
    let seed = 7;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return Math.round((seed / 2 ** 32) * 50) / 50; // coarse: many ties
    };
    for (let round = 0; round < 20; round += 1) {
      const pos = Array.from({ length: 37 }, () => Math.min(1, next() + 0.2));
      const neg = Array.from({ length: 53 }, next);
      expect(ranking(pos, neg).auc).toBeCloseTo(pairwiseAuc(pos, neg), 12);
    }
  });

  it('ranks each language apart, its classes to warn on against those to leave alone', () => {
    const row = (lang: string, cls: string, probability?: number): EvalRow => ({
      slug: `${lang}-${cls}-${probability}`,
      class: cls,
      lang,
      score: 0,
      level: 'none',
      warned: false,
      signals: [],
      probability,
      gated: false,
    });
    const byLang = rankingByLanguage([
      row('ja', 'rogue', 0.9),
      row('ja', 'affiliate', 0.2),
      row('ja', 'clinic', 0.5),
      row('ja', 'unsure', 0.99),
      row('en', 'rogue', 0.1),
      row('en', 'licensed', 0.6),
      row('en', 'info', undefined),
    ]);
    expect(Object.keys(byLang)).toEqual(['en', 'ja']);
    expect(byLang.ja).toMatchObject({ positives: 2, negatives: 1, auc: 0.5 });
    expect(byLang.en).toMatchObject({ positives: 1, negatives: 1, auc: 0 });
  });
});
