// The error analysis of `npm run eval -- --breakdown`: page kinds read from addresses, misses
// counted per class × language × kind, and score spreads per language and side.
import { describe, expect, it } from 'vitest';
import { pageKind } from '../../tools/lib/page-kind';
import {
  formatBreakdown,
  missesByKind,
  quantile,
  spreads,
  type BreakdownRow,
} from '../../tools/lib/breakdown';

describe('pageKind', () => {
  it.each([
    ['https://shop.example/faq', 'faq'],
    ['https://shop.example/help/questions?id=3', 'faq'],
    ['https://shop.example/shipping-faq', 'faq'],
    ['https://shop.example/terms-and-conditions', 'terms'],
    ['https://shop.example/refund-policy', 'terms'],
    ['https://shop.example/tokusho.html', 'terms'],
    ['https://shop.example/特定商取引法', 'terms'],
    ['https://shop.example/%E9%85%8D%E9%80%81', 'delivery'],
    ['https://shop.example/delivery', 'delivery'],
    ['https://shop.example/how-to-order', 'how-to-order'],
    ['https://shop.example/payment', 'how-to-order'],
    ['https://blog.example/2024/05/cheap-viagra', 'blog-affiliate'],
    ['https://blog.example/tag/online-pharmacy', 'blog-affiliate'],
    ['https://shop.example/products/cialis-20mg', 'product'],
    ['https://shop.example/', 'product'],
  ])('%s is a %s page', (url, kind) => {
    expect(pageKind(url)).toBe(kind);
  });

  it('reads the slug too, and survives addresses that are not URLs or badly escaped', () => {
    expect(pageKind('https://shop.example/p?id=7', 'ja-rogue-shop-faq')).toBe('faq');
    expect(pageKind('not a url at all')).toBe('product');
    expect(pageKind('https://shop.example/%E0%A4%A')).toBe('product');
    expect(pageKind('')).toBe('product');
  });

  it('does not take the host name for the path', () => {
    expect(pageKind('https://shipping-pills.example/cialis')).toBe('product');
  });
});

function row(partial: Partial<BreakdownRow>): BreakdownRow {
  return {
    slug: 's',
    url: 'https://x.example/',
    class: 'rogue',
    lang: 'en',
    positive: true,
    warned: true,
    value: 0.5,
    ...partial,
  };
}

describe('breakdown', () => {
  const rows = [
    row({ slug: 'a', url: 'https://a.example/faq', warned: false, value: 0.1 }),
    row({ slug: 'b', url: 'https://b.example/faq', warned: true, value: 0.9 }),
    row({ slug: 'c', url: 'https://c.example/terms', warned: true, value: 0.8 }),
    row({ slug: 'd', class: 'info', positive: false, warned: true, value: 0.7 }),
    row({ slug: 'e', class: 'info', positive: false, warned: false, value: 0.05 }),
    row({ slug: 'f', lang: 'ja', url: 'https://f.example/faq', warned: false, value: 0.2 }),
  ];

  it('counts a miss for a page to warn on left alone and for a page to leave alone warned', () => {
    const cells = missesByKind(rows);
    const cell = (cls: string, lang: string, kind: string) =>
      cells.find((c) => c.class === cls && c.lang === lang && c.kind === kind);
    expect(cell('rogue', 'en', 'faq')).toMatchObject({ missed: 1, total: 2 });
    expect(cell('rogue', 'en', 'terms')).toMatchObject({ missed: 0, total: 1 });
    expect(cell('rogue', 'ja', 'faq')).toMatchObject({ missed: 1, total: 1 });
    expect(cell('info', 'en', 'product')).toMatchObject({ missed: 1, total: 2 });
    expect(cells.reduce((s, c) => s + c.total, 0)).toBe(rows.length);
  });

  it('spreads scores per language and side with nearest-rank quantiles', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(quantile([1, 2, 3, 4], 0.95)).toBe(4);
    expect(quantile([1, 2, 3, 4], 0)).toBe(1);
    expect(quantile([], 0.5)).toBeNaN();
    const en = spreads(rows).filter((s) => s.lang === 'en');
    expect(en.map((s) => [s.side, s.count])).toEqual([
      ['warn-on', 3],
      ['leave-alone', 2],
    ]);
    expect(en[0]!.quantiles[3]).toBe(0.8);
  });

  it('formats every cell and survives no rows', () => {
    const text = formatBreakdown(rows);
    expect(text).toContain('rogue      en    faq               1/2');
    expect(formatBreakdown([])).toContain('missed/pages');
  });
});
