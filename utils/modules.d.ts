// Declarations for the two dependencies that ship without types.

// punycode.js: only the functions the project uses.
declare module 'punycode/punycode.es6.js' {
  export function toUnicode(domain: string): string;
  export function toASCII(domain: string): string;
}

// Mozilla's polyfill; utils/platform/browser.ts gives it WXT's (Chrome-derived) API types.
declare module 'webextension-polyfill' {
  const browser: unknown;
  export default browser;
}
