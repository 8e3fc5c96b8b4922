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
  it('reports the exact size of the script and a compile time for it', () => {
    dir = mkdtempSync(join(tmpdir(), 'kg-weight-'));
    const path = join(dir, 'background.js');
    const source = `var x = ${JSON.stringify('a'.repeat(50_000))};\n`;
    writeFileSync(path, source);
    const [row] = workerScriptRows(2, path);
    expect(row!.name).toBe('service worker script size (what every wake compiles)');
    expect(row!.value).toBe(Buffer.byteLength(source));
    expect(row!.unit).toBe('bytes');
    expect(row!.note).toMatch(/bytes gzip; V8 compiles it in [0-9.]+ ms/);
  });

  it('refuses a missing build instead of reporting zero', () => {
    expect(() => workerScriptRows(1, '/nonexistent/background.js')).toThrow(/missing/);
  });

  it('times a compile, and a script that does not compile throws', () => {
    expect(compileMs('var a = 1;', 3)).toBeGreaterThan(0);
    expect(() => compileMs('var = ;', 1)).toThrow(SyntaxError);
  });
});
