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

export class Collector {
  distinct: Int32Array<ArrayBuffer> = new Int32Array(1024);
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
    if (this.count === this.distinct.length) this.distinct = grow(this.distinct);
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
