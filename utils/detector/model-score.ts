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
import { phrasesAround } from './phrases';
import type { LoadedModel, Thresholds } from './model';
import { sigmoid } from './train';

export type ReasonCode = SignalCode | 'phrase' | 'site-evidence' | 'listed-links';

export interface ReasonHit extends Omit<SignalHit, 'code'> {
  code: ReasonCode;
  /** For site evidence: when the page in `evidence` was seen. */
  seenAt?: number;
}

/**
 * Weight, in the reasons' points, of a reason that alone puts a page at warning: another page of
 * its site did (site-evidence.ts), or it links to listed sites (utils/page/listed-links.ts).
 */
export const WARNING_REASON_WEIGHT = 25;

/** `page` (or a page without a sample) raised to warning by `reason`, put first. */
export function raisedToWarning(page: DetectedPage | null, reason: ReasonHit): DetectedPage {
  return {
    score: Math.max(page?.score ?? 0, THRESHOLDS.warning),
    level: 'warning',
    signals: [reason, ...(page?.signals ?? [])],
  };
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

/** Each named signal's feature index (built once, not per page). */
const CODE_INDEX = new Map<ReasonCode, number>(SIGNAL_CODES.map((c, i) => [c, i]));

function reasons(model: LoadedModel, features: ScoredFeatures, level: Level): ReasonHit[] {
  // Loops into literals, not map and filter: the built-ins' arrays and the optimiser's inlined
  // copies' have different elements kinds, and this function deoptimised on the second kind it
  // met, then was compiled again (docs/performance-history.md, "Scoring, twelfth pass").
  const weighed: ReasonHit[] = [];
  for (const hit of features.hits) {
    const i = CODE_INDEX.get(hit.code);
    const value = i === undefined ? undefined : features.named.get(i);
    const contribution = i !== undefined && value !== undefined ? model.weights[i]! * value : 0;
    weighed.push({ ...hit, weight: Math.round(contribution * POINTS_PER_LOGIT) });
  }
  // A signal is named only on the side its meaning is on: "no prescription needed" never reads as
  // evidence for a licensed seller, even where the fit gave it a small negative weight.
  const meansRogue = (h: ReasonHit) =>
    h.code !== 'phrase' &&
    h.code !== 'site-evidence' &&
    h.code !== 'listed-links' &&
    signalMeansRogue(h.code);
  const lookalike: ReasonHit[] = [];
  const forRogue: ReasonHit[] = [];
  const against: ReasonHit[] = [];
  for (const h of weighed) {
    if (h.code === 'lookalike')
      lookalike.push({ ...h, weight: Math.max(h.weight, WEIGHTS.lookalike.first) });
    else if (h.weight > 0 && meansRogue(h)) forRogue.push(h);
    if (h.weight < 0 && !meansRogue(h)) against.push(h);
  }
  forRogue.sort((a, b) => b.weight - a.weight);
  against.sort((a, b) => a.weight - b.weight);
  const phrases = level === 'none' ? [] : topPhrases(model, features);
  return [
    ...lookalike,
    ...forRogue.slice(0, MAX_SIGNALS_FOR - lookalike.length),
    ...phrases,
    ...against.slice(0, MAX_SIGNALS_AGAINST),
  ];
}

/** The phrases around the n-grams that pushed the score up most, in the page's words. */
function topPhrases(model: LoadedModel, features: ScoredFeatures): ReasonHit[] {
  const page = features.evidence.page;
  const text = features.evidence.text;
  if (text.length === 0) return [];
  const out: ReasonHit[] = [];
  for (const p of phrasesAround(text, features.strongest, model.weights, features.textValue)) {
    if (out.length === MAX_PHRASES) break;
    const sourceFrom = page.norm.map[p.start] ?? 0;
    const sourceTo = (page.norm.map[p.end - 1] ?? sourceFrom) + 1;
    const words = page.source.slice(sourceFrom, sourceTo).replace(/\s+/g, ' ').trim();
    // The same words found again elsewhere on the page name nothing new.
    if (words === '' || out.some((r) => r.evidence === words)) continue;
    out.push({
      code: 'phrase',
      weight: Math.round(p.heat * POINTS_PER_LOGIT),
      evidence: words,
      terms: [text.slice(p.start, p.end).trim()],
    });
  }
  return out;
}

export { levelFor };
