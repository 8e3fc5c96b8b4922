/**
 * Renders the extension's icons from the two SVG drawings beside this file into public/icon/
 * (toolbar and store sizes) and the Chrome Web Store's small promo tile into store/.
 * The PNGs are committed, so a build needs no browser; run `npm run icons` after editing a drawing.
 * Chromium renders the SVG (no image library needed): one page per size, transparent background.
 */
import { readFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const large = readFileSync(join(here, 'icon.svg'), 'utf8');
const small = readFileSync(join(here, 'icon-small.svg'), 'utf8');

// Chrome asks for 16/32/48/128 (toolbar, management page, store); AMO shows 48 and 96.
const SIZES = [16, 32, 48, 96, 128] as const;

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    mkdirSync(join(root, 'public', 'icon'), { recursive: true });
    for (const size of SIZES) {
      const svg = size <= 32 ? small : large;
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
      );
      await page.screenshot({
        path: join(root, 'public', 'icon', `${size}.png`),
        omitBackground: true,
      });
    }
    // Small promo tile (440×280), the one image the Chrome Web Store requires besides screenshots.
    mkdirSync(join(root, 'store'), { recursive: true });
    await page.setViewportSize({ width: 440, height: 280 });
    await page.setContent(`<style>
      html,body{margin:0;width:440px;height:280px;font-family:"IPAPGothic","IPAGothic",sans-serif}
      body{display:flex;align-items:center;gap:24px;padding:0 32px;box-sizing:border-box;
        background:linear-gradient(135deg,#eff6ff,#dbeafe);color:#1e3a8a}
      svg{width:128px;height:128px;flex:none}
      h1{margin:0;font-size:34px;line-height:1.2}
      p{margin:8px 0 0;font-size:17px;line-height:1.4;color:#1e40af}
    </style>${large}<div><h1>くすりガード</h1><p>不正なネット薬局で<br>買う前に警告</p><p>Kusuri Guard</p></div>`);
    await page.screenshot({ path: join(root, 'store', 'promo-tile-440x280.png') });
  } finally {
    await browser.close();
  }
}

await main();
