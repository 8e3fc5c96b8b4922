// Text n-grams, hashed into the feature space: character 1–3-grams inside runs of non-ASCII text
// (Japanese needs no tokenizer) and English word 1–2-grams with digits folded. A collector keeps
// each page's distinct features (and, when asked, where each occurrence is).
import {
  FEATURE_COUNT,
  FNV_OFFSET,
  NS_BIGRAM,
  NS_CHAR,
  NS_WORD,
  bucket,
  step,
} from './feature-space';

export interface Occurrences {
  /** Hashed feature index of each occurrence. */
  feature: Int32Array<ArrayBuffer>;
  /** Start and end (exclusive) in the normalised text. */
  start: Int32Array<ArrayBuffer>;
  end: Int32Array<ArrayBuffer>;
  length: number;
}

function isAsciiWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Characters that start no n-gram and break runs: ASCII and whitespace. */
function breaksRun(c: number): boolean {
  return c < 0x80 || c === 0x3000;
}

/**
 * Distinct features of the page being read. A generation stamp per feature (one shared array)
 * makes "seen already?" one typed-array read: a 40,000-character page has ~100,000 n-grams.
 */
const STAMP = new Int32Array(FEATURE_COUNT);
let generation = 0;

function grow(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2 + 16);
  b.set(a);
  return b;
}

/**
 * Occurrence buffers reused from page to page (a 40,000-character page has ~100,000 n-grams;
 * allocating three arrays of that size per page cost more than reading them). Valid until the
 * next extraction.
 */
const SHARED_OCCURRENCES: Occurrences = {
  feature: new Int32Array(0),
  start: new Int32Array(0),
  end: new Int32Array(0),
  length: 0,
};

/**
 * The distinct features' buffer, reused from page to page like the occurrences (it grew by
 * doubling from 1 KB on every page, ~250 KB of garbage for a 40,000-character one). Valid until
 * the next Collector is made: extractFeatures copies it into the page's vector.
 */
let sharedDistinct = new Int32Array(1024);

export class Collector {
  distinct: Int32Array<ArrayBuffer> = sharedDistinct;
  count = 0;
  occ: Occurrences | null;

  constructor(positions: boolean, capacity: number) {
    generation = generation === 0x7fffffff ? 1 : generation + 1;
    if (generation === 1) STAMP.fill(0);
    if (positions && SHARED_OCCURRENCES.feature.length < capacity) {
      SHARED_OCCURRENCES.feature = new Int32Array(capacity);
      SHARED_OCCURRENCES.start = new Int32Array(capacity);
      SHARED_OCCURRENCES.end = new Int32Array(capacity);
    }
    SHARED_OCCURRENCES.length = 0;
    this.occ = positions ? SHARED_OCCURRENCES : null;
  }

  /** Marks a feature as present; true the first time. */
  add(feature: number): boolean {
    if (STAMP[feature] === generation) return false;
    STAMP[feature] = generation;
    if (this.count === this.distinct.length) sharedDistinct = this.distinct = grow(this.distinct);
    this.distinct[this.count] = feature;
    this.count += 1;
    return true;
  }

  text(feature: number, start: number, end: number): void {
    this.add(feature);
    const occ = this.occ;
    if (!occ) return;
    if (occ.length === occ.feature.length) {
      occ.feature = grow(occ.feature);
      occ.start = grow(occ.start);
      occ.end = grow(occ.end);
    }
    occ.feature[occ.length] = feature;
    occ.start[occ.length] = start;
    occ.end[occ.length] = end;
    occ.length += 1;
  }
}

/** Character 1–3-grams inside runs of non-ASCII text. */
export function charGrams(text: string, out: Collector): void {
  for (let i = 0; i < text.length; i += 1) {
    const c0 = text.charCodeAt(i);
    if (breaksRun(c0)) continue;
    let h = step(step(FNV_OFFSET, NS_CHAR), c0);
    out.text(bucket(h), i, i + 1);
    for (let n = 1; n < 3 && i + n < text.length; n += 1) {
      const c = text.charCodeAt(i + n);
      if (breaksRun(c)) break;
      h = step(h, c);
      out.text(bucket(h), i, i + n + 1);
    }
  }
}

/** English word 1–2-grams; a line break or a non-ASCII character ends a phrase. */
export function wordGrams(text: string, out: Collector): void {
  let prev = 0;
  let havePrev = false;
  let prevStart = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (!isAsciiWordChar(c)) {
      if (c === 0x0a || c >= 0x80 || c === 0x2e) havePrev = false;
      i += 1;
      continue;
    }
    const start = i;
    let h = step(FNV_OFFSET, NS_WORD);
    let lastDigit = false;
    while (i < text.length && isAsciiWordChar(text.charCodeAt(i))) {
      const d = text.charCodeAt(i);
      // A run of digits is one "0": prices, doses and counts generalise.
      if (isDigit(d)) {
        if (!lastDigit) h = step(h, 0x30);
        lastDigit = true;
      } else {
        h = step(h, d);
        lastDigit = false;
      }
      i += 1;
    }
    out.text(bucket(h), start, i);
    if (havePrev) out.text(bucket(step(step(prev, NS_BIGRAM), h)), prevStart, i);
    prev = h;
    prevStart = start;
    havePrev = true;
  }
}

/**
 * Each character's share of the text n-grams' weights, as prefix sums: `out[i]` is the sum of
 * the shares of characters 0..i-1 (`out[0]` is 0), where an n-gram of weight w (its model weight
 * times `textValue`) spread over its characters gives each w / length. The same sums, added in
 * the same order, as walking textOccurrences, without storing the occurrences: one pass over
 * the char codes into `out` (at least text.length + 1 long; the caller reuses it).
 */
export function textHeat(
  text: string,
  weights: Float32Array,
  textValue: number,
  out: Float64Array,
): void {
  const n = text.length;
  out.fill(0, 0, n + 1);
  // Shares land at out[c + 1]; the prefix sums are taken in place at the end.
  for (let i = 0; i < n; i += 1) {
    const c0 = text.charCodeAt(i);
    if (breaksRun(c0)) continue;
    let h = step(step(FNV_OFFSET, NS_CHAR), c0);
    out[i + 1]! += weights[bucket(h)]! * textValue;
    if (i + 1 >= n) continue;
    const c1 = text.charCodeAt(i + 1);
    if (breaksRun(c1)) continue;
    h = step(h, c1);
    const w2 = (weights[bucket(h)]! * textValue) / 2;
    out[i + 1]! += w2;
    out[i + 2]! += w2;
    if (i + 2 >= n) continue;
    const c2 = text.charCodeAt(i + 2);
    if (breaksRun(c2)) continue;
    h = step(h, c2);
    const w3 = (weights[bucket(h)]! * textValue) / 3;
    out[i + 1]! += w3;
    out[i + 2]! += w3;
    out[i + 3]! += w3;
  }
  let prev = 0;
  let havePrev = false;
  let prevStart = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isAsciiWordChar(c)) {
      if (c === 0x0a || c >= 0x80 || c === 0x2e) havePrev = false;
      i += 1;
      continue;
    }
    const start = i;
    let h = step(FNV_OFFSET, NS_WORD);
    let lastDigit = false;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (!isAsciiWordChar(d)) break;
      if (isDigit(d)) {
        if (!lastDigit) h = step(h, 0x30);
        lastDigit = true;
      } else {
        h = step(h, d);
        lastDigit = false;
      }
      i += 1;
    }
    const w1 = (weights[bucket(h)]! * textValue) / (i - start);
    for (let c = start; c < i; c += 1) out[c + 1]! += w1;
    if (havePrev) {
      const wb = (weights[bucket(step(step(prev, NS_BIGRAM), h))]! * textValue) / (i - prevStart);
      for (let c = prevStart; c < i; c += 1) out[c + 1]! += wb;
    }
    prev = h;
    prevStart = start;
    havePrev = true;
  }
  for (let k = 0; k < n; k += 1) out[k + 1] = out[k]! + out[k + 1]!;
}

/**
 * Where each text n-gram of a normalised text occurs, for the phrases behind a verdict: read
 * only for pages that reached caution (most pages never need it). Shared buffers: valid until
 * the next extraction.
 */
export function textOccurrences(text: string): Occurrences {
  const grams = new Collector(true, Math.min(text.length * 4, 1 << 18) + 16);
  charGrams(text, grams);
  wordGrams(text, grams);
  return grams.occ!;
}
