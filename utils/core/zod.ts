// The one place the project imports zod from. zod 4 compiles object parsers with `new Function`,
// which MV3 extension pages forbid (CSP) and web-ext lint flags; `jitless` turns that off before
// any schema is built. Every schema file imports `z` from here so the setting always comes first.
import { config } from 'zod/v4/core';
config({ jitless: true });

export { z } from 'zod';
export type { ZodType } from 'zod';
