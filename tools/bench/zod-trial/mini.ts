// The same list record as classic.ts in zod/mini's functional API (the startup-weight trial,
// issue 16): every check of the classic schema is here too (tests/unit/zod-trial.test.ts).
import { config } from 'zod/v4/core';
import * as z from 'zod/mini';

config({ jitless: true });

const HeldHost = z.string().check(z.minLength(1), z.maxLength(253));
const count = () => z.number().check(z.int(), z.nonnegative());

export const Status = z.object({
  lastAttempt: z._default(z.nullable(z.number()), null),
  lastSuccess: z._default(z.nullable(z.number()), null),
  lastError: z._default(
    z.nullable(z.object({ code: z.string(), detail: z.string(), at: z.number() })),
    null,
  ),
  nextCheck: z._default(z.nullable(z.number()), null),
  etag: z._default(z.nullable(z.string()), null),
  failures: z._default(count(), 0),
  lastBytes: z._default(z.number().check(z.nonnegative()), 0),
  lastUpdate: z._default(z.nullable(z.enum(['delta', 'full'])), null),
  rejected: z._default(
    z.nullable(
      z.object({
        total: count(),
        kinds: z.record(z.string(), count()),
        held: z.optional(z.array(HeldHost).check(z.maxLength(1000))),
      }),
    ),
    null,
  ),
});

export const Record = z.object({
  id: z.string().check(z.minLength(1)),
  origin: z.enum(['bundled', 'subscription', 'custom']),
  action: z.enum(['block', 'warn', 'notice', 'allow']),
  enabled: z.boolean(),
  url: z.nullable(z.string()),
  meta: z.object({ title: z.object({ ja: z.string(), en: z.string() }), version: z.number() }),
  counts: z.object({
    sites: count(),
    domains: count(),
    grouped: z._default(count(), 0),
  }),
  generation: count(),
  contentFrom: z.enum(['bundled', 'download']),
  status: Status,
  intervalMs: z._default(z.number().check(z.int(), z.positive()), 24 * 3600_000),
  confirmedHeld: z._default(z.array(HeldHost).check(z.maxLength(1000)), []),
});

/** What the bundle does on start: build the schemas (above) and read one record. */
export function readRecord(value: unknown): boolean {
  return z.safeParse(Record, value).success;
}
