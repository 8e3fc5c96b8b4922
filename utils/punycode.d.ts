// punycode.js ships no types; only the two functions the project uses are declared.
declare module 'punycode/' {
  export function toUnicode(domain: string): string;
  export function toASCII(domain: string): string;
}
