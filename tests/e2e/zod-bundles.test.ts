// The built scripts carry zod/mini only (issue 16, "Startup weight"): classic zod's schema classes
// are built with their names (`$constructor("ZodObject", …)`, kept by the minifier), zod/mini's
// are "ZodMiniObject", and zod's core ones "$ZodObject". A classic import anywhere a bundle reaches
// (even through a dependency) puts a classic name back. No browser needed: the files of the build.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** A classic zod schema class's name as a string literal, and not the mini or core one. */
const CLASSIC_NAME =
  /[`'"]Zod(?:Type|String|Number|Boolean|Object|Array|Enum|Optional|Nullable)[`'"]/;
const MINI_NAME = /[`'"]ZodMini(?:String|Object)[`'"]/;

function scripts(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return scripts(path);
    return name.endsWith('.js') ? [path] : [];
  });
}

describe('built bundles', () => {
  it('tell classic zod from zod/mini by their class names', () => {
    expect(CLASSIC_NAME.test('core.$constructor(`ZodObject`,(e,t)=>{')).toBe(true);
    expect(CLASSIC_NAME.test('core.$constructor("ZodMiniObject",(e,t)=>{')).toBe(false);
    expect(CLASSIC_NAME.test('core.$constructor(`$ZodObject`,(e,t)=>{')).toBe(false);
  });

  for (const target of ['chrome-mv3', 'firefox-mv3']) {
    it(`${target}: no script carries classic zod; the worker's first script has zod/mini`, () => {
      const files = scripts(join('.output', target));
      expect(files.length).toBeGreaterThan(3);
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        expect(text.match(CLASSIC_NAME)?.[0] ?? null, file).toBeNull();
      }
      // The worker validates messages and stored records from its first statement on.
      expect(MINI_NAME.test(readFileSync(join('.output', target, 'background.js'), 'utf8'))).toBe(
        true,
      );
    });
  }
});
