// The DOM helpers the content script's banner, notice and sampler share (dependency-free).

/** Hosts of Kusuri Guard's own banner and notice: the sampler never reads its own warning. */
export const OWN_HOSTS = new WeakSet<Node>();

/** An element with a class and text, made in `doc` (the page's document, not ours). */
export function el(doc: Document, tag: string, className: string, text?: string): HTMLElement {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Text with its white space runs made one space, trimmed and cut to `max` characters; '' for
 * anything that is not a string (JSON-LD values, missing attributes).
 */
export const clean = (text: unknown, max: number): string =>
  typeof text === 'string' ? text.replace(/\s+/g, ' ').trim().slice(0, max) : '';
