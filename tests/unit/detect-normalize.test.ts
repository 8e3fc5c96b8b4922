import { describe, expect, it } from 'vitest';
import {
  normalizeBuffers,
  normalizePage,
  normalizeText,
  normalizeWithMap,
} from '../../utils/content/normalize';

describe('normalisation', () => {
  it.each([
    ['バイアグラ', 'ばいあぐら'],
    ['ﾊﾞｲｱｸﾞﾗ', 'ばいあぐら'], // half-width katakana with separate voiced marks
    ['ハ゛イアグラ', 'ばいあぐら'], // the spacing voiced mark ゛ (U+309B) after a kana
    ['ハ゜ロキセチン', 'ぱろきせちん'], // the spacing semi-voiced mark ゜ (U+309C)
    ['ウ゛ィアグラ', 'ゔぃあぐら'],
    ['゛だけ ー゛ a゛', '゛だけ ー゛ a゛'], // nothing to join: the mark stays
    ['ＣＩＡＬＩＳ', 'cialis'],
    ['Kamagra  Gold', 'kamagra gold'],
    ['処方箋\u3000不要', '処方箋 不要'],
    ['処\u200b方\u200c箋\u00ad不要', '処方箋不要'], // invisible characters inserted to dodge filters
    ['ヴァイアグラ', 'ゔぁいあぐら'],
    ['１００％合法', '100%合法'],
    ['  leading and trailing  ', 'leading and trailing'],
    ['line one\n\n  line two', 'line one\nline two'],
  ])('%j -> %j', (input, output) => {
    expect(normalizeText(input)).toBe(output);
  });

  it('maps a kana joined with a spacing voiced mark back to the kana', () => {
    const { text, map } = normalizeWithMap('ハ゛イ');
    expect(text).toBe('ばい');
    expect([...map]).toEqual([0, 2]);
  });

  it('maps every normalised character back to its source position', () => {
    const source = 'ＡＢ ﾊﾞｲｱｸﾞﾗ  x';
    const { text, map } = normalizeWithMap(source);
    expect(text).toBe('ab ばいあぐら x');
    expect(map.length).toBe(text.length);
    expect(source[map[text.indexOf('ば')]!]).toBe('ﾊ');
    expect(source[map[text.indexOf('x')]!]).toBe('x');
  });

  it('keeps emoji and other astral characters intact', () => {
    expect(normalizeText('薬💊です')).toBe('薬💊です');
  });
});

describe('CJK punctuation and marks (the path without one-character strings)', () => {
  // What the general path (one-character string, NFKC where needed, lower case, katakana to
  // hiragana) makes of one code unit of U+3000–U+9FFF after a letter: the reference the short
  // path for units with no case and nothing for NFKC to change (。、ー) must agree with. `nfkc`
  // repeats the U+3000–U+9FFF ranges of normalize.ts's `needsNfkc` (change both together).
  const nfkc = (c: number) =>
    (c >= 0x3000 && c <= 0x303f && c !== 0x3001 && c !== 0x3002) ||
    (c >= 0x3200 && c <= 0x33ff) ||
    c === 0x3099 ||
    c === 0x309a;
  const kana = (c: number) => (c >= 0x30a1 && c <= 0x30f6 ? c - 0x60 : c);
  const general = (c: number): string => {
    if (c === 0x3000) return ' ';
    if (c === 0x3164) return ''; // a default-ignorable (Hangul filler)
    let piece = String.fromCharCode(c);
    if (nfkc(c)) {
      piece = piece.normalize('NFKC');
      if (piece.length === 1 && /\s/.test(piece)) return ' ';
    }
    return String.fromCharCode(...[...piece.toLowerCase()].map((u) => kana(u.charCodeAt(0))));
  };

  it('every unit from U+3000 to U+9FFF, alone, between letters and in a page', () => {
    let page = '';
    let expected = '';
    for (let c = 0x3000; c < 0xa000; c += 1) {
      const ch = String.fromCharCode(c);
      const out = general(c);
      expect(normalizeText(`x${ch}y`), c.toString(16)).toBe(`x${out}y`.replace(/ +/g, ' '));
      page += `${ch}a`;
      expected += `${out}a`;
    }
    expect(normalizeWithMap(page).text).toBe(expected.replace(/ +/g, ' ').trim());
    expect(normalizeText('。、ー・「」')).toBe('。、ー・「」');
  });
});

describe('normalisation buffers (reused from call to call)', () => {
  it('gives each call a map of its own: a later call does not write over an earlier one', () => {
    const first = normalizeWithMap('ＡＢＣ  def');
    const copy = [...first.map];
    normalizeWithMap('x'.repeat(5000));
    normalizeWithMap('ｚｚｚｚｚｚｚｚ');
    expect([...first.map]).toEqual(copy);
    expect(first.map.length).toBe(first.text.length);
  });

  it('decodes a lone surrogate to U+FFFD in short and long texts alike, one unit for one', () => {
    const short = normalizeWithMap('a\ud800b');
    expect(short.text).toBe('a\ufffdb');
    // A high surrogate goes out with the unit after it, both from its position.
    expect([...short.map]).toEqual([0, 1, 1]);
    const long = normalizeWithMap(`${'a'.repeat(400)}\udc00b`);
    expect(long.text).toBe(`${'a'.repeat(400)}\ufffdb`);
    expect(normalizeText('x\udbffy')).toBe('x\ufffdy');
  });

  it('normalizeText is normalizeWithMap’s text, for short, long and growing outputs', () => {
    const texts = [
      '',
      ' ',
      'Ｋａｍａｇｒａ\n\n ',
      '㍿'.repeat(300),
      'ｱ'.repeat(200_000),
      'b'.repeat(256),
    ];
    for (const t of texts) expect(normalizeText(t)).toBe(normalizeWithMap(t).text);
    // ㍿ becomes four units: the output outgrows its first buffer and keeps every unit's origin.
    const grown = normalizeWithMap('㍿'.repeat(300));
    expect(grown.text).toBe('株式会社'.repeat(300));
    expect(grown.map[1199]).toBe(299);
  });
});

describe('normalizePage (the scorer’s page, its map a view of buffers of its own)', () => {
  it('gives normalizeWithMap’s text and map, for short, long, growing and over-long outputs', () => {
    const buffers = normalizeBuffers();
    for (const t of [
      '',
      'Ｋａｍａｇｒａ\n\n ',
      '㍿'.repeat(300),
      'ｱ'.repeat(200_000),
      'a\ud800b',
      '処方箋不要、ＶＩＡＧＲＡ。'.repeat(3000),
    ]) {
      const page = normalizePage(t, buffers);
      const own = normalizeWithMap(t);
      expect(page.text).toBe(own.text);
      expect([...page.map]).toEqual([...own.map]);
    }
  });

  it('keeps its map while the shared normalisers run, until its own buffers are used again', () => {
    const buffers = normalizeBuffers();
    // ㍿ grows the output past its first buffer: the grown pair must stay the page's.
    const page = normalizePage('㍿'.repeat(300), buffers);
    const copy = [...page.map];
    normalizeWithMap('ｚ'.repeat(5000));
    normalizeText('別の文字列'.repeat(2000));
    expect([...page.map]).toEqual(copy);
    expect(buffers.map.buffer).toBe(page.map.buffer);
    normalizePage('x'.repeat(1200), buffers);
    expect(page.map[0]).toBe(0);
    expect(page.map[1]).toBe(1);
  });
});
