// Where a page's scoring time goes, stage by stage (issue 15): `npx tsx tools/bench/score-stages.ts
// [calls] [--page=2mb|200kb|10kb]` times each stage of scoreWithModel alone, in CPU time, on the
// bench's page sample, taking turns with the whole scorer and with normalising the same sample
// (the ratio budget's baseline), and prints a table of medians and p95s. The stages are called on
// inputs computed once beforehand, so each row is that stage alone; the rows need not add up to
// the whole (the whole shares caches and the garbage collector between them).
import { parseHTML } from 'linkedom';
import { collectSample } from '../../utils/content/sample';
import { normalizeBuffers, normalizeWithMap } from '../../utils/content/normalize';
import { extractFeatures, namedSignals, scoreFeatures } from '../../utils/detector/features';
import { logit, scoreWithModel } from '../../utils/detector/model-score';
import { Collector } from '../../utils/detector/ngrams';
import { phrasesAround } from '../../utils/detector/phrases';
import { scanTerms } from '../../utils/detector/matchers';
import { markText } from '../../utils/detector/text-marks';
import { shippedModel } from '../../utils/detector/shipped';
import { gather, prepare, type PageSample } from '../../utils/detector/signals';
import { structureFacts, structureOfText } from '../../utils/detector/structure';
import { cpuMs, percentile } from './common';
import { normalisingBaseline } from './detector';
import { syntheticPage } from './pages';

/** The bench pages' sizes, chosen with `--page=` (score-stages, score-ab, score-tail). */
const SIZES = { '10kb': 10 * 1024, '200kb': 200 * 1024, '2mb': 2 * 1024 * 1024 } as const;

/** The `--page=` argument (default 2mb), checked: an unknown size is an error, not an empty page. */
export function pageArg(argv: readonly string[]): { size: string; bytes: number } {
  const size = argv.find((a) => a.startsWith('--page='))?.slice(7) ?? '2mb';
  if (!Object.hasOwn(SIZES, size))
    throw new Error(`--page must be one of ${Object.keys(SIZES).join(', ')}`);
  return { size, bytes: SIZES[size as keyof typeof SIZES] };
}

export async function benchSample(bytes: number): Promise<PageSample> {
  const { document } = parseHTML(syntheticPage(bytes).html);
  const sample = await collectSample(document as unknown as Document, {
    yieldFn: async () => undefined,
  });
  return {
    url: 'https://bench.example/',
    host: 'bench.example',
    hostUnicode: 'bench.example',
    ...sample,
  };
}

export async function main(argv: string[]): Promise<void> {
  const calls = Number(argv.find((a) => /^\d+$/.test(a)) ?? 300);
  const { size, bytes } = pageArg(argv);
  const full = await benchSample(bytes);
  const model = shippedModel();
  const prepared = prepare(full);
  const text = prepared.norm.text;
  const evidence = gather(prepared);
  const features = extractFeatures(full);
  const { strongest } = scoreFeatures(full, model.weights, model.bias, model.features);
  const buffers = normalizeBuffers();
  // The normaliser's units of the page, as the scorer's scan marks them (normalizePage's codes).
  const codes = prepare(full, normalizeBuffers()).norm.codes;
  const stages: [string, () => unknown][] = [
    ['whole scorer (scoreWithModel)', () => scoreWithModel(model, full)],
    [
      'normalising the sample (the baseline, normalisingBaseline)',
      normalisingBaseline(prepared.source),
    ],
    [
      'normalising with the map copied out (the baseline until session 25)',
      () => normalizeWithMap(prepared.source),
    ],
    ['prepare: join + normalise, map copied out (as training does)', () => prepare(full)],
    [
      "prepare: join + normalise into the scorer's buffers (no map copy)",
      () => prepare(full, buffers),
    ],
    // The scan marks the text (from the normaliser's units) and the n-gram pass then reuses the
    // marks: marked on every call, as the scorer does once a page.
    ['marks (markText from the units)', () => markText(text, codes)],
    ['marks + term scan (scanTerms)', () => scanTerms(text, codes)],
    ['gather: scan + drugs, claims in warnings, structure', () => gather(prepared)],
    [
      'structure facts of the text',
      () => structureFacts(full.structure ?? structureOfText(full.text)),
    ],
    ['named signals', () => namedSignals(evidence)],
    [
      "n-grams (Collector.addText, the scan's marks reused)",
      () => {
        const c = new Collector();
        c.addText(text, true);
        c.release();
      },
    ],
    ['features (extractFeatures, all of the above)', () => extractFeatures(full)],
    ['dot product (logit)', () => logit(model, features)],
    [
      'phrases (the heat around the strongest n-grams)',
      () => phrasesAround(text, strongest, model.weights, features.textValue),
    ],
  ];
  const times = stages.map(() => [] as number[]);
  // Warm-up: every stage's code compiled before anything is timed.
  for (let w = 0; w < 20; w += 1) for (const [, fn] of stages) fn();
  // Turns of ten calls per stage, so that every stage sees the same moments of a shared machine.
  for (let block = 0; block < calls / 10; block += 1)
    stages.forEach(([, fn], s) => {
      for (let k = 0; k < 10; k += 1) {
        const start = cpuMs();
        fn();
        times[s]!.push(cpuMs() - start);
      }
    });
  const base = percentile(times[1]!, 50);
  console.log(
    `${size} page, sample ${prepared.source.length} chars (normalised ${text.length}), ${calls} calls a stage, CPU time`,
  );
  console.log('| stage | median ms | p95 ms | median × normalising |');
  console.log('|---|---|---|---|');
  stages.forEach(([name], s) => {
    const med = percentile(times[s]!, 50);
    console.log(
      `| ${name} | ${med.toFixed(3)} | ${percentile(times[s]!, 95).toFixed(3)} | ${(med / base).toFixed(2)}× |`,
    );
  });
}

if (process.argv[1]?.endsWith('score-stages.ts')) await main(process.argv.slice(2));
