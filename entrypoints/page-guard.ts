// Content script (registered for http(s) pages at document_idle, in every frame, in
// wxt.config.ts). It is built as an unlisted script on purpose: WXT's content-script wrapper
// announces the extension's id to every page with window.postMessage, which lets a rogue shop
// detect Kusuri Guard.
// `wxt/browser` here is the bare browser/chrome global: the polyfill would cost 10 kB per page.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { browser } from 'wxt/browser';
import { startPageGuard } from '../utils/content/page-guard';
import { startFrameGuard } from '../utils/content/frame-guard';
import type { Request } from '../utils/background/contract';

export default defineUnlistedScript(() => {
  if (!browser?.runtime?.id) return;
  const send = (message: Request) => browser.runtime.sendMessage(message);
  // Sub-frames only read themselves for the top frame's verdict (utils/content/frame-guard.ts).
  if (window.top !== window) {
    startFrameGuard(window, send);
    return;
  }
  startPageGuard(window, send, (rescan) =>
    // Only this extension's background can message its content scripts.
    browser.runtime.onMessage.addListener((message: unknown, sender) => {
      if (
        sender.id === browser.runtime.id &&
        (message as { type?: unknown })?.type === 'page.rescan'
      )
        rescan();
    }),
  );
});
