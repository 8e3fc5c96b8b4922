// Text normalisation before matching, so that variants of a word match one entry:
// full-width and half-width forms (NFKC), upper and lower case, katakana and hiragana, runs of
// whitespace, every default-ignorable code point (zero-width characters, variation selectors,
// grapheme joiners, bidi controls, tags), combining marks on Latin, Cyrillic and Greek letters,
// and Cyrillic/Greek look-alikes of Latin letters: what rogue sites insert to dodge filters.
// Dependency-free (the content script may import it) and fast: one pass over UTF-16 code units
// into typed arrays, with numeric fast paths for ASCII, kana and kanji; only the few ranges that
// NFKC can change go through String.prototype.normalize.

import { HOMOGLYPHS } from './homoglyphs';

export interface NormalizedText {
  /** Normalised text. */
  text: string;
  /** For each UTF-16 unit of `text`, the index in the source it came from. */
  map: Int32Array;
  /**
   * normalizePage only: the units `text` was decoded from, a view of the buffers like `map` (a
   * lone surrogate among them reads as U+FFFD in `text`; every other unit is the same).
   */
  codes?: Uint16Array;
}

/**
 * Default-ignorable code points of the Basic Multilingual Plane (Unicode's
 * Default_Ignorable_Code_Point, less the Hangul fillers' neighbours): they render as nothing.
 */
export function invisible(code: number): boolean {
  return (
    code === 0xad ||
    code === 0x34f || // combining grapheme joiner
    code === 0x61c ||
    code === 0x115f ||
    code === 0x1160 ||
    code === 0x17b4 ||
    code === 0x17b5 ||
    (code >= 0x180b && code <= 0x180f) ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x206f) ||
    code === 0x3164 ||
    (code >= 0xfe00 && code <= 0xfe0f) || // variation selectors
    code === 0xfeff ||
    code === 0xffa0 ||
    (code >= 0xfff0 && code <= 0xfff8)
  );
}

/** Astral default-ignorables, by code point: tags, variation selectors supplement, and others. */
function invisibleAstral(cp: number): boolean {
  return (
    (cp >= 0xe0000 && cp <= 0xe0fff) ||
    (cp >= 0x1bca0 && cp <= 0x1bca3) ||
    (cp >= 0x1d173 && cp <= 0x1d17a)
  );
}

/** Combining marks that decorate Latin, Cyrillic and Greek letters (not the kana voicing marks). */
export function combiningMark(code: number): boolean {
  return (
    (code >= 0x300 && code <= 0x36f) ||
    (code >= 0x483 && code <= 0x489) ||
    (code >= 0x1ab0 && code <= 0x1aff) ||
    (code >= 0x1dc0 && code <= 0x1dff) ||
    (code >= 0x20d0 && code <= 0x20ff) ||
    (code >= 0xfe20 && code <= 0xfe2f)
  );
}

function whitespace(code: number): boolean {
  return (
    code <= 0x20 ||
    code === 0x3000 ||
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f
  );
}

function lineBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x85 || code === 0x2028 || code === 0x2029;
}

/** Only these code points can change under NFKC in ways that matter here. */
function needsNfkc(code: number): boolean {
  return (
    (code >= 0xff00 && code <= 0xffef) || // full-width ASCII, half-width katakana
    (code >= 0x2000 && code <= 0x2bff) || // punctuation, letter-like symbols, enclosed forms
    (code >= 0x3000 && code <= 0x303f && code !== 0x3001 && code !== 0x3002) ||
    (code >= 0x3200 && code <= 0x33ff) || // enclosed CJK, squared words (㍿, ㎎)
    code === 0x3099 ||
    code === 0x309a ||
    (code >= 0xa0 && code <= 0xff)
  );
}

/**
 * Joins a combining voiced mark (U+3099 or U+309A) to the kana last written (は + ゛ → ば), as
 * NFC composes them; false, with nothing written, when they do not compose.
 */
function joinVoicedMark(out: Output, mark: number): boolean {
  if (out.length === 0) return false;
  const composed = String.fromCharCode(out.last(), mark).normalize('NFC');
  if (composed.length !== 1) return false;
  out.codes[out.length - 1] = hiragana(composed.charCodeAt(0));
  return true;
}

/** Katakana to hiragana (ア→あ, ヴ→ゔ); the prolonged sound mark ー stays. */
function hiragana(code: number): number {
  return code >= 0x30a1 && code <= 0x30f6 ? code - 0x60 : code;
}

/**
 * Output buffers kept from call to call, up to this many code units (a 40,000-character sample's
 * fit): the scorer normalises its sample and about 85 short texts (links, footer, host) a page,
 * and two fresh zeroed typed arrays a call (outside the heap, each one an allocation the garbage
 * collector tracks) cost more than the short texts' pass itself.
 */
const KEEP_UNITS = 1 << 17;

/** A pair of output buffers an Output writes into; a grown pair replaces them (up to KEEP_UNITS). */
export interface NormalizeBuffers {
  codes: Uint16Array;
  map: Int32Array;
}

export function normalizeBuffers(): NormalizeBuffers {
  return { codes: new Uint16Array(256), map: new Int32Array(256) };
}

/** The buffers every call shares, except normalizePage's (each call copies its map out). */
const kept = normalizeBuffers();

/** Longest output turned into a string with String.fromCharCode (a native decode call costs more). */
const SHORT_TEXT = 256;

class Output {
  codes: Uint16Array;
  map: Int32Array;
  length = 0;
  /** The buffers written into, or null for an output longer than KEEP_UNITS (its own arrays). */
  lent: NormalizeBuffers | null;

  constructor(capacity: number, lent: NormalizeBuffers) {
    if (capacity > KEEP_UNITS) {
      this.codes = new Uint16Array(capacity);
      this.map = new Int32Array(capacity);
      this.lent = null;
      return;
    }
    if (lent.codes.length < capacity) {
      lent.codes = new Uint16Array(capacity);
      lent.map = new Int32Array(capacity);
    }
    this.codes = lent.codes;
    this.map = lent.map;
    this.lent = lent;
  }

  push(code: number, origin: number): void {
    if (this.length === this.codes.length) {
      const codes = new Uint16Array(this.codes.length * 2 + 16);
      codes.set(this.codes);
      const map = new Int32Array(codes.length);
      map.set(this.map);
      this.codes = codes;
      this.map = map;
      if (this.lent && codes.length <= KEEP_UNITS) {
        this.lent.codes = codes;
        this.lent.map = map;
      }
    }
    this.codes[this.length] = code;
    this.map[this.length] = origin;
    this.length += 1;
  }

  last(): number {
    return this.length > 0 ? this.codes[this.length - 1]! : -1;
  }

  text(): string {
    const codes = this.codes.subarray(0, this.length);
    if (this.length <= SHORT_TEXT) {
      let surrogate = false;
      for (let i = 0; i < codes.length; i += 1)
        if ((codes[i]! & 0xf800) === 0xd800) surrogate = true;
      // Without surrogates the decoder gives these same units back.
      if (!surrogate) return String.fromCharCode.apply(null, codes as unknown as number[]);
    }
    // A lone surrogate decodes to U+FFFD, one unit for one unit, so `map` stays aligned.
    return UTF16.decode(codes);
  }

  /** Where each unit came from, in an array of its own (the buffers are reused). */
  ownMap(): Int32Array {
    return this.map.slice(0, this.length);
  }
}

const SPACE = 0x20;
const NEWLINE = 0x0a;
const UTF16 = new TextDecoder('utf-16le');

/**
 * Normalise `source` and remember where each output character came from, so evidence snippets can
 * quote the page's own words.
 */
export function normalizeWithMap(source: string): NormalizedText {
  const out = new Output(source.length + 16, kept);
  normalizeInto(source, out);
  trimEnd(out);
  return { text: out.text(), map: out.ownMap() };
}

/**
 * normalizeWithMap for the scorer's page: the same text, with its map a view of `buffers` (no
 * copy: 160 KB for a 40,000-character sample), valid until the next call with the same buffers.
 * For a caller that reads the map only while it handles one page (the other normalisers share
 * their own buffers, so they may run in between).
 */
export function normalizePage(source: string, buffers: NormalizeBuffers): NormalizedText {
  const out = new Output(source.length + 16, buffers);
  normalizeInto(source, out);
  trimEnd(out);
  return {
    text: out.text(),
    map: out.map.subarray(0, out.length),
    codes: out.codes.subarray(0, out.length),
  };
}

function trimEnd(out: Output): void {
  while (out.length > 0 && (out.last() === SPACE || out.last() === NEWLINE)) out.length -= 1;
}

/**
 * The pass itself, a function of its own that ends with its loop: a long text's loop is compiled
 * on the stack (OSR), and code after it that the compiler had no type feedback for deoptimised
 * that code on every long text (compiled again on the next one).
 */
function normalizeInto(source: string, out: Output): void {
  let lastWasSpace = true; // trims leading whitespace
  for (let i = 0; i < source.length; i += 1) {
    const code = source.charCodeAt(i);
    // Fast path: lower-case ASCII letters and digits, hiragana, kanji.
    if (
      (code >= 0x61 && code <= 0x7a) ||
      (code >= 0x30 && code <= 0x39) ||
      (code >= 0x3041 && code <= 0x3096) ||
      (code >= 0x4e00 && code <= 0x9fff)
    ) {
      out.push(code, i);
      lastWasSpace = false;
      continue;
    }
    if (code >= 0x41 && code <= 0x5a) {
      out.push(code + 32, i);
      lastWasSpace = false;
      continue;
    }
    if (code >= 0x30a1 && code <= 0x30fa) {
      out.push(hiragana(code), i);
      lastWasSpace = false;
      continue;
    }
    if (whitespace(code)) {
      // A run of whitespace becomes one space, or one newline if it holds a line break: line
      // breaks end sentences for the matchers.
      const brk = lineBreak(code);
      if (!lastWasSpace) out.push(brk ? NEWLINE : SPACE, i);
      else if (brk && out.last() === SPACE) out.codes[out.length - 1] = NEWLINE;
      lastWasSpace = true;
      continue;
    }
    if (invisible(code) || combiningMark(code)) continue;
    const glyph = HOMOGLYPHS.get(code);
    if (glyph !== undefined) {
      out.push(glyph, i);
      lastWasSpace = false;
      continue;
    }
    if (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) {
      // Latin letters with diacritics read as the bare letter (vïagra, çialis).
      const bare = source[i]!.normalize('NFD').charCodeAt(0);
      if (bare < 0x80) {
        out.push(bare >= 0x41 && bare <= 0x5a ? bare + 32 : bare, i);
        lastWasSpace = false;
        continue;
      }
    }
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < source.length) {
      if (invisibleAstral(source.codePointAt(i)!)) {
        i += 1;
        continue;
      }
      // Astral character (emoji): kept as is.
      out.push(code, i);
      out.push(source.charCodeAt(i + 1), i);
      i += 1;
      lastWasSpace = false;
      continue;
    }
    // The spacing voiced marks ゛ ゜ (U+309B/C) join the kana before them as their combining
    // forms (U+3099/A, two code points lower) do below: NFKC would make each a space and a
    // combining mark, so ハ゛イアグラ hid a drug's name.
    if ((code === 0x309b || code === 0x309c) && joinVoicedMark(out, code - 2)) continue;
    // CJK punctuation and marks (。、ー): no case, and nothing `needsNfkc` sends to NFKC (the
    // path below pushed these unchanged too); that path made two one-character strings of each
    // (about 70 KB of garbage a scoring, issue 15).
    if (code >= 0x3000 && code < 0xa000 && !needsNfkc(code)) {
      out.push(code, i);
      lastWasSpace = false;
      continue;
    }
    let piece = source[i]!;
    if (needsNfkc(code)) {
      piece = piece.normalize('NFKC');
      // A half-width voiced mark composes with the kana before it (ﾊﾞ -> バ).
      if ((piece === '\u3099' || piece === '\u309a') && joinVoicedMark(out, piece.charCodeAt(0)))
        continue;
      if (piece.length === 1 && whitespace(piece.charCodeAt(0))) {
        if (!lastWasSpace) out.push(SPACE, i);
        lastWasSpace = true;
        continue;
      }
    }
    piece = piece.toLowerCase();
    for (let k = 0; k < piece.length; k += 1) out.push(hiragana(piece.charCodeAt(k)), i);
    lastWasSpace = false;
  }
}

/** The normalised text alone (no map is copied out). */
export function normalizeText(source: string): string {
  const out = new Output(source.length + 16, kept);
  normalizeInto(source, out);
  trimEnd(out);
  return out.text();
}
