// Text a page draws on a <canvas> (fillText, strokeText) is pixels, not DOM: the sampler cannot
// read it. A tiny script in the page's own world (entrypoints/canvas-text.ts, MAIN world,
// document_start, every frame) records the strings passed to those calls, and the content script
// (isolated world) asks for them when it samples the page.
//
// The hand-over: the content script dispatches a request event on an element it made and
// attaches for that moment; the recorder, listening on window in the capture phase since before
// any page script ran (so first in line), writes the text into an attribute of that element,
// synchronously. A page can forge an answer, but only to add text to its own sample; it can tell
// the recorder is there (so can any page that loads warning.html, see README); it can draw text
// as an image or from a worker's OffscreenCanvas, which is not read. See README "Hostile pages".

export const CANVAS_REQUEST = 'kg-canvas-text';
export const CANVAS_ATTRIBUTE = 'data-kg-canvas-text';
/** Characters of drawn text kept per document. */
export const CANVAS_LIMIT = 2_000;

type Recorder = (...args: unknown[]) => unknown;

/** In the page's world: wrap the text-drawing methods and answer the content script's request. */
export function recordCanvasText(win: Window): void {
  const pieces: string[] = [];
  const seen = new Set<string>();
  let chars = 0;
  const note = (value: unknown) => {
    if (chars >= CANVAS_LIMIT || (typeof value !== 'string' && typeof value !== 'number')) return;
    const text = String(value)
      .trim()
      .slice(0, CANVAS_LIMIT - chars);
    // A string redrawn every frame is kept once; single letters (a word drawn letter by letter)
    // every time, or the word would lose its repeated letters.
    if (!text || (text.length > 1 && seen.has(text))) return;
    seen.add(text);
    pieces.push(text);
    chars += text.length;
  };
  const globals = win as unknown as Record<
    string,
    { prototype: Record<string, unknown> } | undefined
  >;
  for (const name of ['CanvasRenderingContext2D', 'OffscreenCanvasRenderingContext2D']) {
    const proto = globals[name]?.prototype;
    if (!proto) continue;
    for (const method of ['fillText', 'strokeText']) {
      const original = proto[method] as Recorder | undefined;
      if (typeof original !== 'function') continue;
      // A Proxy keeps the method's name, length and native-looking toString.
      proto[method] = new Proxy(original, {
        apply(target, self, args: unknown[]) {
          note(args[0]);
          return Reflect.apply(target, self, args);
        },
      });
    }
  }
  win.addEventListener(
    CANVAS_REQUEST,
    (event) => {
      const target = event.target as Element | null;
      if (target && typeof target.setAttribute === 'function')
        target.setAttribute(CANVAS_ATTRIBUTE, joinPieces(pieces));
    },
    true,
  );
}

/** Letters drawn one call each read as one word; other pieces as lines. */
export function joinPieces(pieces: readonly string[]): string {
  let out = '';
  let lastShort = false;
  for (const piece of pieces) {
    const short = piece.length <= 1;
    if (out && !(short && lastShort)) out += '\n';
    out += piece;
    lastShort = short;
  }
  return out;
}

/** In the content script: the text drawn on this document's canvases so far ('' if none). */
export function readCanvasText(doc: Document): string {
  // Attached to <body> for the moment of the request (not to <html>, home of the banner's host).
  // Only a page showing a canvas asks (attaching the probe dirties the layout of a big page).
  if (!doc.querySelector('canvas')) return '';
  const probe = doc.createElement('span');
  try {
    (doc.body ?? doc.documentElement).append(probe);
    probe.dispatchEvent(new Event(CANVAS_REQUEST, { bubbles: true }));
    return (probe.getAttribute(CANVAS_ATTRIBUTE) ?? '').slice(0, CANVAS_LIMIT);
  } catch {
    return '';
  } finally {
    probe.remove();
  }
}
