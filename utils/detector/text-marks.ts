// One pass over a normalised text that marks where the n-gram passes and the term scan have work:
// the runs of non-ASCII script (character n-grams; terms that start in a run), the ASCII words
// (word n-grams; terms that are whole words) and the phrase breaks between words. Those passes
// then loop over runs and words instead of testing every position for its script
// (docs/performance-history.md, "Scoring, eighth pass" and "ninth pass").

export interface TextMarks {
  /** The text marked. */
  text: string;
  /** Starts and ends (exclusive) of the runs of non-ASCII script, alternating. */
  runEdges: Int32Array<ArrayBuffer>;
  runEdgeCount: number;
  /** Starts and ends (exclusive) of the ASCII words (a–z, 0–9), alternating. */
  wordEdges: Int32Array<ArrayBuffer>;
  wordEdgeCount: number;
  /**
   * The number of phrase breaks (line break, full stop, non-ASCII unit) before each word edge: two
   * words make a pair when the count at the second's start equals the count at the first's end.
   */
  wordBreaks: Int32Array<ArrayBuffer>;
}

/**
 * Reused between calls (a page's text is up to 40,000 units; growing arrays per page was garbage).
 * Valid until the next markText.
 */
const marks: TextMarks = {
  text: '',
  runEdges: new Int32Array(0),
  runEdgeCount: 0,
  wordEdges: new Int32Array(0),
  wordEdgeCount: 0,
  wordBreaks: new Int32Array(0),
};

/** Edges kept between calls: enough for the sample cap (40,000 units) and then some. */
const KEEP_EDGES = 1 << 16;

const OTHER = 0;
const RUN = 1;
const WORD = 2;
const BREAK = 4;

/** A word unit of normalised text: a–z or 0–9 (ngrams.ts's words, phrases.ts's phrases). */
export function isAsciiWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
}

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Characters that start no character n-gram and end a run: ASCII and the ideographic space. */
export function breaksRun(c: number): boolean {
  return c < 0x80 || c === 0x3000;
}

/** A line break, a full stop or a non-ASCII unit: no word pair spans one. */
export function breaksPair(c: number): boolean {
  return c === 0x0a || c >= 0x80 || c === 0x2e;
}

/**
 * Each code unit's class: its kind (a run unit is one at or above U+0080 other than the
 * ideographic space, which is what ends a character n-gram; a word unit is a–z or 0–9, the text
 * being normalised), whether it breaks a phrase of words. One table read
 * a unit instead of five comparisons; 64 KB, built once.
 */
const CLASS = (() => {
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c += 1)
    table[c] =
      (!breaksRun(c) ? RUN : isAsciiWordChar(c) ? WORD : OTHER) | (breaksPair(c) ? BREAK : 0);
  return table;
})();

/**
 * A text's code units for a caller that has only the string (tools, tests, short texts): the
 * scorer's page hands the normaliser's own units instead. Kept like the edges.
 */
let copied = new Uint16Array(0);

/**
 * Marks `text` (see TextMarks). `codes`, when given, are the units `text` was decoded from
 * (normalizePage's): the loop reads them rather than the string, 0.19 ms against 0.28 on the
 * bench's 40,012 units (session 13, one process; a typed array's read is a load, a string's
 * also checks its representation). A lone surrogate there is U+FFFD in `text`: both are run units
 * and phrase breaks, so the marks are the same.
 */
export function markText(text: string, codes?: Uint16Array): TextMarks {
  const n = text.length;
  // Every unit could start or end a run or a word: at most n + 1 edges of each. A page's sample
  // is capped at 40,000 units; the arrays of a longer text (a file read by a tool) are not kept.
  const size = marks.runEdges.length;
  if (size < n + 2 || (size > KEEP_EDGES && n + 2 <= KEEP_EDGES)) {
    const grown = n + 2 <= KEEP_EDGES ? KEEP_EDGES : n + 2;
    marks.runEdges = new Int32Array(grown);
    marks.wordEdges = new Int32Array(grown);
    marks.wordBreaks = new Int32Array(grown);
  }
  let units = codes;
  if (units === undefined || units.length !== n) {
    if (copied.length < n || (copied.length > KEEP_EDGES && n <= KEEP_EDGES))
      copied = new Uint16Array(Math.max(n, Math.min(KEEP_EDGES, 2 * n)));
    for (let i = 0; i < n; i += 1) copied[i] = text.charCodeAt(i);
    units = copied;
  }
  marks.text = text;
  markInto(units, n, marks.runEdges, marks.wordEdges, marks.wordBreaks);
  return marks;
}

/** The marks of `text`: those of the last markText when it read the same string (the term
 * scan's, for the n-grams; the n-grams', for the phrase heat), else new ones. */
export function marksOf(text: string): TextMarks {
  return marks.text === text ? marks : markText(text);
}

/**
 * The loop, as the last statement of its own function: a page's loop is compiled on the stack
 * (OSR), and code after such a loop deoptimised on every page (docs/performance-history.md,
 * "Scoring, fourth pass"). It branches only where the class changes (a fifth of the units on the
 * bench's mixed text); a branch-free form that wrote every unit's edge measured twice as slow
 * (eighth pass).
 */
function markInto(
  units: Uint16Array,
  n: number,
  runEdges: Int32Array,
  wordEdges: Int32Array,
  wordBreaks: Int32Array,
): void {
  let r = 0;
  let w = 0;
  let prev = OTHER;
  let breaks = 0;
  for (let i = 0; ; i += 1) {
    if (i >= n) {
      // A run or word still open ends with the text.
      runEdges[r] = n;
      r += prev & RUN;
      wordEdges[w] = n;
      wordBreaks[w] = breaks;
      w += (prev & WORD) >> 1;
      marks.runEdgeCount = r;
      marks.wordEdgeCount = w;
      return;
    }
    const cls = CLASS[units[i]!]!;
    if (cls !== prev) {
      // Both edges written, each count advanced only if its kind starts or ends here (a branch
      // per kind measured slower: which one is taken is as random as the text).
      const flip = prev ^ cls;
      runEdges[r] = i;
      r += flip & RUN;
      wordEdges[w] = i;
      wordBreaks[w] = breaks;
      w += (flip & WORD) >> 1;
      // Counted where a break starts, not at every unit: only whether two words have a break
      // between them matters, and the first break unit after a word always changes the class.
      breaks += (cls & BREAK) >> 2;
      prev = cls;
    }
  }
}
