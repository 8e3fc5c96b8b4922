// The medicine gate's own folding of a page's text (medicine-gate.ts): the content script only asks
// "does this text name medicines at all?", so it folds what a page uses to hide those words —
// full-width and half-width forms, compatibility characters, accents, invisible code points,
// Cyrillic and Greek look-alikes, katakana and its voiced marks (joined again by NFC once the
// accents are gone: ｶﾏｸﾞﾗ and カマク゛ラ read かまぐら) — with the platform's NFKD instead
// of bundling the detector's normaliser (normalize.ts, with its index map: about 600 gzipped bytes of an
// 8 KB budget). tests/unit/gate-text.test.ts checks that the gate decides every corpus line and
// every hostile case exactly as it does on normalize.ts's output.
import { HOMOGLYPHS } from './homoglyphs';

/**
 * What normalize.ts drops: default-ignorable code points (they render as nothing) and the
 * combining marks that decorate Latin, Cyrillic and Greek letters (NFKD splits accents into them).
 */
const DROP =
  // The class holds ranges of combining marks on purpose (escaped: none combines with another).
  // eslint-disable-next-line no-misleading-character-class
  /[\xad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u{e0000}-\u{e0fff}\u{1bca0}-\u{1bca3}\u{1d173}-\u{1d17a}]/gu;

/** Look-alikes are mapped before NFKD (which turns some, like lunate sigma ϲ, into others). */
const LOOKALIKE = /[\u0370-\u052f]/g;
const KATAKANA = /[\u30a1-\u30f6]/g;
/** The spacing voiced marks ゛ ゜, which NFKD turns into a space and a mark: read as the combining
 * ones (U+3099, U+309A), which NFC then joins to the kana before them as normalize.ts does. */
const SPACING_MARK = /[\u309b\u309c]/g;
const code = (ch: string) => ch.charCodeAt(0);

export function gateText(text: string): string {
  return text
    .replace(SPACING_MARK, (ch) => String.fromCharCode(code(ch) - 2))
    .replace(LOOKALIKE, (ch) => String.fromCharCode(HOMOGLYPHS.get(code(ch)) ?? code(ch)))
    .normalize('NFKD')
    .replace(DROP, '')
    .normalize('NFC')
    .replace(KATAKANA, (ch) => String.fromCharCode(code(ch) - 0x60));
}
