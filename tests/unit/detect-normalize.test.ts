import { describe, expect, it } from 'vitest';
import { normalizeText, normalizeWithMap } from '../../utils/content/normalize';

describe('normalisation', () => {
  it.each([
    ['バイアグラ', 'ばいあぐら'],
    ['ﾊﾞｲｱｸﾞﾗ', 'ばいあぐら'], // half-width katakana with separate voiced marks
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
