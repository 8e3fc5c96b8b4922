// The signals for session 10's misses (utils/detector/miss-signals.ts): each matcher on sentences
// that should and should not fire, in both languages, through zero-width characters and
// full-width letters; the sourced shop list; the option switching the features on and off.
import { describe, expect, it } from 'vitest';
import shops from '../../data/import-shops.json';
import { normalizeWithMap } from '../../utils/content/normalize';
import { bucket, hashString } from '../../utils/detector/feature-space';
import { extractFeatures, FEATURE_DEFAULTS } from '../../utils/detector/features';
import {
  assertiveOffers,
  missFeatures,
  namedShops,
  NS_MISS,
  roguePolicies,
} from '../../utils/detector/miss-signals';
import type { PageSample } from '../../utils/detector/evidence';
import { existsSync } from 'node:fs';

/** What the scorer reads: the normalised text. */
const norm = (s: string) => normalizeWithMap(s).text;

describe('assertive-offer', () => {
  it.each([
    'Buy Zoloft no prescription.',
    'Welcome! You can order Propecia online without prescription from our store.',
    'Prescription required?: No',
    'Ｂｕｙ　Ｚｏｌｏｆｔ\u200b ｎｏ ｐｒｅｓｃｒｉｐｔｉｏｎ',
    'Order\u200b tramadol 50mg online without a prescription',
  ])('fires on a shop offer: %s', (text) => {
    expect(assertiveOffers(norm(text))).toHaveLength(1);
  });

  it.each([
    // The phrase without an offer, as warnings and news carry it.
    'Never buy Zoloft without a prescription.',
    'Sites that sell Propecia with no prescription are illegal.',
    'Can you buy hydroxychloroquine online without a prescription?',
    'Buy medicines without a prescription? Do not.',
    'Be careful: you can buy Viagra without prescription on rogue websites, which is dangerous.',
    'No prescription needed for this vitamin.',
    // Japanese: the phrase is as often an OTC medicine's description (not matched at all).
    '処方箋なしで購入できる市販薬です。',
    'バイアグラは処方箋なしで購入できます。',
  ])('stays quiet: %s', (text) => {
    expect(assertiveOffers(norm(text))).toEqual([]);
  });
});

describe('import-shop-named', () => {
  it('finds each shop once, by name, through zero-width characters and half-width kana', () => {
    const text = norm('オオサカ堂で買いました。ｵｵｻｶ堂は安い。ベスト\u200bケンコーも。OSAKADOU.');
    expect(namedShops(text)).toEqual(['オオサカ堂', 'ベストケンコー']);
  });

  it('stays quiet on pages naming no import shop', () => {
    expect(namedShops(norm('大阪の薬局で処方薬を受け取りました。Osaka pharmacy.'))).toEqual([]);
    // An ASCII name only as a whole word.
    expect(namedShops(norm('goldpharmaceuticals annual report'))).toEqual([]);
  });

  it('names a source corpus page for every shop', () => {
    for (const shop of shops.shops) {
      expect(shop.names.length).toBeGreaterThan(0);
      expect(existsSync(`data/corpus/pages/${shop.source}.txt`)).toBe(true);
    }
  });
});

describe('rogue-policy', () => {
  it.each([
    'If your parcel is seized by customs, we will reship it free of charge.',
    'We offer a free reshipment if the order is confiscated.',
    "We're not law enforcement and we do not share your data.",
    'We accept Western Union and MoneyGram only.',
    'Payment: Bitcoin only.',
    'Please send your prescription within 15 days after ordering.',
    'By placing an order you confirm that the medicines are for personal use.',
    '税関で没収された場合は無料で再発送いたします。',
    'お支払いはビットコインのみです。',
    'ご注文後、処方箋をメールで送ってください。',
    'ご本人の使用であることに同意のうえご注文ください。',
    'Ｗｅｓｔｅｒｎ\u200b Ｕｎｉｏｎ ｏｎｌｙ',
    '税\u200b関で没収された場合、再発送します。',
  ])('fires on rogue service-page content: %s', (text) => {
    expect(roguePolicies(norm(text))).toHaveLength(1);
  });

  it.each([
    'We ship by registered mail; delivery takes 7 days.',
    'We accept Visa and Mastercard.',
    'Beware of websites that ask you to pay by Western Union only.',
    'ビットコインのみで支払いを求めるサイトに注意してください。',
    'Customs may inspect parcels from abroad.',
    'Your prescription is checked by our pharmacist before we dispatch your order.',
    'お支払いはクレジットカードと銀行振込です。',
    '税関で止められた医薬品は返送されます。',
    '処方箋は受診時に医師が発行します。',
  ])('stays quiet: %s', (text) => {
    expect(roguePolicies(norm(text))).toEqual([]);
  });
});

describe('the missSignals feature option', () => {
  const page: PageSample = {
    url: 'https://shop.example/faq',
    host: 'shop.example',
    hostUnicode: 'shop.example',
    title: '',
    meta: '',
    headings: '',
    text: 'FAQ. If your order is seized by customs, we reship it. We accept Western Union only.',
  };
  const policy = bucket(hashString(NS_MISS, 'rogue-policy'));

  it('adds a fired signal with a value that grows with its evidence, only when asked for', () => {
    expect(missFeatures(norm(page.text))).toEqual([{ index: policy, value: 1 + Math.log2(2) / 2 }]);
    const on = extractFeatures(page, { ...FEATURE_DEFAULTS, missSignals: true });
    const off = extractFeatures(page, FEATURE_DEFAULTS);
    expect([...on.index]).toContain(policy);
    expect([...off.index]).not.toContain(policy);
    expect(on.index.length).toBe(off.index.length + 1);
  });

  it('adds only the groups asked for, and only on the scripts asked for', () => {
    const offer = bucket(hashString(NS_MISS, 'assertive-offer'));
    const text = `${page.text} Buy Zoloft without a prescription.`;
    expect(missFeatures(norm(text)).map((f) => f.index)).toEqual([offer, policy]);
    expect(missFeatures(norm(text), ['assertive-offer']).map((f) => f.index)).toEqual([offer]);
    expect(missFeatures(norm(text), ['import-shop-named'])).toEqual([]);
    const on = (missOn?: ('ja' | 'en')[]) => [
      ...extractFeatures(page, { ...FEATURE_DEFAULTS, missSignals: true, missOn }).index,
    ];
    // An English page gets them when English is among the scripts, and only then.
    expect(on(['en'])).toContain(policy);
    expect(on(['ja', 'en'])).toContain(policy);
    expect(on(['ja'])).not.toContain(policy);
    expect(on(['ja'])).toEqual([...extractFeatures(page, FEATURE_DEFAULTS).index]);
  });
});
