// The one place the project imports zod from, and it is zod/mini: the functional API whose bundle
// carries only the checks a schema uses (issue 16, "Startup weight": the worker's first script
// builds its schemas on every wake). Checks are written `z.string().check(z.maxLength(9))`,
// wrappers `z.optional(x)`; schemas keep `.parse` / `.safeParse`. A test
// (tests/unit/zod-one-api.test.ts) fails if classic `zod` is imported by the extension's code.
//
// Set once, before any schema is built (every schema file imports `z` from here):
// - `jitless`: zod 4 compiles object parsers with `new Function`, which MV3 extension pages
//   forbid (CSP) and web-ext lint flags; this turns that and its eval probe off.
// - the English messages: classic zod loads them by default, zod/mini does not (its issues would
//   all read "Invalid input"); import logs and error details quote them, so they stay as they were.
// - the memoizer, which classic zod also installs by default (it tracks the objects one parse has
//   already visited, for inputs that share or repeat references), so parsing runs as it did.
import { config, memoizer } from 'zod/v4/core';
import en from 'zod/v4/locales/en.js';

config({ jitless: true, memoizer: memoizer(), ...en() });

export * as z from 'zod/mini';
export type { ZodMiniType as ZodType } from 'zod/mini';
