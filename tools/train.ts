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
import { buildModel } from '../utils/detector/pipeline';
import type { ModelFile } from '../utils/detector/model';

export async function trainFromCorpus(dir = CORPUS_DIR): Promise<ModelFile> {
  const corpus = await loadCorpus(dir);
  const pages = trainingPages(corpus, SHIPPED_PIPELINE.features);
  const trainedOn = {
    corpus: corpusHash(dir),
    trainer: trainerHash(),
    pages: pages.length,
    sites: new Set(scoredPages(corpus).map(siteOf)).size,
    positives: pages.filter((p) => p.positive).length,
    negatives: pages.filter((p) => !p.positive).length,
  };
  return buildModel(pages, trainedOn, SHIPPED_PIPELINE).file;
}

export function serializeModel(file: ModelFile): string {
  return `${JSON.stringify(file, null, 1)}\n`;
}

async function main(argv: string[]): Promise<number> {
  const check = argv.includes('--check');
  const started = performance.now();
  const text = serializeModel(await trainFromCorpus());
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
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
