// The content script's pre-check (utils/content/medicine-gate.ts): a page it stops is never
// scored, so the stems must reach the pages rogue shops write without a general medicine word
// (shipping, payment and terms pages of peptide, steroid and sleeping-pill shops, Japanese
// personal-import pages), and still leave ordinary pages alone.
import { describe, expect, it } from 'vitest';
import { MEDICINE_GATE, mentionsMedicines } from '../../utils/content/medicine-gate';

describe('the medicine pre-check', () => {
  it('lets through the shops that name no general medicine word', () => {
    for (const text of [
      'Research peptides ship within 48 hours; orders seized by customs are reshipped once.',
      'BPC-157 5 mg — 10 vials per kit',
      'We accept USDT for all SARMs orders',
      'buysarms.example', // a host name
      'Elevate Anabolix reship policy',
      'Peptologist Labs payment options',
      'ホルモン剤の個人差について',
      'Anabolic cycle support: delivery to the UK and EU',
      'Botox Cosmetic 100 units, shipped cold from Europe',
      'onabotulinumtoxinA 50U',
      'Semaglutide 5 mg pens in stock',
      'Modafinil 200 mg: delivery in 3–5 days across Australia',
      'Zopiclone 7.5 mg blue, next-day dispatch',
      '個人輸入の流れとご注意',
      '発毛剤を定期的に買っている人へ',
      'アナボリックステロイドのサイクル中に',
      'ｽﾃﾛｲﾄﾞ', // half-width katakana, folded by gate-text
      'カマグラゴールド100mg 最安値', // Kamagra in katakana, alone
      'ｶﾏｸﾞﾗ',
      'カマク゛ラ', // spacing voiced mark
      '育毛剤を定期的に',
      '利尿剤のラシックス',
      '睡眠導入剤',
      '精力剤の通販',
    ])
      expect(mentionsMedicines([text]), text).toBe(true);
  });

  it('keeps leaving ordinary pages alone, including words that contain a stem', () => {
    for (const text of [
      'A trivial fix for the login form', // contains "vial"
      'Calle Sarmiento 1200, Buenos Aires', // starts with "sarm"
      'How to disarm the alarm', // contains "sarm"
      '洗剤と入浴剤のまとめ買い', // 剤 of household goods
      '接着剤・柔軟剤',
      'Free shipping on orders over $50. Returns within 30 days.',
      '海外セレクトブランドのスニーカー',
      'お支払い方法：クレジットカード、銀行振込',
    ])
      expect(mentionsMedicines([text]), text).toBe(false);
  });

  it('is one case-insensitive expression without global state (test() must not remember)', () => {
    expect(MEDICINE_GATE.flags).toBe('i');
    expect(MEDICINE_GATE.test('PEPTIDE')).toBe(true);
    expect(MEDICINE_GATE.test('PEPTIDE')).toBe(true);
  });
});
