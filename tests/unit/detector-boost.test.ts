// The second stage's boosted trees (utils/detector/boost.ts): they learn an interaction a linear
// model cannot, give the same trees for the same rows, and respect the example weights.
import { describe, expect, it } from 'vitest';
import { boostedLogit, fitBoosted, type BoostRow } from '../../utils/detector/boost';

// Warn when exactly one of two facts holds (XOR), the four cells of unequal size so that a greedy
// first split has something to gain: no weighting of the two facts separates it.
const xor: BoostRow[] = [];
const cells: [number, number, number][] = [
  [0, 0, 100],
  [1, 0, 50],
  [0, 1, 50],
  [1, 1, 20],
];
for (const [a, b, count] of cells)
  for (let i = 0; i < count; i += 1)
    xor.push({ x: [a, b, (i * 7) % 13], label: a !== b ? 1 : 0, weight: 1 });

describe('fitBoosted', () => {
  it('learns an interaction of two features', () => {
    const m = fitBoosted(xor);
    expect(boostedLogit(m, [1, 0, 0])).toBeGreaterThan(1);
    expect(boostedLogit(m, [0, 1, 0])).toBeGreaterThan(1);
    expect(boostedLogit(m, [0, 0, 0])).toBeLessThan(-1);
    expect(boostedLogit(m, [1, 1, 0])).toBeLessThan(-1);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(fitBoosted(xor))).toBe(JSON.stringify(fitBoosted(xor)));
  });

  it('starts from the weighted prior and weighs examples', () => {
    const rows: BoostRow[] = [
      { x: [0], label: 1, weight: 3 },
      { x: [0], label: 0, weight: 1 },
    ];
    const m = fitBoosted(rows, { rounds: 0 });
    expect(m.bias).toBeCloseTo(Math.log(3), 6);
    // One feature value only: no split can be made, every tree is a single leaf.
    const more = fitBoosted(rows, { rounds: 5 });
    expect(more.trees.every((t) => t.feature.length === 1)).toBe(true);
  });

  it('makes no child lighter than minChildWeight', () => {
    const rows: BoostRow[] = Array.from({ length: 20 }, (_, i) => ({
      x: [i],
      label: i === 0 ? 1 : 0,
      weight: 1,
    }));
    // Hessian per row ≤ 0.25: a child of one row (the only useful split) is too light at 2.
    const m = fitBoosted(rows, { rounds: 3, minChildWeight: 2 });
    for (const t of m.trees)
      t.feature.forEach((f, n) => {
        if (f >= 0) expect(t.threshold[n]).toBeGreaterThan(8);
      });
  });
});
