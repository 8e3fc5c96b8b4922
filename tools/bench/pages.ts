// Synthetic pages for the detector benchmarks: a rogue shop's vocabulary spread through
// ordinary Japanese and English filler, at any size, from a fixed seed.
import { random } from './common';

const FILLER = [
  'ご注文いただいた商品は、通常3営業日以内に発送いたします。',
  'お客様の個人情報は適切に管理しております。',
  '当店の人気商品をご紹介します。季節限定のセットもございます。',
  'Our customer service team answers every e-mail within one business day.',
  'Please read the terms and conditions before placing an order.',
  '新商品の入荷情報はメールマガジンでお知らせします。',
  'Shipping times vary by destination and customs processing.',
  '会員登録をすると、次回からのお買い物がかんたんになります。',
];

const ROGUE = [
  'カマグラゴールド100mg 4錠 3,980円 カートに入れる',
  '処方箋不要でご注文いただけます。',
  '医薬品の個人輸入代行サービスです。海外から直接発送します。',
  'お支払いはJCBのみ、米ドルでの決済となります。',
  'Buy Cialis online without prescription. Discreet packaging.',
];

/** Visible text of about `bytes` UTF-8 bytes as paragraphs of HTML, plus the text itself. */
export function syntheticPage(bytes: number, seed = 42): { html: string; text: string } {
  const next = random(seed);
  const paragraphs: string[] = [];
  let size = 0;
  const encoder = new TextEncoder();
  while (size < bytes) {
    const pool = next() < 0.1 ? ROGUE : FILLER;
    const sentence = pool[Math.floor(next() * pool.length)]!;
    paragraphs.push(sentence);
    size += encoder.encode(sentence).length;
  }
  const text = paragraphs.join('\n');
  const html = `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>薬の通販 ベンチマーク</title></head><body>${paragraphs
    .map((p) => `<p>${p}</p>`)
    .join('\n')}</body></html>`;
  return { html, text };
}
