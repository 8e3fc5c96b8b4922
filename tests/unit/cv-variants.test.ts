// `npm run cv:variants` (tools/cv-variants.ts): its configurations parse into the options `npm
// run train` would use, its folds keep every site's pages together, and a variant's figures come
// from the pages each fold's model never saw.
import { describe, expect, it } from 'vitest';
import {
  discordant,
  judgeVariant,
  mergeVariants,
  parseVariant,
  VARIANTS,
} from '../../tools/cv-variants';
import { sampleFromText } from '../../tools/lib/corpus';
import { SHIPPED_PIPELINE } from '../../tools/lib/training-set';
import {
  HASHED_OFFSET,
  FEATURE_DEFAULTS,
  resolveFeatureOptions,
} from '../../utils/detector/features';
import {
  buildModel,
  crossValidate,
  PIPELINE_DEFAULTS,
  type CrossValidatedRow,
  type TrainingPage,
} from '../../utils/detector/pipeline';
import { crossValidateStacked, stageTwoRow } from '../../utils/detector/stacked';
import { siteInFraction } from '../../utils/detector/cv';
import { trainFractionArg } from '../../tools/eval';
import { repeatsArg, summariseRepeats } from '../../tools/lib/repeats';
import { wilson } from '../../tools/lib/metrics';
import { loadModel } from '../../utils/detector/model';
import { logit } from '../../utils/detector/model-score';
import { sigmoid } from '../../utils/detector/train';

describe('cv:variants page-by-page differences', () => {
  it('counts, per language, the pages each of two variants warns on and the other does not', () => {
    const row = (lang: string, positive: boolean, warned: boolean) => ({ lang, positive, warned });
    const a = [
      row('ja', true, true),
      row('ja', true, false),
      row('ja', false, false),
      row('en', false, true),
      row('en', true, true),
    ];
    const b = [
      row('ja', true, false),
      row('ja', true, true),
      row('ja', false, true),
      row('en', false, false),
      row('en', true, true),
    ];
    expect(discordant(a, b)).toEqual({
      ja: { gained: 1, lost: 1, newAlarms: 1, goneAlarms: 0 },
      en: { gained: 0, lost: 0, newAlarms: 0, goneAlarms: 1 },
    });
  });
});

describe('cv:variants configurations', () => {
  it('parses every named configuration into pipeline and feature options', () => {
    for (const name of Object.keys(VARIANTS)) {
      const { pipeline, features } = parseVariant(name);
      expect(pipeline.folds).toBe(PIPELINE_DEFAULTS.folds);
      expect(pipeline.features).toEqual(features);
      // Every option spelt out; the miss signals' groups only where a variant names them.
      expect(
        Object.keys(features)
          .filter((k) => k !== 'missGroups')
          .sort(),
      ).toEqual([
        'host',
        'latinGrams',
        'latinGramsEn',
        'missSignals',
        'pathWords',
        'shape',
        'wordTrigrams',
      ]);
      expect('missGroups' in features).toBe(name.startsWith('miss-'));
    }
  });

  it("reads `ja:` and `en:` as a variant for one language's pages (nb and miss only)", () => {
    const both = parseVariant('shipped+ja:nb+en:miss');
    expect(both.pipeline.nbAlpha).toBe(1);
    expect(both.pipeline.nbScripts).toEqual(['ja']);
    expect(both.features.missSignals).toBe(true);
    expect(both.features.missOn).toEqual(['en']);
    expect(parseVariant('shipped+en:miss-shops').features).toMatchObject({
      missOn: ['en'],
      missGroups: ['import-shop-named'],
    });
    // Lists are joined; a variant on every language keeps every language.
    expect(parseVariant('ja:nb+en:nb').pipeline.nbScripts).toEqual(['ja', 'en']);
    expect(parseVariant('nb+en:nb').pipeline.nbScripts).toBeUndefined();
    expect(parseVariant('miss+ja:miss').features.missOn).toBeUndefined();
    expect(parseVariant('miss-offer+miss-policy').features.missGroups).toEqual([
      'assertive-offer',
      'rogue-policy',
    ]);
    expect(parseVariant('miss+miss-offer').features.missGroups).toBeUndefined();
    expect(parseVariant('shipped').pipeline.nbScripts).toBeUndefined();
    expect(() => parseVariant('ja:path')).toThrow(/only nb and miss/);
    expect(() => parseVariant('fr:nb')).toThrow(/unknown variant fr:nb/);
  });

  it('reads `shipped` as what npm run train uses', () => {
    const { pipeline, features } = parseVariant('shipped');
    expect(features).toEqual(resolveFeatureOptions(FEATURE_DEFAULTS));
    expect({ ...pipeline, features: undefined }).toEqual({
      ...SHIPPED_PIPELINE,
      features: undefined,
    });
    // `session7` is session 7's shipped configuration: raw host tokens, one L2 strength.
    const old = parseVariant('session7');
    expect(old.features.host).toBe('raw');
    expect(old.pipeline.lambdas).toBeUndefined();
  });

  it('joins names with +, later ones over earlier ones', () => {
    const { pipeline, features } = parseVariant('baseline+shape+host-typed+path');
    expect(pipeline.fprWarning).toBe(0.02);
    expect(features).toEqual({
      latinGrams: false,
      host: 'typed',
      shape: true,
      pathWords: true,
      wordTrigrams: false,
      latinGramsEn: false,
      missSignals: false,
    });
    expect(parseVariant('shipped+miss').features).toEqual({
      ...resolveFeatureOptions(FEATURE_DEFAULTS),
      missSignals: true,
    });
    expect(parseVariant('fpr-2.5+fpr-3').pipeline.fprWarning).toBe(0.03);
    expect(parseVariant('l2-3+l2-0.3').pipeline.fit.lambda).toBe(0.3);
    expect(mergeVariants({ fit: { lambda: 3 } }, { fit: { maxIterations: 5 } }).fit).toEqual({
      lambda: 3,
      maxIterations: 5,
    });
  });

  it('refuses unknown names and feature options', () => {
    expect(() => parseVariant('shape+nonsense')).toThrow(/unknown variant nonsense/);
    expect(() => parseVariant('')).toThrow(/unknown variant/);
    VARIANTS['bad-host-test'] = { features: { host: 'odd' as 'raw' } };
    try {
      expect(() => parseVariant('bad-host-test')).toThrow();
    } finally {
      delete VARIANTS['bad-host-test'];
    }
  });
});

/**
 * 60 sites of two pages each; every site has a feature of its own that tells its class perfectly
 * (a model that saw the site learns it) and nothing else: a page judged by a model that never saw
 * its site gets the bias alone.
 */
function memorisable(): {
  corpus: ReturnType<typeof page>[];
  training: TrainingPage[];
} {
  const corpus: ReturnType<typeof page>[] = [];
  const training: TrainingPage[] = [];
  for (let s = 0; s < 60; s += 1) {
    const positive = s % 2 === 0;
    for (let k = 0; k < 2; k += 1) {
      const p = page(s, k, positive);
      corpus.push(p);
      training.push({
        slug: `${p.url}`,
        site: `site${s}.example`,
        lang: 'en',
        script: 'en',
        positive,
        index: Int32Array.from([HASHED_OFFSET + 1000 + s]),
        value: Float32Array.from([1]),
      });
    }
  }
  return { corpus, training };
}

function page(site: number, k: number, positive: boolean) {
  const url = `https://site${site}.example/page${k}`;
  return {
    url,
    lang: 'en',
    class: positive ? ('rogue' as const) : ('info' as const),
    sample: sampleFromText(url, 'text'),
  };
}

describe('one model per language (split)', () => {
  it("judges each language's pages by a model that learned from that language's pages only", () => {
    const { training } = memorisable();
    // Half the sites of each class become Japanese, first with one feature on every
    // page (it tells nothing), then on the pages to warn on only (their others have none).
    const japanese = (p: TrainingPage) => Number(/\d+/.exec(p.site)![0]) % 4 >= 2;
    const withJa = (telling: boolean) =>
      training.map((p) =>
        japanese(p)
          ? {
              ...p,
              lang: 'ja',
              script: 'ja' as const,
              index: Int32Array.from(telling && !p.positive ? [] : [HASHED_OFFSET + 5]),
              value: Float32Array.from(telling && !p.positive ? [] : [1]),
            }
          : p,
      );
    const english = (rows: CrossValidatedRow[]) =>
      rows.filter((_, i) => !japanese(training[i]!)).map((r) => r.probability);
    const split = { ...parseVariant('shipped').pipeline, perScript: true };
    const a = english(crossValidate(withJa(false), split));
    expect(a.length).toBe(60);
    expect(english(crossValidate(withJa(true), split))).toEqual(a);
    // Fitted jointly, the English pages' scores move with the Japanese pages' features.
    const joint = parseVariant('shipped').pipeline;
    const moved = english(crossValidate(withJa(true), joint)).map(
      (p, i) => p - english(crossValidate(withJa(false), joint))[i]!,
    );
    expect(Math.max(...moved.map(Math.abs))).toBeGreaterThan(0.01);
  });
});

describe('learning curve (eval --cv --train-fraction)', () => {
  it("keeps a nested share of the sites, by name and the split's seed", () => {
    const sites = Array.from({ length: 2000 }, (_, i) => `shop${i}.example`);
    const kept = (f: number, seed = 0) => sites.filter((s) => siteInFraction(s, f, seed));
    expect(kept(1)).toEqual(sites);
    for (const f of [0.25, 0.5, 0.75]) {
      expect(Math.abs(kept(f).length / sites.length - f)).toBeLessThan(0.05);
      expect(kept(f / 2).every((s) => kept(f).includes(s))).toBe(true);
      expect(kept(f / 2, 1).every((s) => kept(f, 1).includes(s))).toBe(true);
    }
    // Another split draws other sites.
    const shared = kept(0.5).filter((s) => kept(0.5, 1).includes(s)).length;
    expect(shared / kept(0.5).length).toBeLessThan(0.7);
  });

  it('learns from the kept sites of each fold only and judges every page on the same folds', () => {
    const { training } = memorisable();
    const options = parseVariant('shipped').pipeline;
    const half = { ...options, trainFraction: 0.5 };
    const kept = (p: TrainingPage) => siteInFraction(p.site, 0.5);
    expect(training.filter(kept).length).toBeGreaterThan(20);
    expect(training.filter((p) => !kept(p)).length).toBeGreaterThan(20);
    // The sites left out carry a feature of their own on their pages to warn on: a fit that
    // learned from them moves the kept pages' scores (bias, thresholds), one that did not cannot.
    const marked = training.map((p) =>
      kept(p) || !p.positive
        ? p
        : {
            ...p,
            index: Int32Array.from([...p.index, HASHED_OFFSET + 7]),
            value: Float32Array.from([...p.value, 1]),
          },
    );
    const keptRows = (rows: CrossValidatedRow[]) =>
      rows.filter((_, i) => kept(training[i]!)).map((r) => [r.fold, r.probability, r.level]);
    const a = crossValidate(training, half);
    const b = crossValidate(marked, half);
    // Every page is judged, on the folds the whole corpus makes (crossValidate's rows are sparse
    // where a page was never judged: Array.from reads the holes as undefined).
    const folds = (rows: CrossValidatedRow[]) => Array.from(rows, (r) => r?.fold);
    expect(folds(a)).toEqual(folds(crossValidate(training, options)));
    expect(folds(b)).toEqual(folds(a));
    expect(folds(a).every((f) => f !== undefined)).toBe(true);
    expect(keptRows(b)).toEqual(keptRows(a));
    // With every site learned from, the mark does move them; and 1 is the same as no fraction.
    const all = crossValidate(training, options);
    expect(keptRows(crossValidate(training, { ...options, trainFraction: 1 }))).toEqual(
      keptRows(all),
    );
    const moved = crossValidate(marked, options).map((r, i) => r.probability - all[i]!.probability);
    expect(Math.max(...moved.map(Math.abs))).toBeGreaterThan(1e-6);
  });

  it('is refused by the stacked cross-validation, which would learn from every site', () => {
    const { training } = memorisable();
    const half = { ...parseVariant('shipped').pipeline, trainFraction: 0.5 };
    expect(() => crossValidateStacked(training, half, { rounds: 5 })).toThrow(/trainFraction/);
  });

  it('reads --train-fraction as a number in (0, 1]', () => {
    expect(trainFractionArg(['--cv'])).toBe(1);
    expect(trainFractionArg(['--cv', '--train-fraction', '0.25'])).toBe(0.25);
    for (const bad of ['0', '-1', '1.5', 'half'])
      expect(() => trainFractionArg(['--train-fraction', bad])).toThrow(/train-fraction/);
  });
});

describe('cv:variants judging', () => {
  it('keeps every site in one fold, and spreads the sites over all folds', () => {
    const { corpus, training } = memorisable();
    const { rows } = judgeVariant(corpus, training, parseVariant('shipped').pipeline);
    const foldOf = new Map<string, number>();
    for (const [i, row] of rows.entries()) {
      const site = training[i]!.site;
      if (foldOf.has(site)) expect(row.fold).toBe(foldOf.get(site));
      foldOf.set(site, row.fold);
    }
    expect(new Set(foldOf.values()).size).toBe(PIPELINE_DEFAULTS.folds);
  });

  it("judges each page by a model that never saw its site (the test folds' figures only)", () => {
    const { corpus, training } = memorisable();
    // Trained on every page, the model tells each page's class from its site's feature…
    const all = loadModel(buildModel(training, {}).file);
    const seen = training.map((p) => sigmoid(logit(all, p)));
    expect(Math.min(...seen.filter((_, i) => training[i]!.positive))).toBeGreaterThan(
      Math.max(...seen.filter((_, i) => !training[i]!.positive)),
    );
    // …but the variant's figures come from models that never saw the page's site: every page of
    // a fold gets the same probability (the bias), whatever its class.
    const { rows, byLanguage } = judgeVariant(corpus, training, parseVariant('shipped').pipeline);
    for (let f = 0; f < PIPELINE_DEFAULTS.folds; f += 1) {
      const inFold = rows.filter((r) => r.fold === f).map((r) => r.probability);
      expect(inFold.length).toBeGreaterThan(0);
      expect(new Set(inFold).size).toBe(1);
    }
    const en = byLanguage.en!;
    expect(en.pages.recall.total).toBe(60);
    expect(en.pages.falsePositiveRate.total).toBe(60);
    expect(en.sites.recall.total).toBe(30);
    // A fold's pages are all warned or all left alone: the warned pages of each class come in
    // whole folds, never the 60 positives alone.
    expect(en.pages.recall.hits < 60 || en.pages.falsePositiveRate.hits > 0).toBe(true);
  });
});

describe('cv:variants second stage (shipped+stack)', () => {
  it('parses `+stack` on top of a configuration without changing its pipeline', () => {
    const plain = parseVariant('shipped');
    const stacked = parseVariant('shipped+stack');
    expect(stacked.stack).toBe(true);
    expect(plain.stack).toBe(false);
    expect(stacked.pipeline).toEqual(plain.pipeline);
  });

  it("gives the regression's own cross-validation beside the stacked one, site by site", () => {
    const { training } = memorisable();
    const options = parseVariant('shipped').pipeline;
    const { base, stacked } = crossValidateStacked(training, options, { rounds: 5 });
    const plain = crossValidate(training, options);
    expect(base.map((r) => [r.fold, r.probability, r.level])).toEqual(
      plain.map((r) => [r.fold, r.probability, r.level]),
    );
    expect(stacked.map((r) => r.fold)).toEqual(plain.map((r) => r.fold));
    // The stage never saw the judged sites either: the pages of a fold share one probability.
    for (let f = 0; f < PIPELINE_DEFAULTS.folds; f += 1)
      expect(new Set(stacked.filter((r) => r.fold === f).map((r) => r.probability)).size).toBe(1);
  });

  it("reads the regression's logit, the script, the length and the named features", () => {
    const x = stageTwoRow(
      {
        script: 'ja',
        index: Int32Array.from([1, HASHED_OFFSET + 5, HASHED_OFFSET + 9]),
        value: Float32Array.from([2, 1, 1]),
      },
      -0.5,
    );
    expect(x.length).toBe(3 + HASHED_OFFSET);
    expect(x.slice(0, 5)).toEqual([-0.5, 1, Math.log1p(2), 0, 2]);
  });
});

describe('repeated cross-validation (--repeats)', () => {
  it('summarises splits per language: mean, range and pooled counts', () => {
    const rates = (hits: number, total: number, fp: number) => ({
      recall: wilson(hits, total),
      falsePositiveRate: wilson(fp, 100),
    });
    const s = summariseRepeats([{ ja: rates(50, 100, 2) }, { ja: rates(60, 100, 4) }]);
    expect(s.ja!.recall.mean).toBeCloseTo(0.55, 9);
    expect([s.ja!.recall.min, s.ja!.recall.max]).toEqual([0.5, 0.6]);
    expect([s.ja!.recall.pooled.hits, s.ja!.recall.pooled.total]).toEqual([110, 200]);
    expect(s.ja!.falsePositiveRate.pooled.rate).toBeCloseTo(0.03, 9);
  });

  it('reads --repeats and refuses what is not a count', () => {
    expect(repeatsArg(['--cv'])).toBe(1);
    expect(repeatsArg(['--repeats', '3', 'shipped'])).toBe(3);
    expect(() => repeatsArg(['--repeats', 'x'])).toThrow();
    expect(() => repeatsArg(['--repeats', '0'])).toThrow();
  });
});
