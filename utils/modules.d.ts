// Declarations for dependencies (or parts of them) that ship without types.

// punycode.js: only the functions the project uses.
declare module 'punycode/punycode.es6.js' {
  export function toUnicode(domain: string): string;
  export function toASCII(domain: string): string;
}

// tldts's public suffix trie (tools/gen-psl.ts reads the rules out of it): its package declares
// the module's types under dist/types, which a deep import does not find.
declare module 'tldts/dist/es6/src/data/trie.js' {
  export const nodeFlags: Uint8Array;
  export const edgeStart: Uint16Array;
  export const edgeLength: Uint8Array;
  export const edgeChild: Uint16Array;
  export const labelText: string;
  export const rulesRoot: number;
  export const exceptionsRoot: number;
}
