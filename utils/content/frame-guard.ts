// The content script in a sub-frame. A frame the top document can read (in iframes or frames of
// the same origin all the way up) is read by the top frame's own sampler; any other frame (of
// another origin, or a page in an `<object>` or `<embed>`) reads itself and, when it mentions
// medicines, sends its sample to the background, which folds it into the top frame's verdict
// for the tab (utils/page/frame-samples.ts). Frames never show a banner of their own.
import { collectSample } from './sample';
import { sampleMentionsMedicines } from './medicine-gate';
import { watchLateContent } from './late-content';
import type { Request } from '../background/contract';

type Send = (message: Request) => Promise<unknown>;

/** Characters of a frame's text sent (the background keeps as much: FRAME_LIMITS.text). */
export const FRAME_TEXT_LIMIT = 8_000;
/** Frames smaller than this show no readable page (tracking pixels, hidden helpers). */
const MIN_WIDTH = 120;
const MIN_HEIGHT = 60;
const RESCAN_DELAY_MS = 3000;

/**
 * Whether the top document's sampler reaches this frame: every frame above holds it in an iframe
 * or frame element of its own origin. `frameElement` is null in a frame of another origin than
 * its parent; an `<object>` or `<embed>` holding a page (whose document the sampler does not
 * enter) is read here.
 */
export function readByTop(win: Window): boolean {
  for (let w = win; w !== w.top; w = w.parent)
    if (!/^i?frame$/i.test(w.frameElement?.tagName ?? '')) return false;
  return true;
}

export function startFrameGuard(win: Window, send: Send): void {
  if (readByTop(win)) return;
  const doc = win.document;
  // Reads may overlap (a rescan due while a slow read runs): none is dropped, and the background
  // keeps a frame's text once however often it comes (utils/page/frame-samples.ts). An older read
  // finishing last can send less than a newer one did; the top frame's banner, once shown, stays
  // for the address, and the next change is read again. (A queue as page-guard.ts keeps costs 23
  // bytes the content script does not have.)
  const scan = async () => {
    if (win.innerWidth < MIN_WIDTH || win.innerHeight < MIN_HEIGHT) return;
    try {
      const sample = await collectSample(doc, { onShadow: (root) => late.watch(root) });
      if (!sampleMentionsMedicines(win.location.hostname, sample)) return;
      const { title, meta, headings, text } = sample;
      await send({
        type: 'page.frame',
        sample: { title, meta, headings, text: text.slice(0, FRAME_TEXT_LIMIT) },
      });
    } catch {
      // The extension was reloaded: this script is orphaned and stays quiet.
    }
  };
  // Again once a frame that fills itself in after load, or shows the shop on a click (an entry
  // gate), settles: the same rescans as the top frame's (utils/content/late-content.ts).
  // And once more a little later whatever happens: a frame sized or faded in by its parent's
  // script changes no node of its own.
  const late = watchLateContent(win, scan);
  setTimeout(scan, RESCAN_DELAY_MS);
  void scan();
}
