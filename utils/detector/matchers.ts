// Term matchers over normalised text: one regex per phrase group of the lexicon, drug names with
// their entries, and the sentence around a match (is a claim quoted inside a warning?).
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

export const GROUPS = Object.fromEntries(
  (Object.keys(PHRASES) as PhraseGroup[]).map((group) => [group, compileTerms(PHRASES[group])]),
) as Record<PhraseGroup, RegExp>;
export const MEDICINE = compileTerms(MEDICINE_WORDS);

export const DRUG_BY_NAME = new Map<string, DrugEntry>();
for (const drug of DRUGS)
  for (const name of drug.slice(4) as string[]) DRUG_BY_NAME.set(normalizeWithMap(name).text, drug);
export const DRUG_NAMES = compileTerms([...DRUG_BY_NAME.keys()]);

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
  for (const cue of findAll(GROUPS.warningCue, sentence, 10)) {
    const after = sentence.slice(cue.end, cue.end + 6);
    if (!CUE_NEGATIONS.some((n) => after.startsWith(n))) return true;
  }
  return false;
}
