// One escaper for the two places that keep the worker's first script ASCII: tools/gen-psl.ts
// (the public suffix data's literal, so that psl-data.ts stays ASCII in the repository) and
// wxt.config.ts's last build step (the bundler writes those escapes back as characters). A code
// unit outside ASCII becomes `\uXXXX`, which means the same character in a string, a regular
// expression, a comment or a name (a character outside the BMP becomes its two surrogates).
export function escapeNonAscii(text: string): string {
  return text.replace(
    /[^\x00-\x7f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
