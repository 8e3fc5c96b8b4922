// Term matchers over normalised text: every lexicon term in one regex (one pass per page), the
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

/**
 * Every term of every group in one regex, resumed one character after each match so that every
 * position where a term starts yields the longest term there. The page's text is read once, not
 * once a group.
 */
const ALL_TERMS = compileTerms([...TERM_GROUPS.keys()]);

/**
 * For each term, per group, the longest term of that group that is a prefix of it: what that
 * group's own matcher finds where the longer term starts.
 */
const PREFIX_TERMS = new Map<string, Map<TermGroup, string>>();
for (const term of TERM_GROUPS.keys()) {
  const own = new Map<TermGroup, string>();
  for (const [other, groups] of TERM_GROUPS)
    if (other.length <= term.length && term.startsWith(other))
      for (const g of groups) if ((own.get(g)?.length ?? 0) < other.length) own.set(g, other);
  PREFIX_TERMS.set(term, own);
}

/** Matches kept per group (the signals count distinct terms; a few pieces of evidence do). */
const SCAN_LIMITS: Partial<Record<TermGroup, number>> = { drug: 200, medicine: 1, sellerVoice: 1 };
const SCAN_LIMIT = 50;

export type Scan = Record<TermGroup, Match[]>;

const isWordChar = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);

/**
 * Every group's matches in one pass over the text, the same as one matcher per group would find
 * (leftmost, longest, not overlapping within a group; a term of one group may overlap another's).
 */
export function scanTerms(text: string): Scan {
  const out = Object.fromEntries(ALL_GROUPS.map((g) => [g, [] as Match[]])) as Scan;
  const free = new Map<TermGroup, number>();
  ALL_TERMS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ALL_TERMS.exec(text)) !== null) {
    const at = m.index;
    ALL_TERMS.lastIndex = at + 1;
    const longest = m[0];
    for (const [g, term] of PREFIX_TERMS.get(longest) ?? []) {
      if (at < (free.get(g) ?? 0)) continue;
      const end = at + term.length;
      // An ASCII term shorter than the match counts only as a whole word.
      if (
        term !== longest &&
        ASCII_WORD.test(term) &&
        end < text.length &&
        isWordChar(text.charCodeAt(end))
      )
        continue;
      const list = out[g];
      if (list.length >= (SCAN_LIMITS[g] ?? SCAN_LIMIT)) continue;
      list.push({ index: at, end, term });
      free.set(g, end);
    }
  }
  return out;
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

const SENTENCE_LIMIT = 160;

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
