// One pass over the page finds what one matcher per lexicon group would find.
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../utils/content/normalize';
import { readCorpus } from '../../tools/lib/corpus';
import { CORPUS_DIR } from '../../tools/lib/training-set';
import { MEDICINE_WORDS, PHRASES, type PhraseGroup } from '../../utils/detector/lexicon';
import {
  compileTerms,
  DRUG_BY_NAME,
  findAll,
  scanDrugTerms,
  scanReadsMarks,
  scanTerms,
} from '../../utils/detector/matchers';
import { LEXICON_TERMS_FOR_TEST } from './lexicon-terms';
import { prepare } from '../../utils/detector/signals';
import { markText } from '../../utils/detector/text-marks';

/** The reference: one regex per group, as the detector read pages before. */
function perGroup(text: string, group: PhraseGroup) {
  return findAll(compileTerms(PHRASES[group]), text, group === 'sellerVoice' ? 1 : 50);
}

describe('scanTerms', () => {
  it.each([
    'Buy tadalafil online without a prescription, discreet packaging, ships worldwide.',
    '処方箋不要でご注文いただけます。お支払いはJCBのみ、ご注文ごとに振込先を発行します。海外発送、税関で止まることも。',
    'Our online clinic: a doctor consultation, then your order is dispatched. Add to cart.',
    '「処方箋不要」をうたう通販サイトには注意してください。',
    '',
  ])('matches every group as its own matcher would: %s', (raw) => {
    const text = normalizeText(raw);
    const scan = scanTerms(text);
    for (const group of Object.keys(PHRASES) as PhraseGroup[])
      expect(scan[group], group).toEqual(perGroup(text, group));
  });

  it('marks the page itself: marks left by an earlier call on an equal text are not read', () => {
    // A bench scores one sample again and again; a real page's marks are always made for it.
    // Marks spoiled after an earlier call must not change what the scan finds.
    const text = normalizeText(
      'Buy tadalafil online without a prescription. くすり通販、処方箋不要',
    );
    const stale = markText(text);
    stale.runEdgeCount = 0;
    stale.wordEdgeCount = 0;
    const scan = scanTerms(text);
    for (const group of Object.keys(PHRASES) as PhraseGroup[])
      expect(scan[group], group).toEqual(perGroup(text, group));
    expect(scan.drug.map((m) => m.term)).toEqual(['tadalafil']);
  });

  it('lets terms of two groups overlap (a mail-order phrase and a no-prescription claim)', () => {
    const scan = scanTerms(normalizeText('Buy tadalafil online without a prescription'));
    expect(scan.mailOrder.map((m) => m.term)).toEqual(['online without']);
    expect(scan.noPrescription.map((m) => m.term)).toEqual(['without a prescription']);
    expect(scan.drug.map((m) => m.term)).toEqual(['tadalafil']);
  });

  it('counts a shorter English term inside a longer one only as a whole word', () => {
    // "order" is a shop word; inside "orders" (also one) it is not counted twice, and "ordered"
    // is a word of its own.
    const scan = scanTerms('orders ordered order');
    expect(scan.shop.map((m) => m.term)).toEqual(['orders', 'ordered', 'order']);
  });

  it('reads a 40,000-character page of repeated terms and keeps at most 50 matches a group', () => {
    const scan = scanTerms(normalizeText('カートに入れる '.repeat(6000)).slice(0, 40_000));
    expect(scan.shop.length).toBe(50);
    expect(scan.sellerVoice.length).toBe(1);
  });

  const medicine = compileTerms(MEDICINE_WORDS);
  const drugs = compileTerms([...DRUG_BY_NAME.keys()]);
  const sameAsPerGroup = (text: string) => {
    const scan = scanTerms(text);
    for (const group of Object.keys(PHRASES) as PhraseGroup[])
      expect(scan[group], group).toEqual(perGroup(text, group));
    expect(scan.medicine).toEqual(findAll(medicine, text, 1));
    expect(scan.drug).toEqual(findAll(drugs, text, 200));
  };

  it.each([
    // An English term is preferred where it fits as a word, even before a longer Japanese one.
    'ed治療薬 aga薬 jcbのみ',
    // Terms at the very start and end, cut off by the end, inside longer words.
    'viagra',
    'without a prescriptio',
    'xviagra viagrax 0viagra viagra0 viagra.',
    // Lone surrogates and astral characters next to terms.
    '\ud800処方箋不要\udfff💊個人輸入代行💊',
    'カ'.repeat(5000),
  ])('finds at the edges what the regexes find: %s', (raw) => sameAsPerGroup(normalizeText(raw)));

  // The scan stops looking for a group's terms once the group holds all it keeps, and skips
  // positions inside a word where only whole-word ASCII terms start: neither may lose a match of
  // another group that starts with the same character.
  const groups = Object.keys(PHRASES) as PhraseGroup[];
  it.each(groups)('finds the other groups’ terms after %s is full', (group) => {
    const first = normalizeText(PHRASES[group][0]!);
    const others = groups
      .filter((g) => g !== group)
      .flatMap((g) => PHRASES[g].map((t) => normalizeText(t)));
    const sameStart = others.filter((t) => t[0] === first[0]);
    sameAsPerGroup(`${first} `.repeat(60) + [...sameStart, ...others].join(' 。'));
  });

  it('finds terms that may start inside a word, and no whole-word term there', () => {
    sameAsPerGroup(normalizeText('usedの薬 pedの薬 ed薬 bed治療薬 xaga薬 sjcbのみ viagrax'));
  });

  it('finds on every corpus page what one regex per group finds', { timeout: 120_000 }, () => {
    for (const page of readCorpus(CORPUS_DIR)) sameAsPerGroup(prepare(page.sample).norm.text);
  });

  // The start bits (a one-unit term's unit, a two-unit term's pair, a longer term's first three
  // units; 8 KB each) skip the walk at positions that start no term: on hostile and unusual text
  // the scan must still find what the regexes find.
  it.each([
    [
      '5 MB of rogue-shop text',
      normalizeText(
        '処方箋不要でカマグラゴールド100mgを海外から発送。JCBのみ。viagra without prescription. '.repeat(
          60_000,
        ),
      ),
    ],
    [
      'only zero-width characters (nothing once normalised)',
      normalizeText('\u200b\u200c\u200d\ufeff'.repeat(10_000)),
    ],
    [
      'zero-width characters inside every term',
      normalizeText(LEXICON_TERMS_FOR_TEST.map((t) => [...t].join('\u200b')).join(' ')),
    ],
    [
      'Chinese',
      normalizeText('无需处方，网上药店，伟哥，犀利士，海外直邮，货到付款。'.repeat(500)),
    ],
    ['Korean', normalizeText('처방전 없이 비아그라 구매, 해외 배송, 익명 포장. '.repeat(500))],
    ['every term once, run together', normalizeText(LEXICON_TERMS_FOR_TEST.join(''))],
    [
      'every term once, each term cut short by one unit',
      normalizeText(LEXICON_TERMS_FOR_TEST.map((t) => t.slice(0, -1)).join(' ')),
    ],
    [
      'full-width, half-width and look-alike letters',
      normalizeText(
        'ＶＩＡＧＲＡ ﾊﾞｲｱｸﾞﾗ vіаgrа сіаlіs ｶﾏｸﾞﾗｺﾞｰﾙﾄﾞ 処方箋\u200b不要 個人輸入\u200d代行 '.repeat(
          300,
        ),
      ),
    ],
  ])('finds what the regexes find on %s', (_, text) => sameAsPerGroup(text));

  // The three-unit filter (the first three units of every longer term, the two-unit terms' pairs)
  // skips walks that would stop at the third unit: a term cut after two or three units, a
  // two-unit term at the very end of the text, and each term alone must still read as before.
  it('finds what the regexes find where a term is cut after its second or third unit, or ends the text', () => {
    const terms = LEXICON_TERMS_FOR_TEST.map((t) => normalizeText(t));
    for (const term of terms) {
      sameAsPerGroup(term);
      sameAsPerGroup(`x ${term}`);
      sameAsPerGroup(term.slice(0, 2));
      sameAsPerGroup(`${term.slice(0, 2)}x${term.slice(0, 3)}。${term.slice(0, 3)}`);
    }
    sameAsPerGroup(terms.map((t) => t.slice(0, 3)).join(''));
  });

  // The positions where a term can start are gathered in blocks of 4,096: a term that starts on
  // either side of a block's edge, or runs across it, is found as before.
  it('finds terms at and across the edges of the scan’s blocks', () => {
    const terms = ['薬', 'ed薬', '処方箋不要', 'viagra', 'without a prescription'].map((t) =>
      normalizeText(t),
    );
    for (const edge of [4096, 8192])
      for (let shift = -25; shift <= 2; shift += 1)
        for (const term of terms) {
          const pad = 'く'.repeat(edge + shift - 1) + ' ';
          sameAsPerGroup(`${pad}${term} ${term}`);
        }
  });

  // A page's scan reads only each word's start and each run with the few units before it (the
  // marks of utils/detector/text-marks.ts): a term whose first units are not a run's (ed薬,
  // jcbのみ, 100%合法, 1ゖ月分以内) must still be found right after another run, inside a word,
  // at the text's start, and where the units before its run hold a word's start.
  it('reads the positions the marks allow, and finds what the regexes find there', () => {
    expect(scanReadsMarks()).toBe(true);
    const lead = LEXICON_TERMS_FOR_TEST.map((t) => normalizeText(t)).filter(
      (t) => !/^[\x20-\x7e]+$/.test(t) && t.charCodeAt(0) < 0x80,
    );
    expect(lead.length).toBeGreaterThan(3);
    for (const term of lead)
      for (const before of ['', '薬', 'く ', 'x', 'ab', '薬x', '。a b', 'く\n', '1', 'ｘ']) {
        sameAsPerGroup(normalizeText(`${before}${term}`));
        sameAsPerGroup(normalizeText(`${before}${term}${before}${term}く`));
        sameAsPerGroup(normalizeText(`${term.slice(0, -1)}${before}${term}`));
      }
    // Every offset of a word, a run and a leading-unit term against each other.
    for (let k = 0; k <= 8; k += 1)
      sameAsPerGroup(
        normalizeText(`${'a'.repeat(k)}ed薬 ${'く'.repeat(k)}jcbのみ${' x'.repeat(k)}aga薬`),
      );
  });

  it('finds the drug names and medicine words scanTerms finds, on every corpus page’s lines', () => {
    for (const page of readCorpus(CORPUS_DIR))
      for (const line of prepare(page.sample).norm.text.split('\n').slice(0, 200)) {
        const all = scanTerms(line);
        expect(scanDrugTerms(line)).toEqual({ drug: all.drug, medicine: all.medicine });
      }
  });
});
