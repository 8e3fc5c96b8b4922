// The extension API for the background and extension pages, through Mozilla's
// webextension-polyfill (promise-based on every browser). The content script does not import this:
// it uses the bare `chrome`/`browser` global to stay small.
export { browser } from '@wxt-dev/webextension-polyfill/browser';
