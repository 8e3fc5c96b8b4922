// Text n-grams, hashed into the feature space: character 1–3-grams inside runs of non-ASCII text
// (Japanese needs no tokenizer) and English word 1–2-grams with digits folded. A collector keeps
// each page's distinct features; the scorer's pass also records each n-gram's bucket by
// position, so that the phrase heat reads them instead of hashing the text a second time.
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
 * Each code unit's 1-gram bucket, 0 until first hashed (buckets start after the named features,
 * so none is 0): a page repeats a few thousand characters, and this saves the final mix of every
 * third n-gram.
 */
const UNIGRAM = new Int32Array(0x10000);

/** The FNV state after the namespace byte, the same for every gram of a kind. */
const CHAR_SEED = step(FNV_OFFSET, NS_CHAR);
const WORD_SEED = step(FNV_OFFSET, NS_WORD);

/**
 * "Seen already?" for the features of the collector being filled: a generation stamp per feature
 * (one shared array) makes it one typed-array read; a 40,000-character page has ~53,000 n-grams.
 * One byte a stamp (256 KB, not 1 MB: a page of many distinct n-grams reads it at random, and a
 * quarter of the size stays in the processor's cache); the stamps are cleared every 255 pages.
 */
const STAMP = new Uint8Array(FEATURE_COUNT);
const LAST_GENERATION = 0xff;
let generation = 0;

/**
 * The distinct features' buffer, lent to one collector at a time and taken back by release()
 * (it grew by doubling from 1 KB on every page, ~250 KB of garbage for a 40,000-character one).
 */
let scratch = new Int32Array(1024);
/** Makes the collector that holds `scratch` and the current generation let go of them, if any. */
let takeBack: (() => void) | null = null;

function grow(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2 + 16);
  b.set(a);
  return b;
}

/**
 * Each n-gram's bucket by where it starts, for the last text `addText` read with `positions`:
 * for a non-ASCII character at i, its 1-, 2- and 3-gram at 3i, 3i+1, 3i+2 (those that exist); for
 * a word starting at i, the word at 3i and the pair it ends at 3i+1 (if any). Words start on ASCII
 * characters and character grams on the others, so the two never share a slot.
 */
let recordedText: string | null = null;
let recorded = new Int32Array(0);

/**
 * What charPass and wordPass leave: the distinct buffer (it may have grown), its count, the kana
 * counted. Each pass is a function that ends with its loop, and writes these inside the loop
 * when it reaches the end of the text: a page's loop is compiled on the stack (OSR, once per
 * page), and code after such a loop had no type feedback in the compiled code, which then
 * deoptimised at it on every page (and was compiled again on the next one).
 */
const pass = { distinct: new Int32Array(0) as Int32Array<ArrayBuffer>, count: 0, kana: 0 };

/** Character 1–3-grams; each character is read once, the next two carried along. */
function charPass(
  text: string,
  gen: number,
  distinctIn: Int32Array<ArrayBuffer>,
  countIn: number,
  rec: Int32Array | null,
): void {
  const n = text.length;
  let distinct = distinctIn;
  let count = countIn;
  let c1 = n > 0 ? text.charCodeAt(0) : 0;
  let c2 = n > 1 ? text.charCodeAt(1) : 0x20;
  let kana = 0;
  for (let i = 0; ; i += 1) {
    if (i >= n) {
      pass.distinct = distinct;
      pass.count = count;
      pass.kana = kana;
      return;
    }
    const c0 = c1;
    c1 = c2;
    c2 = i + 2 < n ? text.charCodeAt(i + 2) : 0x20;
    if (c0 < 0x80 || c0 === 0x3000) continue;
    if (c0 >= 0x3041 && c0 <= 0x309f) kana += 1;
    let h = step(CHAR_SEED, c0);
    let b = UNIGRAM[c0]!;
    if (b === 0) b = UNIGRAM[c0] = bucket(h);
    if (STAMP[b] !== gen) {
      STAMP[b] = gen;
      if (count === distinct.length) distinct = grow(distinct);
      distinct[count++] = b;
    }
    if (rec) rec[3 * i] = b;
    // Past the end, c1 and c2 read as a space, which breaks the run.
    if (c1 < 0x80 || c1 === 0x3000) continue;
    h = step(h, c1);
    b = bucket(h);
    if (STAMP[b] !== gen) {
      STAMP[b] = gen;
      if (count === distinct.length) distinct = grow(distinct);
      distinct[count++] = b;
    }
    if (rec) rec[3 * i + 1] = b;
    if (c2 < 0x80 || c2 === 0x3000) continue;
    h = step(h, c2);
    b = bucket(h);
    if (STAMP[b] !== gen) {
      STAMP[b] = gen;
      if (count === distinct.length) distinct = grow(distinct);
      distinct[count++] = b;
    }
    if (rec) rec[3 * i + 2] = b;
  }
}

/** Word 1–2-grams; a line break, a full stop or a non-ASCII character ends a phrase. */
function wordPass(
  text: string,
  gen: number,
  distinctIn: Int32Array<ArrayBuffer>,
  countIn: number,
  rec: Int32Array | null,
): void {
  const n = text.length;
  let distinct = distinctIn;
  let count = countIn;
  let prev = 0;
  let havePrev = false;
  let i = 0;
  for (;;) {
    if (i >= n) {
      pass.distinct = distinct;
      pass.count = count;
      return;
    }
    const c = text.charCodeAt(i);
    if (!isAsciiWordChar(c)) {
      if (c === 0x0a || c >= 0x80 || c === 0x2e) havePrev = false;
      i += 1;
      continue;
    }
    const start = i;
    let h = WORD_SEED;
    let lastDigit = false;
    for (; i < n; i += 1) {
      const d = text.charCodeAt(i);
      if (d >= 0x61 && d <= 0x7a) {
        h = step(h, d);
        lastDigit = false;
      } else if (d >= 0x30 && d <= 0x39) {
        // A run of digits is one "0": prices, doses and counts generalise.
        if (!lastDigit) h = step(h, 0x30);
        lastDigit = true;
      } else break;
    }
    let b = bucket(h);
    if (STAMP[b] !== gen) {
      STAMP[b] = gen;
      if (count === distinct.length) distinct = grow(distinct);
      distinct[count++] = b;
    }
    if (rec) rec[3 * start] = b;
    if (havePrev) {
      b = bucket(step(step(prev, NS_BIGRAM), h));
      if (STAMP[b] !== gen) {
        STAMP[b] = gen;
        if (count === distinct.length) distinct = grow(distinct);
        distinct[count++] = b;
      }
      if (rec) rec[3 * start + 1] = b;
    }
    prev = h;
    havePrev = true;
  }
}

/**
 * The distinct features of one page. The stamp array and the distinct buffer are shared, so one
 * collector fills at a time: making a new one while another still holds them gives the older one
 * its own copy of what it found (it may still be read, no longer added to: that would dedupe
 * against the wrong page). A collector that is done calls release(), and the next one reuses the
 * buffer without a copy.
 */
export class Collector {
  #distinct: Int32Array<ArrayBuffer> = scratch;
  #count = 0;
  /** Holds `scratch` and the current generation: may add. */
  #holds = true;
  #released = false;
  occ: Occurrences | null;

  constructor(positions = false, capacity = 0) {
    takeBack?.();
    generation = generation === LAST_GENERATION ? 1 : generation + 1;
    if (generation === 1) STAMP.fill(0);
    takeBack = () => this.#detach();
    const size = positions ? Math.max(16, capacity) : 0;
    this.occ = positions
      ? {
          feature: new Int32Array(size),
          start: new Int32Array(size),
          end: new Int32Array(size),
          length: 0,
        }
      : null;
  }

  /** Features in the order first seen. Valid until release(). */
  get distinct(): Int32Array<ArrayBuffer> {
    if (this.#released) throw new Error('Collector read after release()');
    return this.#distinct;
  }

  get count(): number {
    if (this.#released) throw new Error('Collector read after release()');
    return this.#count;
  }

  #writable(): void {
    if (!this.#holds)
      throw new Error(
        this.#released
          ? 'Collector added to after release()'
          : 'Collector added to after a newer one was made',
      );
  }

  #detach(): void {
    this.#distinct = this.#distinct.slice(0, Math.max(16, this.#count));
    this.#holds = false;
    takeBack = null;
  }

  /** Gives the shared buffer back; the collector may not be read or added to afterwards. */
  release(): void {
    if (this.#holds) {
      scratch = this.#distinct;
      this.#holds = false;
      takeBack = null;
    }
    this.#released = true;
  }

  /** Marks a feature as present; true the first time. */
  add(feature: number): boolean {
    this.#writable();
    if (STAMP[feature] === generation) return false;
    STAMP[feature] = generation;
    if (this.#count === this.#distinct.length) scratch = this.#distinct = grow(this.#distinct);
    this.#distinct[this.#count] = feature;
    this.#count += 1;
    return true;
  }

  /** A text n-gram at start..end, with its position when the collector keeps them. */
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

  /**
   * The text's character n-grams, then its word n-grams (the order charGrams and wordGrams give),
   * in two tight loops; with `positions`, each bucket is also recorded for textHeat. Returns the
   * number of features the text added and its kana (hiragana after normalising), which tell
   * its script (features.ts): counted here rather than in a pass of their own.
   */
  addText(text: string, positions: boolean): { added: number; kana: number } {
    this.#writable();
    const n = text.length;
    const before = this.#count;
    let rec: Int32Array | null = null;
    if (positions) {
      if (recorded.length < 3 * n) recorded = new Int32Array(3 * n + 48);
      rec = recorded;
      recordedText = text;
    }
    charPass(text, generation, this.#distinct, before, rec);
    const kana = pass.kana;
    wordPass(text, generation, pass.distinct, pass.count, rec);
    const count = pass.count;
    if (pass.distinct !== this.#distinct) scratch = this.#distinct = pass.distinct;
    this.#count = count;
    return { added: count - before, kana };
  }
}

/** Character 1–3-grams inside runs of non-ASCII text. */
export function charGrams(text: string, out: Collector): void {
  for (let i = 0; i < text.length; i += 1) {
    const c0 = text.charCodeAt(i);
    if (breaksRun(c0)) continue;
    let h = step(CHAR_SEED, c0);
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
    let h = WORD_SEED;
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

/** Each n-gram's bucket by position (see `recorded`), from the record or by hashing the text. */
function bucketsOf(text: string): Int32Array {
  if (recordedText === text) return recorded;
  const rec = new Int32Array(3 * text.length);
  const n = text.length;
  for (let i = 0; i < n; i += 1) {
    const c0 = text.charCodeAt(i);
    if (breaksRun(c0)) continue;
    let h = step(CHAR_SEED, c0);
    rec[3 * i] = bucket(h);
    for (let k = 1; k < 3 && i + k < n; k += 1) {
      const c = text.charCodeAt(i + k);
      if (breaksRun(c)) break;
      h = step(h, c);
      rec[3 * i + k] = bucket(h);
    }
  }
  let prev = 0;
  let havePrev = false;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isAsciiWordChar(c)) {
      if (c === 0x0a || c >= 0x80 || c === 0x2e) havePrev = false;
      i += 1;
      continue;
    }
    const start = i;
    let h = WORD_SEED;
    let lastDigit = false;
    for (; i < n && isAsciiWordChar(text.charCodeAt(i)); i += 1) {
      const d = text.charCodeAt(i);
      if (isDigit(d)) {
        if (!lastDigit) h = step(h, 0x30);
        lastDigit = true;
      } else {
        h = step(h, d);
        lastDigit = false;
      }
    }
    rec[3 * start] = bucket(h);
    if (havePrev) rec[3 * start + 1] = bucket(step(step(prev, NS_BIGRAM), h));
    prev = h;
    havePrev = true;
  }
  return rec;
}

/**
 * Each character's share of the text n-grams' weights, as prefix sums: `out[i]` is the sum of
 * the shares of characters 0..i-1 (`out[0]` is 0), where an n-gram of weight w (its model weight
 * times `textValue`) spread over its characters gives each w / length. The same sums, added in
 * the same order, as walking textOccurrences: the buckets come from the record the feature pass
 * left for this text (else the text is hashed again), and each character's share is summed in
 * registers and written once, in order, as the running sum (`out` is at least text.length + 1
 * long; the caller reuses it).
 *
 * A character of a non-ASCII run gets the shares of the grams starting two, one and zero
 * characters before it, in that order. A character of a word gets its word's share, then the
 * pair's ending at the word, then the pair's starting at it; the characters between two words of
 * a pair get that pair's share: so a word's characters wait until the next word (or a phrase
 * break) is read. A share that is missing adds +0, which leaves a sum as it is (no sum is -0).
 */
export function textHeat(
  text: string,
  weights: Float32Array,
  textValue: number,
  out: Float64Array,
): void {
  const n = text.length;
  const rec = bucketsOf(text);
  let sum = 0;
  out[0] = 0;
  // Shares for the current character from grams that started before it.
  let from2 = 0; // the 3-gram two characters back
  let from1Pair = 0; // the 2-gram one character back
  let from1Triple = 0; // the 3-gram one character back
  // The word waiting for the pair after it: cells written..pendingStart-1 are written.
  let written = 0;
  let pending = false;
  let pendingStart = 0;
  let pendingEnd = 0;
  let pendingShare = 0;
  let i = 0;
  // The loop ends the function: code after a loop compiled on the stack (OSR, once per page)
  // had no type feedback in that code and deoptimised it on every page.
  for (;;) {
    if (i >= n) {
      for (let k = written; k < n; k += 1) {
        sum += pending && k < pendingEnd ? pendingShare : 0;
        out[k + 1] = sum;
      }
      return;
    }
    const c = text.charCodeAt(i);
    if (isAsciiWordChar(c)) {
      const start = i;
      while (i < n && isAsciiWordChar(text.charCodeAt(i))) i += 1;
      const own = (weights[rec[3 * start]!]! * textValue) / (i - start);
      if (pending) {
        const pair = (weights[rec[3 * start + 1]!]! * textValue) / (i - pendingStart);
        for (let k = written; k < start; k += 1) {
          sum += k < pendingEnd ? pendingShare + pair : pair;
          out[k + 1] = sum;
        }
        pendingShare = own + pair;
      } else pendingShare = own;
      pending = true;
      written = start;
      pendingStart = start;
      pendingEnd = i;
      from2 = from1Pair = from1Triple = 0;
      continue;
    }
    const run = c >= 0x80 && c !== 0x3000;
    if (pending && (c >= 0x80 || c === 0x0a || c === 0x2e)) {
      // A phrase break: the waiting word gets no pair after it.
      for (let k = written; k < i; k += 1) {
        sum += k < pendingEnd ? pendingShare : 0;
        out[k + 1] = sum;
      }
      written = i;
      pending = false;
    }
    if (pending) {
      // Between two words that may still make a pair.
      i += 1;
      continue;
    }
    let share = 0;
    if (run) {
      share = from2;
      share += from1Pair;
      share += from1Triple;
      share += weights[rec[3 * i]!]! * textValue;
      let pair = 0;
      let triple = 0;
      const c1 = i + 1 < n ? text.charCodeAt(i + 1) : 0x20;
      if (c1 >= 0x80 && c1 !== 0x3000) {
        // Halving is exact: * 0.5 gives the bits / 2 gives, without a division.
        pair = weights[rec[3 * i + 1]!]! * textValue * 0.5;
        share += pair;
        const c2 = i + 2 < n ? text.charCodeAt(i + 2) : 0x20;
        if (c2 >= 0x80 && c2 !== 0x3000) {
          triple = (weights[rec[3 * i + 2]!]! * textValue) / 3;
          share += triple;
        }
      }
      from2 = from1Triple;
      from1Pair = pair;
      from1Triple = triple;
    } else from2 = from1Pair = from1Triple = 0;
    sum += share;
    out[i + 1] = sum;
    i += 1;
    written = i;
  }
}

/**
 * Where each text n-gram of a normalised text occurs (the reference the phrase heat is tested
 * against, and a tool for reading what a page's features are made of).
 */
export function textOccurrences(text: string): Occurrences {
  const grams = new Collector(true, Math.min(text.length * 4, 1 << 18) + 16);
  charGrams(text, grams);
  wordGrams(text, grams);
  grams.release();
  return grams.occ!;
}
