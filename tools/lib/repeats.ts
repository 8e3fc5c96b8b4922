// Repeated grouped cross-validation (`--repeats N`): the same measure on N splits (fold seeds
// 0 … N-1, seed 0 the split of every earlier measure), summarised per language as the mean and
// range of recall and false-positive rate, and the counts pooled over the repeats with a Wilson
// interval. The pooled interval counts every page N times, so it is narrower than the truth; the
// range across splits is the spread a variant must beat (docs/detection-history.md, "Session 11's
// variants").
import { formatRate, wilson, type Rate, type Rates } from './metrics';

export interface Spread {
  mean: number;
  min: number;
  max: number;
  pooled: Rate;
}

export interface RepeatedRates {
  recall: Spread;
  falsePositiveRate: Spread;
}

/** The mean, lowest and highest of one figure over the splits. */
export function meanAndRange(values: readonly number[]): {
  mean: number;
  min: number;
  max: number;
} {
  return {
    mean: values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1),
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

function spread(rates: readonly Rate[]): Spread {
  return {
    ...meanAndRange(rates.map((r) => r.rate)),
    pooled: wilson(
      rates.reduce((a, r) => a + r.hits, 0),
      rates.reduce((a, r) => a + r.total, 0),
    ),
  };
}

/** A split's page rates per language (its report keeps pages and sites). */
export function pagesByLanguage(
  byLanguage: Record<string, { pages: Rates }>,
): Record<string, Rates> {
  return Object.fromEntries(Object.entries(byLanguage).map(([lang, x]) => [lang, x.pages]));
}

/** Per language, over the repeats (each a language → rates map of one split). */
export function summariseRepeats(
  repeats: readonly Record<string, Rates>[],
): Record<string, RepeatedRates> {
  const out: Record<string, RepeatedRates> = {};
  const langs = [...new Set(repeats.flatMap((r) => Object.keys(r)))].sort();
  for (const lang of langs) {
    const list = repeats.map((r) => r[lang]).filter((r): r is Rates => r !== undefined);
    out[lang] = {
      recall: spread(list.map((r) => r.recall)),
      falsePositiveRate: spread(list.map((r) => r.falsePositiveRate)),
    };
  }
  return out;
}

export function formatSpread(s: Spread): string {
  const pct = (x: number) => (x * 100).toFixed(1);
  return `mean ${pct(s.mean)}% (${pct(s.min)}–${pct(s.max)}); pooled ${formatRate(s.pooled)}`;
}

/** `--repeats N` from the arguments (1 when absent); throws on a value that is not a count. */
export function repeatsArg(argv: readonly string[]): number {
  const at = argv.indexOf('--repeats');
  if (at < 0) return 1;
  const n = Number(argv[at + 1]);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`--repeats needs a count, not ${argv[at + 1]}`);
  return n;
}
