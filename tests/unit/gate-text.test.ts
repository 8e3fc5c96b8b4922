// The content script's medicine gate folds text with gateText (NFKD, not the detector's
// normaliser, to fit the 8 KB budget): it must decide exactly as the gate did on normalize.ts's
// output, on every line of the corpus and on every way a hostile page hides a drug name.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../utils/content/normalize';
import { HOMOGLYPHS } from '../../utils/content/homoglyphs';
import { gateText } from '../../utils/content/gate-text';
import { MEDICINE_GATE, mentionsMedicines } from '../../utils/content/medicine-gate';

const before = (text: string) =>
  MEDICINE_GATE.test(text) || MEDICINE_GATE.test(normalizeText(text));

describe('the medicine gate on folded text', () => {
  it('decides every corpus line as on normalised text', () => {
    const dir = 'data/corpus/pages';
    let lines = 0;
    let medicine = 0;
    for (const file of readdirSync(dir)) {
      for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
        lines += 1;
        const expected = before(line);
        if (expected) medicine += 1;
        if (mentionsMedicines([line]) !== expected)
          expect.fail(`${file}: ${JSON.stringify(line.slice(0, 200))}`);
      }
    }
    expect(lines).toBeGreaterThan(10_000);
    expect(medicine).toBeGreaterThan(1_000);
  });

  it.each([
    ['zero-width inside an English word', 'vi\u200bag\u200dra'],
    ['word joiner and BOM', 'ci\u2060al\ufeffis'],
    ['full-width English', 'ｖｉａｇｒａ'],
    ['half-width katakana', 'ｸｽﾘ ﾊﾞｲｱｸﾞﾗ'],
    ['half-width katakana drug name alone', 'ﾊﾞｲｱｸﾞﾗ'],
    ['spacing voiced marks', 'ハ゛イアク゛ラ'],
    ['combining voiced marks', 'カ\u3099マク\u3099ラ'],
    ['katakana drug name alone', 'レビトラ20mg'],
    ['katakana and hiragana mixed', 'クすり'],
    ['combining grapheme joiner after every letter', [...'viagra'].join('\u034f')],
    ['astral variation selectors', [...'cialis'].join('\u{e0100}')],
    ['tag characters', 'viag\u{e0041}ra'],
    ['combining marks piled on letters', 'v\u0301i\u0308a\u0300g\u036fra'],
    ['precomposed diacritics', 'vïágra'],
    ['Cyrillic look-alikes', 'viаgrа'],
    ['Cyrillic capitals', 'СIАLIS'],
    ['Greek look-alikes', 'kαmαgrα'],
    ['bidi controls', 'via\u202egra\u202c'],
    ['Hangul filler', 'ph\u3164armacy'],
    ['full-width Rx between words', 'buy ＲＸ now'],
    ['Rx inside a word', 'marxism'],
    ['ordinary text', 'garden tools, spades and rakes'],
  ])('%s: as before', (_name, text) => {
    expect(mentionsMedicines([text])).toBe(before(text));
  });

  it('decides as before on text mangled at random (seeded)', () => {
    let seed = 12_345;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return seed % n;
    };
    const words = [
      'viagra',
      'cialis',
      'pharmacy',
      'drug',
      'くすり',
      'クスリ',
      '処方',
      'rx',
      'garden',
    ];
    const lookalike = new Map<string, string[]>();
    for (const [from, to] of HOMOGLYPHS) {
      const latin = String.fromCharCode(to);
      lookalike.set(latin, [...(lookalike.get(latin) ?? []), String.fromCharCode(from)]);
    }
    const noise = [
      '\u200b',
      '\u00ad',
      '\ufe0f',
      '\u{e0020}',
      '\u0301',
      '\u3000',
      ' ',
      'x',
      '\u309a',
    ];
    for (let n = 0; n < 5_000; n += 1) {
      let text = '';
      for (const ch of words[random(words.length)]!) {
        const swaps = lookalike.get(ch);
        const r = random(5);
        if (r === 0 && swaps) text += swaps[random(swaps.length)];
        else if (r === 1 && ch >= 'a' && ch <= 'z')
          text += String.fromCharCode(ch.charCodeAt(0) + 0xfee0); // full-width
        else if (r === 2) text += ch.toUpperCase();
        else text += ch;
        if (random(4) === 0) text += noise[random(noise.length)];
      }
      expect(mentionsMedicines([text]), JSON.stringify(text)).toBe(before(text));
    }
  });

  it('keeps astral characters whole', () => {
    expect(gateText('薬😀')).toBe('薬😀');
  });
});
