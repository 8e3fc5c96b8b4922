// The page's phrases for the reasons: the windows of its text around its strongest n-grams, with
// the heat of the n-grams that cover them. The heat (each character's share of the n-grams over
// it) used to be computed for every position of the page and searched for its best windows, a
// pass as long as normalising the page, to name three phrases; it is now computed only around the
// first occurrences of the page's STRONGEST positive-weight text n-grams (the feature pass records
// where each distinct n-gram first occurs, and the dot product keeps the strongest;
// docs/performance-history.md, "Scoring, eleventh pass"). So every phrase shown contains one of the
// n-grams that weighed most.
import { bucket, step } from './feature-space';
import { CHAR_SEED, eachWordGram } from './ngrams';
import { breaksPair, breaksRun, isAsciiWordChar } from './text-marks';

/** How many of the page's strongest text n-grams phrases are looked for around. */
export const STRONGEST = 16;
/** Length, in normalised characters, of the window a phrase is read from. */
export const PHRASE_WINDOW = 24;
/** A phrase must add at least this much (logits) to be named. */
export const PHRASE_MIN = 0.15;

export interface Extent {
  start: number;
  end: number;
}

/**
 * The extent of the n-gram at `slot` (ngrams.ts, `firstSlots`: 3i + k): at a non-ASCII unit i, the
 * character (k + 1)-gram; at a word starting at i, the word (k = 0) or the pair it ends (k = 1).
 */
export function gramAt(text: string, slot: number): Extent {
  const i = Math.floor(slot / 3);
  const k = slot - 3 * i;
  if (!breaksRun(text.charCodeAt(i))) return { start: i, end: i + k + 1 };
  let end = i;
  while (end < text.length && isAsciiWordChar(text.charCodeAt(end))) end += 1;
  if (k === 0) return { start: i, end };
  // The pair's first word: back over the gap (no break in it, or there would be no pair), then
  // over the word.
  let start = i;
  while (start > 0 && !isAsciiWordChar(text.charCodeAt(start - 1))) start -= 1;
  while (start > 0 && isAsciiWordChar(text.charCodeAt(start - 1))) start -= 1;
  return { start, end };
}

/** Adds an n-gram's weight, spread evenly over its characters, to those in lo..hi. */
function spread(out: Float64Array, lo: number, hi: number, start: number, end: number, w: number) {
  const share = w / (end - start);
  const to = Math.min(end, hi);
  for (let k = Math.max(start, lo); k < to; k += 1) out[k - lo] = out[k - lo]! + share;
}

/**
 * Each character's share of the text n-grams' weights for the characters lo..hi-1, into
 * out[0..hi-lo): an n-gram of weight w (its model weight times `textValue`) gives each of its
 * characters w / length. The n-grams are those textOccurrences finds (tested against it): the
 * character grams starting up to two units before lo, and the words and pairs from the word
 * before lo to the pair that ends after hi.
 */
export function heatAround(
  text: string,
  lo: number,
  hi: number,
  weights: Float32Array,
  textValue: number,
  out: Float64Array,
): void {
  const n = text.length;
  out.fill(0, 0, hi - lo);
  for (let s = Math.max(0, lo - 2); s < hi; s += 1) {
    const c0 = text.charCodeAt(s);
    if (breaksRun(c0)) continue;
    let h = step(CHAR_SEED, c0);
    if (s + 1 > lo) spread(out, lo, hi, s, s + 1, weights[bucket(h)]! * textValue);
    for (let len = 2; len <= 3 && s + len <= n; len += 1) {
      const c = text.charCodeAt(s + len - 1);
      if (breaksRun(c)) break;
      h = step(h, c);
      if (s + len > lo) spread(out, lo, hi, s, s + len, weights[bucket(h)]! * textValue);
    }
  }
  // Where the walk over words starts: the start of the last word that ends at or before lo (a
  // pair from it may reach into the range), unless a phrase break lies between it and lo.
  let b = lo;
  if (b > 0 && b < n && isAsciiWordChar(text.charCodeAt(b)))
    while (b > 0 && isAsciiWordChar(text.charCodeAt(b - 1))) b -= 1;
  let g = b;
  while (g > 0 && !isAsciiWordChar(text.charCodeAt(g - 1)) && !breaksPair(text.charCodeAt(g - 1)))
    g -= 1;
  if (g > 0 && isAsciiWordChar(text.charCodeAt(g - 1))) {
    while (g > 0 && isAsciiWordChar(text.charCodeAt(g - 1))) g -= 1;
    b = g;
  }
  // Each word's and each pair's weight over its characters (a word starting at or after hi adds
  // nothing in the range; the pair it ends may).
  eachWordGram(text, b, hi, (h, start, end) =>
    spread(out, lo, hi, start, end, weights[bucket(h)]! * textValue),
  );
}

/** A phrase found: its window's heat and its extent in the normalised text, whole words. */
export interface FoundPhrase extends Extent {
  heat: number;
}

/** Reused between pages: the heat around one n-gram and its running sums (a few dozen cells). */
let shares = new Float64Array(4 * PHRASE_WINDOW);

/**
 * The best window around each of the strongest n-grams (`slots`, strongest first), widened to
 * whole words and to the n-gram itself; of those that add more than PHRASE_MIN, hottest first,
 * each that overlaps none before it. Windows of equal heat: the earlier one first.
 */
export function phrasesAround(
  text: string,
  slots: ArrayLike<number>,
  weights: Float32Array,
  textValue: number,
): FoundPhrase[] {
  const n = text.length;
  const window = Math.min(PHRASE_WINDOW, n);
  const found: (FoundPhrase & { at: number })[] = [];
  for (let g = 0; g < slots.length; g += 1) {
    const gram = gramAt(text, slots[g]!);
    // Windows that hold the whole n-gram start at q - window .. p (one at p when it is longer).
    const last = n - window;
    const sHi = Math.min(gram.start, last);
    const sLo = Math.min(sHi, Math.max(0, gram.end - window));
    const lo = sLo;
    const hi = sHi + window;
    if (shares.length < hi - lo + 1) shares = new Float64Array(2 * (hi - lo + 1));
    heatAround(text, lo, hi, weights, textValue, shares);
    let sum = 0;
    for (let k = lo; k < sLo + window; k += 1) sum += shares[k - lo]!;
    let best = sLo;
    let bestSum = sum;
    for (let s = sLo + 1; s <= sHi; s += 1) {
      sum += shares[s + window - 1 - lo]! - shares[s - 1 - lo]!;
      if (sum > bestSum) {
        bestSum = sum;
        best = s;
      }
    }
    if (bestSum <= PHRASE_MIN) continue;
    let start = Math.min(best, gram.start);
    let end = Math.max(best + window, gram.end);
    // Widen to whole words at both ends.
    const word = isAsciiWordChar;
    while (start > 0 && word(text.charCodeAt(start - 1)) && word(text.charCodeAt(start)))
      start -= 1;
    while (end < n && word(text.charCodeAt(end - 1)) && word(text.charCodeAt(end))) end += 1;
    found.push({ start, end, heat: bestSum, at: best });
  }
  found.sort((a, b) => b.heat - a.heat || a.at - b.at);
  const out: FoundPhrase[] = [];
  for (const p of found) {
    if (out.some((q) => p.start < q.end && q.start < p.end)) continue;
    out.push({ start: p.start, end: p.end, heat: p.heat });
  }
  return out;
}
