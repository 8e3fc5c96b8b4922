// Features of a page for the learned detector (pure, no dependencies beyond the detector's
// signals). Four kinds, one index space:
// - the named signals of utils/detect (their distinct-evidence counts; the model learns their
//   weights) and three facts about the page's voice,
// - hashed character 1–3-grams of runs of non-ASCII text (Japanese needs no tokenizer),
// - hashed English word 1–2-grams (digits folded, so "100mg" and "50mg" are one word),
// - hashed tokens of the host name and the lexicon terms the signals matched.
// Text n-grams are binary and scaled together to unit length, so a long page does not outweigh a
// short one.
import {
  SIGNALS,
  gather,
  prepare,
  type Evidence,
  type PageSample,
  type SignalCode,
  type SignalHit,
} from './signals';
import { SAMPLE_LIMITS } from '../content/sample';

export const HASH_BITS = 18;
export const BUCKETS = 1 << HASH_BITS;

export const SIGNAL_CODES = Object.keys(SIGNALS) as SignalCode[];
export const VOICE_FEATURES = ['about-medicines', 'reporting', 'seller-voice'] as const;
export const NAMED_FEATURES: readonly string[] = [...SIGNAL_CODES, ...VOICE_FEATURES];
/** Hashed features start after the named ones. */
export const HASHED_OFFSET = NAMED_FEATURES.length;
export const FEATURE_COUNT = HASHED_OFFSET + BUCKETS;

/**
 * Length of a page's n-gram vector. At 1 the L2 penalty silenced the text (the grouped
 * cross-validation scored the same as without it); at 10 the text decides part of the pages.
 */
const TEXT_SCALE = 10;
/** Weight of a host token or lexicon term relative to a named signal. */
const TOKEN_VALUE = 0.5;

export interface Occurrences {
  /** Hashed feature index of each occurrence. */
  feature: Int32Array<ArrayBuffer>;
  /** Start and end (exclusive) in the normalised text. */
  start: Int32Array<ArrayBuffer>;
  end: Int32Array<ArrayBuffer>;
  length: number;
}

export interface PageFeatures {
  /** Sparse feature vector: distinct indices and their values. */
  index: Int32Array;
  value: Float32Array;
  /** The named signals that fired, as the rules report them (evidence in the page's words). */
  hits: SignalHit[];
  evidence: Evidence;
  /** Which thresholds apply. */
  script: Script;
  /** The value every text n-gram of this page carries. */
  textValue: number;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function step(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME);
}

/** Final avalanche so that nearby FNV states land in unrelated buckets. */
function bucket(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return HASHED_OFFSET + (x & (BUCKETS - 1));
}

function hashString(seed: number, s: string): number {
  let h = step(FNV_OFFSET, seed);
  for (let i = 0; i < s.length; i += 1) h = step(h, s.charCodeAt(i));
  return h;
}

const NS_CHAR = 0x63; // 'c'
const NS_WORD = 0x77; // 'w'
const NS_BIGRAM = 0x62; // 'b'
const NS_HOST = 0x68; // 'h'
const NS_TERM = 0x74; // 't'

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
 * Distinct features of the page being read. A generation stamp per feature (one shared array)
 * makes "seen already?" one typed-array read: a 40,000-character page has ~100,000 n-grams.
 */
const STAMP = new Int32Array(FEATURE_COUNT);
let generation = 0;

function grow(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2 + 16);
  b.set(a);
  return b;
}

/**
 * Occurrence buffers reused from page to page (a 40,000-character page has ~100,000 n-grams;
 * allocating three arrays of that size per page cost more than reading them). Valid until the
 * next extraction.
 */
const SHARED_OCCURRENCES: Occurrences = {
  feature: new Int32Array(0),
  start: new Int32Array(0),
  end: new Int32Array(0),
  length: 0,
};

class Collector {
  distinct: Int32Array<ArrayBuffer> = new Int32Array(1024);
  count = 0;
  occ: Occurrences | null;

  constructor(positions: boolean, capacity: number) {
    generation = generation === 0x7fffffff ? 1 : generation + 1;
    if (generation === 1) STAMP.fill(0);
    if (positions && SHARED_OCCURRENCES.feature.length < capacity) {
      SHARED_OCCURRENCES.feature = new Int32Array(capacity);
      SHARED_OCCURRENCES.start = new Int32Array(capacity);
      SHARED_OCCURRENCES.end = new Int32Array(capacity);
    }
    SHARED_OCCURRENCES.length = 0;
    this.occ = positions ? SHARED_OCCURRENCES : null;
  }

  /** Marks a feature as present; true the first time. */
  add(feature: number): boolean {
    if (STAMP[feature] === generation) return false;
    STAMP[feature] = generation;
    if (this.count === this.distinct.length) this.distinct = grow(this.distinct);
    this.distinct[this.count] = feature;
    this.count += 1;
    return true;
  }

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
}

/** Character 1–3-grams inside runs of non-ASCII text. */
function charGrams(text: string, out: Collector): void {
  for (let i = 0; i < text.length; i += 1) {
    const c0 = text.charCodeAt(i);
    if (breaksRun(c0)) continue;
    let h = step(step(FNV_OFFSET, NS_CHAR), c0);
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
function wordGrams(text: string, out: Collector): void {
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
    let h = step(FNV_OFFSET, NS_WORD);
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

/**
 * Where each text n-gram of a normalised text occurs, for the phrases behind a verdict: read
 * only for pages that reached caution (most pages never need it). Shared buffers: valid until
 * the next extraction.
 */
export function textOccurrences(text: string): Occurrences {
  const grams = new Collector(true, Math.min(text.length * 4, 1 << 18) + 16);
  charGrams(text, grams);
  wordGrams(text, grams);
  return grams.occ!;
}

/** Host labels, their letter runs and 4-grams of the name the site registered. */
function hostTokens(host: string): string[] {
  const labels = host.toLowerCase().split('.');
  const tokens = new Set<string>();
  const name = labels.length >= 2 ? labels[labels.length - 2]! : (labels[0] ?? '');
  if (labels.length >= 1) tokens.add(`tld:${labels[labels.length - 1]}`);
  for (const label of labels.slice(0, -1)) {
    tokens.add(`label:${label}`);
    for (const run of label.match(/[a-z]+|[^\x00-\x7f]+/g) ?? []) tokens.add(`run:${run}`);
  }
  for (let i = 0; i + 4 <= name.length; i += 1) tokens.add(`4:${name.slice(i, i + 4)}`);
  return [...tokens];
}

/** Script groups with their own thresholds: Japanese, and everything else (read as English). */
export const SCRIPTS = ['ja', 'en'] as const;
export type Script = (typeof SCRIPTS)[number];

/**
 * Japanese if kana make up at least 2% of the normalised text (or 50 characters): kanji alone
 * would also match Chinese, and a Japanese page quoting English stays Japanese.
 */
export function pageScript(normalised: string): Script {
  let kana = 0;
  for (let i = 0; i < normalised.length; i += 1) {
    const c = normalised.charCodeAt(i);
    if (c >= 0x3041 && c <= 0x309f) kana += 1;
  }
  return kana >= 50 || (kana > 0 && kana >= normalised.length * 0.02) ? 'ja' : 'en';
}

/** The named signals as the rules see them (same evidence, no hand-set weights applied here). */
export function namedSignals(evidence: Evidence): SignalHit[] {
  const hits: SignalHit[] = [];
  for (const code of SIGNAL_CODES) {
    const result = SIGNALS[code](evidence);
    if (result) hits.push(result);
  }
  return hits;
}

/** A signal's value: 1 for one piece of evidence, growing slowly with more. */
function signalValue(hit: SignalHit): number {
  return Math.min(2, 1 + Math.log2(Math.max(1, hit.terms.length)) / 2);
}

export function extractFeatures(page: PageSample): PageFeatures {
  // The extension never sends more text than the sample's cap; pages read from files (corpus,
  // CLI) are held to the same cap, so training sees what users' browsers see and a 5 MB page
  // costs what a 40,000-character one does.
  const sample =
    page.text.length > SAMPLE_LIMITS.text
      ? { ...page, text: page.text.slice(0, SAMPLE_LIMITS.text) }
      : page;
  const evidence = gather(prepare(sample));
  const hits = namedSignals(evidence);
  const text = evidence.text;
  const grams = new Collector(false, 0);
  charGrams(text, grams);
  wordGrams(text, grams);
  const textCount = grams.count;
  const textValue = textCount > 0 ? TEXT_SCALE / Math.sqrt(textCount) : 0;
  // Tokens and named features after the n-grams: a token that shares an n-gram's bucket keeps
  // the n-gram's value.
  for (const token of hostTokens(sample.host)) grams.add(bucket(hashString(NS_HOST, token)));
  for (const hit of hits)
    for (const term of hit.terms) grams.add(bucket(hashString(NS_TERM, `${hit.code}:${term}`)));
  const tokenCount = grams.count;

  const named = new Map<number, number>();
  SIGNAL_CODES.forEach((code, i) => {
    const hit = hits.find((h) => h.code === code);
    if (hit) named.set(i, signalValue(hit));
  });
  const aboutMedicines =
    evidence.medicine || hits.some((h) => h.code === 'import-agency' || h.code === 'drug-domain');
  const info = hits.find((h) => h.code === 'info');
  const voice: Record<(typeof VOICE_FEATURES)[number], boolean> = {
    'about-medicines': aboutMedicines,
    reporting: info !== undefined && info.terms.length >= 2 && !evidence.sellerVoice,
    'seller-voice': evidence.sellerVoice,
  };
  VOICE_FEATURES.forEach((name, i) => {
    if (voice[name]) named.set(SIGNAL_CODES.length + i, 1);
  });

  const index = new Int32Array(named.size + tokenCount);
  const value = new Float32Array(index.length);
  let k = 0;
  for (const [f, v] of named) {
    index[k] = f;
    value[k] = v;
    k += 1;
  }
  for (let i = 0; i < tokenCount; i += 1) {
    index[k] = grams.distinct[i]!;
    value[k] = i < textCount ? textValue : TOKEN_VALUE;
    k += 1;
  }
  return {
    index,
    value,
    hits,
    evidence,
    script: pageScript(text),
    textValue,
  };
}
