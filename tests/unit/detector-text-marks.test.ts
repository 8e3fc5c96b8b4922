// The marks pass (utils/detector/text-marks.ts) against regular expressions that say the same
// thing, and the n-grams built on it against the reference walks over every
// occurrence (charGrams, wordGrams, textOccurrences), on the texts where a run or a word is easy
// to cut wrong: empty, one unit, edges at the start and the end, zero-width splits, look-alike and
// full-width letters after normalising, Chinese and Korean, a 5 MB text.
import { describe, expect, it } from 'vitest';
import { normalizeBuffers, normalizePage, normalizeText } from '../../utils/content/normalize';
import { Collector, textOccurrences } from '../../utils/detector/ngrams';
import { markText } from '../../utils/detector/text-marks';
import { syntheticPage } from '../../tools/bench/pages';

/** Runs, words and the pairs that may be made, read with regular expressions. */
function expected(text: string) {
  const spans = (re: RegExp) => [...text.matchAll(re)].map((m) => [m.index, m.index + m[0].length]);
  const runs = spans(/[^\u0000-\u007f\u3000]+/g);
  const words = spans(/[a-z0-9]+/g);
  // A pair: nothing between the two words is a line break, a full stop or a non-ASCII unit.
  const pairs = words
    .slice(1)
    .map(([start], k) => !/[\n.\u0080-\uffff]/.test(text.slice(words[k]![1], start)));
  return { runs, words, pairs };
}

function actual(text: string) {
  const m = markText(text);
  const spans = (edges: Int32Array, count: number) => {
    const out: number[][] = [];
    for (let k = 0; k < count; k += 2) out.push([edges[k]!, edges[k + 1]!]);
    return out;
  };
  const words = spans(m.wordEdges, m.wordEdgeCount);
  const pairs = words.slice(1).map((_, k) => m.wordBreaks[2 * k + 2] === m.wordBreaks[2 * k + 1]);
  return { runs: spans(m.runEdges, m.runEdgeCount), words, pairs };
}

const TEXTS: [string, string][] = [
  ['empty', ''],
  ['one kana', 'く'],
  ['one letter', 'a'],
  ['one ideographic space', '\u3000'],
  ['a run at both ends', 'くすり buy 通販'],
  ['a word at both ends', 'buy くすり now'],
  ['words over lines and full stops', 'cheap viagra\nno prescription. order now 24h, 5mg x 10'],
  ['zero-width splits', 'vi\u200bag\u200dra カマ\u200bグラ c\u2060ialis'],
  ['look-alike letters', 'vіаgrа сіаlіs'], // Cyrillic і, а, с
  ['full-width and half-width', 'ＶＩＡＧＲＡ１００ｍｇ ｶﾏｸﾞﾗ ＢＵＹ．ｎｏｗ'],
  ['Chinese', '处方药网上购买，无需处方。伟哥 100mg 价格'],
  ['Korean', '비아그라 처방전 없이 구매 viagra 구입'],
  ['surrogates and emoji', '💊お薬💊 pills 💊'],
  ['punctuation only', '... !!! --- 、。'],
  ['ideographic spaces between runs', 'くすり\u3000通販\u3000最安値'],
  ['the bench page', normalizeText(syntheticPage(200 * 1024).text).slice(0, 40_000)],
];

describe('markText', () => {
  it.each(TEXTS)('marks the runs, words and pairs the regular expressions find: %s', (_, raw) => {
    const text = normalizeText(raw);
    expect(actual(text)).toEqual(expected(text));
  });

  it('marks a 5 MB page (2.9 million units once normalised), then a short text in buffers not kept', () => {
    const big = normalizeText(syntheticPage(5 * 1024 * 1024).text);
    expect(big.length).toBeGreaterThan(2_000_000);
    expect(actual(big)).toEqual(expected(big));
    expect(markText(big).runEdges.length).toBeGreaterThan(big.length);
    const small = normalizeText('処方箋不要 buy now');
    expect(actual(small)).toEqual(expected(small));
    expect(markText(small).runEdges.length).toBeLessThanOrEqual(1 << 16);
  });

  // The scorer's page is marked from the normaliser's units (normalizePage), the rest from the
  // string; lone surrogates are the units that differ (U+FFFD in the string).
  const LONE: [string, string][] = [
    ['a lone high surrogate in a run', 'く\ud800す buy'],
    ['a lone low surrogate after a word', 'buy\udc00 now'],
    ['only a lone surrogate', '\ud800'],
    ['a lone surrogate between words', 'cheap \udbff pills'],
  ];
  it.each([...TEXTS, ...LONE])(
    "marks the same from the normaliser's units as from the string: %s",
    (_, raw) => {
      const page = normalizePage(raw, normalizeBuffers());
      expect(page.codes?.length).toBe(page.text.length);
      const fromUnits = markText(page.text, page.codes);
      const spans = (edges: Int32Array, count: number) => Array.from(edges.subarray(0, count));
      const got = {
        runs: spans(fromUnits.runEdges, fromUnits.runEdgeCount),
        words: spans(fromUnits.wordEdges, fromUnits.wordEdgeCount),
        breaks: spans(fromUnits.wordBreaks, fromUnits.wordEdgeCount),
      };
      const fromString = markText(page.text);
      expect(got).toEqual({
        runs: spans(fromString.runEdges, fromString.runEdgeCount),
        words: spans(fromString.wordEdges, fromString.wordEdgeCount),
        breaks: spans(fromString.wordBreaks, fromString.wordEdgeCount),
      });
      expect(actual(page.text)).toEqual(expected(page.text));
    },
  );

  it('sees a lone surrogate as U+FFFD in the text and as itself in the units', () => {
    const page = normalizePage('く\ud800す', normalizeBuffers());
    expect(page.text).toBe('く\ufffdす');
    expect(page.codes?.[1]).toBe(0xd800);
    const m = markText(page.text, page.codes);
    expect(Array.from(m.runEdges.subarray(0, m.runEdgeCount))).toEqual([0, 3]);
  });

  it('reads no edge of a longer text marked before', () => {
    const long = normalizeText('カマグラ buy cheap pills\n'.repeat(200));
    actual(long);
    const short = normalizeText('pills くすり');
    expect(actual(short)).toEqual(expected(short));
  });

  it('marks each run and word edge at every offset around a long run', () => {
    // A word or a run edge at each position 0..8 of a text of runs and words of every length.
    for (let cut = 0; cut < 9; cut += 1) {
      const text =
        'a'.repeat(cut) + 'く'.repeat(9 - cut) + ' ' + 'す'.repeat(cut) + 'b'.repeat(cut);
      expect(actual(text)).toEqual(expected(text));
    }
  });
});

describe('n-grams over the marks', () => {
  it.each(TEXTS)('give the reference features: %s', (_, raw) => {
    const text = normalizeText(raw);
    const fast = new Collector();
    const { added } = fast.addText(text, true);
    const features = Array.from(fast.distinct.subarray(0, fast.count));
    fast.release();
    const occ = textOccurrences(text);
    const seen = new Set<number>();
    const reference: number[] = [];
    for (const f of occ.feature.subarray(0, occ.length))
      if (!seen.has(f)) {
        seen.add(f);
        reference.push(f);
      }
    expect(features).toEqual(reference);
    expect(added).toBe(reference.length);
  });
});
