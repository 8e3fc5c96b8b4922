// A page's score with the learned model (pure). The probability maps onto the 0–100 scale the
// verdict uses so that the thresholds chosen on cross-validation land on the levels' bounds
// (caution 20, warning 40, danger 75). Reasons: the named signals that weighed most, each with the
// page's own words, then the page's phrases that weighed most.
import { levelFor, THRESHOLDS } from './score';
import {
  WEIGHTS,
  meansRogue as signalMeansRogue,
  type PageSample,
  type SignalCode,
  type SignalHit,
} from './signals';
import type { Level } from '../verdicts/model';
import { scoreFeatures, SIGNAL_CODES, type PageFeatures, type ScoredFeatures } from './features';
import { textHeat } from './ngrams';
import type { LoadedModel, Thresholds } from './model';
import { sigmoid } from './train';

export type ReasonCode = SignalCode | 'phrase' | 'site-evidence';

export interface ReasonHit extends Omit<SignalHit, 'code'> {
  code: ReasonCode;
  /** For site evidence: when the page in `evidence` was seen. */
  seenAt?: number;
}

/** What the verdict needs of a scored page. */
export interface DetectedPage {
  score: number;
  level: Level;
  /** Strongest first; evidence against a rogue shop last. */
  signals: ReasonHit[];
}

export interface DetectorScore extends DetectedPage {
  probability: number;
}

/** Logit contribution → points on the 0–100 scale, for ordering and for the reason's level. */
const POINTS_PER_LOGIT = 10;
const MAX_SIGNALS_FOR = 4;
const MAX_SIGNALS_AGAINST = 2;
const MAX_PHRASES = 3;
/** Length, in normalised characters, of the window a phrase is read from. */
const PHRASE_WINDOW = 24;
/** A phrase must add at least this much (logits) to be named. */
const PHRASE_MIN = 0.15;

export function logit(model: LoadedModel, features: Pick<PageFeatures, 'index' | 'value'>): number {
  let z = model.bias;
  const { index, value } = features;
  for (let i = 0; i < index.length; i += 1) z += model.weights[index[i]!]! * value[i]!;
  return z;
}

/** Piecewise-linear map of a probability onto 0–100 through the thresholds' knots. */
export function scoreFor(p: number, t: Thresholds): number {
  const knots: [number, number][] = [
    [0, 0],
    [t.caution, THRESHOLDS.caution],
    [t.warning, THRESHOLDS.warning],
    [t.danger, THRESHOLDS.danger],
    [1, 100],
  ];
  for (let k = 1; k < knots.length; k += 1) {
    const [x1, y1] = knots[k]!;
    const [x0, y0] = knots[k - 1]!;
    if (p < x1 || k === knots.length - 1) {
      if (x1 <= x0) return y1;
      return Math.floor(y0 + ((Math.min(p, x1) - x0) / (x1 - x0)) * (y1 - y0));
    }
  }
  return 100;
}

export function levelForProbability(p: number, t: Thresholds): Level {
  if (p >= t.danger) return 'danger';
  if (p >= t.warning) return 'warning';
  if (p >= t.caution) return 'caution';
  return 'none';
}

export function scoreWithModel(model: LoadedModel, sample: PageSample): DetectorScore {
  const features = scoreFeatures(sample, model.weights, model.bias, model.features);
  const probability = sigmoid(features.logit);
  const thresholds = model.thresholds[features.script];
  const learned = levelForProbability(probability, thresholds);
  // A medicine page on a host imitating a licensed seller warns whatever its text says: the
  // corpus has no such page to learn the signal's weight from, and the allowlist is curated.
  const imitates = features.evidence.medicine && features.hits.some((h) => h.code === 'lookalike');
  const level = imitates && (learned === 'none' || learned === 'caution') ? 'warning' : learned;
  // The score follows the level (a float at a knot must not round across it).
  const score = Math.max(
    {
      none: 0,
      caution: THRESHOLDS.caution,
      warning: THRESHOLDS.warning,
      danger: THRESHOLDS.danger,
    }[level],
    Math.min(scoreFor(probability, thresholds), levelCeiling(level)),
  );
  return { score, level, probability, signals: reasons(model, features, level) };
}

function levelCeiling(level: Level): number {
  if (level === 'none') return THRESHOLDS.caution - 1;
  if (level === 'caution') return THRESHOLDS.warning - 1;
  if (level === 'warning') return THRESHOLDS.danger - 1;
  return 100;
}

function reasons(model: LoadedModel, features: ScoredFeatures, level: Level): ReasonHit[] {
  const codeIndex = new Map(SIGNAL_CODES.map((c, i) => [c, i]));
  const weighed = features.hits.map((hit): ReasonHit => {
    const i = codeIndex.get(hit.code)!;
    const value = i === undefined ? undefined : features.named.get(i);
    const contribution = value !== undefined ? model.weights[i!]! * value : 0;
    return { ...hit, weight: Math.round(contribution * POINTS_PER_LOGIT) };
  });
  // A signal is named only on the side its meaning is on: "no prescription needed" never reads as
  // evidence for a licensed seller, even where the fit gave it a small negative weight.
  const meansRogue = (h: ReasonHit) =>
    h.code !== 'phrase' && h.code !== 'site-evidence' && signalMeansRogue(h.code);
  const lookalike = weighed
    .filter((h) => h.code === 'lookalike')
    .map((h) => ({ ...h, weight: Math.max(h.weight, WEIGHTS.lookalike.first) }));
  const forRogue = weighed
    .filter((h) => h.weight > 0 && meansRogue(h) && h.code !== 'lookalike')
    .sort((a, b) => b.weight - a.weight)
    .slice(0, MAX_SIGNALS_FOR - lookalike.length);
  const against = weighed
    .filter((h) => h.weight < 0 && !meansRogue(h))
    .sort((a, b) => a.weight - b.weight)
    .slice(0, MAX_SIGNALS_AGAINST);
  const phrases = level === 'none' ? [] : topPhrases(model, features);
  return [...lookalike, ...forRogue, ...phrases, ...against];
}

/**
 * Buffers of the phrase search, reused from page to page (a 40,000-character page needs 320 KB of
 * prefix sums; allocating them per page left the garbage collector a tail of pauses to clear).
 */
let prefixBuffer = new Float64Array(0);
let takenBuffer = new Uint8Array(0);
/** Per block of PHRASE_BLOCK windows: the best free window's sum and where it starts (-1: none). */
let blockSum = new Float64Array(0);
let blockAt = new Int32Array(0);
const PHRASE_BLOCK = 64;

/** The first free window of the block with the highest sum, into blockSum/blockAt. */
function bestOfBlock(
  prefix: Float64Array,
  taken: Uint8Array,
  window: number,
  last: number,
  b: number,
) {
  let best = -1;
  let bestSum = -Infinity;
  const end = Math.min(last, (b + 1) * PHRASE_BLOCK - 1);
  for (let s = b * PHRASE_BLOCK; s <= end; s += 1) {
    if (taken[s]) continue;
    const sum = prefix[s + window]! - prefix[s]!;
    if (sum > bestSum) {
      bestSum = sum;
      best = s;
    }
  }
  blockSum[b] = bestSum;
  blockAt[b] = best;
}

/**
 * bestOfBlock for every block while no window is taken yet (no "taken" reads): the same sums,
 * compared in the same order, so the same first-highest window of each block. A loop per block
 * inside a loop over blocks: 0.20 ms against 0.23 for one loop that tested for a block's end at
 * every window (session 13, one process, the bench's 40,012-unit sample). The outer loop is the
 * function's last statement (OSR; README, "Scoring, fourth pass").
 */
function firstBlocks(prefix: Float64Array, window: number, last: number, blocks: number): void {
  for (let b = 0; b < blocks; b += 1) {
    const from = b * PHRASE_BLOCK;
    const end = Math.min(last, from + PHRASE_BLOCK - 1);
    let best = -1;
    let bestSum = -Infinity;
    for (let s = from; s <= end; s += 1) {
      const sum = prefix[s + window]! - prefix[s]!;
      if (sum > bestSum) {
        bestSum = sum;
        best = s;
      }
    }
    blockSum[b] = bestSum;
    blockAt[b] = best;
  }
}

/** The windows of the page's text whose n-grams pushed the score up most, in the page's words. */
function topPhrases(model: LoadedModel, features: ScoredFeatures): ReasonHit[] {
  const page = features.evidence.page;
  const text = features.evidence.text;
  if (text.length === 0) return [];
  if (prefixBuffer.length < text.length + 1) {
    prefixBuffer = new Float64Array(text.length + 1);
    takenBuffer = new Uint8Array(text.length + 1);
  }
  // Every text n-gram carries the same value; its contribution is spread over its characters.
  const prefix = prefixBuffer;
  textHeat(text, model.weights, features.textValue, prefix);
  const window = Math.min(PHRASE_WINDOW, text.length);
  const taken = takenBuffer;
  taken.fill(0, 0, text.length);
  // Windows start at 0..last. The best window is the first one with the highest sum above
  // PHRASE_MIN: the first block whose best beats every block before it gives the same one, and
  // after a phrase is taken only the blocks it touched are read again.
  const last = text.length - window;
  const blocks = Math.floor(last / PHRASE_BLOCK) + 1;
  if (blockSum.length < blocks) {
    blockSum = new Float64Array(blocks);
    blockAt = new Int32Array(blocks);
  }
  firstBlocks(prefix, window, last, blocks);
  const out: ReasonHit[] = [];
  while (out.length < MAX_PHRASES) {
    let best = -1;
    let bestSum = PHRASE_MIN;
    for (let b = 0; b < blocks; b += 1) {
      if (blockAt[b]! >= 0 && blockSum[b]! > bestSum) {
        bestSum = blockSum[b]!;
        best = blockAt[b]!;
      }
    }
    if (best < 0) break;
    // Widen to whole words at both ends, then stop at line breaks.
    let start = best;
    let end = best + window;
    const word = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
    while (start > 0 && word(text.charCodeAt(start - 1)) && word(text.charCodeAt(start)))
      start -= 1;
    while (end < text.length && word(text.charCodeAt(end - 1)) && word(text.charCodeAt(end)))
      end += 1;
    const phrase = text.slice(start, end);
    // No later window may overlap this phrase.
    const from = Math.max(0, start - window + 1);
    for (let c = from; c < end; c += 1) taken[c] = 1;
    for (let b = Math.floor(from / PHRASE_BLOCK); b < blocks && b * PHRASE_BLOCK < end; b += 1)
      bestOfBlock(prefix, taken, window, last, b);
    const sourceFrom = page.norm.map[start] ?? 0;
    const sourceTo = (page.norm.map[end - 1] ?? sourceFrom) + 1;
    const words = page.source.slice(sourceFrom, sourceTo).replace(/\s+/g, ' ').trim();
    if (words === '') continue;
    out.push({
      code: 'phrase',
      weight: Math.round(bestSum * POINTS_PER_LOGIT),
      evidence: words,
      terms: [phrase.trim()],
    });
  }
  return out;
}

export { levelFor };
