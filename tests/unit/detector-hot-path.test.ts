// The scorer's hot path (issue 15): the phrase heat computed in one pass over the char codes is
// the one the occurrences give, bit for bit; buffers reused from page to page carry nothing from
// one page into the next.
import { describe, expect, it } from 'vitest';
import { normalizeText, normalizeWithMap } from '../../utils/content/normalize';
import { extractFeatures } from '../../utils/detector/features';
import { textHeat, textOccurrences } from '../../utils/detector/ngrams';
import { shippedModel } from '../../utils/detector/shipped';
import { pageSample } from './page-sample';
import { syntheticPage } from '../../tools/bench/pages';

/** The heat as the scorer computed it before: from every occurrence, then prefix sums. */
function referencePrefix(text: string, weights: Float32Array, textValue: number): Float64Array {
  const occ = textOccurrences(text);
  const heat = new Float64Array(text.length + 1);
  for (let k = 0; k < occ.length; k += 1) {
    const w = weights[occ.feature[k]!]! * textValue;
    const len = occ.end[k]! - occ.start[k]!;
    for (let c = occ.start[k]!; c < occ.end[k]!; c += 1) heat[c] = heat[c]! + w / len;
  }
  const prefix = new Float64Array(text.length + 1);
  for (let i = 0; i < text.length; i += 1) prefix[i + 1] = prefix[i]! + heat[i]!;
  return prefix;
}

const page = (text: string, host = 'shop.example') => pageSample(text, `https://${host}/`);

describe('textHeat', () => {
  const { weights } = shippedModel();
  it.each([
    [
      'Japanese and English',
      '処方箋不要でカマグラゴールド100mgをお届けします。Buy cialis online, discreet.',
    ],
    ['one character', 'く'],
    ['two characters at the end', 'buy くす'],
    ['only ASCII punctuation', '... !!! ---'],
    ['words across lines', 'cheap viagra\nno prescription. order now 24h'],
    ['ideographic spaces', 'くすり\u3000通販\u3000最安値'],
    ['surrogates', '💊お薬💊 pills 💊'],
    ['the bench page', normalizeText(syntheticPage(200 * 1024).text).slice(0, 40_000)],
  ])('gives the prefix sums the occurrences give, bit for bit: %s', (_, raw) => {
    const text = normalizeText(raw);
    const textValue = 0.0734;
    // A dirty, longer buffer: textHeat must clear what it uses.
    const out = new Float64Array(text.length + 10).fill(7);
    textHeat(text, weights, textValue, out);
    expect(Array.from(out.subarray(0, text.length + 1))).toEqual(
      Array.from(referencePrefix(text, weights, textValue)),
    );
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

  it('give a long page the features it gets in a fresh process (no stale distinct entries)', () => {
    const long = page('カマグラ 処方箋不要 '.repeat(4000) + ' 新しい語彙の列');
    const first = Array.from(extractFeatures(long).index);
    extractFeatures(page('園芸の話'));
    expect(Array.from(extractFeatures(long).index)).toEqual(first);
  });
});
