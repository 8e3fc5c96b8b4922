// A stored list's record: its format, what a hit does, where its content came from and the
// refresher's status. Kept apart from the IndexedDB code (store.ts) because pages, handlers and
// the options view need the shapes and enums without the database.
import { z } from '../core/zod';
import { ListMetaSchema, MAX_HELD, SiteCategorySchema } from './model';

export const LIST_FORMATS = ['kusuri-guard', 'domains', 'hibp', 'ublacklist', 'licensed'] as const;
export const ListFormatSchema = z.enum(LIST_FORMATS);
export type ListFormat = z.infer<typeof ListFormatSchema>;

/**
 * What a hit on a list does: `block` stops the page before it loads, `warn` shows the in-page
 * banner and badge only, `notice` is for breach data (a small notice, never a block), `allow` is
 * a licensed-seller list (no warning from a warn-level entry or the page check).
 */
export const ListActionSchema = z.enum(['block', 'warn', 'notice', 'allow']);
export type ListAction = z.infer<typeof ListActionSchema>;

/** The actions a user may choose for a list (breach lists are always `notice`). */
export const BLOCK_ACTIONS = ['block', 'warn'] as const;
export const BlockActionSchema = z.enum(BLOCK_ACTIONS);
export type BlockAction = z.infer<typeof BlockActionSchema>;

/** Where a list's stored content came from. */
export type ContentFrom = 'bundled' | 'download';

/** A held or confirmed host: canonical, at most a DNS name's length. */
const HeldHostSchema = z.string().check(z.minLength(1), z.maxLength(253));

export const ListStatusSchema = z.object({
  lastAttempt: z._default(z.nullable(z.number()), null),
  lastSuccess: z._default(z.nullable(z.number()), null),
  lastError: z._default(
    z.nullable(z.object({ code: z.string(), detail: z.string(), at: z.number() })),
    null,
  ),
  nextCheck: z._default(z.nullable(z.number()), null),
  etag: z._default(z.nullable(z.string()), null),
  lastModified: z._default(z.nullable(z.string()), null),
  failures: z._default(z.number().check(z.int(), z.nonnegative()), 0),
  /** A downloaded version that would remove more than half of the list, waiting for the user. */
  pendingShrink: z._default(
    z.nullable(
      z.object({
        from: z.number(),
        to: z.number(),
        at: z.number(),
        version: z.nullable(z.number()),
      }),
    ),
    null,
  ),
  /** Bytes transferred by the last check (0 for a 304). */
  lastBytes: z._default(z.number().check(z.nonnegative()), 0),
  /** Validator of the list's head (lists with delta updates). */
  headEtag: z._default(z.nullable(z.string()), null),
  /** Milliseconds from the downloaded text to the list stored (import, index, write). */
  lastImportMs: z._default(z.nullable(z.number().check(z.nonnegative())), null),
  /** How the last update arrived: a delta from the held version, or the whole list. */
  lastUpdate: z._default(z.nullable(z.enum(['delta', 'full'])), null),
  /**
   * Lines or entries the import of the active content refused, in all and by reason (RejectReason
   * in model.ts). Null for content stored before this was recorded (it reappears with the next
   * import); a delta keeps the figure of the whole list it applies to.
   */
  rejected: z._default(
    z.nullable(
      z.object({
        total: z.number().check(z.int(), z.nonnegative()),
        kinds: z.record(z.string(), z.number().check(z.int(), z.nonnegative())),
        /** Hosts held for the never-block set (RejectSummary.held); absent when none (or stored before). */
        held: z.optional(z.array(HeldHostSchema).check(z.maxLength(MAX_HELD))),
      }),
    ),
    null,
  ),
});
export type ListStatus = z.infer<typeof ListStatusSchema>;

export const ListRecordSchema = z.object({
  id: z.string().check(z.minLength(1)),
  origin: z.enum(['bundled', 'subscription', 'custom']),
  format: ListFormatSchema,
  action: ListActionSchema,
  enabled: z.boolean(),
  url: z.nullable(z.string()),
  meta: ListMetaSchema,
  domainCategory: SiteCategorySchema,
  counts: z.object({
    sites: z.number().check(z.int(), z.nonnegative()),
    domains: z.number().check(z.int(), z.nonnegative()),
    /** Domains listed in groups (the project's format). */
    grouped: z._default(z.number().check(z.int(), z.nonnegative()), 0),
    registrars: z.number().check(z.int(), z.nonnegative()),
    breaches: z.number().check(z.int(), z.nonnegative()),
    /** Licensed sellers (a `licensed` list); 0 in records stored before the kind existed. */
    licensed: z._default(z.number().check(z.int(), z.nonnegative()), 0),
  }),
  /** Increases on every content swap; derived state (matchers, rules) is keyed by it. */
  generation: z.number().check(z.int(), z.nonnegative()),
  contentHash: z.string(),
  /** Where the current content came from: the copy packaged with the extension or a download. */
  contentFrom: z.enum(['bundled', 'download']),
  installedAt: z.number(),
  status: ListStatusSchema,
  /** How often to check `url` for a new version. */
  intervalMs: z._default(z.number().check(z.int(), z.positive()), 24 * 3600_000),
  /** The list must carry a valid detached signature by the pinned key. */
  signed: z._default(z.boolean(), false),
  /**
   * Held hosts (status.rejected.held) the user confirmed on the options page: entries of this list
   * like any other while the list still names them. Records stored before this existed read as [].
   */
  confirmedHeld: z._default(z.array(HeldHostSchema).check(z.maxLength(MAX_HELD)), []),
});

/** The held hosts of a block- or warn-level list the user has confirmed and the list still names. */
export function confirmedHosts(record: ListRecord): string[] {
  if (record.action !== 'block' && record.action !== 'warn') return [];
  const held = new Set(record.status.rejected?.held ?? []);
  return record.confirmedHeld.filter((h) => held.has(h));
}
export type ListRecord = z.infer<typeof ListRecordSchema>;

export function emptyStatus(): ListStatus {
  return ListStatusSchema.parse({});
}
