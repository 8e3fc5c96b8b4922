// The model shipped with the extension (data/detector-model.json, written by `npm run train`),
// loaded once per worker life on first use: decoding it builds a 1 MB weight array.
import modelFile from '../../data/detector-model.json';
import type { PageSample } from './signals';
import { loadModel, type LoadedModel } from './model';
import { scoreWithModel, type DetectorScore } from './model-score';

let loaded: LoadedModel | null = null;

export function shippedModel(): LoadedModel {
  loaded ??= loadModel(modelFile);
  return loaded;
}

export function scoreDetected(sample: PageSample): DetectorScore {
  return scoreWithModel(shippedModel(), sample);
}
