// `npm run train`: trains the page detector on data/corpus and writes data/detector-model.json.
// Deterministic: the same corpus and trainer give the same bytes (the unit tests retrain and
// compare). Thresholds come from a grouped cross-validation of the corpus, never from the pages
// the final fit saw as training data.
import { readFileSync, writeFileSync } from 'node:fs';
import { loadCorpus } from './lib/corpus';
import {
  CORPUS_DIR,
  MODEL_FILE,
  SHIPPED_PIPELINE,
  corpusHash,
  scoredPages,
  siteOf,
  trainerHash,
  trainingPages,
} from './lib/training-set';
import { buildModelWith, type FitRunner } from '../utils/detector/pipeline';
import { configuredWorkers, withFitPool, type FitPool } from './lib/fit-pool';
import type { ModelFile } from '../utils/detector/model';

/**
 * The model of the corpus in `dir`. The fits run on `pool` when given, else on a pool of
 * KG_TRAIN_WORKERS workers (default: the cores available; README
 * "Measured detection"; docs/detection-history.md, "Where training's time goes"); the file is the
 * same bytes either way.
 */
export async function trainFromCorpus(
  dir = CORPUS_DIR,
  pool?: FitPool,
  phases: string[] = [],
): Promise<ModelFile> {
  if (!pool) return withFitPool((own) => trainFromCorpus(dir, own, phases));
  let at = performance.now();
  const lap = (what: string) => {
    phases.push(`${what} ${((performance.now() - at) / 1000).toFixed(1)} s`);
    at = performance.now();
  };
  const corpus = await loadCorpus(dir);
  // In this thread: on the workers it was slower (they start tsx first; docs/detection-history.md,
  // "Where training's time goes").
  const pages = trainingPages(corpus, SHIPPED_PIPELINE.features);
  lap('reading and extracting the pages');
  const trainedOn = {
    corpus: corpusHash(dir),
    trainer: trainerHash(),
    pages: pages.length,
    sites: new Set(scoredPages(corpus).map(siteOf)).size,
    positives: pages.filter((p) => p.positive).length,
    negatives: pages.filter((p) => !p.positive).length,
  };
  // buildModel's first batch is every inner fit, its second the final fit (with compaction).
  const timed: FitRunner = async (list, tasks) => {
    const results = await pool.run(list, tasks);
    lap(`${tasks.length} ${tasks.length > 1 ? 'fits' : 'fit'}`);
    return results;
  };
  return (await buildModelWith(pages, trainedOn, SHIPPED_PIPELINE, timed)).file;
}

export function serializeModel(file: ModelFile): string {
  return `${JSON.stringify(file, null, 1)}\n`;
}

async function main(argv: string[]): Promise<number> {
  const check = argv.includes('--check');
  const started = performance.now();
  const phases: string[] = [];
  const text = serializeModel(await trainFromCorpus(CORPUS_DIR, undefined, phases));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`KG_TRAIN_WORKERS ${configuredWorkers()}: ${phases.join(', ')}`);
  if (check) {
    const same = readFileSync(MODEL_FILE, 'utf8') === text;
    console.log(
      same
        ? `${MODEL_FILE} is up to date (${seconds} s)`
        : `${MODEL_FILE} is stale: run npm run train`,
    );
    return same ? 0 : 1;
  }
  writeFileSync(MODEL_FILE, text);
  const file = JSON.parse(text) as ModelFile;
  console.log(
    `${MODEL_FILE}: ${file.trainedOn.pages} pages from ${file.trainedOn.sites} sites, ${file.hashed.count} hashed weights, ${text.length} bytes; thresholds ${JSON.stringify(file.thresholds)} (${seconds} s)`,
  );
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`)
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
