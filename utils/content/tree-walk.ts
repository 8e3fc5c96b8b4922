// How the sampler (sample.ts) moves through a page's tree: the elements it never reads, skipping
// a subtree it has read another way, and the closed shadow roots the browser lets it open.
import { OWN_HOSTS } from './dom';

/**
 * Never read: code that does not render. An `<object>`'s fallback content is read: shown (an
 * object with nothing to display) it is the page's; not shown, its text has no box and is left out
 * as hidden text is, and a frame in it is read by the frame itself (frame-guard.ts). Skipped until
 * session 21, it hid a shop's words or frame in a fallback shown on purpose (found in review).
 */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'CANVAS']);

/** Whether a node is, or is inside, an element never read (script, style, our own banner). */
export function skipper(): (node: Node | null) => boolean {
  const cache = new Map<Node, boolean>();
  const test = (node: Node | null): boolean => {
    if (!node || node.nodeType !== 1) return false;
    const known = cache.get(node);
    if (known !== undefined) return known;
    const result =
      SKIP.has((node as Element).tagName.toUpperCase()) ||
      OWN_HOSTS.has(node) ||
      test(node.parentNode);
    cache.set(node, result);
    return result;
  };
  return test;
}

/** Move a walker past `element`'s descendants: the next node it gives is after them. */
export function skipChildren(walker: TreeWalker, element: Element): void {
  let last: Node = element;
  while (last.lastChild) last = last.lastChild;
  walker.currentNode = last;
}

/**
 * An element's shadow root, open or closed: closed ones where the browser lets an extension see
 * them (Chrome 88+ through chrome.dom); null or undefined for elements without one.
 */
export type ShadowOpener = (element: Element) => ShadowRoot | null | undefined;

export function shadowOpener(): ShadowOpener {
  const api = (
    globalThis as unknown as {
      chrome?: { dom?: { openOrClosedShadowRoot?: ShadowOpener } };
    }
  ).chrome?.dom?.openOrClosedShadowRoot;
  return (e) => {
    // Chrome throws a TypeError for an element that is not an HTML element (an SVG icon,
    // MathML), which cannot have a shadow root: that error ended the page's whole scan, so until
    // session 18 a page with an inline SVG before its text was never checked.
    try {
      return e.shadowRoot ?? api?.(e);
    } catch {
      return null;
    }
  };
}
