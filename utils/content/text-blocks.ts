// Which block a text node belongs to, for the sampler (sample.ts): text nodes inside one block run
// on as one line whatever inline elements wrap them; each block starts a new line.

/** Inline elements: text inside one block, whatever inline elements wrap it, reads as one run. */
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

/** The nearest ancestor that is not an inline element: text inside one block reads as one run. */
export function blockOf(node: Node): Node | null {
  let el = node.parentNode;
  while (el && el.nodeType === 1 && INLINE.has((el as Element).tagName.toUpperCase()))
    el = el.parentNode;
  return el;
}
