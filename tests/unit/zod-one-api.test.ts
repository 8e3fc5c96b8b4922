// One zod API (issue 16, "Startup weight"): the project's schemas are written in zod/mini, whose
// bundle carries only what the schemas use; classic `zod` would bring its whole method-chain API
// back into every script that validates anything. utils/core/zod.ts is the one file that imports
// zod, and it imports zod/mini with the settings classic zod would have given (English messages:
// import logs quote them). The built bundles are checked in tests/e2e/zod-bundles.test.ts.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from '../../utils/core/zod';
import { describeIssue } from '../../utils/lists/import-common';

const ROOT = join(import.meta.dirname, '../..');
/** The extension's own code: everything a bundle is built from. */
const EXTENSION_DIRS = ['utils', 'entrypoints', 'components'];
/** Node-side code (CLIs, benchmarks, tests): may import zod/mini, never classic zod. */
const OTHER_DIRS = ['tools', 'tests'];
/** What utils/core/zod.ts may import: the mini API, its core (config) and the English messages. */
const ALLOWED = new Set(['zod/mini', 'zod/v4/core', 'zod/v4/locales/en.js']);

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) out.push(...sources(path));
    else if (/\.(ts|tsx|mts|js|mjs)$/.test(name)) out.push(path);
  }
  return out;
}

/** Every module specifier of `from '…'`, `import '…'`, `import('…')` and `require('…')`. */
export function zodSpecifiers(text: string): string[] {
  const found: string[] = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)(['"])(zod(?:\/[^'"]*)?)\1/g;
  for (const match of text.matchAll(pattern)) found.push(match[2]!);
  return found;
}

describe('one zod API: zod/mini, through utils/core/zod.ts', () => {
  it('finds zod imports of every form (the scan below cannot miss one)', () => {
    expect(
      zodSpecifiers(
        [
          "import { z } from 'zod';",
          'import * as z from "zod/v4";',
          "export { z } from 'zod/mini';",
          "const m = await import('zod/v4/classic');",
          "const c = require('zod');",
          "import 'zod';",
          "import { zodSpecifiers } from './zod-one-api';",
        ].join('\n'),
      ),
    ).toEqual(['zod', 'zod/v4', 'zod/mini', 'zod/v4/classic', 'zod', 'zod']);
  });

  it('the extension imports zod only in utils/core/zod.ts, and only zod/mini', () => {
    const importers: Record<string, string[]> = {};
    for (const file of EXTENSION_DIRS.flatMap(sources)) {
      const specifiers = zodSpecifiers(readFileSync(join(ROOT, file), 'utf8'));
      if (specifiers.length) importers[relative('.', file)] = specifiers;
    }
    expect(Object.keys(importers)).toEqual([join('utils', 'core', 'zod.ts')]);
    for (const specifier of Object.values(importers).flat()) expect(ALLOWED).toContain(specifier);
  });

  it('tools and tests never import classic zod', () => {
    for (const file of OTHER_DIRS.flatMap(sources)) {
      if (file.endsWith('zod-one-api.test.ts')) continue;
      for (const specifier of zodSpecifiers(readFileSync(join(ROOT, file), 'utf8')))
        expect(ALLOWED.has(specifier), `${file} imports ${specifier}`).toBe(true);
    }
  });

  it('schemas are zod/mini schemas', () => {
    // A classic schema has the method API (`.optional()`, `.min()`); a mini one has none of it.
    const schema = z.object({ name: z.string().check(z.minLength(1)) });
    expect('optional' in schema).toBe(false);
    expect('min' in z.string()).toBe(false);
    expect(schema.constructor.name).not.toBe('ZodObject');
  });

  it('issues read as they did with classic zod (English messages, not "Invalid input")', () => {
    // zod/mini loads no locale by default; the import logs show these messages to the user.
    const Entry = z.object({
      name: z.string().check(z.minLength(1), z.maxLength(3)),
      count: z.number().check(z.int(), z.nonnegative()),
      kind: z.enum(['a', 'b']),
    });
    const issues = (value: unknown) => describeIssue(Entry.safeParse(value).error?.issues ?? []);
    expect(issues({ name: 7, count: 1, kind: 'a' })).toBe(
      'name: Invalid input: expected string, received number',
    );
    expect(issues({ name: 'abcd', count: 1, kind: 'a' })).toBe(
      'name: Too big: expected string to have <=3 characters',
    );
    expect(issues({ name: 'a', count: -1, kind: 'a' })).toBe(
      'count: Too small: expected number to be >=0',
    );
    expect(issues({ name: 'a', count: 1.5, kind: 'a' })).toBe(
      'count: Invalid input: expected int, received number',
    );
    expect(issues({ name: 'a', count: 1, kind: 'c' })).toBe(
      'kind: Invalid option: expected one of "a"|"b"',
    );
  });
});
