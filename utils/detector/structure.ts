// Structural facts as evidence (issue 12 item 5): what the content script read of a page's
// structure (utils/content/structure.ts) turned into facts the learned model weighs. A page read
// from text (the corpus's .txt pages, a CLI file) has no DOM: the facts its text carries are
// derived with the same definitions (its short lines stand for its links, its last lines for its
// footer), and the DOM-only facts (a cart, schema.org products) stay unknown — never "absent", so
// that the model cannot learn "text page = no cart". Pure and dependency-free.
import { normalizeText, normalizeWithMap } from '../content/normalize';
import { STRUCTURE_LIMITS, type PageStructure } from '../content/structure';
import { DRUG_BY_NAME, findAll, scanDrugTerms } from './matchers';

/** A fact with the page's own words for it (the reason quotes them) and distinct terms (its value). */
export interface Fact {
  words: string;
  terms: string[];
}

export interface StructureFacts {
  cart: Fact | null;
  /** schema.org Product/Offer names that name a drug. */
  productDrugs: Fact | null;
  /** Link texts (or short lines) that name a drug or a kind of medicine. */
  drugLinks: Fact | null;
  /** Links to 特定商取引法に基づく表記, 医薬品の販売に関する表示 or licence pages. */
  legalLinks: Fact | null;
  /** A licence or registration number at the end of the page. */
  footerLicence: Fact | null;
}

/** Lines of a text page this short read like menu entries and links (a link's cap). */
const SHORT_LINE = 30;

/** What `\s` (and `trim`) take as whitespace: ECMAScript's WhiteSpace and LineTerminator. */
function jsSpace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * The length of `text.slice(from, to).replace(/\s+/g, ' ').trim()`, without making it; once it
 * is over `limit`, some length over `limit` (a long line needs reading only until it is too long
 * for a link).
 */
export function collapsedLength(text: string, from: number, to: number, limit = Infinity): number {
  let length = 0;
  let gap = false;
  for (let i = from; i < to && length <= limit; i += 1) {
    if (jsSpace(text.charCodeAt(i))) {
      gap = length > 0;
      continue;
    }
    if (gap) length += 1;
    gap = false;
    length += 1;
  }
  return length;
}

/**
 * The code units of the last collapsed text (collapsed), reused from call to call: a plain array,
 * which String.fromCharCode.apply reads as it is (a typed array is first copied into a list of
 * arguments, a heap allocation per call).
 */
const units: number[] = [];
/** Code units turned into a string per String.fromCharCode call (its arguments are on the stack). */
const DECODE_CHUNK = 4096;

/**
 * `text.slice(from, to).replace(/\s+/g, ' ').trim()`, as a flat string of its own (up to
 * DECODE_CHUNK units: a link or the footer) rather than a sliced view of the page (issue 15).
 * Measured (CPU time, one process, the bench's 40,000-character sample): after the normaliser
 * had been given the text page's sliced links and footer, normalising the page itself took
 * 0.6–1.4 ms instead of 0.35 for the rest of the process; given the same texts as flat copies,
 * 0.35–0.6. The page's scoring normalises about 80 links and the footer every time.
 */
export function collapsed(text: string, from: number, to: number): string {
  let length = 0;
  let gap = false;
  for (let i = from; i < to; i += 1) {
    const c = text.charCodeAt(i);
    if (jsSpace(c)) {
      gap = length > 0;
      continue;
    }
    if (gap) units[length++] = 0x20;
    gap = false;
    units[length++] = c;
  }
  // String.fromCharCode keeps lone surrogates as they are (a decoder would replace them).
  if (length <= DECODE_CHUNK) {
    units.length = length;
    return String.fromCharCode.apply(null, units);
  }
  let out = '';
  for (let k = 0; k < length; k += DECODE_CHUNK)
    out += String.fromCharCode.apply(null, units.slice(k, Math.min(length, k + DECODE_CHUNK)));
  units.length = 0;
  return out;
}

/**
 * The structure a text page's own text shows: its short lines as links, its end as its footer.
 * `cart` and `products` stay undefined (unknown).
 */
export function structureOfText(text: string): PageStructure {
  const links: string[] = [];
  // Line by line up to the last link needed (not a split of the whole text); a line longer than
  // SHORT_LINE can only shrink to one by its whitespace, so a line with none is skipped as it is.
  for (let from = 0; from <= text.length && links.length < STRUCTURE_LIMITS.links;) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    const start = from;
    from = to + 1;
    // A long line is a link only if collapsing its whitespace makes it short: counted first, so
    // that the ~1,000 lines of a 40,000-character page are not each copied and collapsed.
    if (to - start > SHORT_LINE && collapsedLength(text, start, to, SHORT_LINE) > SHORT_LINE)
      continue;
    const t = collapsed(text, start, to);
    if (t !== '' && t.length <= SHORT_LINE) links.push(t);
  }
  return {
    links,
    footer: collapsed(text, Math.max(0, text.length - STRUCTURE_LIMITS.footer), text.length),
  };
}

/** Normalised legal-page link texts: the Japanese statutory notices and licence pages. */
export const LEGAL_LINK =
  /特定商取引法|特商法|医薬品の販売(?:制度)?に関する|販売に関する表示|薬局(?:の)?(?:概要|表示)|許可証|(?<![a-z])(?:licen[cs]e|licensing|registration|gphc|legitscript|regulatory information)(?![a-z])/;

/** A licence or registration word followed closely by a number of three digits or more. */
export const LICENCE_NUMBER =
  /(?:許可|登録|届出|licen[cs]e|registration|registered|gphc|nabp)[^\n]{0,30}?\d[\d-]{2,}/g;

/**
 * Texts that name a drug or a kind of medicine (the lexicon's terms), filled one text at a time
 * from its normalised form (normalised once per page, shared with the legal-link test).
 */
class Naming {
  readonly named: string[] = [];
  readonly terms = new Set<string>();
  constructor(readonly medicine: boolean) {}

  add(text: string, normalised: string): void {
    const scan = scanDrugTerms(normalised);
    // Most texts name nothing: nothing is kept for them.
    if (scan.drug.length === 0 && (!this.medicine || scan.medicine.length === 0)) return;
    this.named.push(text);
    for (const m of scan.drug) this.terms.add(DRUG_BY_NAME.get(m.term)?.[0] ?? m.term);
    if (this.medicine) for (const m of scan.medicine) this.terms.add(m.term);
  }

  fact(): Fact | null {
    const { named, terms } = this;
    return named.length === 0 ? null : { words: named.slice(0, 3).join(' / '), terms: [...terms] };
  }
}

/**
 * One loop per list, each link normalised once for the legal-link test and the drug names alike.
 * No map or filter with a closure (issue 15, docs/performance-history.md, "Scoring, twelfth pass"):
 * the arrays those made had one elements kind from the built-in and another from the optimiser's
 * inlined copy, so optimising `gather` deoptimised the functions that read them, and each was
 * compiled again (about 60 ms of the compiler's time each, on V8's background thread: counted in
 * the bench's process CPU time, not waited for by the page).
 */
export function structureFacts(structure: PageStructure): StructureFacts {
  const products = new Naming(false);
  for (const p of structure.products ?? []) products.add(p, normalizeText(p));
  const drugLinks = new Naming(true);
  const legal: string[] = [];
  const legalTerms = new Set<string>();
  for (const link of structure.links) {
    const normalised = normalizeText(link);
    if (LEGAL_LINK.test(normalised)) {
      legal.push(link);
      legalTerms.add(normalised);
    }
    drugLinks.add(link, normalised);
  }
  const footer = normalizeWithMap(structure.footer);
  const numbers = findAll(LICENCE_NUMBER, footer.text, 5);
  let footerLicence: Fact | null = null;
  if (numbers.length > 0) {
    // The page's own words for the first number (the footer as written, not normalised).
    const first = numbers[0]!;
    const from = footer.map[first.index] ?? 0;
    const to = (footer.map[first.end - 1] ?? 0) + 1;
    const terms = new Set<string>();
    for (const m of numbers) terms.add(m.term);
    footerLicence = { words: structure.footer.slice(from, to), terms: [...terms] };
  }
  return {
    cart: structure.cart ? { words: structure.cart, terms: ['cart'] } : null,
    productDrugs: products.fact(),
    drugLinks: drugLinks.fact(),
    legalLinks:
      legal.length === 0 ? null : { words: legal.slice(0, 3).join(' / '), terms: [...legalTerms] },
    footerLicence,
  };
}
