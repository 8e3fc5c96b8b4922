// Text whose order on screen is not its order in the document, and text that is not in the
// document at all but drawn by CSS, read as the user sees it (issue 11):
// - bidi overrides: U+202E (RLO) in the text, `<bdo dir="rtl">`, or CSS
//   `unicode-bidi: bidi-override; direction: rtl` show "argaiv" as "viagra";
// - flex and grid reordering (`order`, `*-reverse`, grid placement, `direction: rtl` on the
//   container) show "ra" "Vi" "ag" as "Viagra";
// - `::before` / `::after` generated content (`content: "Buy Viagra"`).
// Computed styles cost about 10–30 µs an element in Chromium, far too much to ask of every
// element of a 2 MB page, so candidates are found first from what can set these properties: the
// rules of the stylesheets the page can read (inline, same-origin, constructed) and inline
// `style` attributes; only those elements' computed styles and boxes are read.

import { rendered } from './text-visibility';

// Bounds on the work (a page could write a million such rules), as plain constants: the
// content script's size budget counts every byte.
const MAX_RULES = 20_000;
/** Elements matched by pseudo-content rules whose generated text is read. */
const MAX_PSEUDO = 500;
/** Containers read in visual order (and four times as many elements looked at for them). */
const MAX_CONTAINERS = 200;
/** Children sorted in one container. */
const MAX_CHILDREN = 300;

const PSEUDO_RE = /::?(?:before|after)\b/gi;
const OVERRIDE_CHARS = /[\u202a-\u202e]/;

export interface LayoutCandidates {
  /** Elements whose children (or own text) read differently on screen, and how. */
  reordered: Map<Element, 'visual' | 'reversed'>;
  /** Elements with generated ::before/::after text. */
  pseudo: Element[];
}

type StyleOf = (element: Element, pseudo?: string) => CSSStyleDeclaration;

function styleReader(doc: Document): StyleOf | null {
  const view = doc.defaultView as (Window & { getComputedStyle?: StyleOf }) | null;
  const get = view?.getComputedStyle;
  if (typeof get !== 'function') return null;
  // linkedom (Node) has no layout: only a real browser's computed style counts here.
  if (
    typeof (doc.documentElement as Element & { checkVisibility?: unknown }).checkVisibility !==
    'function'
  )
    return null;
  return (element, pseudo) => get.call(view, element, pseudo);
}

/** Rules of every stylesheet the page can read, nested groups (@media, @supports…) included. */
function* readableRules(doc: Document): Generator<CSSRule> {
  const sheets: CSSStyleSheet[] = [
    ...Array.from(doc.styleSheets ?? []),
    ...((doc as Document & { adoptedStyleSheets?: CSSStyleSheet[] }).adoptedStyleSheets ?? []),
  ];
  for (const sheet of sheets) {
    let rules: CSSRuleList | null = null;
    try {
      rules = sheet.cssRules; // throws for a cross-origin sheet without CORS
    } catch {
      rules = null;
    }
    if (rules) yield* nested(rules);
  }
}

function* nested(rules: CSSRuleList): Generator<CSSRule> {
  for (const rule of rules) {
    yield rule;
    const inner = (rule as CSSRule & { cssRules?: CSSRuleList }).cssRules;
    if (inner && inner.length > 0) yield* nested(inner);
  }
}

/**
 * Does a declaration block set something that can make screen order differ from DOM order
 * (order, *-reverse, bidi overrides, direction, grid placement)? Read from its text: shorter
 * than a property each.
 */
const REORDERS =
  /(?:^|[;\s])(?:order|direction|grid-(?:row|column|area)[a-z-]*)\s*:|reverse|override/;
function matching(doc: Document, selector: string, limit: number): Element[] {
  try {
    return Array.from(doc.querySelectorAll(selector)).slice(0, limit);
  } catch {
    return []; // a selector querySelectorAll does not take (a pseudo-class of the future)
  }
}

/** Find the elements worth a computed style: cheap on ordinary pages (a pass over the rules). */
export function layoutCandidates(doc: Document): LayoutCandidates {
  const result: LayoutCandidates = { reordered: new Map(), pseudo: [] };
  const style = styleReader(doc);
  if (!style) return result;
  const reorderSelectors: string[] = [];
  const pseudoSelectors: string[] = [];
  let count = 0;
  for (const rule of readableRules(doc)) {
    if (++count > MAX_RULES) break;
    const styleRule = rule as CSSStyleRule;
    if (typeof styleRule.selectorText !== 'string' || !styleRule.style) continue;
    const s = styleRule.style;
    if (s.content && s.content !== 'none' && s.content !== 'normal') {
      PSEUDO_RE.lastIndex = 0;
      if (PSEUDO_RE.test(styleRule.selectorText)) {
        const bare = styleRule.selectorText.replace(PSEUDO_RE, '').trim();
        pseudoSelectors.push(bare || '*');
      }
    }
    if (REORDERS.test(s.cssText)) reorderSelectors.push(styleRule.selectorText);
  }
  const inline = matching(
    doc,
    '[style*="order" i],[style*="reverse" i],[style*="bidi" i],[style*="direction" i],[style*="grid-" i],bdo',
    MAX_CONTAINERS * 4,
  );
  const elements = new Set<Element>(inline);
  for (const selector of reorderSelectors) {
    if (elements.size >= MAX_CONTAINERS * 4) break;
    for (const e of matching(doc, selector, MAX_CONTAINERS * 4)) elements.add(e);
  }
  for (const element of elements) {
    if (result.reordered.size >= MAX_CONTAINERS) break;
    const computed = style(element);
    if (/override/.test(computed.unicodeBidi) && computed.direction === 'rtl') {
      result.reordered.set(element, 'reversed');
      continue;
    }
    // The element itself lays out its children (reverse, rtl), or its parent does (order, area).
    for (const container of [element, element.parentElement]) {
      if (!container || result.reordered.has(container)) continue;
      if (/flex|grid/.test(style(container).display) && visualOrderDiffers(container))
        result.reordered.set(container, 'visual');
    }
  }
  const pseudo = new Set<Element>();
  for (const selector of pseudoSelectors) {
    for (const e of matching(doc, selector, MAX_PSEUDO - pseudo.size)) pseudo.add(e);
    if (pseudo.size >= MAX_PSEUDO) break;
  }
  result.pseudo = [...pseudo];
  return result;
}

/** Element children in the order the eye reads them: top to bottom, then left to right. */
function visualChildren(container: Element): Element[] {
  const children = Array.from(container.children).slice(0, MAX_CHILDREN);
  const boxes = new Map(children.map((c) => [c, c.getBoundingClientRect()]));
  return children
    .filter((c) => boxes.get(c)!.width > 0 && boxes.get(c)!.height > 0)
    .sort((a, b) => {
      const ra = boxes.get(a)!;
      const rb = boxes.get(b)!;
      // On one line when their boxes overlap vertically by half the smaller height.
      const overlap = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
      if (overlap < Math.min(ra.height, rb.height) / 2) return ra.top - rb.top;
      return ra.left - rb.left;
    });
}

/** Whether the eye reads the children in another order than the document has them. */
function visualOrderDiffers(container: Element): boolean {
  const shown = visualChildren(container);
  return shown.some((c, i) => i > 0 && shown[i - 1]!.compareDocumentPosition(c) & 2);
}

/** A reordered element's text as it reads on screen. */
export function layoutText(element: Element, kind: 'visual' | 'reversed'): string {
  if (kind === 'reversed') return [...(element.textContent ?? '')].reverse().join('');
  return visualChildren(element)
    .map((c) => c.textContent ?? '')
    .join('');
}

/** The text a computed `content` value shows: its quoted strings (counters, attr() are not). */
export function contentStrings(value: string): string {
  let out = '';
  const re = /"((?:[^"\\]|\\.)*)"/g;
  for (let m = re.exec(value); m; m = re.exec(value)) out += m[1]!.replace(/\\(.)/g, '$1');
  return out;
}

/** The generated text of an element's ::before and ::after (a hidden element shows none). */
export function pseudoText(element: Element): string {
  const view = element.ownerDocument.defaultView;
  if (!view || !rendered(element)) return '';
  const read = (pseudo: string) => contentStrings(view.getComputedStyle(element, pseudo).content);
  return `${read('::before')}${read('::after')}`.trim();
}

/**
 * Text as displayed where it contains bidi overrides (U+202D LRO, U+202E RLO, ended by U+202C PDF
 * or the end of the line): an RLO run shows its characters in reverse order. Embeddings (U+202A,
 * U+202B) keep their order; the controls themselves are dropped.
 */
export function bidiVisual(text: string): string {
  if (!OVERRIDE_CHARS.test(text)) return text;
  const chars = [...text];
  let i = 0;
  // Returns the run up to the matching PDF or line end, in display order.
  const run = (reverse: boolean): string => {
    const pieces: string[] = [];
    while (i < chars.length) {
      const c = chars[i]!;
      if (c === '\u202c') {
        i += 1;
        break;
      }
      if (c === '\n') break;
      i += 1;
      if (c === '\u202e') pieces.push(run(true));
      else if (c === '\u202d') pieces.push(run(false));
      else if (c === '\u202a' || c === '\u202b') pieces.push(run(false));
      else pieces.push(c);
    }
    // A nested run is one unit: reversed as a whole, its own order kept.
    return (reverse ? pieces.reverse() : pieces).join('');
  };
  let out = '';
  while (i < chars.length) {
    if (chars[i] === '\n') {
      out += '\n';
      i += 1;
    } else out += run(false); // a stray PDF ends nothing: reading goes on
  }
  return out;
}
