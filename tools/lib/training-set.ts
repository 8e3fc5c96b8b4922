// From a labelled corpus to the detector's training pages, and the hashes a model records of
// where it came from (the corpus's bytes and the code that turns them into a model).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { POSITIVE, NEGATIVE, siteOfUrl, type CorpusPage } from './corpus';
import {
  extractFeatures,
  FEATURE_DEFAULTS,
  HASHED_OFFSET,
  type FeatureOptions,
} from '../../utils/detector/features';
import { similarSiteGroups } from '../../utils/detector/cv';
import {
  PIPELINE_DEFAULTS,
  type PipelineOptions,
  type TrainingPage,
} from '../../utils/detector/pipeline';

export const MODEL_FILE = 'data/detector-model.json';

/**
 * What `npm run train` fits and `npm run eval -- --cv` measures (docs/detection-history.md, session
 * 8): the features of FEATURE_DEFAULTS (the host read as typed words, the path's words), at one L2
 * strength. Until session 17 the strength was chosen from 1, 0.3 and 3 by a grouped
 * cross-validation of the pages given; that choice flipped on small changes of the corpus and
 * moved the thresholds with it (sd of the outer folds' warning thresholds 0.043–0.048), while a
 * fixed 1 warns as many pages within a point at the same false alarms with a third of that spread
 * (README, "Session 17: one L2 strength"). One strength in the list: the file records it.
 */
/**
 * The L2 strengths the pipeline chose from until session 17, and which the measuring tools still
 * compare or blend (`cv:variants` `l2-inner-only` and `blend`, `threshold-stability.ts`).
 */
export const L2_CANDIDATES: readonly number[] = [1, 0.3, 3];

export const SHIPPED_PIPELINE: PipelineOptions = {
  ...PIPELINE_DEFAULTS,
  lambdas: [1],
  features: FEATURE_DEFAULTS,
};
export const CORPUS_DIR = 'data/corpus';

/** Everything whose change changes the trained model. */
export const TRAINER_FILES = [
  'tools/train.ts',
  'tools/lib/training-set.ts',
  'tools/lib/corpus.ts',
  'utils/detector/features.ts',
  'utils/detector/train.ts',
  'utils/detector/model.ts',
  'utils/detector/cv.ts',
  'utils/detector/thresholds.ts',
  'utils/detector/pipeline.ts',
  'utils/detector/model-score.ts',
  'utils/detector/signals.ts',
  'utils/detector/matchers.ts',
  'utils/detector/evidence.ts',
  'utils/detector/feature-space.ts',
  'utils/detector/ngrams.ts',
  'utils/detector/text-marks.ts',
  'utils/detector/ascii-grams.ts',
  'utils/detector/page-shape.ts',
  'utils/detector/word-trigrams.ts',
  'utils/detector/miss-signals.ts',
  'data/import-shops.json',
  'utils/detector/lookalike.ts',
  'data/licensed.json',
  'utils/detector/lexicon.ts',
  'utils/content/normalize.ts',
  'utils/content/homoglyphs.ts',
  'utils/content/sample.ts',
  'utils/content/text-blocks.ts',
  'utils/content/text-visibility.ts',
  'utils/content/tree-walk.ts',
  'utils/content/structure.ts',
  'utils/detector/structure.ts',
];

/** Pages that are scored: `unsure` ones are neither learned from nor judged. */
export function scoredPages(pages: readonly CorpusPage[]): CorpusPage[] {
  return pages.filter((p) => POSITIVE.includes(p.class) || NEGATIVE.includes(p.class));
}

/** The site a page is grouped by: the corpus's one site rule (siteOfUrl), its URL if it has none. */
export function siteOf(page: Pick<CorpusPage, 'url'>): string {
  return siteOfUrl(page.url) ?? page.url;
}

/** The features near-copy grouping compares (only their first `baseCount` entries are read). */
const GROUPING_OPTIONS: FeatureOptions = { latinGrams: false, host: 'raw' };

/**
 * The training pages, each with the group it is kept in during cross-validation: its registrable
 * domain, joined with the sites whose pages are near-copies of it (utils/detector/cv.ts).
 */
export function trainingPages(
  pages: readonly CorpusPage[],
  options: FeatureOptions = FEATURE_DEFAULTS,
): TrainingPage[] {
  const scored = scoredPages(pages);
  const features = scored.map((page) => extractFeatures(page.sample, options));
  // Near-copies are judged on the features of the raw host tokens, without the Latin-script
  // character n-grams and page-shape.ts's features (added last), so that the groups, and with
  // them the folds, are the same whatever the options.
  const grouping =
    (options.host ?? 'raw') === 'raw'
      ? features
      : scored.map((page) => extractFeatures(page.sample, GROUPING_OPTIONS));
  const hashed = grouping.map((f) =>
    Int32Array.from(f.index.subarray(0, f.baseCount).filter((i) => i >= HASHED_OFFSET)).sort(),
  );
  const groups = similarSiteGroups(
    scored.map((page) => ({ site: siteOf(page) })),
    hashed,
  );
  return scored.map((page, i) => {
    const { index, value, script } = features[i]!;
    return {
      slug: page.slug,
      site: groups[i]!,
      domain: siteOf(page),
      lang: page.lang,
      script,
      positive: POSITIVE.includes(page.class),
      index,
      value,
    };
  });
}

function sha256(parts: readonly (string | Buffer)[]): string {
  const h = createHash('sha256');
  for (const part of parts) {
    h.update(String(part.length));
    h.update(part);
  }
  return h.digest('hex');
}

export function corpusHash(dir = CORPUS_DIR): string {
  const index = readFileSync(join(dir, 'index.json'));
  const slugs = (JSON.parse(index.toString('utf8')) as { slug: string }[]).map((e) => e.slug);
  return sha256([index, ...slugs.map((s) => readFileSync(join(dir, 'pages', `${s}.txt`)))]);
}

export function trainerHash(): string {
  return sha256(TRAINER_FILES.flatMap((f) => [f, readFileSync(f)]));
}
