// The detector's feature space: the named features (signals and facts about the page's voice)
// first, then 2^HASH_BITS hashed buckets, and the hashing that maps n-grams and tokens into them.
import { SIGNALS, type SignalCode } from './signals';

export const HASH_BITS = 18;
export const BUCKETS = 1 << HASH_BITS;

/**
 * Signals left out of the model: the structural facts a text page carries too, each of which made
 * the grouped cross-validation worse (README, "Page structure as evidence": with all of them,
 * each pair and each licence fact alone, against without). They are still computed (the rule
 * scorer gives them no weight) but neither learned nor shown as reasons. The DOM-only facts
 * (cart-form, product-drug) stay features: no corpus page has a DOM yet, so their weight is 0
 * until one does.
 */
export const UNLEARNED_SIGNALS: ReadonlySet<SignalCode> = new Set<SignalCode>([
  'priced',
  'drug-links',
  'legal-link',
  'footer-licence',
]);
export const SIGNAL_CODES = (Object.keys(SIGNALS) as SignalCode[]).filter(
  (code) => !UNLEARNED_SIGNALS.has(code),
);
export const VOICE_FEATURES = ['about-medicines', 'reporting', 'seller-voice'] as const;
export const NAMED_FEATURES: readonly string[] = [...SIGNAL_CODES, ...VOICE_FEATURES];
/** Hashed features start after the named ones. */
export const HASHED_OFFSET = NAMED_FEATURES.length;
export const FEATURE_COUNT = HASHED_OFFSET + BUCKETS;

export const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

export function step(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME);
}

/** Final avalanche so that nearby FNV states land in unrelated buckets. */
export function bucket(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return HASHED_OFFSET + (x & (BUCKETS - 1));
}

export function hashString(seed: number, s: string): number {
  let h = step(FNV_OFFSET, seed);
  for (let i = 0; i < s.length; i += 1) h = step(h, s.charCodeAt(i));
  return h;
}

export const NS_CHAR = 0x63; // 'c'
export const NS_WORD = 0x77; // 'w'
export const NS_BIGRAM = 0x62; // 'b'
export const NS_HOST = 0x68; // 'h'
export const NS_TERM = 0x74; // 't'
export const NS_ASCII = 0x61; // 'a'
