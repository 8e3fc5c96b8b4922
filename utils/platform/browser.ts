// The extension API for the background and extension pages: WXT's `browser` (Firefox's own
// promise-based `browser`, or Chrome's `chrome`, whose MV3 APIs return promises). No polyfill:
// every API the project calls returns a promise natively in Chrome 137+ and Firefox 142+.
// The content script does not import this: it uses the bare global to stay small.
export { browser } from 'wxt/browser';
