// The project's fixture pages (tests/fixtures/pages) as HTML documents for the fixture server.
import { readCorpus } from '../../tools/lib/corpus';

const escape = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function fixtureHtml(
  slug: string,
  extraHead = '',
  extraBody = '',
): { html: string; lang: string } {
  const page = readCorpus('tests/fixtures/pages').find((p) => p.slug === slug);
  if (!page) throw new Error(`no fixture ${slug}`);
  const [first = '', ...rest] = page.sample.text.split('\n');
  const body = rest.map((line) => `<p>${escape(line)}</p>`).join('\n');
  return {
    lang: page.lang,
    html: `<!doctype html><html lang="${page.lang}"><head><meta charset="utf-8"><title>${escape(first)}</title>${extraHead}</head>
<body><header style="height:60px;background:#eee">site header</header><h1>${escape(first)}</h1>
${body}${extraBody}</body></html>`,
  };
}

/** A fixture page's lines (its text without the title line). */
export function fixtureLines(slug: string): string[] {
  const page = readCorpus('tests/fixtures/pages').find((p) => p.slug === slug);
  if (!page) throw new Error(`no fixture ${slug}`);
  return page.sample.text.split('\n').filter((line) => line.trim() !== '');
}

/** A fixture page's text as HTML paragraphs, for a page that swaps its content in. */
export function fixtureBody(slug: string): string {
  const [first = '', ...rest] = fixtureLines(slug);
  return `<h1>${escape(first)}</h1>${rest.map((line) => `<p>${escape(line)}</p>`).join('')}`;
}
