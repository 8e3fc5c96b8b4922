// L2-regularised logistic regression, fitted with L-BFGS (pure, deterministic: the same examples
// in the same order give the same bits). Examples are sparse; the optimiser works on the features
// that occur in the training set only, so 2^18 hash buckets cost nothing when unused.

export interface Example {
  index: Int32Array;
  value: Float32Array;
  /** 1 for a page to warn on, 0 for one to leave alone. */
  label: 0 | 1;
  /** Importance of the example in the loss (class and language balance). */
  weight: number;
}

export interface FitOptions {
  /** L2 penalty on every weight but the bias. */
  lambda: number;
  maxIterations: number;
  /** Stop when the gradient's largest component falls below this. */
  tolerance: number;
  /** Size of the L-BFGS history. */
  memory: number;
}

export const FIT_DEFAULTS: FitOptions = {
  lambda: 1,
  maxIterations: 300,
  tolerance: 1e-5,
  memory: 8,
};

export interface Fitted {
  bias: number;
  /** Feature index → weight, for every feature seen in training. */
  features: Int32Array;
  weights: Float64Array;
  iterations: number;
  loss: number;
}

/** log(1 + e^x) without overflow. */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/** The inverse of sigmoid, with probabilities within 1e-9 of 0 or 1 read as that (a finite logit). */
function logOdds(p: number): number {
  const q = Math.min(Math.max(p, 1e-9), 1 - 1e-9);
  return Math.log(q / (1 - q));
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i += 1) s += a[i]! * b[i]!;
  return s;
}

export function fitLogistic(
  examples: readonly Example[],
  options: Partial<FitOptions> = {},
): Fitted {
  const opt = { ...FIT_DEFAULTS, ...options };
  // Local indices for the features that occur, in ascending global order.
  const globalSet = new Set<number>();
  for (const e of examples) for (const f of e.index) globalSet.add(f);
  const features = Int32Array.from(globalSet).sort();
  const local = new Map<number, number>();
  features.forEach((f, i) => local.set(f, i + 1)); // slot 0 is the bias
  const rows = examples.map((e) => ({
    index: Int32Array.from(e.index, (f) => local.get(f)!),
    value: e.value,
    y: e.label,
    w: e.weight,
  }));
  const dim = features.length + 1;
  const totalWeight = rows.reduce((s, r) => s + r.w, 0) || 1;

  // Loss per unit of example weight, so lambda means the same whatever the corpus size.
  const evaluate = (x: Float64Array, grad: Float64Array): number => {
    grad.fill(0);
    let loss = 0;
    for (const r of rows) {
      let z = x[0]!;
      for (let k = 0; k < r.index.length; k += 1) z += x[r.index[k]!]! * r.value[k]!;
      loss += r.w * softplus(r.y === 1 ? -z : z);
      const g = (r.w * (sigmoid(z) - r.y)) / totalWeight;
      grad[0] = grad[0]! + g;
      for (let k = 0; k < r.index.length; k += 1) {
        const j = r.index[k]!;
        grad[j] = grad[j]! + g * r.value[k]!;
      }
    }
    loss /= totalWeight;
    let penalty = 0;
    for (let i = 1; i < dim; i += 1) {
      penalty += x[i]! * x[i]!;
      grad[i] = grad[i]! + (opt.lambda * x[i]!) / totalWeight;
    }
    return loss + (0.5 * opt.lambda * penalty) / totalWeight;
  };

  const x = new Float64Array(dim);
  const g = new Float64Array(dim);
  let f = evaluate(x, g);
  const s: Float64Array[] = [];
  const yv: Float64Array[] = [];
  const rho: number[] = [];
  const dir = new Float64Array(dim);
  const xNew = new Float64Array(dim);
  const gNew = new Float64Array(dim);
  const alpha = new Float64Array(opt.memory);
  let iterations = 0;
  for (; iterations < opt.maxIterations; iterations += 1) {
    let gmax = 0;
    for (let i = 0; i < dim; i += 1) gmax = Math.max(gmax, Math.abs(g[i]!));
    if (gmax < opt.tolerance) break;
    // Two-loop recursion: dir = -H g.
    for (let i = 0; i < dim; i += 1) dir[i] = -g[i]!;
    for (let k = s.length - 1; k >= 0; k -= 1) {
      alpha[k] = rho[k]! * dot(s[k]!, dir);
      const yk = yv[k]!;
      for (let i = 0; i < dim; i += 1) dir[i] = dir[i]! - alpha[k]! * yk[i]!;
    }
    if (s.length > 0) {
      const last = s.length - 1;
      const gamma = dot(s[last]!, yv[last]!) / dot(yv[last]!, yv[last]!);
      for (let i = 0; i < dim; i += 1) dir[i] = dir[i]! * gamma;
    }
    for (let k = 0; k < s.length; k += 1) {
      const beta = rho[k]! * dot(yv[k]!, dir);
      const sk = s[k]!;
      for (let i = 0; i < dim; i += 1) dir[i] = dir[i]! + (alpha[k]! - beta) * sk[i]!;
    }
    let slope = dot(dir, g);
    if (slope >= 0) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      for (let i = 0; i < dim; i += 1) dir[i] = -g[i]!;
      slope = dot(dir, g);
      s.length = 0;
      yv.length = 0;
      rho.length = 0;
    }
    // Backtracking line search (Armijo).
    let step = s.length === 0 ? Math.min(1, 1 / Math.sqrt(-slope)) : 1;
    let fNew = Infinity;
    for (let tries = 0; tries < 40; tries += 1) {
      for (let i = 0; i < dim; i += 1) xNew[i] = x[i]! + step * dir[i]!;
      fNew = evaluate(xNew, gNew);
      if (fNew <= f + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(fNew < f)) break;
    const sk = new Float64Array(dim);
    const yk = new Float64Array(dim);
    for (let i = 0; i < dim; i += 1) {
      sk[i] = xNew[i]! - x[i]!;
      yk[i] = gNew[i]! - g[i]!;
    }
    const sy = dot(sk, yk);
    if (sy > 1e-12) {
      if (s.length === opt.memory) {
        s.shift();
        yv.shift();
        rho.shift();
      }
      s.push(sk);
      yv.push(yk);
      rho.push(1 / sy);
    }
    x.set(xNew);
    g.set(gNew);
    const relative = (f - fNew) / Math.max(1e-12, Math.abs(f));
    f = fNew;
    if (relative < 1e-10) break;
  }
  return { bias: x[0]!, features, weights: x.slice(1), iterations, loss: f };
}

export { logOdds, sigmoid };
