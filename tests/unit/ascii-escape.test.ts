// The escaper that keeps the worker's first script ASCII (tools/lib/ascii.ts).
import { describe, expect, it } from 'vitest';
import { escapeNonAscii } from '../../tools/lib/ascii';

describe('escapeNonAscii', () => {
  it('leaves ASCII as it is and escapes every other code unit', () => {
    expect(escapeNonAscii('a.b\n"c"')).toBe('a.b\n"c"');
    expect(escapeNonAscii('くすり.jp')).toBe('\\u304f\\u3059\\u308a.jp');
    // A character outside the BMP: its two surrogates.
    expect(escapeNonAscii('💊')).toBe('\\ud83d\\udc8a');
  });

  it('means the same text in a string, a regular expression and a name', () => {
    const source = 'const 薬 = "ελλάδα.gr 💊"; const re = /東京|ﾄｳｷｮｳ/; [薬, re.test("東京")]';
    const escaped = escapeNonAscii(source);
    expect(/[^\x00-\x7f]/.test(escaped)).toBe(false);
    const run = (code: string) =>
      new Function(`return (() => { ${code.replace(/; \[/, '; return [')} })()`)() as unknown;
    expect(run(escaped)).toEqual(run(source));
    expect(run(escaped)).toEqual(['ελλάδα.gr 💊', true]);
  });
});
