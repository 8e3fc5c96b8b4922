// tools/bench/script-modules.ts: a built script's bytes charged to the sources its map names.
import { describe, expect, it } from 'vitest';
import { bytesPerSource, moduleName } from '../../tools/bench/script-modules';

describe('bytes per module from a source map', () => {
  it('charges each generated stretch to the source of the segment that starts it', () => {
    // Line 1: columns 0–2 from a.ts ("AAAA"), 3–8 from b.ts ("GCAA": column +3, source +1).
    // Line 2: columns 0–1 unmapped, 2– from a.ts ("ACAA" at column 0 is unmapped: a 1-field
    // segment "A"; then "ED..." moves column +2 and source -1).
    const code = 'aaabbbbbb\nxxaaaa';
    const map = { sources: ['a.ts', 'b.ts'], mappings: 'AAAA,GCAA;A,EDAA' };
    const bytes = bytesPerSource(code, map);
    expect(bytes.get('a.ts')).toBe(3 + 4);
    // The newline ends line 1, which b.ts's segment covers.
    expect(bytes.get('b.ts')).toBe(6 + 1);
    expect(bytes.get('(unmapped: JSON data, bundler glue)')).toBe(2);
    const total = [...bytes.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(Buffer.byteLength(code));
  });

  it('counts UTF-8 bytes, not UTF-16 units', () => {
    const bytes = bytesPerSource('ab個人', { sources: ['x.ts'], mappings: 'AAAA' });
    expect(bytes.get('x.ts')).toBe(2 + 6);
  });

  it('refuses a mapping it cannot read', () => {
    expect(() => bytesPerSource('a', { sources: ['x.ts'], mappings: 'A!AA' })).toThrow(
      /source map/,
    );
  });

  it('names packages by their folder under node_modules, project files by path', () => {
    expect(moduleName('../../../node_modules/tldts/dist/es6/src/data/trie.js')).toBe('tldts');
    expect(moduleName('../../node_modules/@jridgewell/trace-mapping/x.js')).toBe(
      '@jridgewell/trace-mapping',
    );
    expect(moduleName('../../../utils/core/hostname.ts')).toBe('utils/core/hostname.ts');
  });
});
