// The optional features of utils/detector/page-shape.ts (spam on unrelated hosts, typed host
// words, path words), and the model file carrying the feature options the scorer then uses.
import { describe, expect, it } from 'vitest';
import {
  hostKind,
  pathFeatures,
  shapeFeatures,
  typedHostFeatures,
  NS_SHAPE,
} from '../../utils/detector/page-shape';
import { gather, prepare, type PageSample } from '../../utils/detector/evidence';
import { bucket, hashString } from '../../utils/detector/feature-space';
import { extractFeatures, FEATURE_COUNT, scoreFeatures } from '../../utils/detector/features';
import { compactModel, loadModel, type LoadedModel } from '../../utils/detector/model';
import { scoreWithModel } from '../../utils/detector/model-score';
import { fitLogistic } from '../../utils/detector/train';
import { TRIGRAM_SCALE, wordTrigrams } from '../../utils/detector/word-trigrams';

const idx = (name: string) => bucket(hashString(NS_SHAPE, name));

function sample(url: string, text: string): PageSample {
  const host = new URL(url).hostname;
  return { url, host, hostUnicode: host, title: '', meta: '', headings: '', text };
}

const SPAM =
  'Buy viagra online. Viagra 100mg, cialis 20mg, levitra, kamagra oral jelly. ' +
  'Order viagra without prescription at www.pills-example.ru — viagra viagra viagra.';

describe('page shape features', () => {
  it('types a host by its words: drug names, pharmacy or health words, neither', () => {
    expect(hostKind('viagra-shop.ru')).toEqual({ drug: true, pharmacy: false });
    expect(hostKind('www.drugs.com')).toEqual({ drug: false, pharmacy: true });
    expect(hostKind('cheap-cialis-pharmacy.net')).toEqual({ drug: true, pharmacy: true });
    expect(hostKind('forum.gardening.example')).toEqual({ drug: false, pharmacy: false });
    // The TLD is not read as a word (`.rx` is not a pharmacy).
    expect(hostKind('gardening.rx')).toEqual({ drug: false, pharmacy: false });
    const typed = typedHostFeatures('forum.gardening.example', 'forum.gardening.example');
    expect(typed.map((f) => f.index)).toEqual([idx('tld:example'), idx('host:plain')]);
  });

  it('reads drug spam planted on a plain host', () => {
    const page = sample('https://forum.gardening.example/t/123', SPAM);
    const f = shapeFeatures(gather(prepare(page)), page.hostUnicode);
    const names = new Map(f.map((x) => [x.index, x.value]));
    for (const n of ['density', 'density:spam', 'repeat', 'drug-list', 'planted', 'addresses'])
      expect(names.has(idx(n)), n).toBe(true);
    expect(names.get(idx('buy-online'))).toBeGreaterThan(0);
    expect(names.get(idx('repeat'))).toBeGreaterThan(1);
    // The same text on a pharmacy's host is not "planted".
    const own = sample('https://cheap-pharmacy.example/', SPAM);
    const g = shapeFeatures(gather(prepare(own)), own.hostUnicode).map((x) => x.index);
    expect(g).not.toContain(idx('planted'));
    expect(g).toContain(idx('drug-list'));
  });

  it('gives a page without drug names no drug-use features', () => {
    const page = sample('https://news.example/a', 'The weather was fine and the trains ran.');
    expect(shapeFeatures(gather(prepare(page)), page.hostUnicode)).toEqual([]);
  });

  it('reads drug names and shop words in the path, not in the host', () => {
    const ids = (url: string) => pathFeatures(url).map((f) => f.index);
    expect(ids('https://hospital.example/cenforce-100-online/buy-viagra-online/')).toEqual([
      idx('path:drug'),
      idx('path:shop'),
      idx('path:drug-shop'),
    ]);
    expect(ids('https://viagra.example/about')).toEqual([]);
    expect(ids('https://x.example/%E3%83%90%E3%82%A4%E3%82%A2%E3%82%B0%E3%83%A9')).toEqual([
      idx('path:drug'),
    ]);
    expect(ids('not a url')).toEqual([]);
  });

  it('adds the options asked for to the vector, after the features the folds are grouped by', () => {
    const page = sample('https://forum.gardening.example/buy-viagra-online', SPAM);
    const plain = extractFeatures(page);
    const all = extractFeatures(page, {
      latinGrams: false,
      host: 'typed',
      shape: true,
      pathWords: true,
    });
    expect(Array.from(all.index)).toContain(idx('planted'));
    expect(Array.from(all.index)).toContain(idx('path:drug-shop'));
    expect(Array.from(plain.index)).not.toContain(idx('planted'));
  });
});

describe('the model records its feature options', () => {
  const options = {
    latinGrams: false,
    host: 'typed',
    shape: true,
    pathWords: true,
    wordTrigrams: true,
    latinGramsEn: false,
    missSignals: false,
  } as const;
  const page = sample('https://forum.gardening.example/buy-viagra-online', SPAM);

  it('writes them into the file and the loaded model', () => {
    const f = extractFeatures(page, options);
    const fit = fitLogistic([
      { index: f.index, value: f.value, label: 1, weight: 1 },
      { index: Int32Array.from([0]), value: Float32Array.from([1]), label: 0, weight: 1 },
    ]);
    const T = { caution: 0.3, warning: 0.5, danger: 0.8 };
    const file = compactModel(fit, { ja: T, en: T }, {}, 1000, options);
    expect(file.features).toEqual(options);
    expect(loadModel(JSON.parse(JSON.stringify(file))).features).toEqual(options);
    expect(compactModel(fit, { ja: T, en: T }, {}).features.shape).toBe(false);
    expect(() => loadModel({ ...file, features: { ...options, host: 'odd' } })).toThrow();
    const { features: _dropped, ...withoutOptions } = file;
    expect(() => loadModel(withoutOptions)).toThrow();
  });

  it('scores with the options of the model, not the defaults', () => {
    const weights = new Float32Array(FEATURE_COUNT);
    weights[idx('planted')] = 8;
    const T = { caution: 0.3, warning: 0.5, danger: 0.9 };
    const model = (features: LoadedModel['features']): LoadedModel => ({
      bias: -4,
      weights,
      thresholds: { ja: T, en: T },
      features,
    });
    const withShape = scoreWithModel(model({ ...options }), page);
    const without = scoreWithModel(model({ ...options, shape: false }), page);
    expect(withShape.probability).toBeGreaterThan(0.9);
    expect(without.probability).toBeLessThan(0.1);
    // The scorer's dot product equals the extracted vector's, for these options too.
    const f = extractFeatures(page, options);
    let z = -4;
    for (let k = 0; k < f.index.length; k += 1) z += weights[f.index[k]!]! * f.value[k]!;
    expect(scoreFeatures(page, weights, -4, options).logit).toBeCloseTo(z, 9);
  });
});

describe('English word 3-grams', () => {
  it('hashes each distinct 3-gram once, digits folded, not across a full stop', () => {
    const a = wordTrigrams('buy viagra 100mg online. buy viagra 50mg online');
    // "buy viagra 0mg", "viagra 0mg online" twice each (digits folded): two distinct 3-grams.
    expect(a).toHaveLength(2);
    expect(a[0]!.value).toBeCloseTo(TRIGRAM_SCALE / Math.sqrt(2), 6);
    expect(wordTrigrams('one two. three four')).toEqual([]);
    expect(wordTrigrams('')).toEqual([]);
  });

  it('are read on English pages only', () => {
    const en = sample('https://a.example/', 'buy cheap viagra online without a prescription');
    const ja = sample('https://a.example/', 'バイアグラを通販で買う。buy cheap viagra online now');
    const opts = { latinGrams: false, wordTrigrams: true };
    const tri = new Set(
      wordTrigrams('buy cheap viagra online without a prescription').map((f) => f.index),
    );
    expect(Array.from(extractFeatures(en, opts).index).some((i) => tri.has(i))).toBe(true);
    const triJa = new Set(wordTrigrams('buy cheap viagra online now').map((f) => f.index));
    expect(Array.from(extractFeatures(ja, opts).index).some((i) => triJa.has(i))).toBe(false);
  });
});
