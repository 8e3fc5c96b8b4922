// Labelled corpora in the format of ../shared/reference/README.md:
// index.json [{ slug, url, class, lang, source?, note? }] and pages/<slug>.txt (URL, a
// "# class: … | lang: … | source: … | note: …" header, text) or pages/<slug>.html (raw page
// source, decoded by its declared charset; the URL comes from index.json).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { z } from '../../utils/core/zod';
import { displayHost, hostOfUrl, registrableDomain } from '../../utils/core/hostname';
import { collectStructure, type PageStructure } from '../../utils/content/structure';
import { collectSample, type TextSample } from '../../utils/content/sample';
import type { PageSample } from '../../utils/detector/signals';

export const CLASSES = [
  'rogue',
  'affiliate',
  'licensed',
  'clinic',
  'info',
  'other',
  'unsure',
] as const;
export type PageClass = (typeof CLASSES)[number];
/** Classes the detector should warn on; the others it should leave alone. `unsure` is not scored. */
export const POSITIVE: readonly PageClass[] = ['rogue', 'affiliate'];
export const NEGATIVE: readonly PageClass[] = ['licensed', 'clinic', 'info', 'other'];

export const IndexEntrySchema = z.object({
  slug: z.string().check(z.regex(/^[a-z0-9][a-z0-9._-]*$/i)),
  url: z.string(),
  class: z.enum(CLASSES),
  lang: z.string(),
  source: z.optional(z.string()),
  note: z.optional(z.string()),
  /** The folder an imported page came from (data/corpus only). */
  origin: z.optional(z.string()),
});
export type IndexEntry = z.infer<typeof IndexEntrySchema>;
const IndexSchema = z.array(IndexEntrySchema);

export interface CorpusPage {
  slug: string;
  url: string;
  class: PageClass;
  lang: string;
  source?: string;
  note?: string;
  origin?: string;
  sample: PageSample;
}

/**
 * What is wrong with a page's URL for a corpus, or null: it must be http(s) and name a public
 * host. A shop on a bare IP address is still a site (its own); a local name is not a public page.
 * The importer refuses such a page and the checker reports it.
 */
export function urlProblem(url: string): string | null {
  if (!/^https?:\/\//.test(url)) return `URL is not http(s): ${url}`;
  const host = hostOfUrl(url);
  if (!host || host.kind === 'local') return `URL has no public host: ${url}`;
  return null;
}

/**
 * The site a page counts for — the registrable domain of its URL's host, an IP address its own —
 * or null for a URL with no public host. Sites, not pages, are what the corpus README counts and
 * what training and held-out sets keep apart.
 */
export function siteOfUrl(url: string): string | null {
  const host = hostOfUrl(url);
  return host && host.kind !== 'local' ? registrableDomain(host.host) : null;
}

export function readIndex(dir: string): IndexEntry[] {
  return IndexSchema.parse(JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')));
}

/** A .txt page split into its header fields and its text. */
export interface TextPage {
  url: string;
  header: Record<string, string>;
  text: string;
}

export function parseTextPage(raw: string): TextPage {
  const lines = raw.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header: Record<string, string> = {};
  const hasHeader = lines[1]?.startsWith('# class:') ?? false;
  if (hasHeader) {
    // "note" is last and may itself contain " | ": everything after "note:" belongs to it.
    const line = lines[1]!.slice(2);
    const noteAt = line.indexOf('| note:');
    const head = noteAt >= 0 ? line.slice(0, noteAt) : line;
    for (const part of head.split('|')) {
      const colon = part.indexOf(':');
      if (colon > 0) header[part.slice(0, colon).trim()] = part.slice(colon + 1).trim();
    }
    if (noteAt >= 0) header.note = line.slice(noteAt + '| note:'.length).trim();
  }
  return {
    url: (lines[0] ?? '').trim(),
    header,
    text: lines.slice(hasHeader ? 2 : 1).join('\n'),
  };
}

/** Reads a corpus of .txt pages (synchronous: tests and fixtures). */
export function readCorpus(dir: string): CorpusPage[] {
  return readIndex(dir).map((entry) => {
    const page = parseTextPage(readFileSync(join(dir, 'pages', `${entry.slug}.txt`), 'utf8'));
    return withDefaults(entry, page.header, sampleFromText(entry.url, page.text));
  });
}

/** Reads a corpus whose pages are .txt or .html files. */
export async function loadCorpus(dir: string): Promise<CorpusPage[]> {
  const out: CorpusPage[] = [];
  for (const entry of readIndex(dir)) {
    const txt = join(dir, 'pages', `${entry.slug}.txt`);
    if (existsSync(txt)) {
      const page = parseTextPage(readFileSync(txt, 'utf8'));
      out.push(withDefaults(entry, page.header, sampleFromText(entry.url, page.text)));
      continue;
    }
    const html = join(dir, 'pages', `${entry.slug}.html`);
    if (!existsSync(html)) throw new Error(`no pages/${entry.slug}.txt or .html`);
    out.push(withDefaults(entry, {}, await sampleFromHtml(entry.url, readFileSync(html))));
  }
  return out;
}

function withDefaults(
  entry: IndexEntry,
  header: Record<string, string>,
  sample: PageSample,
): CorpusPage {
  const page: CorpusPage = { ...entry, sample };
  if (page.source === undefined && header.source) page.source = header.source;
  if (page.note === undefined && header.note) page.note = header.note;
  return page;
}

/** A page sample from plain text: the first non-empty line stands in for the title. */
export function sampleFromText(url: string, text: string): PageSample {
  const host = hostOfUrl(url)?.host ?? '';
  const trimmed = text.trim();
  return {
    url,
    host,
    hostUnicode: displayHost(host),
    title: '',
    meta: '',
    headings: '',
    text: trimmed,
  };
}

/**
 * The charset a page declares, in the HTML standard's order: a byte-order mark, then the charset
 * of the HTTP Content-Type header (`contentType`, when the page came over HTTP), then <meta
 * charset> or <meta http-equiv="Content-Type" content="…; charset=…"> in the first 4 KB, else
 * UTF-8. An unknown label falls through to the next source.
 */
export function declaredCharset(bytes: Uint8Array, contentType?: string | null): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const header = /;\s*charset\s*=\s*["']?([a-z0-9_:.-]+)/i.exec(contentType ?? '')?.[1];
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.-]+)/i.exec(head)?.[1];
  for (const label of [header, meta]) {
    if (label === undefined) continue;
    try {
      return new TextDecoder(label.toLowerCase()).encoding;
    } catch {
      // an unknown label: the next source, then the HTML standard's fallback
    }
  }
  return 'utf-8';
}

/** A page's text, decoded by its declared charset (see declaredCharset). `npm run eval` reads
 * corpus .html files with it, `npm run check` fetched pages (with their header) and --html files. */
export function decodeHtml(bytes: Uint8Array, contentType?: string | null): string {
  return new TextDecoder(declaredCharset(bytes, contentType)).decode(bytes);
}

/** The content script's text sample of an HTML document (linkedom stands in for the page). */
export async function textSampleOfHtml(html: string): Promise<TextSample> {
  return collectSample(htmlDocument(html), { yieldFn: async () => undefined });
}

/** An HTML document in linkedom, which needs a document element: a fragment gets one. */
function htmlDocument(html: string): Document {
  const { document } = parseHTML(
    /<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`,
  );
  return document as unknown as Document;
}

/**
 * linkedom parses links but gives them no URL parts; the browser's `<a>` has `hostname`, which the
 * content script's structure reader sends (links to listed sites, utils/page/listed-links.ts).
 * Each HTML link gets the host of its `href` resolved against the page's address ('' when it has
 * none or does not parse), as a browser would give it.
 */
function withLinkHosts(document: Document, url: string): Document {
  // Relative links resolve against the page's <base href> (itself against the page's address).
  let base = url;
  try {
    base = new URL(document.querySelector('base[href]')?.getAttribute('href') ?? url, url).href;
  } catch {
    // a base that does not parse: the page's address
  }
  for (const a of Array.from(document.querySelectorAll('a[href]'))) {
    if (a.namespaceURI !== 'http://www.w3.org/1999/xhtml' && a.namespaceURI !== null) continue;
    let host = '';
    try {
      host = new URL(a.getAttribute('href') ?? '', base).hostname;
    } catch {
      // an href that does not parse leads nowhere
    }
    Object.defineProperty(a, 'hostname', { value: host, configurable: true });
  }
  return document;
}

/**
 * A page's text sample and structural facts from its HTML, read the way the content script reads
 * a live page (`npm run check` on a fetched page or an --html file), links' hosts included.
 */
export async function pageOfHtml(
  html: string,
  url: string,
): Promise<{ sample: TextSample; structure: PageStructure }> {
  const document = withLinkHosts(htmlDocument(html), url);
  const sample = await collectSample(document, { yieldFn: async () => undefined });
  return { sample, structure: collectStructure(document) };
}

/**
 * A page sample from raw HTML, read the way the content script reads a live page: its text
 * sample and its structural facts (utils/content/structure.ts).
 */
export async function sampleFromHtml(url: string, bytes: Uint8Array): Promise<PageSample> {
  const { sample, structure } = await pageOfHtml(decodeHtml(bytes), url);
  const host = hostOfUrl(url)?.host ?? '';
  return { url, host, hostUnicode: displayHost(host), ...sample, structure };
}
