// The one DOM helper the content script's banner and notice share (dependency-free).

/** An element with a class and text, made in `doc` (the page's document, not ours). */
export function el(doc: Document, tag: string, className: string, text?: string): HTMLElement {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
