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
//
// Schemas are built when first used, not when their module is evaluated: the factories below
// (every one the project calls) return a stand-in that builds the real schema or check on its
// first property access, and `.check(…)` on a stand-in not yet built gives another stand-in. A
// waking worker's first script declares hundreds of schemas and parses a few of them; building
// them all was most of its top-level time (docs/performance-history.md, "Where a wake's time goes",
// session 8).
import { config, memoizer } from 'zod/v4/core';
import en from 'zod/v4/locales/en.js';
import * as zm from 'zod/mini';

config({ jitless: true, memoizer: memoizer(), ...en() });

/** A stand-in for the value `build` returns, built on its first use. */
function deferred<T extends object>(build: () => T): T {
  let real: T | null = null;
  const target = (): T => (real ??= build());
  return new Proxy({} as T, {
    get(_stand, key) {
      // A check added to a schema not yet built: deferred as well.
      if (key === 'check' && real === null)
        return (...checks: unknown[]) =>
          deferred(() => (target() as { check(...c: unknown[]): object }).check(...checks));
      return Reflect.get(target(), key);
    },
    set: (_stand, key, value) => Reflect.set(target(), key, value),
    has: (_stand, key) => Reflect.has(target(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(target()),
    ownKeys: () => Reflect.ownKeys(target()),
    getOwnPropertyDescriptor(_stand, key) {
      const descriptor = Reflect.getOwnPropertyDescriptor(target(), key);
      // The stand-in's own (empty) target holds none: reported as configurable, as a proxy must.
      return descriptor ? { ...descriptor, configurable: true } : undefined;
    },
    defineProperty: (_stand, key, descriptor) => Reflect.defineProperty(target(), key, descriptor),
    deleteProperty: (_stand, key) => Reflect.deleteProperty(target(), key),
  });
}

/** `factory`, its result built on first use. */
function defer<F extends (...args: never[]) => object>(factory: F): F {
  return ((...args: Parameters<F>) => deferred(() => factory(...args))) as F;
}

export * as z from './zod';
export * from 'zod/mini';
export const string = defer(zm.string);
export const object = defer(zm.object);
export const number = defer(zm.number);
export const nullable = defer(zm.nullable);
export const array = defer(zm.array);
export const optional = defer(zm.optional);
export const _default = defer(zm._default);
export const int = defer(zm.int);
export const boolean = defer(zm.boolean);
export const literal = defer(zm.literal);
export const record = defer(zm.record);
export const extend = defer(zm.extend);
export const unknown = defer(zm.unknown);
export const pipe = defer(zm.pipe);
export const transform = defer(zm.transform);
export const union = defer(zm.union);
export const tuple = defer(zm.tuple);
export const pick = defer(zm.pick);
export const partial = defer(zm.partial);
export const discriminatedUnion = defer(zm.discriminatedUnion);
export const maxLength = defer(zm.maxLength);
export const minLength = defer(zm.minLength);
export const nonnegative = defer(zm.nonnegative);
export const positive = defer(zm.positive);
export const trim = defer(zm.trim);
export const regex = defer(zm.regex);
export const gte = defer(zm.gte);
export const lte = defer(zm.lte);
export const refine = defer(zm.refine);
const _catch = defer(zm.catch);
const _null = defer(zm.null);
const _enum = defer(zm.enum);
const _instanceof = defer(zm.instanceof);
export { _catch as catch, _null as null, _enum as enum, _instanceof as instanceof };
export type { ZodMiniType as ZodType } from 'zod/mini';
