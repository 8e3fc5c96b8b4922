// `npm run eval` says what the browser does with a page the content script's pre-check stops
// (utils/content/medicine-gate.ts): the row is marked `gated`, the `browser` line counts it as not
// warned whatever the model says of its text, and in the whole-site replay it is still shown its
// site's (that it leaves no evidence is site-browsing.test.ts's).
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluate, gatedOut } from '../../tools/eval';

const scratch = mkdtempSync(join(tmpdir(), 'kg-eval-gate-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const product = readFileSync('tests/fixtures/pages/pages/ja-rogue-kamagra-shop.txt', 'utf8')
  .split('\n')
  .slice(2)
  .join('\n');
// A shop's page that names its drug in katakana only and none of the pre-check's stems (no 薬,
// 錠, 処方 or 個人輸入): the model warns on its text, the browser never scores it (a known limit:
// the training corpus has one such page, README "The content script's pre-check").
const katakanaOnly = [
  'タダリスタ20mg 通販|最安値で即日発送',
  'タダリスタ 20mg 4箱 3,980円(税込) カートに入れる',
  'まとめ買いでさらにお得! 10箱セット 29,800円',
  'インドのフォートケア社の正規品を海外から直接お届けします。',
  'お支払いはクレジットカード(JCBのみ)または銀行振込。カード決済は米ドル建てとなります。',
  '商品は国際郵便で発送するため、お届けまで7〜14日ほどかかります。',
].join('\n');

function corpus(name: string, pages: { slug: string; url: string; text: string }[]): string {
  const dir = join(scratch, name);
  mkdirSync(join(dir, 'pages'), { recursive: true });
  const index = pages.map((p) => ({ slug: p.slug, url: p.url, class: 'rogue', lang: 'ja' }));
  writeFileSync(join(dir, 'index.json'), JSON.stringify(index));
  for (const p of pages)
    writeFileSync(
      join(dir, 'pages', `${p.slug}.txt`),
      `${p.url}\n# class: rogue | lang: ja | source: written for Kusuri Guard's tests\n\n${p.text}\n`,
    );
  return dir;
}

describe('eval and the content script pre-check', () => {
  it('marks the pages the pre-check stops', () => {
    const sample = (text: string) => ({
      url: 'https://shop.example/',
      host: 'shop.example',
      hostUnicode: 'shop.example',
      title: '',
      meta: '',
      headings: '',
      text,
    });
    expect(gatedOut(sample(katakanaOnly))).toBe(true);
    expect(gatedOut(sample(product))).toBe(false);
    // The host name, the title, the description and the headings count, as in the content script.
    expect(gatedOut({ ...sample(katakanaOnly), host: 'pharmacy-direct.example' })).toBe(false);
    expect(gatedOut({ ...sample(katakanaOnly), title: 'ED治療薬の通販' })).toBe(false);
    expect(gatedOut({ ...sample(katakanaOnly), meta: '処方箋不要' })).toBe(false);
    expect(gatedOut({ ...sample(katakanaOnly), headings: '人気の医薬品' })).toBe(false);
  });

  it('counts a gated page as not warned in the browser line, and lifts it by its site', async () => {
    const dir = corpus('shop', [
      {
        slug: 'ja-rogue-shop-tadalista',
        url: 'https://kusuri-mart.example/tadalista',
        text: katakanaOnly,
      },
      { slug: 'ja-rogue-shop-product', url: 'https://kusuri-mart.example/kamagra', text: product },
    ]);
    const report = await evaluate(dir);
    const row = Object.fromEntries(report.rows.map((r) => [r.slug, r]));
    const tadalista = row['ja-rogue-shop-tadalista']!;
    expect(tadalista).toMatchObject({ gated: true, warned: true });
    expect(row['ja-rogue-shop-product']).toMatchObject({ gated: false, warned: true });
    const ja = report.byLanguage.ja!;
    expect(ja.pages.recall.hits).toBe(2);
    expect(ja.browser.recall.hits).toBe(1);
    // Seen after the product page, the gated page gets the site's warning all the same.
    expect(tadalista.warnedWithSite).toBe(true);
  });

  it('takes no site evidence from a gated page, however it would have scored', async () => {
    // The gated page warns on its text; the other page of its site names medicines and is quiet.
    const dir = corpus('evidence', [
      {
        slug: 'ja-rogue-ev-tadalista',
        url: 'https://hako-mart.example/tadalista',
        text: katakanaOnly,
      },
      {
        slug: 'ja-rogue-ev-about',
        url: 'https://hako-mart.example/about',
        text: '会社概要\n当店は医薬品を取り扱っておりません。衣料品と雑貨のセレクトショップです。\n営業時間：平日10時〜18時',
      },
    ]);
    const row = Object.fromEntries((await evaluate(dir)).rows.map((r) => [r.slug, r]));
    expect(row['ja-rogue-ev-tadalista']).toMatchObject({ gated: true, warned: true });
    expect(row['ja-rogue-ev-about']).toMatchObject({ gated: false, warned: false });
    expect(row['ja-rogue-ev-about']!.warnedWithSite).toBe(false);
  });
});
