// When a document shows more than it did when it was read: a burst of added content (many
// nodes, or much text, or a frame) once it settles, or a click by the user (an entry gate, a tab,
// "read more" can show what was in the page all along without adding a node). Shared by the top
// frame (page-guard.ts) and a frame of another origin reading itself (frame-guard.ts): a doorway
// that shows the shop in such a frame can fill the frame in late or behind a gate just as well.

/**
 * Time from the first burst of added content (or click) to the read: what comes meanwhile is read
 * with it, what comes after starts the next wait.
 */
const RESCAN_DELAY_MS = 1500;
/**
 * Rescans for added content at most (a page that changes constantly must not keep us busy). The
 * user's clicks are not counted: each series of them is one read, at most every RESCAN_DELAY_MS.
 */
export const MAX_RESCANS = 6;
/** Added nodes, or characters of added text, that count as "the page filled itself in". */
const RESCAN_MIN_NODES = 40;
const RESCAN_MIN_CHARS = 200;

export interface LateContent {
  /** Watch a shadow root the sampler entered too (and the document again, by default). */
  watch(root?: Node): void;
  /** Another page of a single-page app: its rescans start over. */
  reset(): void;
}

export function watchLateContent(win: Window, rescan: () => unknown): LateContent {
  const doc = win.document;
  let rescans = 0;
  let addedNodes = 0;
  let addedChars = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** Read the page again RESCAN_DELAY_MS from now (one read for everything until then). */
  const later = () => {
    timer ??= setTimeout(() => {
      timer = null;
      addedNodes = addedChars = 0;
      rescans += 1;
      if (rescans >= MAX_RESCANS) observer.disconnect();
      rescan();
    }, RESCAN_DELAY_MS);
  };
  // The user's clicks only (a page clicking itself in a loop would keep us reading), in the
  // capture phase, so that a page stopping a click's propagation does not keep it from us.
  const onClick = (event: Event) => event.isTrusted && later();
  win.addEventListener('click', onClick, true);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      // document.open() erased every listener of the window, ours too: listen again.
      if (record.target === doc) win.addEventListener('click', onClick, true);
      addedNodes += record.addedNodes.length;
      for (const node of record.addedNodes) {
        // A frame added later (a doorway's script inserting the shop) has no text of its own
        // yet: it counts as much as a page of text, and the rescan reads it once it has loaded.
        if (addedChars < RESCAN_MIN_CHARS)
          addedChars += (node as Partial<HTMLIFrameElement>).contentWindow
            ? RESCAN_MIN_CHARS
            : (node.textContent ?? '').length;
      }
    }
    if (addedNodes >= RESCAN_MIN_NODES || addedChars >= RESCAN_MIN_CHARS) later();
  });
  // The document itself, not its <html>: a page that swaps in another <html> element, or rewrites
  // itself with document.open() and write() after load (cloaking: a quiet page first, the shop
  // at the same address later), would otherwise leave the observer on a detached tree. And every
  // shadow root the sampler entered: a web-components shop renders into them, and the document's
  // observer sees nothing of it.
  const watch = (root: Node = doc) =>
    void (rescans < MAX_RESCANS && observer.observe(root, { childList: true, subtree: true }));
  watch();
  return {
    watch,
    reset: () => {
      rescans = 0;
      watch();
    },
  };
}
