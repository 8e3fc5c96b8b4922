// The Harrell–Davis quantile (Harrell & Davis 1982): a Beta-weighted average of every order
// statistic instead of one of them, so that a sample's quantile moves a little when a page is
// added or dropped rather than jumping to the neighbouring score. The weights need the
// regularised incomplete beta function, written here (Lentz's continued fraction, as in Numerical
// Recipes §6.4) with a Lanczos log-gamma; no dependency.

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7: about 15 significant digits). */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`logGamma needs x > 0, got ${x}`);
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let k = 1; k < LANCZOS.length; k += 1) sum += LANCZOS[k]! / (z + k);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

const TINY = 1e-300;
const EPSILON = 1e-15;
const MAX_TERMS = 10_000;

/** The continued fraction of I_x(a, b), evaluated by the modified Lentz method. */
function betaFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_TERMS; m += 1) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < EPSILON) return h;
  }
  throw new Error(`incomplete beta did not converge (x ${x}, a ${a}, b ${b})`);
}

/** The regularised incomplete beta function I_x(a, b), for a, b > 0 and 0 ≤ x ≤ 1. */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0)) throw new RangeError(`incompleteBeta needs a, b > 0, got ${a}, ${b}`);
  if (!(x >= 0 && x <= 1)) throw new RangeError(`incompleteBeta needs 0 ≤ x ≤ 1, got ${x}`);
  if (x === 0 || x === 1) return x;
  const front = Math.exp(
    logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x),
  );
  // The fraction converges fast on the side of the mean a / (a + b); the other side by symmetry.
  if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(x, a, b)) / a;
  return 1 - (front * betaFraction(1 - x, b, a)) / b;
}

/**
 * The Harrell–Davis estimate of the p-quantile of `values` (any order): Σ W_i X_(i), X_(i) the
 * i-th smallest, W_i = I_{i/n}(a, b) − I_{(i−1)/n}(a, b), a = p(n + 1), b = (1 − p)(n + 1).
 */
export function harrellDavis(values: readonly number[], p: number): number {
  const n = values.length;
  if (n === 0) throw new RangeError('harrellDavis needs at least one value');
  if (!(p > 0 && p < 1)) throw new RangeError(`harrellDavis needs 0 < p < 1, got ${p}`);
  const sorted = [...values].sort((x, y) => x - y);
  if (n === 1) return sorted[0]!;
  const a = p * (n + 1);
  const b = (1 - p) * (n + 1);
  let sum = 0;
  let below = 0;
  for (let i = 1; i <= n; i += 1) {
    const at = i === n ? 1 : incompleteBeta(i / n, a, b);
    sum += (at - below) * sorted[i - 1]!;
    below = at;
  }
  return sum;
}
