// The scorer's hot path (issue 15): buffers reused from page to page carry nothing from one page
// into the next. (The phrase heat is tested in detector-phrases.test.ts.)
import { describe, expect, it } from 'vitest';
import { normalizeText, normalizeWithMap } from '../../utils/content/normalize';
import { extractFeatures } from '../../utils/detector/features';
import { charGrams, Collector, textOccurrences, wordGrams } from '../../utils/detector/ngrams';
import { HASHED_OFFSET } from '../../utils/detector/feature-space';
import { pageSample } from './page-sample';
import { normalisingBaseline } from '../../tools/bench/detector';

const page = (text: string, host = 'shop.example') => pageSample(text, `https://${host}/`);

describe('collectors (one shared stamp array and buffer)', () => {
  const features = (c: Collector) => Array.from(c.distinct.subarray(0, c.count));

  // recall12c's Latin-character n-grams made a second collector while the page's first was still
  // to be read: both wrote into one shared buffer, and the first page's n-grams were overwritten.
  it('keep what a collector found when another is made before it is read', () => {
    const text = new Collector();
    const page = normalizeText('処方箋不要でカマグラをお届けします。buy cheap pills');
    charGrams(page, text);
    wordGrams(page, text);
    const found = features(text);
    const other = new Collector();
    for (let f = HASHED_OFFSET; f < HASHED_OFFSET + 5000; f += 1) other.add(f);
    expect(features(text)).toEqual(found);
    expect(other.count).toBe(5000);
  });

  it('refuse additions to a collector once a newer one holds the stamps, and reads after release', () => {
    const older = new Collector();
    older.add(HASHED_OFFSET + 1);
    const newer = new Collector();
    // A newer collector dedupes its own page: the older one's feature counts again.
    expect(newer.add(HASHED_OFFSET + 1)).toBe(true);
    expect(() => older.add(HASHED_OFFSET + 2)).toThrow(/newer/);
    newer.release();
    expect(() => newer.count).toThrow(/release/);
    expect(() => newer.add(HASHED_OFFSET + 3)).toThrow(/release/);
  });

  it('give addText the features charGrams and wordGrams give, in the same order', () => {
    const text = normalizeText(
      '処方箋不要でカマグラゴールド100mg、お届け\u3000します。Buy cialis 20mg online.\nNo rx 💊 くす',
    );
    const fast = new Collector();
    const { added, kana } = fast.addText(text, true);
    const fastFeatures = features(fast);
    fast.release();
    const occ = textOccurrences(text);
    const slow = [...new Set(Array.from(occ.feature.subarray(0, occ.length)))];
    expect(fastFeatures).toEqual(slow);
    expect(added).toBe(slow.length);
    expect(kana).toBe(text.match(/[\u3041-\u309f]/g)!.length);
  });
});

describe('buffers reused between pages', () => {
  it('leave an earlier page’s feature vector and normalised map as they were', () => {
    const a = extractFeatures(page('処方箋不要でカマグラゴールドをお届けします。個人輸入代行。'));
    const aIndex = Array.from(a.index);
    const aMap = normalizeWithMap('ＶＩＡＧＲＡ　処方箋不要');
    const aMapCopy = Array.from(aMap.map);
    extractFeatures(page('まったく別のページ、園芸の話。'.repeat(3000)));
    normalizeWithMap('別の文字列'.repeat(5000));
    expect(Array.from(a.index)).toEqual(aIndex);
    expect(Array.from(aMap.map)).toEqual(aMapCopy);
  });

  it('give a page the same features after the one-byte stamps wrap (255 pages later)', () => {
    const other = page('園芸の話。buy seeds online');
    // Every page stamps its n-grams with the next of 255 generations: a page read again exactly
    // 255 pages later has the same generation, and finds its own old stamps unless they were
    // cleared in between (it would count no n-gram at all).
    for (const gap of [253, 254, 255, 256]) {
      const c = page(`処方箋不要でカマグラゴールドをお届けします。buy viagra online ${gap}`);
      const first = Array.from(extractFeatures(c).index);
      for (let k = 0; k < gap; k += 1) extractFeatures(other);
      expect(Array.from(extractFeatures(c).index), `after ${gap} pages`).toEqual(first);
    }
  });

  it('give a long page the features it gets in a fresh process (no stale distinct entries)', () => {
    const long = page('カマグラ 処方箋不要 '.repeat(4000) + ' 新しい語彙の列');
    const first = Array.from(extractFeatures(long).index);
    extractFeatures(page('園芸の話'));
    expect(Array.from(extractFeatures(long).index)).toEqual(first);
  });
});

describe("the scoring rows' baseline (tools/bench/detector.ts)", () => {
  // The bench's ratio rows divide by this. It must do the normalising the scorer does, text and
  // map alike, into buffers kept from call to call as the scorer's are: a map copied out on every
  // call (normalizeWithMap, the baseline until session 25) or fresh buffers a call would time the
  // allocator's pages as well (docs/performance-history.md, "Scoring, session 25").
  it('normalises the text the scorer reads, with its map, into buffers it keeps', () => {
    const source = 'ＶＩＡＧＲＡ　処方箋不要\nカマグラ ｺﾞｰﾙﾄﾞ\u200b 100mg'.repeat(400);
    const expected = normalizeWithMap(source);
    const normalise = normalisingBaseline(source);
    type Normalised = { text: string; map: Int32Array };
    const first = normalise() as Normalised;
    // The other normalisers share their own buffers: they leave this map as it was.
    normalizeWithMap('別の文字列'.repeat(5000));
    expect(first.text).toBe(expected.text);
    expect(Array.from(first.map)).toEqual(Array.from(expected.map));
    const second = normalise() as Normalised;
    expect(second.text).toBe(expected.text);
    expect(second.map.buffer).toBe(first.map.buffer);
  });
});
