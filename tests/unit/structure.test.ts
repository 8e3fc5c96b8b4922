// Structural facts (issue 12 item 5): the content script's collector on real-looking pages
// (navigation, product grid, cart form, footer) and on hostile ones, the message schema the
// background validates them with, and the facts the detector derives from them — for a DOM page
// and, with the same definitions, for a text page (whose DOM-only facts stay unknown).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import {
  collectStructure,
  STRUCTURE_LIMITS,
  type PageStructure,
} from '../../utils/content/structure';
import { normalizeText, normalizeWithMap } from '../../utils/content/normalize';
import { DRUG_BY_NAME, findAll, scanDrugTerms } from '../../utils/detector/matchers';
import { StructureSchema } from '../../utils/page/handlers';
import { decodeHtml, sampleFromHtml } from '../../tools/lib/corpus';
import {
  collapsed,
  collapsedLength,
  LEGAL_LINK,
  LICENCE_NUMBER,
  structureFacts,
  structureOfText,
} from '../../utils/detector/structure';
import { SIGNALS, gather, prepare, meansRogue } from '../../utils/detector/signals';
import { pageSample } from './page-sample';
import { readCorpus } from '../../tools/lib/corpus';
import { CORPUS_DIR } from '../../tools/lib/training-set';
import { extractFeatures } from '../../utils/detector/features';
import { UNLEARNED_SIGNALS } from '../../utils/detector/feature-space';

const doc = (html: string) =>
  parseHTML(`<!doctype html><html><body>${html}</body></html>`).document as unknown as Document;
const fixture = (slug: string) => readFileSync(`tests/fixtures/html/pages/${slug}.html`);
const fixtureDoc = (slug: string) =>
  parseHTML(decodeHtml(fixture(slug))).document as unknown as Document;

describe('collectStructure on real-looking pages', () => {
  it('a rogue shop product page: menu, product grid, quantity form, legal link', () => {
    const s = collectStructure(fixtureDoc('ja-rogue-shop-product'));
    expect(s.cart).toBe('qty');
    expect(s.links).toEqual(
      expect.arrayContaining(['ED治療薬', 'カマグラゴールド100mg', '特定商取引法に基づく表記']),
    );
    expect(s.footer).toContain('自己責任');
    expect(StructureSchema.parse(s)).toEqual(s);
  });

  it('a licensed drugstore: add-to-cart button, statutory links, licence number in the footer', () => {
    const s = collectStructure(fixtureDoc('ja-licensed-drugstore'));
    expect(s.cart).toBe('カートに入れる');
    expect(s.links).toContain('医薬品の販売に関する表示');
    expect(s.footer).toContain('許可番号');
  });

  it('a clinic page has no cart (known absent, not unknown)', () => {
    expect(collectStructure(fixtureDoc('ja-clinic-ed')).cart).toBe('');
  });

  it('schema.org products from JSON-LD (nested @graph) and microdata', () => {
    const s = collectStructure(
      doc(`<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
        {"@type":"WebPage","name":"not a product"},
        {"@type":"Product","name":"Kamagra Oral Jelly 100mg","offers":{"@type":"Offer","price":"29"}}]}</script>
      <div itemscope itemtype="https://schema.org/Product"><span itemprop="name">フィンペシア 1mg</span></div>
      <div itemscope itemtype="https://schema.org/Person"><span itemprop="name">Jane</span></div>`),
    );
    expect(s.products).toEqual(['Kamagra Oral Jelly 100mg', 'フィンペシア 1mg']);
  });

  it('an add-to-cart submit input counts; a search button does not', () => {
    expect(
      collectStructure(doc('<form><input type="submit" value="Add to basket"></form>')).cart,
    ).toBe('Add to basket');
    expect(collectStructure(doc('<form><input name="q"><button>Search</button></form>')).cart).toBe(
      '',
    );
  });
});

describe('collectStructure on hostile pages', () => {
  it('100,000 links: bounded elements, links and lengths', () => {
    const links = Array.from(
      { length: 100_000 },
      (_, i) => `<a href="/${i}">viagra ${'x'.repeat(i % 200)}</a>`,
    );
    const s = collectStructure(doc(`${links.join('')}<footer>許可番号 第12345号</footer>`));
    expect(s.links).toHaveLength(STRUCTURE_LIMITS.links);
    for (const l of s.links) expect(l.length).toBeLessThanOrEqual(STRUCTURE_LIMITS.link);
    // The footer lies past the element cap: not read (a page cannot make us read it all).
    expect(s.footer).toBe('');
    expect(() => StructureSchema.parse(s)).not.toThrow();
  });

  it('huge or broken JSON-LD is skipped; a deep one is visited only so far', () => {
    const huge = JSON.stringify({ '@type': 'Product', name: 'Huge', d: 'x'.repeat(200_000) });
    let deep: unknown = { '@type': 'Product', name: 'Deep' };
    for (let i = 0; i < 2_000; i += 1) deep = { '@type': 'Thing', child: deep };
    const s = collectStructure(
      doc(
        `<script type="application/ld+json">${huge}</script>` +
          `<script type="application/ld+json">{"@type":"Product","name":</script>` +
          `<script type="application/ld+json">${JSON.stringify(deep)}</script>` +
          `<script type="application/ld+json">${JSON.stringify(
            Array.from({ length: 50 }, (_, i) => ({
              '@type': 'Product',
              name: `P${i} ${'y'.repeat(300)}`,
            })),
          )}</script>`,
      ),
    );
    expect(s.products!.length).toBeLessThanOrEqual(STRUCTURE_LIMITS.products);
    expect(s.products).not.toContain('Huge');
    expect(s.products).not.toContain('Deep');
    for (const p of s.products!) expect(p.length).toBeLessThanOrEqual(STRUCTURE_LIMITS.product);
  });

  it('an invisible cart, hidden links and a hidden footer are not read', () => {
    const s = collectStructure(
      doc(`<div hidden><form><input name="qty"><button>カートに入れる</button></form></div>
        <div style="display:none"><a href="/v">バイアグラ</a></div>
        <footer hidden>許可番号 第1号</footer><a href="/ok">会社概要</a>`),
    );
    expect(s).toEqual({ cart: '', products: [], links: ['会社概要'], footer: '', hosts: [] });
  });
});

describe('StructureSchema (the background trusts nothing the page sends)', () => {
  const ok = { cart: '', products: [], links: ['a'], footer: '' };
  it.each([
    ['too many links', { ...ok, links: Array(STRUCTURE_LIMITS.links + 1).fill('a') }],
    ['a link too long', { ...ok, links: ['a'.repeat(STRUCTURE_LIMITS.link + 1)] }],
    ['too many products', { ...ok, products: Array(STRUCTURE_LIMITS.products + 1).fill('p') }],
    ['a footer too long', { ...ok, footer: 'f'.repeat(STRUCTURE_LIMITS.footer + 1) }],
    ['cart not a string', { ...ok, cart: true }],
    ['links missing', { cart: '', footer: '' }],
    ['links not strings', { ...ok, links: [{}] }],
  ])('rejects %s', (_name, input) => {
    expect(StructureSchema.safeParse(input).success).toBe(false);
  });
  it('accepts a text-like structure without the DOM-only facts', () => {
    expect(StructureSchema.safeParse({ links: [], footer: '' }).success).toBe(true);
  });
});

describe('facts the detector derives', () => {
  it('from a DOM page: drug links, legal links, a footer licence number in the page’s words', async () => {
    const drugstore = await sampleFromHtml(
      'https://sakura.example/',
      fixture('ja-licensed-drugstore'),
    );
    const facts = structureFacts(drugstore.structure!);
    expect(facts.cart?.words).toBe('カートに入れる');
    expect(facts.legalLinks?.terms).toEqual([
      '特定商取引法に基づく表記',
      '医薬品の販売に関する表示',
    ]);
    expect(facts.footerLicence?.words).toContain('許可番号:第0123');
    const uk = await sampleFromHtml('https://chemist.example/', fixture('en-licensed-pharmacy'));
    expect(structureFacts(uk.structure!).footerLicence?.words).toBe(
      'GPhC registration number 1234567',
    );
    const rogue = await sampleFromHtml('https://mart.example/', fixture('ja-rogue-shop-product'));
    expect(structureFacts(rogue.structure!).drugLinks?.terms).toEqual(
      expect.arrayContaining(['kamagra', 'finpecia']),
    );
    expect(structureFacts(rogue.structure!).footerLicence).toBeNull();
  });

  // The definition, as written before the line-by-line reading (issue 15): split, collapse, keep
  // the short ones, at most STRUCTURE_LIMITS.links.
  const splitLinks = (text: string) => {
    const links: string[] = [];
    for (const line of text.split('\n')) {
      const t = line.replace(/\s+/g, ' ').trim();
      if (t !== '' && t.length <= 30) links.push(t);
      if (links.length >= STRUCTURE_LIMITS.links) break;
    }
    return links;
  };

  it.each([
    ['empty', ''],
    ['only line breaks', '\n\n\n'],
    [
      'a long line that whitespace shrinks to a link',
      `  ${'く'.repeat(10)}${' '.repeat(40)}すり  \n`,
    ],
    [
      'a long line with ideographic and zero-width spaces',
      `${'\u3000'.repeat(40)}薬\u200b局\n${'x'.repeat(31)}`,
    ],
    ['200 short lines', Array.from({ length: 200 }, (_, i) => `項目${i}`).join('\n')],
    ['a 5 MB line', 'く'.repeat(5_000_000)],
    [
      'long lines that collapse to exactly 30 and 31 characters, every kind of whitespace',
      [
        `\t\v\f\r ${'a'.repeat(14)}\u00a0\u1680\u2000\u200a\u2028${'b'.repeat(15)}\u202f\u205f\u3000\ufeff`,
        `${'a'.repeat(15)}${' '.repeat(20)}${'b'.repeat(15)}`,
        `${'a'.repeat(15)}\u0085${' '.repeat(20)}${'b'.repeat(14)}`,
        `   ${'x '.repeat(15)}   `,
        `   ${'x '.repeat(16)}`,
      ].join('\n'),
    ],
  ])('a text page’s links are the split definition’s: %s', (_, text) => {
    expect(structureOfText(text).links).toEqual(splitLinks(text));
  });

  it('collapsed is slice + replace(/\\s+/g) + trim, code unit for code unit (lone surrogates kept)', () => {
    const units = [
      0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x200a, 0x200b, 0x2028,
      0x2029, 0x202f, 0x205f, 0x3000, 0xfeff, 0x61, 0x41, 0x304f, 0xd83d, 0xde00, 0xdc00, 0xd800,
    ];
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    for (let round = 0; round < 500; round += 1) {
      const length = next() % (round < 400 ? 50 : 5000);
      let text = '';
      for (let i = 0; i < length; i += 1)
        text += String.fromCharCode(units[next() % units.length]!);
      const from = next() % (length + 1);
      const to = from + (next() % (length - from + 1));
      expect(collapsed(text, from, to)).toBe(text.slice(from, to).replace(/\s+/g, ' ').trim());
    }
  });

  it('collapsedLength is the collapsed length, or some length over its limit once over it', () => {
    const units = [0x09, 0x0a, 0x20, 0x3000, 0xfeff, 0x2028, 0x61, 0x304f, 0xd83d];
    let seed = 11;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    for (let round = 0; round < 500; round += 1) {
      const length = next() % 80;
      let text = '';
      for (let i = 0; i < length; i += 1)
        text += String.fromCharCode(units[next() % units.length]!);
      const whole = collapsed(text, 0, length).length;
      expect(collapsedLength(text, 0, length)).toBe(whole);
      for (const limit of [0, 1, 29, 30, 31]) {
        const counted = collapsedLength(text, 0, length, limit);
        if (whole <= limit) expect(counted).toBe(whole);
        else expect(counted).toBeGreaterThan(limit);
      }
    }
  });

  it('a text page’s footer is its last 600 characters, whitespace collapsed', () => {
    for (const text of [
      '',
      ' x ',
      `${'前'.repeat(700)}\n許可番号  第4567号 \n`,
      'a\u3000'.repeat(400),
    ])
      expect(structureOfText(text).footer).toBe(
        text.slice(-STRUCTURE_LIMITS.footer).replace(/\s+/g, ' ').trim(),
      );
  });

  it('a text page’s links are the split definition’s on every corpus page', () => {
    for (const page of readCorpus(CORPUS_DIR))
      expect(structureOfText(page.sample.text).links, page.slug).toEqual(
        splitLinks(page.sample.text),
      );
  });

  it('structureFacts in one loop gives what the map-and-filter definition gave', () => {
    // The definition before session 15 (docs/performance-history.md, "Scoring, twelfth pass"), kept
    // here as the reference.
    const naming = (texts: readonly string[], medicine: boolean) => {
      const normalised = texts.map(normalizeText);
      const named: string[] = [];
      const terms = new Set<string>();
      texts.forEach((text, i) => {
        const scan = scanDrugTerms(normalised[i]!);
        if (scan.drug.length === 0 && (!medicine || scan.medicine.length === 0)) return;
        named.push(text);
        for (const m of scan.drug) terms.add(DRUG_BY_NAME.get(m.term)?.[0] ?? m.term);
        if (medicine) for (const m of scan.medicine) terms.add(m.term);
      });
      return named.length === 0
        ? null
        : { words: named.slice(0, 3).join(' / '), terms: [...terms] };
    };
    const reference = (s: PageStructure) => {
      const links = s.links.map(normalizeText);
      const isLegal = links.map((l) => LEGAL_LINK.test(l));
      const legal = s.links.filter((_, i) => isLegal[i]);
      const footer = normalizeWithMap(s.footer);
      const numbers = findAll(new RegExp(LICENCE_NUMBER.source, 'g'), footer.text, 5);
      return {
        cart: s.cart ? { words: s.cart, terms: ['cart'] } : null,
        productDrugs: naming(s.products ?? [], false),
        drugLinks: naming(s.links, true),
        legalLinks:
          legal.length === 0
            ? null
            : {
                words: legal.slice(0, 3).join(' / '),
                terms: [...new Set(links.filter((_, i) => isLegal[i]))],
              },
        footerLicence:
          numbers.length === 0
            ? null
            : {
                words: s.footer.slice(
                  footer.map[numbers[0]!.index] ?? 0,
                  (footer.map[numbers[0]!.end - 1] ?? 0) + 1,
                ),
                terms: [...new Set(numbers.map((m) => m.term))],
              },
      };
    };
    const structures: PageStructure[] = [];
    for (const page of readCorpus(CORPUS_DIR)) structures.push(structureOfText(page.sample.text));
    // Every HTML fixture page (tests/fixtures/html/index.json names them).
    const fixtures = JSON.parse(readFileSync('tests/fixtures/html/index.json', 'utf8')) as {
      slug: string;
    }[];
    for (const { slug } of fixtures) structures.push(collectStructure(fixtureDoc(slug)));
    // Hostile texts: zero-width splits, look-alikes, full-width, repeated legal links and drugs.
    structures.push({
      cart: 'ｶｰﾄ',
      products: ['バ\u200bイアグラ', 'ＶＩＡＧＲＡ 100mg', '', 'сialis'],
      links: [
        '特定商取引法',
        '特定商取引法',
        'Ｌｉｃｅｎｃｅ',
        'ED治療薬',
        'ＥＤ治療薬',
        '',
        'v\u00edagra',
      ],
      footer: '許可番号 第4567号 registration 12345 licence 999',
    });
    expect(structures.length).toBeGreaterThan(1000);
    for (const s of structures) expect(structureFacts(s)).toEqual(reference(s));
  });

  it('from a text page: the same definitions on its lines; cart and products stay unknown', () => {
    const text = [
      'ホーム',
      'ED治療薬',
      'バイアグラ100mg',
      '特定商取引法に基づく表記',
      'この行は三十文字より長いので、メニューやリンクの一項目とは見なしません（バイアグラ）。',
      '店舗販売業 許可番号 第4567号',
    ].join('\n');
    const s = structureOfText(text);
    expect(s.cart).toBeUndefined();
    expect(s.products).toBeUndefined();
    expect(s.links).not.toContain(expect.stringContaining('三十文字'));
    const facts = structureFacts(s);
    expect(facts.cart).toBeNull();
    expect(facts.productDrugs).toBeNull();
    expect(facts.drugLinks?.words).toContain('バイアグラ100mg');
    expect(facts.legalLinks?.words).toBe('特定商取引法に基づく表記');
    expect(facts.footerLicence?.words).toBe('許可番号 第4567');
  });

  it('signals with the page’s own words, on their side of the verdict', () => {
    const sample = {
      ...pageSample('バイアグラ100mg 1箱 3,980円 ご注文はこちら'),
      structure: {
        cart: 'カートに入れる',
        products: ['バイアグラ100mg'],
        links: ['ED治療薬'],
        footer: '',
      },
    };
    const e = gather(prepare(sample));
    expect(SIGNALS['cart-form'](e)?.evidence).toBe('カートに入れる');
    expect(SIGNALS['product-drug'](e)?.evidence).toBe('バイアグラ100mg');
    expect(SIGNALS['drug-links'](e)?.evidence).toBe('ED治療薬');
    expect(SIGNALS.priced(e)?.evidence).toContain('3,980円');
    expect(SIGNALS['legal-link'](e)).toBeNull();
    expect(meansRogue('cart-form')).toBe(true);
    expect(meansRogue('legal-link')).toBe(false);
    expect(meansRogue('footer-licence')).toBe(false);
  });

  it('prices need a currency, and a page about medicines', () => {
    const priced = (text: string) => SIGNALS.priced(gather(prepare(pageSample(text))));
    expect(priced('バイアグラ 100mg 30錠 ¥9,800')?.terms).toEqual(['¥9,800']);
    expect(priced('Viagra 100mg 30 pills $49.95')?.terms).toEqual(['$49.95']);
    expect(priced('バイアグラ 100mg 30錠')).toBeNull();
    expect(priced('Garden rake ¥2,980')).toBeNull();
  });
});

describe('structural facts in the model', () => {
  it('only the facts the cross-validation kept are features', () => {
    const sample = {
      ...pageSample('バイアグラ100mg 1箱 3,980円 ご注文はこちら 許可番号 第1234号'),
      structure: {
        cart: 'カートに入れる',
        products: ['バイアグラ100mg'],
        links: ['ED治療薬', '特定商取引法に基づく表記'],
        footer: '店舗販売業 許可番号 第1234号',
      },
    };
    const codes = extractFeatures(sample).hits.map((h) => h.code);
    for (const code of UNLEARNED_SIGNALS) expect(codes).not.toContain(code);
    for (const code of ['cart-form', 'product-drug'] as const) expect(codes).toContain(code);
  });

  it('a text page gets no cart or product feature, a DOM page without them neither', () => {
    const text = pageSample('バイアグラ100mg 1箱 3,980円 ご注文はこちら');
    const dom = { ...text, structure: { cart: '', products: [], links: [], footer: '' } };
    for (const page of [text, dom]) {
      const codes = extractFeatures(page).hits.map((h) => h.code);
      expect(codes).not.toContain('cart-form');
      expect(codes).not.toContain('product-drug');
    }
  });
});
