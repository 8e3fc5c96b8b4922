// Text n-grams, hashed into the feature space: character 1–3-grams inside runs of non-ASCII text
// (Japanese needs no tokenizer) and English word 1–2-grams with digits folded. A collector keeps
// each page's distinct features; the scorer's pass also records where each distinct one first
// occurs, so that the page's phrases are read around its strongest n-grams (phrases.ts).
import {
  FEATURE_COUNT,
  FNV_OFFSET,
  NS_BIGRAM,
  NS_CHAR,
  NS_WORD,
  bucket,
  step,
} from './feature-space';
import {
  breaksPair,
  breaksRun,
  isAsciiWordChar,
  isDigit,
  marksOf,
  type TextMarks,
} from './text-marks';

export interface Occurrences {
  /** Hashed feature index of each occurrence. */
  feature: Int32Array<ArrayBuffer>;
  /** Start and end (exclusive) in the normalised text. */
  start: Int32Array<ArrayBuffer>;
  end: Int32Array<ArrayBuffer>;
  length: number;
}

/**
 * Each code unit's 1-gram bucket, 0 until first hashed (buckets start after the named features,
 * so none is 0): a page repeats a few thousand characters, and this saves the final mix of every
 * third n-gram.
 */
const UNIGRAM = new Int32Array(0x10000);

/** The FNV state after the namespace byte, the same for every gram of a kind. */
export const CHAR_SEED = step(FNV_OFFSET, NS_CHAR);
export const WORD_SEED = step(FNV_OFFSET, NS_WORD);

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
 * Where each distinct text n-gram of the last text `addText` read with `positions` first occurs,
 * by its index among the collector's features: a slot 3i + k, where a non-ASCII character at i
 * starts the 1-, 2- and 3-gram at k = 0, 1, 2, and a word starting at i is k = 0 and the pair it
 * ends k = 1 (gramAt turns a slot back into the gram's extent). Written only when a feature is
 * first seen (about one gram in five on the bench page), where the heat's record it replaces was
 * written for every gram (docs/performance-history.md, "Scoring, eleventh pass").
 */
let firstSlots = new Int32Array(0);

/**
 * What charPass and wordPass leave: the distinct buffer (it may have grown), its count, the kana
 * counted. Each pass is a function that ends with its loop, and writes these inside the loop
 * when it reaches the end of the text: a page's loop is compiled on the stack (OSR, once per
 * page), and code after such a loop had no type feedback in the compiled code, which then
 * deoptimised at it on every page (and was compiled again on the next one).
 */
const pass = { distinct: new Int32Array(0) as Int32Array<ArrayBuffer>, count: 0, kana: 0 };

/**
 * Character 1–3-grams, run by run (the runs marked by markText): inside a run every unit starts a
 * 1-gram, and a 2- and a 3-gram unless the run ends first, so no unit's script is tested here.
 */
function charPass(
  text: string,
  m: TextMarks,
  gen: number,
  distinctIn: Int32Array<ArrayBuffer>,
  countIn: number,
  slots: Int32Array | null,
): void {
  const edges = m.runEdges;
  const runs = m.runEdgeCount;
  let distinct = distinctIn;
  let count = countIn;
  let e = 0;
  let i = 0;
  let kana = 0;
  // The unit at i + 1 and i + 2 (0 past the run's end): each unit is read once, not once for each
  // of the three grams it is in.
  let c1 = 0;
  let c2 = 0;
  for (let k = 0; ;) {
    if (i >= e) {
      if (k >= runs) {
        pass.distinct = distinct;
        pass.count = count;
        pass.kana = kana;
        return;
      }
      i = edges[k]!;
      e = edges[k + 1]!;
      k += 2;
      c1 = text.charCodeAt(i);
      c2 = i + 1 < e ? text.charCodeAt(i + 1) : 0;
    }
    const c0 = c1;
    c1 = c2;
    c2 = i + 2 < e ? text.charCodeAt(i + 2) : 0;
    // Hiragana, without a branch: kana and kanji alternate at random in Japanese text.
    kana += ((c0 - 0x3041) ^ (c0 - 0x30a0)) >>> 31;
    let h = step(CHAR_SEED, c0);
    let b = UNIGRAM[c0]!;
    if (b === 0) b = UNIGRAM[c0] = bucket(h);
    if (STAMP[b] !== gen) {
      STAMP[b] = gen;
      if (count === distinct.length) distinct = grow(distinct);
      if (slots) slots[count] = 3 * i;
      distinct[count++] = b;
    }
    if (i + 1 < e) {
      h = step(h, c1);
      b = bucket(h);
      if (STAMP[b] !== gen) {
        STAMP[b] = gen;
        if (count === distinct.length) distinct = grow(distinct);
        if (slots) slots[count] = 3 * i + 1;
        distinct[count++] = b;
      }
      if (i + 2 < e) {
        h = step(h, c2);
        b = bucket(h);
        if (STAMP[b] !== gen) {
          STAMP[b] = gen;
          if (count === distinct.length) distinct = grow(distinct);
          if (slots) slots[count] = 3 * i + 2;
          distinct[count++] = b;
        }
      }
    }
    i += 1;
  }
}

/**
 * Word 1–2-grams, word by word (marked by markText); two words make a pair unless a line break, a
 * full stop or a non-ASCII unit lies between them.
 */
function wordPass(
  text: string,
  m: TextMarks,
  gen: number,
  distinctIn: Int32Array<ArrayBuffer>,
  countIn: number,
  slots: Int32Array | null,
): void {
  const edges = m.wordEdges;
  const breaks = m.wordBreaks;
  const words = m.wordEdgeCount;
  let distinct = distinctIn;
  let count = countIn;
  let prev = 0;
  for (let k = 0; ; k += 2) {
    if (k >= words) {
      pass.distinct = distinct;
      pass.count = count;
      return;
    }
    const start = edges[k]!;
    const end = edges[k + 1]!;
    let h = WORD_SEED;
    let lastDigit = false;
    for (let i = start; i < end; i += 1) {
      const d = text.charCodeAt(i);
      if (d >= 0x61) {
        h = step(h, d);
        lastDigit = false;
      } else {
        // A run of digits is one "0": prices, doses and counts generalise.
        if (!lastDigit) h = step(h, 0x30);
        lastDigit = true;
      }
    }
    let b = bucket(h);
    if (STAMP[b] !== gen) {
      STAMP[b] = gen;
      if (count === distinct.length) distinct = grow(distinct);
      if (slots) slots[count] = 3 * start;
      distinct[count++] = b;
    }
    if (k > 0 && breaks[k] === breaks[k - 1]) {
      b = bucket(step(step(prev, NS_BIGRAM), h));
      if (STAMP[b] !== gen) {
        STAMP[b] = gen;
        if (count === distinct.length) distinct = grow(distinct);
        if (slots) slots[count] = 3 * start + 1;
        distinct[count++] = b;
      }
    }
    prev = h;
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
   * in two tight loops; with `positions`, where each distinct one first occurs is also recorded
   * (`slots`). Returns the number of features the text added and its kana (hiragana after
   * normalising), which tell its script (features.ts): counted here rather than in a pass of
   * their own.
   */
  addText(text: string, positions: boolean): { added: number; kana: number } {
    this.#writable();
    const n = text.length;
    const before = this.#count;
    let slots: Int32Array | null = null;
    if (positions) {
      // A text has at most 3 grams a unit, so at most 3n new features.
      if (firstSlots.length < before + 3 * n) firstSlots = new Int32Array(before + 3 * n + 48);
      slots = firstSlots;
    }
    // Marks first (the term scan's, when it read this text), then the character n-grams of every
    // run before any word n-gram: the order of the distinct features is the model's (its sums
    // are added in that order).
    const m = marksOf(text);
    charPass(text, m, generation, this.#distinct, before, slots);
    const kana = pass.kana;
    wordPass(text, m, generation, pass.distinct, pass.count, slots);
    const count = pass.count;
    if (pass.distinct !== this.#distinct) scratch = this.#distinct = pass.distinct;
    this.#count = count;
    return { added: count - before, kana };
  }

  /**
   * For the features the last `addText(text, true)` added, by index among the collector's
   * features: the slot of each one's first occurrence (see `firstSlots`). Valid until the next
   * such call.
   */
  get slots(): Int32Array {
    if (this.#released) throw new Error('Collector read after release()');
    return firstSlots;
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

/**
 * Each English word n-gram of `text` from `from` on, in order: a word (its hash: a run of digits
 * is one "0", so prices, doses and counts generalise), then the pair it ends, if any (a line
 * break, a full stop or a non-ASCII character ends a phrase), each with its extent. The walk
 * stops before the first word at or after `until` that no pair joins to an earlier one, and after
 * the pair a word starting at or after `until` ends. wordGrams (the reference walk) and the
 * phrases' heat (phrases.ts) share it; the scorer's own pass (`wordPass`) reads the normaliser's
 * word edges instead.
 */
export function eachWordGram(
  text: string,
  from: number,
  until: number,
  visit: (hash: number, start: number, end: number) => void,
): void {
  let prev = 0;
  let havePrev = false;
  let prevStart = 0;
  let i = from;
  while (i < text.length) {
    if (i >= until && !havePrev) return;
    const c = text.charCodeAt(i);
    if (!isAsciiWordChar(c)) {
      if (breaksPair(c)) havePrev = false;
      i += 1;
      continue;
    }
    const start = i;
    let h = WORD_SEED;
    let lastDigit = false;
    for (; i < text.length && isAsciiWordChar(text.charCodeAt(i)); i += 1) {
      const d = text.charCodeAt(i);
      if (isDigit(d)) {
        if (!lastDigit) h = step(h, 0x30);
        lastDigit = true;
      } else {
        h = step(h, d);
        lastDigit = false;
      }
    }
    visit(h, start, i);
    if (havePrev) visit(step(step(prev, NS_BIGRAM), h), prevStart, i);
    if (start >= until) return;
    prev = h;
    prevStart = start;
    havePrev = true;
  }
}

/** English word 1–2-grams; a line break or a non-ASCII character ends a phrase. */
export function wordGrams(text: string, out: Collector): void {
  eachWordGram(text, 0, text.length, (h, start, end) => out.text(bucket(h), start, end));
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
