// Text shortened for display: at most `limit` characters, the last one an ellipsis when cut.
export function ellipsize(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/** Bidi controls (LRE…RLO, LRI…PDI, LRM/RLM/ALM) and C0/C1 controls other than the line feed. */
const UNSAFE_CHARS =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from a remote server (RDAP, downloaded lists) made safe to show: control characters and
 * bidi controls removed (a registrar called "\u202Egnp.exe" cannot display as something else);
 * line feeds kept for multi-line text such as a breach description.
 */
export function stripUnsafeChars(text: string): string {
  return text.replace(UNSAFE_CHARS, ' ');
}

/** One line of remote text: unsafe characters removed, whitespace runs folded. */
export function cleanRemoteText(text: string): string {
  return stripUnsafeChars(text).replace(/\s+/g, ' ').trim();
}
