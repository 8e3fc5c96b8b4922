// A bounded sample of what a page says: title, meta, headings and visible text, read with a
// TreeWalker that skips scripts and styles (never innerText on the whole body, which forces
// layout). The walk runs in slices and yields between them so a 10 MB page never blocks the main
// thread. Takes a Document, so it runs on linkedom in Node (CLI, tests) as in the browser.
/** What a page says, before any normalisation. */
export interface TextSample {
  title: string;
  meta: string;
  headings: string;
  text: string;
}

export const SAMPLE_LIMITS = {
  /** Characters of body text kept (the start of a page says what it sells). */
  text: 40_000,
  title: 300,
  meta: 1_500,
  headings: 2_000,
  /** Text nodes visited at most, whatever their length. */
  nodes: 30_000,
  /** Milliseconds of work per slice before yielding. */
  sliceMs: 6,
};

const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'TEXTAREA',
  'CODE',
  'PRE',
  'KUSURI-GUARD-BANNER',
]);
const INLINE = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'DATA',
  'DFN',
  'EM',
  'FONT',
  'I',
  'KBD',
  'MARK',
  'Q',
  'RUBY',
  'RB',
  'RT',
  'S',
  'SAMP',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
  'VAR',
  'WBR',
  'INS',
  'DEL',
]);

export type Yield = () => Promise<void>;
const defaultYield: Yield = () => new Promise((resolve) => setTimeout(resolve, 0));

function clip(text: string, limit: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > limit ? t.slice(0, limit) : t;
}

/** The nearest ancestor that is not an inline element: text inside one block reads as one run. */
function blockOf(node: Node): Node | null {
  let el = node.parentNode;
  while (el && el.nodeType === 1 && INLINE.has((el as Element).tagName.toUpperCase()))
    el = el.parentNode;
  return el;
}

export async function collectSample(
  doc: Document,
  options: { yieldFn?: Yield; now?: () => number } = {},
): Promise<TextSample> {
  const yieldFn = options.yieldFn ?? defaultYield;
  const now = options.now ?? (() => performance.now());
  const metaParts: string[] = [];
  for (const meta of Array.from(
    doc.querySelectorAll(
      'meta[name="description"],meta[name="keywords"],meta[property="og:title"],meta[property="og:description"]',
    ),
  ).slice(0, 8)) {
    metaParts.push(meta.getAttribute('content') ?? '');
  }
  const headings = Array.from(doc.querySelectorAll('h1,h2,h3'))
    .slice(0, 40)
    .map((h) => h.textContent ?? '');
  const root: Node = doc.body ?? doc.documentElement;
  const parts: string[] = [];
  let length = 0;
  if (root) {
    const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
    let visited = 0;
    let lastBlock: Node | null = null;
    let sliceStart = now();
    for (
      let node = walker.nextNode();
      node && length < SAMPLE_LIMITS.text && visited < SAMPLE_LIMITS.nodes;
      node = walker.nextNode()
    ) {
      visited += 1;
      if (now() - sliceStart > SAMPLE_LIMITS.sliceMs) {
        await yieldFn();
        sliceStart = now();
      }
      if (skipped(node)) continue;
      const value = node.nodeValue ?? '';
      if (value.trim() === '') continue;
      const block = blockOf(node);
      if (block !== lastBlock && parts.length > 0) {
        parts.push('\n');
        length += 1;
      }
      lastBlock = block;
      const piece =
        value.length + length > SAMPLE_LIMITS.text
          ? value.slice(0, SAMPLE_LIMITS.text - length)
          : value;
      parts.push(piece);
      length += piece.length;
    }
  }
  return {
    title: clip(doc.title ?? '', SAMPLE_LIMITS.title),
    meta: clip(metaParts.join(' \n'), SAMPLE_LIMITS.meta),
    headings: clip(headings.join('\n'), SAMPLE_LIMITS.headings),
    text: parts.join(''),
  };
}

/** Text under a skipped element (script, style…), or under a hidden one. */
function skipped(node: Node): boolean {
  for (let el = node.parentNode; el && el.nodeType === 1; el = el.parentNode) {
    const element = el as Element;
    if (SKIP.has(element.tagName.toUpperCase())) return true;
    if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true')
      return true;
  }
  return false;
}
