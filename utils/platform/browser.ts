// The extension API for the background and extension pages, through Mozilla's
// webextension-polyfill (promise-based on every browser), typed with WXT's API types.
// The content script does not import this: it uses the bare global to stay small.
import polyfill from 'webextension-polyfill';
import type { browser as wxtBrowser } from 'wxt/browser';

export const browser = polyfill as typeof wxtBrowser;
