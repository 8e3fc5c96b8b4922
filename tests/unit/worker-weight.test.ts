// The startup-weight row of `npm run bench`: sizes are exact, the compile time is measured.
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compileMs, workerScriptRows } from '../../tools/bench/worker-weight';

let dir: string | null = null;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

describe('worker script weight row', () => {
  it('reports the exact size of both worker scripts and a compile time for each', () => {
    dir = mkdtempSync(join(tmpdir(), 'kg-weight-'));
    const path = join(dir, 'background.js');
    const rest = join(dir, 'background-rest.js');
    const source = `var x = ${JSON.stringify('a'.repeat(50_000))};\n`;
    const restSource = `var y = ${JSON.stringify('b'.repeat(70_000))};\n`;
    writeFileSync(path, source);
    writeFileSync(rest, restSource);
    const [first, second] = workerScriptRows(2, path, rest);
    expect(first!.name).toBe(
      'service worker script size, first-verdict script (what every wake compiles)',
    );
    expect(first!.value).toBe(Buffer.byteLength(source));
    expect(second!.name).toBe(
      'service worker script size, second script (loaded when first needed)',
    );
    expect(second!.value).toBe(Buffer.byteLength(restSource));
    for (const row of [first!, second!]) {
      expect(row.unit).toBe('bytes');
      expect(row.note).toMatch(/bytes gzip; V8 compiles it in [0-9.]+ ms/);
    }
  });

  it('refuses a missing build instead of reporting zero', () => {
    const folder = mkdtempSync(join(tmpdir(), 'kg-weight-'));
    dir = folder;
    const path = join(folder, 'background.js');
    writeFileSync(path, 'var x = 1;\n');
    expect(() => workerScriptRows(1, '/nonexistent/background.js', path)).toThrow(/missing/);
    // A build without the second script is not a smaller worker.
    expect(() => workerScriptRows(1, path, join(folder, 'background-rest.js'))).toThrow(/missing/);
  });

  it('times a compile, and a script that does not compile throws', () => {
    expect(compileMs('var a = 1;', 3)).toBeGreaterThan(0);
    expect(() => compileMs('var = ;', 1)).toThrow(SyntaxError);
  });
});
