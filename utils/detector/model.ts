// The shipped model: a JSON file with the bias, the named features' weights, the strongest hashed
// weights (pruned, quantised to 8 bits, base64) and the thresholds chosen on cross-validation.
// compactModel turns a fit into that file; loadModel turns the file into a dense weight array the
// scorer reads with one typed-array access per feature.
import { z } from '../core/zod';
import {
  BUCKETS,
  HASHED_OFFSET,
  HASH_BITS,
  NAMED_FEATURES,
  FEATURE_COUNT,
  FEATURE_DEFAULTS,
  HOST_MODES,
  SCRIPTS,
  resolveFeatureOptions,
  type FeatureOptions,
  type ResolvedFeatureOptions,
  type Script,
} from './features';
import type { Fitted } from './train';
import { MISS_SIGNALS } from './miss-signals';

export const MODEL_FORMAT = 'kusuri-guard-detector/1';
/** Hashed weights kept in the shipped file (the rest are the smallest and are dropped). */
export const KEEP_HASHED = 40_000;

export const ThresholdsSchema = z.object({
  caution: z.number().check(z.gte(0), z.lte(1)),
  warning: z.number().check(z.gte(0), z.lte(1)),
  danger: z.number().check(z.gte(0), z.lte(1)),
});
export type Thresholds = z.infer<typeof ThresholdsSchema>;
/** Thresholds per script: Japanese pages and the rest are held to the limits separately. */
export const ThresholdSetSchema = z.object({ ja: ThresholdsSchema, en: ThresholdsSchema });
export type ThresholdSet = Record<Script, Thresholds>;

/** The feature options a model was trained with: the scorer extracts the same features. */
export const FeatureOptionsSchema = z.object({
  latinGrams: z.boolean(),
  host: z.enum(HOST_MODES),
  shape: z.boolean(),
  pathWords: z.boolean(),
  wordTrigrams: z.boolean(),
  // Absent in model files written before the option existed.
  latinGramsEn: z.optional(z.boolean()),
  missSignals: z.optional(z.boolean()),
  missOn: z.optional(z.array(z.enum(SCRIPTS))),
  missGroups: z.optional(z.array(z.enum(MISS_SIGNALS))),
});

export const ModelFileSchema = z.object({
  format: z.literal(MODEL_FORMAT),
  hashBits: z.literal(HASH_BITS),
  named: z.array(z.string()),
  features: FeatureOptionsSchema,
  bias: z.number(),
  namedWeights: z.array(z.number()),
  hashed: z.object({
    count: z.number().check(z.int(), z.gte(0)),
    /** Weight of one quantisation step. */
    scale: z.number().check(z.positive()),
    /** Bucket numbers, ascending, as base64 of unsigned LEB128 gaps. */
    buckets: z.string(),
    /** One signed byte per bucket, base64. */
    weights: z.string(),
  }),
  thresholds: ThresholdSetSchema,
  trainedOn: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type ModelFile = z.infer<typeof ModelFileSchema>;

export interface LoadedModel {
  bias: number;
  /** Dense weights over the whole feature space (named features first). */
  weights: Float32Array;
  thresholds: ThresholdSet;
  /** What the scorer must extract from a page (as the model was trained). */
  features: ResolvedFeatureOptions;
}

function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function roundThresholds(t: Thresholds): Thresholds {
  return { caution: round(t.caution), warning: round(t.warning), danger: round(t.danger) };
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i += 1) out[i] = s.charCodeAt(i);
  return out;
}

export function compactModel(
  fitted: Fitted,
  thresholds: ThresholdSet,
  trainedOn: ModelFile['trainedOn'],
  keep = KEEP_HASHED,
  features: FeatureOptions = FEATURE_DEFAULTS,
): ModelFile {
  const namedWeights = NAMED_FEATURES.map(() => 0);
  const hashed: { bucket: number; w: number }[] = [];
  fitted.features.forEach((f, i) => {
    const w = fitted.weights[i]!;
    if (f < HASHED_OFFSET) namedWeights[f] = round(w);
    else if (w !== 0) hashed.push({ bucket: f - HASHED_OFFSET, w });
  });
  // The strongest weights; ties broken by bucket so the choice is deterministic.
  hashed.sort((a, b) => Math.abs(b.w) - Math.abs(a.w) || a.bucket - b.bucket);
  const kept = hashed.slice(0, keep).sort((a, b) => a.bucket - b.bucket);
  const max = kept.reduce((m, h) => Math.max(m, Math.abs(h.w)), 0);
  const scale = max > 0 ? max / 127 : 1;
  const gaps: number[] = [];
  let prev = 0;
  for (const h of kept) {
    let gap = h.bucket - prev;
    prev = h.bucket;
    do {
      const byte = gap & 0x7f;
      gap >>>= 7;
      gaps.push(gap > 0 ? byte | 0x80 : byte);
    } while (gap > 0);
  }
  const weights = Int8Array.from(kept, (h) => Math.round(h.w / scale));
  return {
    format: MODEL_FORMAT,
    hashBits: HASH_BITS,
    named: [...NAMED_FEATURES],
    features: resolveFeatureOptions(features),
    bias: round(fitted.bias),
    namedWeights,
    hashed: {
      count: kept.length,
      scale: round(scale, 8),
      buckets: toBase64(Uint8Array.from(gaps)),
      weights: toBase64(new Uint8Array(weights.buffer)),
    },
    thresholds: {
      ja: roundThresholds(thresholds.ja),
      en: roundThresholds(thresholds.en),
    },
    trainedOn,
  };
}

export function loadModel(input: unknown): LoadedModel {
  const file = ModelFileSchema.parse(input);
  // A model trained with other named features would read every weight in the wrong place.
  if (file.named.join() !== NAMED_FEATURES.join())
    throw new Error('the model was trained with other named features: run npm run train');
  const weights = new Float32Array(FEATURE_COUNT);
  file.namedWeights.forEach((w, i) => (weights[i] = w));
  const gaps = fromBase64(file.hashed.buckets);
  const q = new Int8Array(fromBase64(file.hashed.weights).buffer);
  if (q.length !== file.hashed.count) throw new Error('model weights and buckets disagree');
  let bucket = 0;
  let pos = 0;
  for (let i = 0; i < file.hashed.count; i += 1) {
    let gap = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = gaps[pos]!;
      pos += 1;
      gap |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    bucket += gap;
    if (bucket >= BUCKETS) throw new Error('model bucket out of range');
    weights[HASHED_OFFSET + bucket] = q[i]! * file.hashed.scale;
  }
  return {
    bias: file.bias,
    weights,
    thresholds: file.thresholds,
    features: resolveFeatureOptions(file.features),
  };
}
