// Host names that imitate a licensed seller's domain (issue 13): a name within a small edit
// distance of its registrable label, a name that reads the same once look-alike letters
// are read as Latin ones (Cyrillic/Greek homoglyphs, 0/1/3/5 for o/l/e/s, "rn" for "m"), or the
// name with a word added ("-rx", "-shop", "-online", "-jp"…). Pure: the allowlist is passed in.
// The allowlisted domain itself, its subdomains and any other host of the same registrable domain
// never count, and neither does the same name under another suffix: sellers own several
// (express-scripts.ca is Express Scripts Canada, a licensed pharmacy in data/corpus).
import { HOMOGLYPHS } from '../content/homoglyphs';
import { displayHost, registrableDomain } from '../core/hostname';

export type LookalikeKind = 'homoglyph' | 'edit' | 'added-word';

export interface Lookalike {
  /** The allowlisted entry imitated, as listed (ASCII). */
  imitates: string;
  kind: LookalikeKind;
}

/** Words rogue shops add to a brand's name. */
export const ADDED_WORDS = [
  'rx',
  'shop',
  'store',
  'online',
  'jp',
  'japan',
  'official',
  'pharmacy',
  'pharma',
  'direct',
  'drugs',
  'meds',
  'sale',
  'buy',
  'net',
  'web',
  'tsuhan',
];

/**
 * Generic words of pharmacy and clinic names. What is left of a name without them is what makes it
 * one seller's: "e-pharmacy" is "e", and "sdpharmacy", "pharmacy.biz" are not its look-alikes.
 */
const GENERIC = [
  'pharmacy',
  'pharma',
  'chemist',
  'clinic',
  'drugs',
  'drug',
  'medical',
  'meds',
  'med',
  'health',
  'care',
  'online',
  'direct',
  'express',
  'shop',
  'store',
  'doctors',
  'doctor',
  'kusuri',
  'yakkyoku',
  'www',
  'rx',
  'cl',
];

/**
 * Shortest name, and shortest distinctive part, for each test: shorter ones collide with
 * ordinary words and other sellers (measured on data/corpus: chemist2u.com.au is not
 * chemist4u.co.uk, on-clinic.jp is not n-clinic.jp, both licensed).
 */
const MIN_LENGTH = { whole: 4, distinct: 2, edit1: 6, edit2: 9, editDistinct: 5 };
const MAX_HOST = 253;

/** Digits and letter pairs read as Latin letters in a host name. */
const DIGIT_LOOKS: Record<string, string> = { '0': 'o', '1': 'l', '3': 'e', '5': 's' };

/** The name a reader sees: homoglyphs and digit look-alikes read as Latin letters, NFKC, lower case. */
export function skeleton(label: string): string {
  let out = '';
  for (const ch of label.normalize('NFKC').toLowerCase()) {
    const code = ch.codePointAt(0)!;
    const latin = HOMOGLYPHS.get(code);
    out += latin !== undefined ? String.fromCharCode(latin) : (DIGIT_LOOKS[ch] ?? ch);
  }
  return out.replace(/rn/g, 'm').replace(/vv/g, 'w').replace(/[il]/g, 'l');
}

/** The two rows of editDistance, reused (a page's host is compared with every licensed name). */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/** Levenshtein distance, stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = 2): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (rowA.length < b.length + 1) {
    rowA = new Int32Array(b.length + 1);
    rowB = new Int32Array(b.length + 1);
  }
  let prev = rowA;
  let row = rowB;
  for (let j = 0; j <= b.length; j += 1) prev[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    row[0] = i;
    let best = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j += 1) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      row[j] = v;
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    const t = prev;
    prev = row;
    row = t;
  }
  return prev[b.length]!;
}

interface Licensed {
  entry: string;
  site: string;
  /** The registrable label (`pharmacy2u` of `www.pharmacy2u.co.uk`), Unicode. */
  label: string;
  skeleton: string;
  /** The skeleton without generic words and separators. */
  distinct: string;
  suffix: string;
}

function distinctPart(skel: string): string {
  let out = skel;
  for (const word of GENERIC_SKELETONS) out = out.split(word).join('');
  return out.replace(/[^\p{L}\p{N}]/gu, '');
}

/** The name and suffix of a host's registrable domain, or null for IPs, bare suffixes, junk. */
function split(host: string): { site: string; label: string; suffix: string } | null {
  if (host.length === 0 || host.length > MAX_HOST || !host.includes('.')) return null;
  if (/^[\d.]+$/.test(host) || host.includes(':')) return null;
  const site = registrableDomain(host);
  const dot = site.indexOf('.');
  // registrableDomain returns the host itself when it has no registrable part (a public suffix).
  if (dot <= 0 || site !== host.slice(host.length - site.length)) return null;
  if (site === host && registrableDomain(`x.${host}`) === `x.${host}`) return null;
  return { site, label: displayHost(site.slice(0, dot)), suffix: site.slice(dot + 1) };
}

/** Longest first, so "pharmacy" goes before "pharma" could leave "cy". */
const GENERIC_SKELETONS = GENERIC.map((word) => skeleton(word)).sort((a, b) => b.length - a.length);

const prepared = new WeakMap<readonly string[], Licensed[]>();

function prepare(allowlist: readonly string[]): Licensed[] {
  let out = prepared.get(allowlist);
  if (out) return out;
  out = [];
  for (const entry of allowlist) {
    const parts = split(entry);
    if (!parts) continue;
    const skel = skeleton(parts.label);
    out.push({ entry, ...parts, skeleton: skel, distinct: distinctPart(skel) });
  }
  prepared.set(allowlist, out);
  return out;
}

const ADDED_SKELETONS = ADDED_WORDS.map((word) => skeleton(word));
/** What may follow a brand ("rx", "-rx") or come before it ("rx", "rx-"). */
const ADDED_AFTER = new Set(ADDED_SKELETONS.flatMap((word) => [word, `-${word}`]));
const ADDED_BEFORE = new Set(ADDED_SKELETONS.flatMap((word) => [word, `${word}-`]));

/**
 * The brand with an added word before or after it, with or without a hyphen (skeletons). Read
 * off the label's two ends rather than built as every brand-word combination (17 words, two
 * separators and two sides for each of 160 licensed names was 10,000 strings a page).
 */
function withAddedWord(label: string, brand: string): boolean {
  if (label.length <= brand.length) return false;
  if (label.startsWith(brand) && ADDED_AFTER.has(label.slice(brand.length))) return true;
  return label.endsWith(brand) && ADDED_BEFORE.has(label.slice(0, label.length - brand.length));
}

/**
 * The licensed seller a host imitates, or null. `host` is a canonical ASCII host (punycode for
 * IDNs); `allowlist` the licensed entries (ASCII, possibly subdomains such as `rx.costco.com`).
 */
export function findLookalike(host: string, allowlist: readonly string[]): Lookalike | null {
  const h = host.toLowerCase().replace(/\.$/, '');
  const parts = split(h);
  if (!parts) return null;
  const licensed = prepare(allowlist);
  // A host of a licensed seller's own site (the entry, its subdomains, its other hosts).
  const under = (entry: string) =>
    h.length > entry.length &&
    h.endsWith(entry) &&
    h.charCodeAt(h.length - entry.length - 1) === 0x2e;
  if (licensed.some((l) => l.site === parts.site || h === l.entry || under(l.entry))) return null;
  const label = parts.label.normalize('NFKC').toLowerCase();
  const skel = skeleton(label);
  let best: Lookalike | null = null;
  const rank: Record<LookalikeKind, number> = { homoglyph: 0, 'added-word': 1, edit: 2 };
  const offer = (l: Licensed, kind: LookalikeKind) => {
    if (!best || rank[kind] < rank[best.kind]) best = { imitates: l.entry, kind };
  };
  for (const l of licensed) {
    const n = l.label.length;
    if (label === l.label) continue; // the same name under another suffix
    if (n < MIN_LENGTH.whole || l.distinct.length < MIN_LENGTH.distinct) continue;
    if (skel === l.skeleton) {
      offer(l, 'homoglyph');
      continue;
    }
    if (withAddedWord(skel, l.skeleton)) {
      offer(l, 'added-word');
      continue;
    }
    if (n >= MIN_LENGTH.edit1 && l.distinct.length >= MIN_LENGTH.editDistinct) {
      const d = editDistance(skel, l.skeleton, 2);
      if (d === 1 || (d === 2 && n >= MIN_LENGTH.edit2)) offer(l, 'edit');
    }
  }
  return best;
}
