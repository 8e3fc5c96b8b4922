// What kind of page a corpus page is, read from its address (path and query) and slug, for the
// error analysis of `npm run eval -- --cv --breakdown`: rogue shops' FAQ, terms and delivery
// pages say little on their own, and misses cluster by kind. A heuristic for reports only: the
// detector never sees it.

export const PAGE_KINDS = [
  'faq',
  'terms',
  'delivery',
  'how-to-order',
  'blog-affiliate',
  'product',
] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

/** First match wins: a "shipping FAQ" is a FAQ, a "blog post about ordering" is how-to-order. */
const RULES: readonly [PageKind, RegExp][] = [
  ['faq', /faq|question|q-?and-?a|(^|[^a-z])qa([^a-z]|$)|よくある|質問/],
  [
    'terms',
    /terms|polic(y|ies)|privacy|tokusho|tokutei|legal|law|refund|return|disclaimer|company|about|規約|特定商|会社概要/,
  ],
  [
    'delivery',
    /deliver|shipping|shipment|(^|[^a-z])ship|dispatch|haisou|配送|発送|送料|customs|tracking/,
  ],
  [
    'how-to-order',
    /how-?to|order|guide|flow|payment|pay(^|[^a-z])|nagare|注文|支払|購入方法|使い方/,
  ],
  [
    'blog-affiliate',
    /blog|review|column|article|news|tag\/|ranking|matome|hikaku|比較|口コミ|ランキング|wp\/|\d{4}\/\d{2}/,
  ],
];

export function pageKind(url: string, slug = ''): PageKind {
  let path = url;
  try {
    const u = new URL(url);
    path = decodeURIComponent(u.pathname + u.search);
  } catch {
    // Not a URL: read the whole string.
  }
  const s = `${path} ${slug}`.toLowerCase();
  for (const [kind, pattern] of RULES) if (pattern.test(s)) return kind;
  return 'product';
}
