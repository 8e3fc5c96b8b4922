// Features of a page for the learned detector (pure, no dependencies beyond the detector's
// signals). Four kinds, one index space:
// - the named signals of utils/detect (their distinct-evidence counts; the model learns their
//   weights) and three facts about the page's voice,
// - hashed character 1–3-grams of runs of non-ASCII text (Japanese needs no tokenizer),
// - hashed English word 1–2-grams (digits folded, so "100mg" and "50mg" are one word),
// - hashed tokens of the host name and the lexicon terms the signals matched,
// - when asked for (FeatureOptions.latinGrams, latinGramsEn; off in the shipped model), on
//   Japanese or English pages, hashed character 3–5-grams of Latin-script words (ascii-grams.ts);
// - when asked for (FeatureOptions: host, shape, pathWords, wordTrigrams), the host as typed words
//   instead of its raw tokens, the page's use of drug names, the address's path words
//   (page-shape.ts) and English word 3-grams (word-trigrams.ts), each with its own value.
// The model file records the options it was trained with (model.ts), and the scorer extracts
// what they say.
// Text n-grams are binary and scaled together to unit length, so a long page does not outweigh a
// short one.
import {
  SIGNALS,
  gather,
  prepare,
  type Evidence,
  type PageSample,
  type SignalHit,
} from './signals';
import { SAMPLE_LIMITS } from '../content/sample';
import { normalizeBuffers, type NormalizeBuffers } from '../content/normalize';
import {
  NS_HOST,
  NS_TERM,
  SIGNAL_CODES,
  VOICE_FEATURES,
  bucket,
  hashString,
} from './feature-space';
import { Collector } from './ngrams';
import { STRONGEST } from './phrases';
import { asciiGrams } from './ascii-grams';
import {
  pathFeatures,
  shapeFeatures,
  tldFeature,
  typedHostFeatures,
  type ShapeFeature,
} from './page-shape';
import { wordTrigrams } from './word-trigrams';
import { missFeatures, type MissSignal } from './miss-signals';

// The feature space and the n-grams live in their own files; importers keep one entry.
export {
  BUCKETS,
  FEATURE_COUNT,
  HASHED_OFFSET,
  HASH_BITS,
  NAMED_FEATURES,
  SIGNAL_CODES,
  VOICE_FEATURES,
} from './feature-space';
export { textOccurrences, type Occurrences } from './ngrams';

/**
 * Length of a page's n-gram vector. At 1 the L2 penalty silenced the text (the grouped
 * cross-validation scored the same as without it); at 10 the text decides part of the pages.
 */
const TEXT_SCALE = 10;
/** Weight of a host token or lexicon term relative to a named signal. */
const TOKEN_VALUE = 0.5;
/**
 * Length of a Japanese page's vector of Latin-script character 3–5-grams (ascii-grams.ts), scaled
 * apart from the other text n-grams, which are more. Japanese pages only: there, Latin words are
 * mostly drug and brand names, URLs and model numbers; English pages have word n-grams of the
 * same letters. docs/detection-history.md has the runs with and without them.
 */
const ASCII_SCALE = 5;

/** How the host name is read: its raw tokens, typed words (page-shape.ts), or only its TLD. */
export const HOST_MODES = ['raw', 'typed', 'none'] as const;
export type HostMode = (typeof HOST_MODES)[number];

export interface FeatureOptions {
  /** Character 3–5-grams of Latin-script words on Japanese pages. */
  latinGrams: boolean;
  /** The host's tokens (default `raw`: labels, letter runs, 4-grams). */
  host?: HostMode;
  /** Drug-name density, repetition, lists, link-like text, drug pages on plain hosts. */
  shape?: boolean;
  /** Drug names and shop words in the address's path. */
  pathWords?: boolean;
  /** English word 3-grams on English pages (word-trigrams.ts). */
  wordTrigrams?: boolean;
  /**
   * Character 3–5-grams of Latin-script words on English pages too, beside the word n-grams
   * (inflections, misspellings, glued spam words, brand fragments below the word).
   */
  latinGramsEn?: boolean;
  /**
   * The signals for session 10's misses (miss-signals.ts): assertive no-prescription offers,
   * named personal-import shops, rogue service-page policies.
   */
  missSignals?: boolean;
  /**
   * With missSignals: the scripts whose pages get them (absent: every page). Session 11 measured
   * them helping English and not Japanese; this lets a model use them on one language only.
   */
  missOn?: Script[];
  /** With missSignals: which of the three (absent: all), so that each can be measured alone. */
  missGroups?: MissSignal[];
}

export const FEATURE_DEFAULTS: FeatureOptions = {
  latinGrams: false,
  host: 'typed',
  pathWords: true,
};

/** Options a model file records only when set (absent, they mean "every script", "all"). */
type ScopeOptions = 'missOn' | 'missGroups';
export type ResolvedFeatureOptions = Required<Omit<FeatureOptions, ScopeOptions>> &
  Pick<FeatureOptions, ScopeOptions>;

/**
 * Every option spelt out (what a model file records); missOn and missGroups only when given, so
 * that a model trained without them records exactly what it did before they existed.
 */
export function resolveFeatureOptions(options: FeatureOptions): ResolvedFeatureOptions {
  return {
    latinGrams: options.latinGrams,
    host: options.host ?? 'raw',
    shape: options.shape ?? false,
    pathWords: options.pathWords ?? false,
    wordTrigrams: options.wordTrigrams ?? false,
    latinGramsEn: options.latinGramsEn ?? false,
    missSignals: options.missSignals ?? false,
    ...(options.missOn ? { missOn: [...options.missOn] } : {}),
    ...(options.missGroups ? { missGroups: [...options.missGroups] } : {}),
  };
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
  /**
   * Entries of `index` before the Latin-script character n-grams: the features near-copy
   * grouping compares (utils/detector/cv.ts), the same with and without them.
   */
  baseCount: number;
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
  return scriptOf(kana, normalised.length);
}

function scriptOf(kana: number, length: number): Script {
  return kana >= 50 || (kana > 0 && kana >= length * 0.02) ? 'ja' : 'en';
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

/** What both the feature vector and the scorer's dot product are made of, for one page. */
interface Collected {
  hits: SignalHit[];
  evidence: Evidence;
  /** Named features with a value, in the vector's order (signals, then the page's voice). */
  named: Map<number, number>;
  /** The page's distinct hashed features: its text n-grams first, then tokens. Not released. */
  grams: Collector;
  textCount: number;
  tokenCount: number;
  textValue: number;
  /** Distinct features after the tokens that are Latin-script character n-grams. */
  asciiCount: number;
  asciiValue: number;
  /** Features of page-shape.ts, each with its own value (after everything else). */
  extra: ShapeFeature[];
  script: Script;
}

/**
 * The scorer's page buffers (normalizePage): a page's map is read only while it is scored, so
 * scoreFeatures lends it these instead of copying a map out per page.
 */
const SCORING_BUFFERS = normalizeBuffers();

function collect(page: PageSample, options: FeatureOptions, buffers?: NormalizeBuffers): Collected {
  // Scoring (with the scorer's buffers) records where the n-grams first occur, for the phrases.
  const positions = buffers !== undefined;
  // The extension never sends more text than the sample's cap; pages read from files (corpus,
  // CLI) are held to the same cap, so training sees what users' browsers see and a 5 MB page
  // costs what a 40,000-character one does.
  const sample =
    page.text.length > SAMPLE_LIMITS.text
      ? { ...page, text: page.text.slice(0, SAMPLE_LIMITS.text) }
      : page;
  const evidence = gather(prepare(sample, buffers));
  const hits = namedSignals(evidence);
  const text = evidence.text;
  const grams = new Collector();
  const { added: textCount, kana } = grams.addText(text, positions);
  const textValue = textCount > 0 ? TEXT_SCALE / Math.sqrt(textCount) : 0;
  // Tokens and named features after the n-grams: a token that shares an n-gram's bucket keeps
  // the n-gram's value.
  const host = options.host ?? 'raw';
  if (host === 'raw')
    for (const token of hostTokens(sample.host)) grams.add(bucket(hashString(NS_HOST, token)));
  for (const hit of hits)
    for (const term of hit.terms) grams.add(bucket(hashString(NS_TERM, `${hit.code}:${term}`)));
  const tokenCount = grams.count;
  const script = scriptOf(kana, text.length);
  if (script === 'ja' ? options.latinGrams : options.latinGramsEn) asciiGrams(text, grams);
  const asciiCount = grams.count - tokenCount;
  const asciiValue = asciiCount > 0 ? ASCII_SCALE / Math.sqrt(asciiCount) : 0;
  const extra: ShapeFeature[] = [];
  if (host === 'typed') extra.push(...typedHostFeatures(sample.host, sample.hostUnicode));
  if (host === 'none') extra.push(tldFeature(sample.host));
  if (options.shape) extra.push(...shapeFeatures(evidence, sample.hostUnicode));
  if (options.pathWords) extra.push(...pathFeatures(sample.url));
  if (options.wordTrigrams && script === 'en') extra.push(...wordTrigrams(text));
  const missOn: readonly Script[] = options.missOn ?? SCRIPTS;
  if (options.missSignals && missOn.includes(script))
    extra.push(...missFeatures(text, options.missGroups));

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
  return {
    hits,
    evidence,
    named,
    grams,
    textCount,
    tokenCount,
    textValue,
    asciiCount,
    asciiValue,
    extra,
    script,
  };
}

export function extractFeatures(
  page: PageSample,
  options: FeatureOptions = FEATURE_DEFAULTS,
): PageFeatures {
  const c = collect(page, options);
  const { hits, evidence, named, grams, textCount, tokenCount, textValue, script } = c;
  const baseCount = named.size + tokenCount;
  const index = new Int32Array(baseCount + c.asciiCount + c.extra.length);
  const value = new Float32Array(index.length);
  let k = 0;
  for (const [f, v] of named) {
    index[k] = f;
    value[k] = v;
    k += 1;
  }
  const distinct = grams.distinct;
  for (let i = 0; i < tokenCount; i += 1) {
    index[k] = distinct[i]!;
    value[k] = i < textCount ? textValue : TOKEN_VALUE;
    k += 1;
  }
  for (let i = tokenCount; i < tokenCount + c.asciiCount; i += 1) {
    index[k] = distinct[i]!;
    value[k] = c.asciiValue;
    k += 1;
  }
  for (const f of c.extra) {
    index[k] = f.index;
    value[k] = f.value;
    k += 1;
  }
  grams.release();
  return { index, value, hits, evidence, script, textValue, baseCount };
}

/** A page's logit and what its reasons need, without building its feature vector. */
export interface ScoredFeatures extends Omit<PageFeatures, 'index' | 'value' | 'baseCount'> {
  logit: number;
  /** Each named feature's value as the vector holds it (float32), by feature index. */
  named: Map<number, number>;
  /**
   * Where the page's strongest positive-weight text n-grams (at most STRONGEST) first occur, as
   * slots (phrases.ts, gramAt), strongest first: the page's phrases are read around them.
   */
  strongest: Int32Array;
}

/** The strongest text n-grams met so far in the dot product: weights (descending) and slots. */
const strongWeight = new Float64Array(STRONGEST);
const strongSlot = new Int32Array(STRONGEST);
let strongKept = 0;

/**
 * Keeps the n-gram at `slot` among the strongest; returns the weight a later one must beat (0
 * until STRONGEST are kept, so only positive weights are). Equal weights: the one met first.
 */
function keepStrong(w: number, slot: number): number {
  let k = strongKept < STRONGEST ? strongKept++ : STRONGEST - 1;
  for (; k > 0 && strongWeight[k - 1]! < w; k -= 1) {
    strongWeight[k] = strongWeight[k - 1]!;
    strongSlot[k] = strongSlot[k - 1]!;
  }
  strongWeight[k] = w;
  strongSlot[k] = slot;
  return strongKept < STRONGEST ? 0 : strongWeight[STRONGEST - 1]!;
}

/**
 * The dot product of the page's feature vector with `weights`, plus `bias`, read straight from
 * the collected features: the same products added in the same order as over extractFeatures'
 * vector (its values are float32, hence the fround), so the same logit bit for bit, without the
 * vector's two arrays (two 80 KB allocations for a 40,000-character page). The evidence's map
 * (`evidence.page.norm.map`) is valid until the next call: it is a view of the scorer's buffers.
 */
export function scoreFeatures(
  page: PageSample,
  weights: Float32Array,
  bias: number,
  options: FeatureOptions = FEATURE_DEFAULTS,
): ScoredFeatures {
  const c = collect(page, options, SCORING_BUFFERS);
  const { hits, evidence, named, grams, textCount, tokenCount, textValue, script } = c;
  let z = bias;
  const values = new Map<number, number>();
  for (const [f, v] of named) {
    const value = Math.fround(v);
    values.set(f, value);
    z += weights[f]! * value;
  }
  const distinct = grams.distinct;
  const slots = grams.slots;
  const text = Math.fround(textValue);
  const token = Math.fround(TOKEN_VALUE);
  // The same products added in the same order; the few that beat the floor are kept.
  strongKept = 0;
  let floor = 0;
  for (let i = 0; i < textCount; i += 1) {
    const w = weights[distinct[i]!]!;
    z += w * text;
    if (w > floor) floor = keepStrong(w, slots[i]!);
  }
  for (let i = textCount; i < tokenCount; i += 1) z += weights[distinct[i]!]! * token;
  const ascii = Math.fround(c.asciiValue);
  for (let i = tokenCount; i < tokenCount + c.asciiCount; i += 1)
    z += weights[distinct[i]!]! * ascii;
  for (const f of c.extra) z += weights[f.index]! * Math.fround(f.value);
  grams.release();
  const strongest = strongSlot.slice(0, strongKept);
  return { logit: z, named: values, hits, evidence, script, textValue, strongest };
}
