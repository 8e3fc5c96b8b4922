// Term matchers over normalised text: every lexicon term in one trie (one pass per page), the
// groups each term counts for, drug names with their entries, and the sentence around a match
// (is a claim quoted inside a warning?).
// Dependency-free.
import { normalizeWithMap } from '../content/normalize';
import {
  CUE_NEGATIONS,
  DRUGS,
  MEDICINE_WORDS,
  PHRASES,
  type DrugEntry,
  type PhraseGroup,
} from './lexicon';
import { markText, type TextMarks } from './text-marks';

export interface Match {
  index: number;
  end: number;
  term: string;
}

export const ASCII_WORD = /^[\x20-\x7e]+$/;

function escape(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** One regex for a list of terms: longest first; ASCII terms only as whole words. */
export function compileTerms(terms: readonly string[]): RegExp {
  const normalized = [...new Set(terms.map((t) => normalizeWithMap(t).text))].sort(
    (a, b) => b.length - a.length,
  );
  const ascii = normalized.filter((t) => ASCII_WORD.test(t)).map(escape);
  const other = normalized.filter((t) => !ASCII_WORD.test(t)).map(escape);
  const parts: string[] = [];
  if (ascii.length > 0) parts.push(`(?<![a-z0-9])(?:${ascii.join('|')})(?![a-z0-9])`);
  if (other.length > 0) parts.push(`(?:${other.join('|')})`);
  return new RegExp(parts.join('|'), 'g');
}

/** Cue words of a warning, read in the sentence around a claim. */
const WARNING_CUES = compileTerms(PHRASES.warningCue);

export const DRUG_BY_NAME = new Map<string, DrugEntry>();
for (const drug of DRUGS)
  for (const name of drug.slice(4) as string[]) DRUG_BY_NAME.set(normalizeWithMap(name).text, drug);

/** Where a lexicon term counts: a phrase group, the medicine words or the drug names. */
export type TermGroup = PhraseGroup | 'medicine' | 'drug';

const TERM_GROUPS = new Map<string, TermGroup[]>();
function addTerms(group: TermGroup, terms: readonly string[]): void {
  for (const term of terms) {
    const key = normalizeWithMap(term).text;
    const groups = TERM_GROUPS.get(key) ?? [];
    if (!groups.includes(group)) groups.push(group);
    TERM_GROUPS.set(key, groups);
  }
}
for (const group of Object.keys(PHRASES) as PhraseGroup[]) addTerms(group, PHRASES[group]);
addTerms('medicine', MEDICINE_WORDS);
addTerms('drug', [...DRUG_BY_NAME.keys()]);
const ALL_GROUPS = [
  ...(Object.keys(PHRASES) as PhraseGroup[]),
  'medicine',
  'drug',
] as const satisfies readonly TermGroup[];
// The scan keeps the groups in bit masks of an int32.
if (ALL_GROUPS.length > 31) throw new Error('more term groups than bits in a mask');

/** Matches kept per group (the signals count distinct terms; a few pieces of evidence do). */
const SCAN_LIMITS: Partial<Record<TermGroup, number>> = { drug: 200, medicine: 1, sellerVoice: 1 };
const SCAN_LIMIT = 50;

export type Scan = Record<TermGroup, Match[]>;

const isWordChar = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
/** A unit of a run as the marks read it (text-marks.ts). */
const runUnit = (c: number) => c >= 0x80 && c !== 0x3000;

/** What a term found at a position counts for: per group, the group's own (prefix) term. */
interface Counted {
  group: number;
  term: string;
  /** An ASCII term shorter than the match: it counts only where a word ends after it. */
  wholeWord: boolean;
}

/**
 * Every lexicon term in one trie over UTF-16 code units, read once per page position: the first
 * code unit through a 64K table, deeper ones through a hash table of edges. It finds what
 * one regex of all terms would (compileTerms: ASCII terms only as whole words and preferred at a
 * position, else the longest other term), without the regex engine trying hundreds of
 * alternatives at every character. Built on the first page scanned, not when the worker starts.
 */
interface Trie {
  root: Int32Array;
  /** Per node: the ASCII term, or the other term, that ends there. */
  asciiEnd: (string | null)[];
  otherEnd: (string | null)[];
  /** Deeper edges, keyed by node × 65536 + code unit (open addressing, a quarter full). */
  edgeKey: Int32Array;
  edgeNode: Int32Array;
  edgeShift: number;
  edgeMask: number;
  /**
   * Per node ending a term: for each group, the longest term of that group that is a prefix of
   * it (what that group's own matcher finds where the longer term starts).
   */
  counted: (Counted[] | null)[];
  /** Per first-level node: the groups (bit per ALL_GROUPS index) of the terms starting there. */
  groupsBelow: Int32Array;
  /** Per first-level node: 1 if a term other than an ASCII word starts there (it may start mid-word). */
  otherBelow: Uint8Array;
  /**
   * Where a term can start, as bits (65,536 each, 8 KB): the code unit of every one-unit term
   * (oneBits), the pair of every two-unit term at pairSlot (pair2Bits) and the first three units
   * of every longer term at tripleSlot (tripleBits). A position with none of its three bits
   * starts no term (a term that matches has its bit); a bit shared by two keys only costs a look.
   * Of the bench page's 40,012 positions, 2,428 start the first one, two or three units of a
   * term, and 1,071 a whole term (a test of the first unit, then of the pair, let 4,966 trie walks
   * through, 3,900 of which found nothing).
   */
  oneBits: Int32Array;
  pair2Bits: Int32Array;
  tripleBits: Int32Array;
  /**
   * Where a page's terms can start, read from its marks (startsOfMarks): an ASCII term only at a
   * word's start, a term whose first unit is of a run (U+0080 and above, not U+3000) in a run,
   * and a term whose first run unit comes after L other units (ed薬, jcbのみ, 100%合法) L units
   * before a run's start, L at most preRunMax. False if some term fits none of these (an ASCII
   * term starting with punctuation, a term of no run unit that is not ASCII): then every
   * position is read, as for a short text.
   */
  marksCover: boolean;
  /** The most units before its first run unit that a term has (0: none has any). */
  preRunMax: number;
}

function pairSlot(first: number, second: number): number {
  return Math.imul((first << 16) | second, 0x9e3779b1) >>> 16;
}

function tripleSlot(first: number, second: number, third: number): number {
  return Math.imul(Math.imul((first << 16) | second, 0x85ebca6b) ^ third, 0x9e3779b1) >>> 16;
}

function setBit(bits: Int32Array, slot: number): void {
  bits[slot >>> 5]! |= 1 << (slot & 31);
}

let trie: Trie | null = null;

function buildTrie(): Trie {
  const root = new Int32Array(0x10000);
  const children: Map<number, number>[] = [new Map()];
  const asciiEnd: (string | null)[] = [null];
  const otherEnd: (string | null)[] = [null];
  const ends: number[] = [];
  for (const term of TERM_GROUPS.keys()) {
    let node = 0;
    for (let i = 0; i < term.length; i += 1) {
      const code = term.charCodeAt(i);
      let next = children[node]!.get(code);
      if (next === undefined) {
        next = children.length;
        children[node]!.set(code, next);
        children.push(new Map());
        asciiEnd.push(null);
        otherEnd.push(null);
      }
      node = next;
    }
    (ASCII_WORD.test(term) ? asciiEnd : otherEnd)[node] = term;
    ends.push(node);
  }
  for (const [code, next] of children[0]!) root[code] = next;
  let edgeCount = 0;
  for (let n = 1; n < children.length; n += 1) edgeCount += children[n]!.size;
  const bits = Math.max(4, Math.ceil(Math.log2(edgeCount * 4)));
  const edgeKey = new Int32Array(1 << bits).fill(-1);
  const edgeNode = new Int32Array(1 << bits);
  const edgeMask = (1 << bits) - 1;
  const edgeShift = 32 - bits;
  for (let n = 1; n < children.length; n += 1)
    for (const [code, next] of children[n]!) {
      const key = n * 0x10000 + code;
      let slot = Math.imul(key, 0x9e3779b1) >>> edgeShift;
      while (edgeKey[slot] !== -1) slot = (slot + 1) & edgeMask;
      edgeKey[slot] = key;
      edgeNode[slot] = next;
    }
  // The terms that are prefixes of a term end on the nodes of its path, shortest first.
  const counted: (Counted[] | null)[] = children.map(() => null);
  for (const end of ends) {
    const term = (asciiEnd[end] ?? otherEnd[end])!;
    const own = new Map<TermGroup, string>();
    let node = 0;
    for (let i = 0; i < term.length; i += 1) {
      node = children[node]!.get(term.charCodeAt(i))!;
      const other = asciiEnd[node] ?? otherEnd[node];
      if (other !== null && other !== undefined)
        for (const g of TERM_GROUPS.get(other)!) own.set(g, other);
    }
    counted[end] = [...own].map(([g, t]) => ({
      group: ALL_GROUPS.indexOf(g),
      term: t,
      wholeWord: t !== term && ASCII_WORD.test(t),
    }));
  }
  const groupsBelow = new Int32Array(children.length);
  const otherBelow = new Uint8Array(children.length);
  const oneBits = new Int32Array(0x10000 >>> 5);
  const pair2Bits = new Int32Array(0x10000 >>> 5);
  const tripleBits = new Int32Array(0x10000 >>> 5);
  for (const term of TERM_GROUPS.keys()) {
    const first = children[0]!.get(term.charCodeAt(0))!;
    for (const g of TERM_GROUPS.get(term)!) groupsBelow[first]! |= 1 << ALL_GROUPS.indexOf(g);
    if (!ASCII_WORD.test(term)) otherBelow[first] = 1;
    if (term.length === 1) setBit(oneBits, term.charCodeAt(0));
    else if (term.length === 2) setBit(pair2Bits, pairSlot(term.charCodeAt(0), term.charCodeAt(1)));
    else setBit(tripleBits, tripleSlot(term.charCodeAt(0), term.charCodeAt(1), term.charCodeAt(2)));
  }
  let marksCover = true;
  let preRunMax = 0;
  for (const term of TERM_GROUPS.keys()) {
    if (ASCII_WORD.test(term)) {
      if (!isWordChar(term.charCodeAt(0))) marksCover = false;
      continue;
    }
    let first = 0;
    while (first < term.length && !runUnit(term.charCodeAt(first))) first += 1;
    if (first === term.length) marksCover = false;
    else preRunMax = Math.max(preRunMax, first);
  }
  return {
    marksCover,
    preRunMax,
    root,
    asciiEnd,
    otherEnd,
    edgeKey,
    edgeNode,
    edgeShift,
    edgeMask,
    counted,
    groupsBelow,
    otherBelow,
    oneBits,
    pair2Bits,
    tripleBits,
  };
}

const LIMITS = ALL_GROUPS.map((g) => SCAN_LIMITS[g] ?? SCAN_LIMIT);

/** The node of the term one regex of all terms would match at `at`, or 0. */
function termAt(t: Trie, text: string, at: number): number {
  let node = t.root[text.charCodeAt(at)]!;
  if (node === 0) return 0;
  const asciiFits = at === 0 || !isWordChar(text.charCodeAt(at - 1));
  let ascii = 0;
  let other = 0;
  let i = at + 1;
  for (;;) {
    if (
      t.asciiEnd[node] !== null &&
      asciiFits &&
      (i === text.length || !isWordChar(text.charCodeAt(i)))
    )
      ascii = node;
    if (t.otherEnd[node] !== null) other = node;
    if (i === text.length) break;
    const key = node * 0x10000 + text.charCodeAt(i);
    let slot = Math.imul(key, 0x9e3779b1) >>> t.edgeShift;
    let next = 0;
    for (let k = t.edgeKey[slot]!; k !== -1; k = t.edgeKey[slot]!) {
      if (k === key) {
        next = t.edgeNode[slot]!;
        break;
      }
      slot = (slot + 1) & t.edgeMask;
    }
    if (next === 0) break;
    node = next;
    i += 1;
  }
  return ascii !== 0 ? ascii : other;
}

/**
 * Every group's matches in one pass over the text, the same as one matcher per group would find
 * (leftmost, longest, not overlapping within a group; a term of one group may overlap another's):
 * at every position, the term found there counts for each group from where that group's last
 * match ended.
 */
export function scanTerms(text: string, codes?: Uint16Array): Scan {
  const t = (trie ??= buildTrie());
  // The page's scan reads the positions its marks allow; it marks the page itself, and the
  // n-gram passes and the heat reuse those marks (marksOf). Never an earlier call's marks of an
  // equal text: a bench that scores one sample again and again then skipped the marks pass on
  // every call but the first (0.27 ms of 3.75, session 13), which no page a user opens does.
  const lists = scanLists(text, ALL_MASK, t.marksCover ? markText(text, codes) : null);
  const scan = {} as Scan;
  for (let g = 0; g < ALL_GROUPS.length; g += 1) scan[ALL_GROUPS[g]!] = lists[g]!;
  return scan;
}

/** Whether a page's scan reads only the positions its marks allow (Trie.marksCover; for tests). */
export function scanReadsMarks(): boolean {
  return (trie ??= buildTrie()).marksCover;
}

/**
 * The drug names and medicine words of a short text (a link, a product name): what scanTerms
 * finds for those two groups, without reading positions that only other groups' terms start at.
 * Each group's matches depend only on the terms found and on that group's own earlier matches,
 * so leaving the other groups out changes nothing for these two.
 */
export function scanDrugTerms(text: string): { drug: Match[]; medicine: Match[] } {
  // The lists of the groups left out are all NO_MATCHES: one array of them, reused (a page's
  // structure scans about 80 links; a fresh array of every group's list for each was most of
  // its garbage).
  const lists = DRUG_LISTS;
  const drug: Match[] = [];
  const medicine: Match[] = [];
  lists[DRUG_GROUP] = drug;
  lists[MEDICINE_GROUP] = medicine;
  scanInto(text, DRUG_MASK, lists, null);
  lists[DRUG_GROUP] = NO_MATCHES;
  lists[MEDICINE_GROUP] = NO_MATCHES;
  return { drug, medicine };
}

const ALL_MASK = (1 << ALL_GROUPS.length) - 1;
const DRUG_GROUP = ALL_GROUPS.indexOf('drug');
const MEDICINE_GROUP = ALL_GROUPS.indexOf('medicine');
const DRUG_MASK = (1 << DRUG_GROUP) | (1 << MEDICINE_GROUP);
const NO_MATCHES: Match[] = [];
const DRUG_LISTS: Match[][] = ALL_GROUPS.map(() => NO_MATCHES);

/** Per group (ALL_GROUPS order), its matches; groups outside `wanted` get a shared empty list. */
function scanLists(text: string, wanted: number, marks: TextMarks | null): Match[][] {
  const lists: Match[][] = new Array<Match[]>(ALL_GROUPS.length);
  for (let g = 0; g < ALL_GROUPS.length; g += 1) lists[g] = (wanted >>> g) & 1 ? [] : NO_MATCHES;
  scanInto(text, wanted, lists, marks);
  return lists;
}

/**
 * Fills `lists` (a fresh list for each group in `wanted`) with each group's matches. With `marks`
 * (a page), only the positions the marks allow are read (startsOfMarks); without (a short text:
 * a link, a product name), every position is, block by block (startsIn).
 */
function scanInto(text: string, wanted: number, lists: Match[][], marks: TextMarks | null): void {
  const t = (trie ??= buildTrie());
  // Where each group's last match ended, packed in one small array (reused: no per-page garbage).
  const free = FREE;
  free.fill(0);
  // Groups that hold all the matches they keep (or are not wanted): a term that counts only for
  // them changes nothing.
  let full = ~wanted;
  const { root, groupsBelow, otherBelow } = t;
  const n = text.length;
  // First the positions where a term can start (no branch per position), then the trie walk at
  // those only, in order: all of a page's at once, a short text's block by block.
  const blocks = marks ? 1 : n;
  for (let from = 0; from < blocks; from += STARTS_BLOCK) {
    const count = marks
      ? startsOfMarks(text, marks, t)
      : startsIn(text, from, Math.min(n, from + STARTS_BLOCK), t, STARTS, 0);
    const starts = marks ? pageStarts : STARTS;
    for (let k = 0; k < count; k += 1) {
      const at = starts[k]!;
      const node = root[text.charCodeAt(at)]!;
      // Inside a word only a term other than an ASCII word can start (ASCII terms are whole
      // words).
      const inWord = at > 0 && isWordChar(text.charCodeAt(at - 1));
      if (node === 0 || (groupsBelow[node]! & ~full) === 0 || (inWord && otherBelow[node] === 0))
        continue;
      const found = termAt(t, text, at);
      if (found === 0) continue;
      for (const { group, term, wholeWord } of t.counted[found]!) {
        if (((full >>> group) & 1) !== 0 || at < free[group]!) continue;
        const end = at + term.length;
        if (wholeWord && end < text.length && isWordChar(text.charCodeAt(end))) continue;
        const list = lists[group]!;
        list.push({ index: at, end, term });
        free[group] = end;
        if (list.length >= LIMITS[group]!) full |= 1 << group;
      }
    }
  }
}

const FREE = new Int32Array(ALL_GROUPS.length);

/** Positions a block may hold (16 KB of candidates, reused; a 5 MB text is read in blocks). */
const STARTS_BLOCK = 4096;
const STARTS = new Int32Array(STARTS_BLOCK);

/** A page's positions where a term can start (startsOfMarks), reused: up to n of them. */
let pageStarts = new Int32Array(0);

/**
 * The positions of a marked text where a term can start (one of their three bits is set, as in
 * startsIn), in order, into pageStarts; returns their number. Only the positions where some term
 * could match are read (Trie.marksCover): each word's start, and each run with the preRun units
 * before it (a term's leading units other than a run's: ed薬, jcbのみ). On the bench page, 3,706
 * word starts and 817 runs of 16,171 units with up to 4 units before each, of 40,012 positions.
 * A run and the units before it are read in one stretch (startsIn), the words' starts before it
 * one by one: a loop that chose the next of the three kinds at every position went either way at
 * random and measured no faster than reading every position (ninth pass).
 */
function startsOfMarks(text: string, m: TextMarks, t: Trie): number {
  const n = text.length;
  const size = pageStarts.length;
  if (size < n + 1 || (size > PAGE_STARTS_KEPT && n + 1 <= PAGE_STARTS_KEPT))
    pageStarts = new Int32Array(n + 1 <= PAGE_STARTS_KEPT ? PAGE_STARTS_KEPT : n + 1);
  const out = pageStarts;
  const runEdges = m.runEdges;
  const runCount = m.runEdgeCount;
  const wordEdges = m.wordEdges;
  const wordCount = m.wordEdgeCount;
  const before = t.preRunMax;
  let count = 0;
  // Positions below `done` have been read.
  let done = 0;
  let w = 0;
  for (let r = 0; ; r += 2) {
    const last = r >= runCount;
    const from = last ? n : Math.max(done, runEdges[r]! - before);
    // The words that start before the stretch (a word inside it is read with it).
    for (; w < wordCount; w += 2) {
      const word = wordEdges[w]!;
      if (word >= from) break;
      out[count] = word;
      count += startBit(text, word, t);
    }
    if (last) return count;
    const to = runEdges[r + 1]!;
    count = startsIn(text, from, to, t, out, count);
    done = to;
  }
}

/** 1 if one of the three bits of the position `at` is set (startsIn's test, for one position). */
function startBit(text: string, at: number, t: Trie): number {
  const n = text.length;
  const c0 = text.charCodeAt(at);
  const c1 = at + 1 < n ? text.charCodeAt(at + 1) : 0;
  const c2 = at + 2 < n ? text.charCodeAt(at + 2) : 0;
  const pair = pairSlot(c0, c1);
  const triple = tripleSlot(c0, c1, c2);
  return (
    ((t.oneBits[c0 >>> 5]! >>> c0) |
      (t.pair2Bits[pair >>> 5]! >>> pair) |
      (t.tripleBits[triple >>> 5]! >>> triple)) &
    1
  );
}

/** pageStarts kept between pages up to this length (the sample cap's 40,000 units and more). */
const PAGE_STARTS_KEPT = 1 << 16;

/**
 * The positions from..to-1 where a term can start (one of their three bits is set), into
 * `out` from `count` on; returns the new count. Every position is written and the count grows by its bit: no branch that
 * depends on the text (a branch per position on mixed Japanese and English text went either way
 * at random, and cost more than the tests themselves). Past the end of the text, a unit reads as
 * 0 (no term holds one).
 */
function startsIn(
  text: string,
  from: number,
  to: number,
  t: Trie,
  out: Int32Array,
  countIn: number,
): number {
  const { oneBits, pair2Bits, tripleBits } = t;
  const n = text.length;
  let count = countIn;
  let c0 = text.charCodeAt(from);
  let c1 = from + 1 < n ? text.charCodeAt(from + 1) : 0;
  for (let at = from; ; at += 1) {
    if (at >= to) return count;
    const c2 = at + 2 < n ? text.charCodeAt(at + 2) : 0;
    const pair = pairSlot(c0, c1);
    const triple = tripleSlot(c0, c1, c2);
    out[count] = at;
    count +=
      ((oneBits[c0 >>> 5]! >>> c0) |
        (pair2Bits[pair >>> 5]! >>> pair) |
        (tripleBits[triple >>> 5]! >>> triple)) &
      1;
    c0 = c1;
    c1 = c2;
  }
}

export function findAll(regex: RegExp, text: string, limit = 50): Match[] {
  const out: Match[] = [];
  regex.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = regex.exec(text)) !== null && out.length < limit) {
    out.push({ index: m.index, end: m.index + m[0].length, term: m[0] });
    if (m[0].length === 0) regex.lastIndex += 1;
  }
  return out;
}

/** How far a sentence reaches from a match, each way. */
export const SENTENCE_LIMIT = 160;

/** 。 . ! ? ！ ？ and line breaks end a sentence. */
function sentenceEnd(code: number): boolean {
  return (
    code === 0x3002 ||
    code === 0x2e ||
    code === 0x21 ||
    code === 0x3f ||
    code === 0xff01 ||
    code === 0xff1f ||
    code === 0x0a
  );
}

/** Start and end (exclusive) of the sentence around a match, at most SENTENCE_LIMIT each way. */
function sentenceAround(text: string, match: Match): [number, number] {
  let start = match.index;
  while (
    start > 0 &&
    match.index - start < SENTENCE_LIMIT &&
    !sentenceEnd(text.charCodeAt(start - 1))
  )
    start -= 1;
  let end = match.end;
  while (
    end < text.length &&
    end - match.end < SENTENCE_LIMIT &&
    !sentenceEnd(text.charCodeAt(end))
  )
    end += 1;
  return [start, end];
}

export function sameSentence(text: string, a: Match, b: Match): boolean {
  const [start, end] = sentenceAround(text, a);
  return b.index >= start && b.end <= end;
}

/** A claim quoted in a warning ("stay away from sites that sell without a prescription"). */
export function inWarningContext(text: string, match: Match): boolean {
  const [start, end] = sentenceAround(text, match);
  const sentence = text.slice(start, end);
  for (const cue of findAll(WARNING_CUES, sentence, 10)) {
    const after = sentence.slice(cue.end, cue.end + 6);
    if (!CUE_NEGATIONS.some((n) => after.startsWith(n))) return true;
  }
  return false;
}
