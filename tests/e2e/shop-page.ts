// The unlisted rogue shop the hostile-page tests dress up: the en-rogue-shop fixture's own words
// (without the title that names them), escaped for HTML, in a page whose title and header say
// nothing, so that only its body says what it sells.
import { readCorpus } from '../../tools/lib/corpus';

export const ROGUE_LINES = readCorpus('tests/fixtures/pages')
  .find((p) => p.slug === 'en-rogue-shop')!
  .sample.text.split('\n')
  .filter((l) => l.trim() !== '');

export const esc = (s: string): string =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A valid host name for a test's page named `name` (no label may end with a hyphen). */
export const hostOf = (name: string): string =>
  `${name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 40)
    .replace(/^-+|-+$/g, '')}.example`;

/** The lines as paragraphs. */
export const paragraphs = (lines: readonly string[] = ROGUE_LINES): string =>
  lines.map((l) => `<p>${esc(l)}</p>`).join('');

/** A page with a neutral title and host name around `body` (`head` added to its head). */
export const shop = (body: string, head = ''): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Welcome</title>${head}</head><body><header style="height:60px">Store</header>${body}</body></html>`;

/**
 * The shop behind an entry gate ("for adults resident in Japan only — Enter"): its words are in
 * the page from the start, hidden until the visitor's click changes a class; no node is added.
 */
export const gatedShop = (): string =>
  shop(
    `<style>.closed #shop{display:none}</style><div id="gate"><p>This site is for adults resident in Japan only.</p><button id="enter" onclick="document.body.classList.remove('closed'); this.parentNode.hidden = true">Enter</button></div><div id="shop">${paragraphs()}</div>`,
  ).replace('<body>', '<body class="closed">');
