// What the content script costs an ordinary page (one that never gets a banner): the page's
// main-thread time from navigation to two seconds after load, in Chromium with the extension and
// without it, in the same run, as a ratio. It covers sampling with visibility checks, the
// normalised medicine gate and the message to the background.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM, launchExtension } from '../../tests/e2e/browser';
import { median, row, type BenchRow } from './common';

/** The extension may add at most this share to an ordinary page's main-thread time. */
export const ORDINARY_PAGE_RATIO_BUDGET = 1.25;

const FILLER = [
  '当店の人気商品をご紹介します。季節限定のセットもございます。',
  'Our customer service team answers every e-mail within one business day.',
  'Please read the terms and conditions before placing an order.',
  '新商品の入荷情報はメールマガジンでお知らせします。',
];

/** An ordinary shop page of about `bytes`: paragraphs, lists, a few hidden and styled parts. */
export function ordinaryPage(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i += 1) {
    const text = FILLER[i % FILLER.length]!;
    const piece =
      i % 50 === 0
        ? `<ul>${`<li><a href="/p${i}">${text}</a></li>`.repeat(5)}</ul>`
        : i % 97 === 0
          ? `<div style="display:none"><p>${text}</p></div>`
          : `<p><span>${text}</span> <b>${i}</b></p>`;
    parts.push(piece);
    size += piece.length * 1.5;
  }
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>Garden shop</title></head><body><h1>Garden tools</h1>${parts.join('')}</body></html>`;
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tid: number;
  pid: number;
  args?: { data?: { url?: string; frame?: string } };
}

/** Main-thread milliseconds of the tab's renderer while loading `url` and two seconds after. */
async function mainThreadMs(context: BrowserContext, url: string): Promise<number> {
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (data) =>
    events.push(...(data.value as unknown as TraceEvent[])),
  );
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline',
    transferMode: 'ReportEvents',
  });
  await tab.goto(url, { timeout: 60_000 });
  await new Promise((r) => setTimeout(r, 2000));
  await cdp.send('Tracing.end');
  await done;
  await tab.close();
  // The renderer main thread is the one that parsed the page (ParseHTML carries the URL).
  const parse = events.find(
    (e) => e.name === 'ParseHTML' && JSON.stringify(e.args ?? {}).includes(new URL(url).host),
  );
  if (!parse) throw new Error('no ParseHTML event for the page');
  return (
    events
      .filter(
        (e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === parse.pid && e.tid === parse.tid,
      )
      .reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000
  );
}

export async function ordinaryPageRows(runs = 5, bytes = 500 * 1024): Promise<BenchRow[]> {
  const html = ordinaryPage(bytes);
  const server = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://garden-shop.example:${port}/`;
  const ext = await launchExtension({ bigList: false });
  const plainDir = mkdtempSync(join(tmpdir(), 'kg-bench-plain-'));
  const plain = await chromium.launchPersistentContext(plainDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--host-resolver-rules=MAP * 127.0.0.1',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const withExt: number[] = [];
    const without: number[] = [];
    await mainThreadMs(ext.context, url); // warm-up: the worker and the lists load once
    await mainThreadMs(plain, url);
    for (let i = 0; i < runs; i += 1) {
      // Interleaved, so load on the machine affects both alike.
      withExt.push(await mainThreadMs(ext.context, url));
      without.push(await mainThreadMs(plain, url));
    }
    const a = median(withExt);
    const b = median(without);
    return [
      row(
        `ordinary ${Math.round(bytes / 1024)} KB page, main thread with / without the extension (Chromium, same run)`,
        a / b,
        'ratio',
        ORDINARY_PAGE_RATIO_BUDGET,
        `median of ${runs}: ${a.toFixed(1)} ms with, ${b.toFixed(1)} ms without`,
      ),
    ];
  } finally {
    await ext.close();
    await plain.close();
    rmSync(plainDir, { recursive: true, force: true });
    server.close();
  }
}
