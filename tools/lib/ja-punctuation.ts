// Japanese text takes full-width brackets, colons and question marks (（ ）：？); half-width ones
// between Japanese words look like a typing slip. Used by tools/ja-punctuation.ts (which rewrites
// the "ja" fields of data/*.json) and by tests/unit/data-ja-punctuation.test.ts (which keeps them so).
// Only a mark that touches Japanese is changed, so URLs, domains and "10:00" inside ja text stay.

/** Hiragana, katakana, CJK ideographs, CJK and full-width punctuation. */
const JAPANESE = /[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60]/;
const FULL: Record<string, string> = { '(': '（', ')': '）', ':': '：', '?': '？' };

const isJapanese = (ch: string | undefined): boolean => ch !== undefined && JAPANESE.test(ch);

/** Positions of half-width ( ) : ? that touch Japanese text (a bracket pair converts as one). */
export function halfWidthInJapanese(text: string): number[] {
  const chars = [...text];
  const touches = (i: number) => isJapanese(chars[i - 1]) || isJapanese(chars[i + 1]);
  const found = new Set<number>();
  const open: number[] = [];
  chars.forEach((ch, i) => {
    if (ch === '(') open.push(i);
    else if (ch === ')') {
      const start = open.pop();
      if (start === undefined) {
        if (touches(i)) found.add(i);
      } else if (touches(start) || touches(i)) {
        found.add(start).add(i);
      }
    } else if ((ch === ':' || ch === '?') && touches(i)) found.add(i);
  });
  for (const start of open) if (touches(start)) found.add(start);
  return [...found].sort((a, b) => a - b);
}

/** The text with those marks made full-width. */
export function fullWidthJapanese(text: string): string {
  const chars = [...text];
  for (const i of halfWidthInJapanese(text)) chars[i] = FULL[chars[i]!]!;
  return chars.join('');
}
