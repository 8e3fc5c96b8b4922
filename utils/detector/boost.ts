// Gradient-boosted shallow regression trees on the logistic loss (Friedman 2001, with the
// second-order leaf values and split gain of XGBoost, Chen & Guestrin 2016). Pure and
// deterministic: no sampling, splits tried in feature order with ties to the first, so the same
// rows in the same order give the same trees. Dense rows of a few dozen features: the second
// stage that combines the logistic regression's probability with the named signals' counts.
import { sigmoid } from './train';

export interface BoostOptions {
  rounds: number;
  depth: number;
  /** Shrinkage of every tree's leaves. */
  learningRate: number;
  /** L2 penalty on a leaf's value (in hessian units). */
  lambda: number;
  /** A child needs at least this much hessian (weighted p(1 − p)) to be made. */
  minChildWeight: number;
}

/**
 * Chosen before any run, not tuned: stumps of depth 2 can say "this signal matters only when the
 * regression is unsure", 100 rounds at 0.1 give the ensemble room without letting a few quiet
 * pages carve their own leaves (minChildWeight 2 ≈ 8 pages at p = 0.5).
 */
export const BOOST_DEFAULTS: BoostOptions = {
  rounds: 100,
  depth: 2,
  learningRate: 0.1,
  lambda: 1,
  minChildWeight: 2,
};

/** A tree as flat arrays: node n splits on feature[n] at threshold[n], or is a leaf (-1). */
export interface Tree {
  feature: number[];
  threshold: number[];
  /** Child indices of a split node (values < threshold go left). */
  left: number[];
  right: number[];
  /** A leaf's contribution to the logit (0 on split nodes). */
  value: number[];
}

export interface Boosted {
  bias: number;
  trees: Tree[];
}

export interface BoostRow {
  x: readonly number[];
  label: 0 | 1;
  weight: number;
}

export function boostedLogit(model: Boosted, x: readonly number[]): number {
  let z = model.bias;
  for (const t of model.trees) {
    let n = 0;
    while (t.feature[n]! >= 0) n = x[t.feature[n]!]! < t.threshold[n]! ? t.left[n]! : t.right[n]!;
    z += t.value[n]!;
  }
  return z;
}

interface Split {
  feature: number;
  threshold: number;
  gain: number;
}

export function fitBoosted(
  rows: readonly BoostRow[],
  options: Partial<BoostOptions> = {},
): Boosted {
  const opt = { ...BOOST_DEFAULTS, ...options };
  const n = rows.length;
  const width = rows[0]?.x.length ?? 0;
  let wSum = 0;
  let wPos = 0;
  for (const r of rows) {
    wSum += r.weight;
    if (r.label === 1) wPos += r.weight;
  }
  const prior = Math.min(Math.max(wPos / Math.max(wSum, 1e-12), 1e-6), 1 - 1e-6);
  const bias = Math.log(prior / (1 - prior));
  // Every feature's rows in ascending order of value, once: a node scans its own rows in it.
  const sorted = Array.from({ length: width }, (_, f) =>
    Array.from({ length: n }, (_, i) => i).sort((a, b) => rows[a]!.x[f]! - rows[b]!.x[f]! || a - b),
  );
  const z = new Float64Array(n).fill(bias);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const node = new Int32Array(n);
  const trees: Tree[] = [];
  const score = (G: number, H: number) => (G * G) / (H + opt.lambda);

  for (let round = 0; round < opt.rounds; round += 1) {
    for (let i = 0; i < n; i += 1) {
      const p = sigmoid(z[i]!);
      g[i] = rows[i]!.weight * (p - rows[i]!.label);
      h[i] = rows[i]!.weight * p * (1 - p);
    }
    const tree: Tree = { feature: [-1], threshold: [0], left: [-1], right: [-1], value: [0] };
    node.fill(0);
    let frontier = [0];
    for (let level = 0; level < opt.depth && frontier.length > 0; level += 1) {
      const next: number[] = [];
      // Totals of every frontier node, then the best split of each, all in one scan per feature.
      const G = new Map<number, number>();
      const H = new Map<number, number>();
      for (let i = 0; i < n; i += 1) {
        G.set(node[i]!, (G.get(node[i]!) ?? 0) + g[i]!);
        H.set(node[i]!, (H.get(node[i]!) ?? 0) + h[i]!);
      }
      const best = new Map<number, Split>();
      for (let f = 0; f < width; f += 1) {
        const gl = new Map<number, number>();
        const hl = new Map<number, number>();
        const last = new Map<number, number>();
        for (const i of sorted[f]!) {
          const at = node[i]!;
          if (!frontier.includes(at)) continue;
          const v = rows[i]!.x[f]!;
          const prev = last.get(at);
          if (prev !== undefined && v > prev) {
            const GL = gl.get(at)!;
            const HL = hl.get(at)!;
            const GR = G.get(at)! - GL;
            const HR = H.get(at)! - HL;
            if (HL >= opt.minChildWeight && HR >= opt.minChildWeight) {
              const gain = score(GL, HL) + score(GR, HR) - score(G.get(at)!, H.get(at)!);
              if (gain > (best.get(at)?.gain ?? 1e-9))
                best.set(at, { feature: f, threshold: (prev + v) / 2, gain });
            }
          }
          gl.set(at, (gl.get(at) ?? 0) + g[i]!);
          hl.set(at, (hl.get(at) ?? 0) + h[i]!);
          last.set(at, v);
        }
      }
      for (const at of frontier) {
        const split = best.get(at);
        if (!split) continue;
        const l = tree.feature.length;
        for (const child of [l, l + 1]) {
          tree.feature[child] = -1;
          tree.threshold[child] = 0;
          tree.left[child] = -1;
          tree.right[child] = -1;
          tree.value[child] = 0;
        }
        tree.feature[at] = split.feature;
        tree.threshold[at] = split.threshold;
        tree.left[at] = l;
        tree.right[at] = l + 1;
        next.push(l, l + 1);
      }
      for (let i = 0; i < n; i += 1) {
        const at = node[i]!;
        if (tree.feature[at]! >= 0)
          node[i] =
            rows[i]!.x[tree.feature[at]!]! < tree.threshold[at]! ? tree.left[at]! : tree.right[at]!;
      }
      frontier = next;
    }
    // Leaves: the Newton step of their rows, shrunk.
    const G = new Map<number, number>();
    const H = new Map<number, number>();
    for (let i = 0; i < n; i += 1) {
      G.set(node[i]!, (G.get(node[i]!) ?? 0) + g[i]!);
      H.set(node[i]!, (H.get(node[i]!) ?? 0) + h[i]!);
    }
    for (const [leaf, Gs] of G)
      tree.value[leaf] = (-opt.learningRate * Gs) / (H.get(leaf)! + opt.lambda);
    for (let i = 0; i < n; i += 1) z[i] = z[i]! + tree.value[node[i]!]!;
    trees.push(tree);
  }
  return { bias, trees };
}
