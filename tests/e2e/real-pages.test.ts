// Real page source (tests/fixtures/html/real: pages from public repositories under permissive
// licences, see its README) in Chromium: no everyday markup may end the content script's scan.
// Until session 18 one inline SVG did (Chrome's closed-shadow-root lookup threw on it) and no
// fixture had one, so nothing saw it. Each page is served byte for byte at a host of its own, with
// one neutral sentence about medicines added before </body> so that the content script sends its
// sample; the page's check must then reach the background and be scored (its record, with a
// numeric score, stored for its tab). No level is asserted: these pages are not labelled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { launchExtension, type ExtensionBrowser } from './browser';
import { closeBrowserAndServer } from './suite';
import { FixtureServer } from './fixture-server';
import { tabIdOf } from './helpers';
import { declaredCharset } from '../../tools/lib/corpus';

const DIR = 'tests/fixtures/html/real';

interface RealPage {
  file: string;
  repo: string;
  path: string;
  /** The page's own scripts, kept beside it (assets/<name>/<path in its repository>). */
  assets?: string[];
}

const REAL_PAGES: RealPage[] = JSON.parse(readFileSync(`${DIR}/index.json`, 'utf8'));

const EN = '<p>Medicine information for customers.</p>';
const JA = '<p>お薬についてのご案内</p>';

/**
 * The page's bytes with the sentence before its last </body> (at the end if it has none), in the
 * page's own encoding: UTF-16 pages get it in UTF-16, Japanese UTF-8 pages in Japanese, every
 * other page in English (ASCII, the same bytes in every charset these pages declare).
 */
function withSentence(bytes: Buffer): Buffer {
  const charset = declaredCharset(bytes);
  const wide = charset === 'utf-16le' || charset === 'utf-16be';
  const text = new TextDecoder(charset).decode(bytes);
  const ja = charset === 'utf-8' && /<html[^>]*\slang=["']?ja/i.test(text);
  const encode = (s: string): Buffer => {
    if (!wide) return Buffer.from(s, 'utf8');
    const le = Buffer.from(s, 'utf16le');
    return charset === 'utf-16le' ? le : le.swap16();
  };
  const sentence = encode(ja ? JA : EN);
  const at = Math.max(bytes.lastIndexOf(encode('</body>')), bytes.lastIndexOf(encode('</BODY>')));
  if (at < 0) return Buffer.concat([bytes, sentence]);
  return Buffer.concat([bytes.subarray(0, at), sentence, bytes.subarray(at)]);
}

/** Whether the page names its own charset (a byte-order mark or <meta>): served without one. */
const declaresCharset = (bytes: Buffer) =>
  (bytes[0] === 0xff && bytes[1] === 0xfe) ||
  (bytes[0] === 0xfe && bytes[1] === 0xff) ||
  /<meta[^>]+charset/i.test(bytes.subarray(0, 4096).toString('latin1'));

const hostOf = (n: number) => `real-${n + 1}.example`;

describe('real pages in Chromium', () => {
  let server: FixtureServer;
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    const routes = new Map<string, { body: Buffer; type: string }>();
    REAL_PAGES.forEach((p, n) => {
      const bytes = readFileSync(`${DIR}/${p.file}`);
      routes.set(`${hostOf(n)}/${p.path}`, {
        body: withSentence(bytes),
        type: declaresCharset(bytes) ? 'text/html' : 'text/html; charset=utf-8',
      });
      for (const asset of p.assets ?? [])
        routes.set(`${hostOf(n)}/${asset}`, {
          body: readFileSync(`${DIR}/assets/${p.file.replace(/\.html$/, '')}/${asset}`),
          type: 'text/javascript',
        });
    });
    server = new FixtureServer().handle((req, res) => {
      const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
      const path = posix.normalize(
        decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname),
      );
      const route = routes.get(`${host}${path}`);
      if (!route) return false;
      res.writeHead(200, { 'content-type': route.type }).end(route.body);
      return true;
    });
    await server.start();
    ext = await launchExtension({ lang: 'en' });
  }, 60_000);

  afterAll(() => closeBrowserAndServer(ext, server));

  it.each(REAL_PAGES.map((p, n) => [p.file, n] as const))(
    '%s: its check reaches the background and is scored',
    async (_file, n) => {
      const page = await ext.context.newPage();
      try {
        await page.goto(server.url(hostOf(n), `/${REAL_PAGES[n]!.path}`), {
          waitUntil: 'domcontentloaded',
        });
        const url = page.url();
        const tabId = await tabIdOf(ext, page);
        const worker = await ext.worker();
        await expect
          .poll(
            () =>
              worker.evaluate(
                async ([id, href]) => {
                  const all = (await chrome.storage.session.get('pageScores')).pageScores as
                    Record<string, { url: string; score: unknown }> | undefined;
                  const record = all?.[String(id)];
                  return record?.url === href ? typeof record.score : 'no record';
                },
                [tabId, url] as const,
              ),
            { timeout: 15_000, interval: 200 },
          )
          .toBe('number');
      } finally {
        await page.close();
      }
    },
    30_000,
  );
});
