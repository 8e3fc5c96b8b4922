// `npm run check` on an HTML page reads it as the content script reads a live page: its text
// sample, its structural facts and the hosts its links lead to (linkedom gives links no host, so
// tools/lib/corpus.ts resolves each href against the page's address), and a page linking to a
// site on a packaged block-level list gets the extension's reason.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { check, fetchPage, main } from '../../tools/check';
import { pageOfHtml } from '../../tools/lib/corpus';

const URL = 'https://quiet-blog.example/post';
const page = (links: string) =>
  `<!doctype html><html><head><title>Buying medicines online: our notes</title></head><body>
   <h1>Buying medicines online: our notes</h1>
   <p>We compared how long delivery takes and what the checkout asks for.</p>
   <ul>${links}</ul></body></html>`;

describe('npm run check reads a page’s links', () => {
  it('resolves every link’s host against the page’s address, as a browser does', async () => {
    const { structure } = await pageOfHtml(
      page(
        '<li><a href="https://www.247rxpill.in/buy">a</a></li><li><a href="/about">b</a></li>' +
          '<li><a href="mailto:x@y.example">c</a></li><li><a href="http://[bad">d</a></li>',
      ),
      URL,
    );
    expect(structure.hosts).toEqual(['www.247rxpill.in', 'quiet-blog.example']);
    // A <base href> moves relative links; an SVG <a> has no host, as in the browser.
    const based = await pageOfHtml(
      '<!doctype html><html><head><base href="https://cdn.example/x/"></head><body>' +
        '<a href="page">a</a><svg><a href="https://svg.example/"><text>b</text></a></svg></body></html>',
      URL,
    );
    expect(based.structure.hosts).toEqual(['cdn.example']);
  });

  it('reads no links on a page that does not mention medicines, as the content script', async () => {
    const html =
      '<!doctype html><html><head><title>Garden notes</title></head><body><p>Spades and rakes.</p>' +
      '<a href="https://www.247rxpill.in/">a shop</a></body></html>';
    const { sample, structure } = await pageOfHtml(html, URL);
    const { verdict } = await check(URL, sample, undefined, structure);
    expect(verdict.reasons.some((r) => r.code === 'page.listed-links')).toBe(false);
  });

  it('a page linking to a listed shop gets the reason; the same page without it does not', async () => {
    const reasons = async (links: string) => {
      const { sample, structure } = await pageOfHtml(page(links), URL);
      const { verdict } = await check(URL, sample, undefined, structure);
      return verdict.reasons.map((r) => `${r.code} ${'evidence' in r ? r.evidence : ''}`);
    };
    const unlisted = await reasons('<li><a href="https://www.nhs.uk/">NHS</a></li>');
    expect(unlisted.some((r) => r.startsWith('page.listed-links'))).toBe(false);
    const listed = await reasons(
      '<li><a href="https://www.nhs.uk/">NHS</a></li><li><a href="https://www.247rxpill.in/">shop</a></li>',
    );
    expect(listed).toContain('page.listed-links www.247rxpill.in');
  });
});

describe('npm run check on a page reached through a redirect', () => {
  let server: Server;
  let port = 0;
  const landing =
    '<!doctype html><html><head><title>Generic medicines: our picks</title></head><body>' +
    '<h1>Generic medicines</h1><p>Tadalafil and sildenafil tablets compared.</p>' +
    '<a href="/shop">our shop</a></body></html>';

  beforeAll(async () => {
    // 127.0.0.1 sends the checker on to localhost (another host, as a doorway sends a visitor on).
    server = createServer((req, res) => {
      if (req.url === '/go')
        return res.writeHead(302, { location: `http://localhost:${port}/landing` }).end();
      if (req.url === '/landing')
        return res.writeHead(200, { 'content-type': 'text/html' }).end(landing);
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('reads the page where the redirects ended, and resolves its links against that address', async () => {
    const fetched = await fetchPage(`http://127.0.0.1:${port}/go`);
    expect(fetched.url).toBe(`http://localhost:${port}/landing`);
    const { structure } = await pageOfHtml(fetched.html, fetched.url);
    // Relative links lead to the host the page came from, not to the one asked for.
    expect(structure.hosts).toEqual(['localhost']);
  });

  it('says where the page was served from when a redirect changed the host', async () => {
    const errors: string[] = [];
    const err = vi.spyOn(console, 'error').mockImplementation((m: unknown) => {
      errors.push(String(m));
    });
    const printed: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((m: unknown) => {
      printed.push(String(m));
    });
    try {
      expect(await main([`http://127.0.0.1:${port}/go`, '--json'])).toBe(0);
      expect(errors).toContain(
        `The page was served from http://localhost:${port}/landing after redirects.`,
      );
      expect(errors.some((e) => e.startsWith('Could not read the page'))).toBe(false);
      // Both addresses get a verdict: the one asked for on the lists alone, the one that served
      // the page with its words (a doorway redirecting to a listed shop shows the listing).
      // (localhost itself is a local name, which the verdict leaves unchecked.)
      const out = JSON.parse(printed.join('\n')) as Record<
        string,
        { host: string; url: string; page: unknown }
      >;
      expect(out.asked!.host).toBe('127.0.0.1');
      expect(out.asked!.page).toBeNull();
      expect(out.servedFrom!.url).toBe(`http://localhost:${port}/landing`);
    } finally {
      err.mockRestore();
      log.mockRestore();
    }
  });
});
