// Runs in the page's own world (MAIN) at document_start in every frame, before any page script:
// records the text the page draws on canvases for the content script (utils/content/canvas-text.ts).
// No extension API is reachable from here, and none is needed.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { recordCanvasText } from '../utils/content/canvas-text';

export default defineUnlistedScript(() => {
  recordCanvasText(window);
});
