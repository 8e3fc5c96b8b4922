// Declarations for a dependency that ships without types.

// punycode.js: only the functions the project uses.
declare module 'punycode/punycode.es6.js' {
  export function toUnicode(domain: string): string;
  export function toASCII(domain: string): string;
}
