// Schemas are built on first use (utils/core/zod.ts): a waking worker's first script declares
// hundreds and parses a few. A stand-in must behave as the schema it stands for.
import { describe, expect, it } from 'vitest';
import { z } from '../../utils/core/zod';

describe('schemas built on first use', () => {
  it('are not built when declared', () => {
    // zod refuses this when it builds the schema: declaring it does not build it.
    const broken = z.extend(z.object({ a: z.string() }), 5 as never);
    expect(() => broken.parse({ a: 'x' })).toThrow(/expected a plain object/);
  });

  it('parse, refuse and report as the schemas they stand for', () => {
    const Schema = z.object({
      name: z.string().check(z.trim(), z.minLength(1), z.maxLength(5)),
      count: z._default(z.number().check(z.int(), z.nonnegative()), 0),
      kind: z.enum(['a', 'b']),
      tags: z.optional(z.array(z.string()).check(z.maxLength(2))),
      refs: z.instanceof(Int32Array),
      at: z.catch(z.nullable(z.number()), null),
    });
    expect(Schema.parse({ name: ' ab ', kind: 'a', refs: new Int32Array(1), at: 'x' })).toEqual({
      name: 'ab',
      count: 0,
      kind: 'a',
      refs: new Int32Array(1),
      at: null,
    });
    const bad = Schema.safeParse({ name: 'toolong', kind: 'c', refs: [], tags: ['1', '2', '3'] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'kind',
      'name',
      'refs',
      'tags',
    ]);
    expect(bad.error?.issues.find((i) => i.path[0] === 'name')?.message).toBe(
      'Too big: expected string to have <=5 characters',
    );
    const Extended = z.extend(Schema, { extra: z.literal(1) });
    expect(Extended.safeParse({ name: 'a', kind: 'b', refs: new Int32Array(0) }).success).toBe(
      false,
    );
    const Piped = z.pipe(
      z.string(),
      z.transform((s) => s.length),
    );
    expect(Piped.parse('abc')).toBe(3);
    expect(z.union([z.literal('x'), z.null()]).parse(null)).toBeNull();
  });
});
