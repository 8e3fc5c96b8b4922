// A bounded sample of what a page says: title, meta, headings and visible text, read with a
// TreeWalker that skips scripts and styles (never innerText on the whole body, which forces
// layout). The walk runs in slices and yields between them so a 10 MB page never blocks the main
// thread. Takes a Document, so it runs on linkedom in Node (CLI, tests) as in the browser.
// It reads what the user reads: text is skipped by its actual visibility (checkVisibility, a
// zero-size box), not by its tag or aria-hidden; hidden text and empty nodes do not use up the
// budget; open and closed shadow roots and same-origin frames are read too; image alt text and
// form fields count after the body text. Text reordered on screen (bidi overrides, flex and grid
// order) is read in visual order; ::before/::after text and text drawn on a canvas count after
// the body text, like alt text (layout-text.ts, canvas-text.ts). Which block a text node is in:
// text-blocks.ts; what is on screen: text-visibility.ts; what is never read: tree-walk.ts.
import { bidiVisual, layoutCandidates, layoutText, pseudoText } from './layout-text';
import { readCanvasText } from './canvas-text';
import { clean } from './dom';
import { blockOf } from './text-blocks';
import { rendered, visibility } from './text-visibility';
import { shadowOpener, skipChildren, skipper } from './tree-walk';

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
  /** Non-empty visible text nodes read at most, whatever their length. */
  nodes: 30_000,
  /** Nodes visited at most, empty and hidden ones included (a bound on the work). */
  visits: 400_000,
  /** Characters of alt text and form fields, read after the body text. */
  extra: 2_000,
  /** Characters of ::before/::after text and of canvas text, each, read after the body text. */
  generated: 2_000,
  /** Milliseconds of work per slice before yielding. */
  sliceMs: 6,
};

const BIDI_ONLY = /^[\u202a-\u202e]+$/;

export type Yield = () => Promise<void>;
const defaultYield: Yield = () => new Promise((resolve) => setTimeout(resolve, 0));

export async function collectSample(
  doc: Document,
  options: {
    yieldFn?: Yield;
    now?: () => number;
    /** Told of every shadow root the walk enters (the content script watches them for changes). */
    onShadow?: (root: ShadowRoot) => void;
  } = {},
): Promise<TextSample> {
  const yieldFn = options.yieldFn ?? defaultYield;
  const now = options.now ?? (() => performance.now());
  const metaParts: (string | null)[] = [];
  for (const meta of Array.from(
    doc.querySelectorAll(
      'meta[name="description"],meta[name="keywords"],meta[property="og:title"],meta[property="og:description"]',
    ),
  ).slice(0, 8)) {
    // join() reads a missing attribute (null) and a heading's null text as ''.
    metaParts.push(meta.getAttribute('content'));
  }
  const headings = Array.from(doc.querySelectorAll('h1,h2,h3'))
    .slice(0, 40)
    .map((h) => h.textContent);
  const parts: string[] = [];
  const extra: string[] = [];
  let length = 0;
  let extraLength = 0;
  let read = 0;
  let visits = 0;
  let lastBlock: Node | null = null;
  let lastShort = false;
  let gap = false;
  let sliceStart = now();
  const visible = visibility();
  const skipped = skipper();
  const openShadow = shadowOpener();
  const layout = layoutCandidates(doc);
  const pseudoIn = new Set(layout.pseudo);
  const generated: string[] = [];
  let generatedLength = 0;
  const full = () =>
    length >= SAMPLE_LIMITS.text || read >= SAMPLE_LIMITS.nodes || visits >= SAMPLE_LIMITS.visits;
  const addExtra = (value: string | null) => {
    if (!value || extraLength >= SAMPLE_LIMITS.extra) return;
    const piece = value.trim().slice(0, SAMPLE_LIMITS.extra - extraLength);
    if (piece) {
      extra.push(piece);
      extraLength += piece.length;
    }
  };

  const pushText = (value: string, node: Node) => {
    const trimmed = value.trim();
    if (trimmed === '') return;
    read += 1;
    const block = blockOf(node);
    // One character per block (a word spelled down the page) still reads as one word.
    const short = trimmed.length <= 1;
    if (short && lastShort && gap) {
      parts.push(' ');
      length += 1;
    } else if (block !== lastBlock && parts.length > 0 && !(short && lastShort)) {
      parts.push('\n');
      length += 1;
    }
    gap = false;
    lastBlock = block;
    lastShort = short;
    const piece = short ? trimmed : value;
    const kept =
      piece.length + length > SAMPLE_LIMITS.text
        ? piece.slice(0, SAMPLE_LIMITS.text - length)
        : piece;
    parts.push(kept);
    length += kept.length;
  };

  const walk = async (root: Node): Promise<void> => {
    const walker = doc.createTreeWalker(root, 1 | 4 /* SHOW_ELEMENT | SHOW_TEXT */);
    for (let node = walker.nextNode(); node && !full(); node = walker.nextNode()) {
      visits += 1;
      if (now() - sliceStart > SAMPLE_LIMITS.sliceMs) {
        await yieldFn();
        sliceStart = now();
      }
      if (node.nodeType === 1) {
        const element = node as Element;
        if (skipped(element)) continue;
        const tag = element.tagName.toUpperCase();
        if (pseudoIn.has(element) && generatedLength < SAMPLE_LIMITS.generated) {
          const piece = pseudoText(element).slice(0, SAMPLE_LIMITS.generated - generatedLength);
          if (piece) {
            generated.push(piece);
            generatedLength += piece.length;
          }
        }
        const order = layout.reordered.get(element);
        if (order && visible(element)) {
          // Read as shown, in place of its children in document order.
          pushText(layoutText(element, order), element);
          skipChildren(walker, element);
          continue;
        }
        const shadow = openShadow(element);
        if (shadow) {
          options.onShadow?.(shadow);
          await walk(shadow);
        }
        if (tag === 'IMG' || tag === 'AREA') addExtra(element.getAttribute('alt'));
        else if (tag === 'INPUT') {
          addExtra(element.getAttribute('placeholder'));
          addExtra(element.getAttribute('value'));
        } else if (tag === 'IFRAME' || tag === 'FRAME') {
          let inner: Document | null = null;
          try {
            inner = (element as HTMLIFrameElement).contentDocument; // null unless same-origin
          } catch {
            inner = null;
          }
          if (inner?.body) await walk(inner.body);
        }
        continue;
      }
      const value = node.nodeValue ?? '';
      const trimmed = value.trim();
      if (trimmed === '') {
        // A space between letters spelled one per block still separates their words.
        if (lastShort && value.length > 0) gap = true;
        continue;
      }
      if (skipped(node.parentNode)) continue;
      // A bidi control alone in an empty-looking element still reorders the line it is on.
      if (!visible(node.parentNode) && !(BIDI_ONLY.test(trimmed) && rendered(node.parentNode)))
        continue;
      pushText(value, node);
    }
  };

  const root: Node | null = doc.body ?? doc.documentElement;
  if (root) await walk(root);
  // Bidi overrides reorder a whole line, across the elements in it: applied to the joined text.
  let text = bidiVisual(parts.join(''));
  // Generated and drawn text have budgets of their own (alt text cannot crowd them out).
  for (const piece of [generated.join(' \n'), readCanvasText(doc)]) {
    const kept = piece.trim().slice(0, SAMPLE_LIMITS.generated);
    if (kept) extra.push(kept);
  }
  // After the body text, as much of it as fits.
  const tail = extra.join(' \n').slice(0, Math.max(0, SAMPLE_LIMITS.text - text.length - 1));
  if (tail) text = text ? `${text}\n${tail}` : tail;
  return {
    title: clean(doc.title, SAMPLE_LIMITS.title),
    meta: clean(metaParts.join(' \n'), SAMPLE_LIMITS.meta),
    headings: clean(headings.join('\n'), SAMPLE_LIMITS.headings),
    text,
  };
}
