// The startup-weight trial (issue 16): the list record the worker reads on every wake
// (utils/lists/record.ts, its status and counts) in zod's classic API, as the project writes it.
// mini.ts is the same schema in zod/mini; tests/unit/zod-trial.test.ts checks they accept and
// refuse the same records, and tools/bench/zod-mini.ts bundles both and times their start.
import { config } from 'zod/v4/core';
import { z } from 'zod';

config({ jitless: true });

const HeldHost = z.string().min(1).max(253);

export const Status = z.object({
  lastAttempt: z.number().nullable().default(null),
  lastSuccess: z.number().nullable().default(null),
  lastError: z
    .object({ code: z.string(), detail: z.string(), at: z.number() })
    .nullable()
    .default(null),
  nextCheck: z.number().nullable().default(null),
  etag: z.string().nullable().default(null),
  failures: z.number().int().nonnegative().default(0),
  lastBytes: z.number().nonnegative().default(0),
  lastUpdate: z.enum(['delta', 'full']).nullable().default(null),
  rejected: z
    .object({
      total: z.number().int().nonnegative(),
      kinds: z.record(z.string(), z.number().int().nonnegative()),
      held: z.array(HeldHost).max(1000).optional(),
    })
    .nullable()
    .default(null),
});

export const Record = z.object({
  id: z.string().min(1),
  origin: z.enum(['bundled', 'subscription', 'custom']),
  action: z.enum(['block', 'warn', 'notice', 'allow']),
  enabled: z.boolean(),
  url: z.string().nullable(),
  meta: z.object({ title: z.object({ ja: z.string(), en: z.string() }), version: z.number() }),
  counts: z.object({
    sites: z.number().int().nonnegative(),
    domains: z.number().int().nonnegative(),
    grouped: z.number().int().nonnegative().default(0),
  }),
  generation: z.number().int().nonnegative(),
  contentFrom: z.enum(['bundled', 'download']),
  status: Status,
  intervalMs: z
    .number()
    .int()
    .positive()
    .default(24 * 3600_000),
  confirmedHeld: z.array(HeldHost).max(1000).default([]),
});

/** What the bundle does on start: build the schemas (above) and read one record. */
export function readRecord(value: unknown): boolean {
  return Record.safeParse(value).success;
}
