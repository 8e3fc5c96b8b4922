// Content script (registered for http(s) pages at document_idle in wxt.config.ts). It is built as
// an unlisted script on purpose: WXT's content-script wrapper announces the extension's id to
// every page with window.postMessage, which lets a rogue shop detect Kusuri Guard.
// `wxt/browser` here is the bare browser/chrome global: the polyfill would cost 10 kB per page.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { browser } from 'wxt/browser';
import { startPageGuard } from '../utils/content/page-guard';

export default defineUnlistedScript(() => {
  if (window.top !== window || !browser?.runtime?.id) return;
  startPageGuard(window, (message) => browser.runtime.sendMessage(message));
});
