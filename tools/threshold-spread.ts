// `npx tsx tools/threshold-spread.ts [--lambda L] [--splits N]`: how much the thresholds
// `npm run train` would ship move with the inner split they are chosen on. On data/corpus with
// the shipped features and one L2 strength (default: the shipped file's), the out-of-fold scores
// of N × 3 inner splits (seeds s + k·INNER_SEED_STEP, s < N, k < 3) give N × 3 threshold sets
// chosen on one split each, and N sets chosen on three splits pooled (PipelineOptions.innerSeeds):
// printed per script with their range. No page is judged here: only the thresholds' spread.
import { readFileSync } from 'node:fs';
import { loadCorpus } from './lib/corpus';
import { CORPUS_DIR, MODEL_FILE, SHIPPED_PIPELINE, trainingPages } from './lib/training-set';
import { flagValue } from './lib/args';
import {
  INNER_SEED_STEP,
  outOfFold,
  pooledScores,
  type TrainingPage,
} from '../utils/detector/pipeline';
import { chooseThresholdSet } from '../utils/detector/thresholds';
import { SCRIPTS } from '../utils/detector/features';
import type { ThresholdSet } from '../utils/detector/model';

const POOLED = 3;

function thresholds(pages: readonly TrainingPage[], oofs: readonly number[][]): ThresholdSet {
  return chooseThresholdSet(pooledScores(pages, oofs));
}

function range(sets: readonly ThresholdSet[], script: (typeof SCRIPTS)[number]): string {
  const w = sets.map((t) => t[script].warning);
  const fmt = (x: number) => x.toFixed(4);
  return `warning ${w.map(fmt).join(' ')} (range ${fmt(Math.max(...w) - Math.min(...w))})`;
}

async function main(argv: string[]): Promise<number> {
  const file = JSON.parse(readFileSync(MODEL_FILE, 'utf8')) as { trainedOn: { lambda?: number } };
  const lambda = Number(flagValue(argv, '--lambda') ?? file.trainedOn.lambda ?? 1);
  const splits = Number(flagValue(argv, '--splits') ?? 3);
  const pages = trainingPages(await loadCorpus(CORPUS_DIR), SHIPPED_PIPELINE.features);
  const options = { ...SHIPPED_PIPELINE, lambdas: undefined, fit: { lambda } };
  const oof = new Map<number, number[]>();
  for (let s = 0; s < splits; s += 1)
    for (let k = 0; k < POOLED; k += 1) {
      const seed = s + k * INNER_SEED_STEP;
      oof.set(seed, outOfFold(pages, { ...options, foldSeed: seed }));
      console.error(`inner split ${seed} done`);
    }
  const single = [...oof.values()].map((o) => thresholds(pages, [o]));
  const pooled = Array.from({ length: splits }, (_, s) =>
    thresholds(
      pages,
      Array.from({ length: POOLED }, (_, k) => oof.get(s + k * INNER_SEED_STEP)!),
    ),
  );
  console.log(`${pages.length} pages, L2 ${lambda}`);
  for (const script of SCRIPTS) {
    console.log(`${script} one split each (${single.length}): ${range(single, script)}`);
    console.log(`${script} ${POOLED} splits pooled (${pooled.length}): ${range(pooled, script)}`);
  }
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`)
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
