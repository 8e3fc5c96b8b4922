// RDAP answers in IndexedDB with their expiry (validated on read: a damaged entry is a miss), and
// the per-server holds requested by HTTP 429.
import { z } from '../core/zod';
import { db } from '../core/db';
import { readKv, writeKv } from '../core/kv';
import type { RdapCache, RdapHolds, RdapResult } from './rdap-client';

const RdapDomainSchema = z.object({
  domain: z.string(),
  status: z.array(z.string()),
  registration: z.nullable(z.string()),
  expiration: z.nullable(z.string()),
  lastChanged: z.nullable(z.string()),
  registrar: z.object({ name: z.nullable(z.string()), ianaId: z.nullable(z.number()) }),
  abuse: z.object({ email: z.nullable(z.string()), phone: z.nullable(z.string()) }),
  registrarRdapUrl: z.nullable(z.string()),
});

export const RdapResultSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    data: RdapDomainSchema,
    servers: z.array(z.string()),
    fetchedAt: z.number(),
  }),
  z.object({
    status: z.literal('no-rdap'),
    tld: z.string(),
    whois: z.object({ url: z.string(), registry: z.string() }),
    fetchedAt: z.number(),
  }),
  z.object({ status: z.literal('not-found'), fetchedAt: z.number() }),
  z.object({
    status: z.literal('error'),
    error: z.enum([
      'timeout',
      'network',
      'http',
      'rate-limited',
      'bad-response',
      'too-large',
      'refused-address',
    ]),
    detail: z.string(),
    fetchedAt: z.number(),
  }),
]);

const RowSchema = z.object({ domain: z.string(), result: RdapResultSchema, expiresAt: z.number() });

export const idbRdapCache: RdapCache = {
  async get(domain) {
    const row: unknown = await (await db()).get('rdapCache', domain);
    // A domain never looked up (most verdicts on a wake): no row, nothing to check. The first
    // parse of the row's schema builds all of it, every kind of answer, before it can say that
    // `undefined` is not a row (docs/performance-history.md, "Where a wake's time goes", session
    // 13).
    if (row === undefined) return null;
    const parsed = RowSchema.safeParse(row);
    return parsed.success
      ? { result: parsed.data.result as RdapResult, expiresAt: parsed.data.expiresAt }
      : null;
  },
  async put(domain, result, expiresAt) {
    await (await db()).put('rdapCache', RowSchema.parse({ domain, result, expiresAt }));
  },
};

const HoldsSchema = z.record(z.string(), z.number());

export const kvRdapHolds: RdapHolds = {
  async until(host) {
    const holds = await readKv('rdapHolds', HoldsSchema, {});
    return holds[host] ?? null;
  },
  async hold(host, until) {
    const holds = await readKv('rdapHolds', HoldsSchema, {});
    holds[host] = until;
    await writeKv('rdapHolds', HoldsSchema, holds);
  },
};
