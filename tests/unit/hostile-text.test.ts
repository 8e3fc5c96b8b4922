// Text a hostile page writes to dodge the detector reads as what the user sees: every
// default-ignorable code point, combining marks, full-width forms and Cyrillic/Greek look-alikes
// are normalised before the content script's medicine gate; the sampler reads by visibility.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { normalizeText, invisible } from '../../utils/content/normalize';
import { HOMOGLYPHS } from '../../utils/content/homoglyphs';
import { MEDICINE_GATE, mentionsMedicines } from '../../utils/content/medicine-gate';
import { collectSample, SAMPLE_LIMITS } from '../../utils/content/sample';

const doc = (html: string) => parseHTML(html).document as unknown as Document;
const noYield = async () => undefined;

describe('normalisation against dodges', () => {
  it.each([
    ['zero-width inside an English word', 'vi\u200bag\u200dra', 'viagra'],
    ['word joiner and BOM', 'ci\u2060al\ufeffis', 'cialis'],
    ['full-width English', 'ｖｉａｇｒａ', 'viagra'],
    ['combining grapheme joiner after every letter', [...'viagra'].join('\u034f'), 'viagra'],
    ['variation selectors after every letter', [...'cialis'].join('\ufe0f'), 'cialis'],
    ['astral variation selectors (U+E0100)', [...'cialis'].join('\u{e0100}'), 'cialis'],
    ['tag characters', 'viag\u{e0041}ra', 'viagra'],
    ['combining marks piled on letters', 'v\u0301i\u0308a\u0300g\u036fra', 'viagra'],
    ['precomposed diacritics', 'vïágra', 'viagra'],
    ['Cyrillic look-alikes', 'viаgrа', 'viagra'], // а is U+0430
    ['Cyrillic capitals', 'СIАLIS', 'cialis'],
    ['Greek look-alikes', 'kαmαgrα', 'kamagra'],
    ['bidi controls', 'via\u202egra\u202c', 'viagra'],
    ['Hangul filler', 'ph\u3164armacy', 'pharmacy'],
  ])('%s', (_name, input, output) => {
    expect(normalizeText(input)).toBe(output);
  });

  it('leaves Japanese voiced kana and ordinary text alone', () => {
    expect(normalizeText('バイアグラ ﾊﾞｲｱｸﾞﾗ')).toBe('ばいあぐら ばいあぐら');
    expect(normalizeText('Café au lait')).toBe('cafe au lait');
  });

  it('the homoglyph map only maps to lower-case Latin letters', () => {
    expect(HOMOGLYPHS.size).toBeGreaterThan(60);
    for (const [from, to] of HOMOGLYPHS) {
      expect(from).toBeGreaterThan(0x36f); // Greek and Cyrillic blocks
      expect(String.fromCharCode(to)).toMatch(/^[a-z]$/);
    }
  });

  it('treats every BMP default-ignorable code point listed by Unicode as invisible', () => {
    // DerivedCoreProperties.txt, Default_Ignorable_Code_Point, Basic Multilingual Plane ranges.
    const ranges: [number, number][] = [
      [0xad, 0xad],
      [0x34f, 0x34f],
      [0x61c, 0x61c],
      [0x115f, 0x1160],
      [0x17b4, 0x17b5],
      [0x180b, 0x180f],
      [0x200b, 0x200f],
      [0x202a, 0x202e],
      [0x2060, 0x206f],
      [0x3164, 0x3164],
      [0xfe00, 0xfe0f],
      [0xfeff, 0xfeff],
      [0xffa0, 0xffa0],
      [0xfff0, 0xfff8],
    ];
    for (const [from, to] of ranges)
      for (let c = from; c <= to; c += 1) expect(invisible(c), c.toString(16)).toBe(true);
    for (const c of [0x20, 0x41, 0x3042, 0x30fc, 0x3099]) expect(invisible(c)).toBe(false);
  });

  it('the medicine gate sees words only normalisation reveals', () => {
    for (const text of ['ｖｉａｇｒａ', 'vi\u200bagra', 'сiаlis', [...'viagra'].join('\u034f')]) {
      expect(MEDICINE_GATE.test(text), text).toBe(false); // the raw text slips past…
      expect(mentionsMedicines(['', text]), text).toBe(true); // …the normalised one does not
    }
    expect(mentionsMedicines(['garden tools', 'spades and rakes'])).toBe(false);
  });
});

describe('sampling what the user reads', () => {
  it('reads code, pre, aria-hidden and SVG text, alt text and form fields', async () => {
    const sample = await collectSample(
      doc(`<html><body><pre>Buy kamagra</pre><code>no prescription</code>
      <div aria-hidden="true">tadalafil 20mg</div><svg><text>cheap cialis</text></svg>
      <img alt="viagra 100mg"><input placeholder="order levitra"></body></html>`),
      { yieldFn: noYield },
    );
    for (const word of [
      'kamagra',
      'no prescription',
      'tadalafil',
      'cheap cialis',
      'viagra 100mg',
      'order levitra',
    ])
      expect(sample.text).toContain(word);
  });

  it('hidden filler and empty nodes do not use up the budget', async () => {
    const filler = `<div hidden>${'x'.repeat(SAMPLE_LIMITS.text + 1000)}</div>`;
    const empties = '<i> </i>'.repeat(SAMPLE_LIMITS.nodes + 1000);
    const sample = await collectSample(
      doc(`<html><body>${filler}${empties}<p>Buy generic viagra online</p></body></html>`),
      { yieldFn: noYield },
    );
    expect(sample.text).toBe('Buy generic viagra online');
  });

  it('reads one character per block as one word', async () => {
    const spelled = [...'viagra'].map((c) => `<div>${c}</div>`).join('');
    const sample = await collectSample(
      doc(`<html><body>${spelled}<p>online shop</p></body></html>`),
      {
        yieldFn: noYield,
      },
    );
    expect(sample.text).toBe('viagra\nonline shop');
  });

  it('reads open shadow roots', async () => {
    const d = doc('<html><body><div id="h"></div><p>after</p></body></html>');
    const host = d.getElementById('h')!;
    const root = host.attachShadow({ mode: 'open' });
    root.appendChild(d.createTextNode('shadow kamagra shop'));
    const sample = await collectSample(d, { yieldFn: noYield });
    expect(sample.text).toContain('shadow kamagra shop');
  });

  it('names every shadow root it enters, nested ones too (the content script watches them)', async () => {
    const d = doc('<html><body><div id="h"></div><p>after</p></body></html>');
    const outer = d.getElementById('h')!.attachShadow({ mode: 'open' });
    const inner = d.createElement('div');
    outer.appendChild(inner);
    const nested = inner.attachShadow({ mode: 'open' });
    nested.appendChild(d.createTextNode('nested shop'));
    const seen: unknown[] = [];
    await collectSample(d, { yieldFn: noYield, onShadow: (root) => seen.push(root) });
    expect(seen).toEqual([outer, nested]);
  });
});
