// `npm run check` reads a page by its declared charset (issue 14, item 8): the HTTP Content-Type
// header, a byte-order mark, <meta charset> or http-equiv, Shift_JIS and EUC-JP included, with the
// same decoder `npm run eval` uses for corpus .html files. The fixtures are real Shift_JIS and
// EUC-JP bytes (made with iconv), one declared only in the header, one only by http-equiv.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPage, readHtmlFile } from '../../tools/check';
import { declaredCharset, textSampleOfHtml } from '../../tools/lib/corpus';

const SJIS = 'tests/fixtures/check/shift-jis-header-only.html';
const EUCJP = 'tests/fixtures/check/euc-jp-http-equiv.html';

describe('npm run check: pages decoded by their declared charset', () => {
  let server: Server;
  let base = '';
  // path → [content-type, body]
  const pages = new Map<string, [string, Buffer]>([
    ['/sjis', ['text/html; charset=Shift_JIS', readFileSync(SJIS)]],
    ['/sjis-quoted', ['text/html;charset="shift_jis"', readFileSync(SJIS)]],
    ['/sjis-undeclared', ['text/html', readFileSync(SJIS)]],
    ['/eucjp', ['text/html', readFileSync(EUCJP)]],
    ['/eucjp-bogus-header', ['text/html; charset=x-no-such-charset', readFileSync(EUCJP)]],
    [
      '/bom-beats-header',
      [
        'text/html; charset=Shift_JIS',
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>処方箋</p>', 'utf8')]),
      ],
    ],
  ]);

  beforeAll(async () => {
    server = createServer((req, res) => {
      const page = pages.get(req.url ?? '');
      if (!page) return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': page[0] }).end(page[1]);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('a Shift_JIS page declared only in the Content-Type header', async () => {
    const { html } = await fetchPage(`${base}/sjis`);
    expect(html).toContain('医薬品の個人輸入について');
    expect((await fetchPage(`${base}/sjis-quoted`)).html).toContain('処方箋が必要な薬');
    const sample = await textSampleOfHtml(html);
    expect(sample.title).toBe('医薬品の個人輸入について');
    expect(sample.text).toContain('医師の診察を受けて');
  });

  it('without any declaration the same bytes are not read as Japanese (UTF-8 fallback)', async () => {
    expect((await fetchPage(`${base}/sjis-undeclared`)).html).not.toContain('医薬品');
  });

  it('an EUC-JP page declared by <meta http-equiv>, fetched and from a file (--html)', async () => {
    expect((await fetchPage(`${base}/eucjp`)).html).toContain('お薬の副作用が心配なときは');
    // An unknown charset in the header falls through to the page's own declaration.
    expect((await fetchPage(`${base}/eucjp-bogus-header`)).html).toContain(
      '薬剤師にご相談ください',
    );
    const sample = await textSampleOfHtml(readHtmlFile(EUCJP));
    expect(sample.title).toBe('よくあるご質問');
  });

  it('a byte-order mark wins over the header', async () => {
    expect((await fetchPage(`${base}/bom-beats-header`)).html).toContain('処方箋');
  });

  it('declaredCharset: header, then meta, then UTF-8', () => {
    const sjis = readFileSync(SJIS);
    expect(declaredCharset(sjis, 'text/html; charset=Shift_JIS')).toBe('shift_jis');
    expect(declaredCharset(sjis, 'text/html; charset=Windows-31J')).toBe('shift_jis');
    expect(declaredCharset(sjis)).toBe('utf-8');
    expect(declaredCharset(readFileSync(EUCJP), null)).toBe('euc-jp');
    expect(declaredCharset(readFileSync(EUCJP), 'text/html; charset=EUC-JP')).toBe('euc-jp');
  });
});
