// The list model: one zod schema per concept, and the TypeScript types derived from them.
// The project's own list files (data/*.list.json, published lists) are validated by ListFileSchema;
// every importer produces a ListContent, the single in-memory shape the rest of the code consumes.
import { z } from '../core/zod';
import { normalizeListedHost, normalizeHost } from '../core/hostname';
import type { LicensedEntry } from './licensed';

export const LIST_FORMAT = 'kusuri-guard-list';
export const LIST_SCHEMA_VERSION = 1;

/** Largest list body accepted from anywhere (a 1M-domain list is about 20 MB). */
export const MAX_LIST_BYTES = 64 * 1024 * 1024;
/** Most domains one list may carry. */
export const MAX_LIST_ENTRIES = 2_000_000;

/** Sources give dates as precisely as they know them: a year, a month or a day. */
export const PartialDateSchema = z
  .string()
  .check(
    z.regex(
      /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/,
      'expected YYYY, YYYY-MM or YYYY-MM-DD',
    ),
  );

export const BilingualSchema = z.object({
  ja: z.string().check(z.trim(), z.minLength(1), z.maxLength(4000)),
  en: z.string().check(z.trim(), z.minLength(1), z.maxLength(4000)),
});
export type Bilingual = z.infer<typeof BilingualSchema>;

export const HttpUrlSchema = z.string().check(
  z.maxLength(2048),
  z.refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '';
    } catch {
      return false;
    }
  }, 'expected an http(s) URL'),
);

export const SourceSchema = z
  .object({
    url: z.optional(HttpUrlSchema),
    citation: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(600))),
  })
  .check(
    z.refine(
      (s) => s.url !== undefined || s.citation !== undefined,
      'a source needs a url or a citation',
    ),
  );
export type Source = z.infer<typeof SourceSchema>;

/** A host as it appears in a list entry, turned into canonical ASCII form. */
export const ListedHostSchema = z.pipe(
  z.string(),
  z.transform((value, ctx) => {
    const result = normalizeListedHost(value);
    if (!result.ok) {
      ctx.issues.push({ code: 'custom', input: value, message: `host ${result.error}` });
      return z.NEVER;
    }
    return result.value.host;
  }),
);

/** A host for a breach record: any valid public host (breached services are not blocked). */
export const BreachHostSchema = z.pipe(
  z.string(),
  z.transform((value, ctx) => {
    const result = normalizeHost(value);
    if (!result.ok || result.value.kind !== 'domain') {
      ctx.issues.push({ code: 'custom', input: value, message: 'invalid domain' });
      return z.NEVER;
    }
    return result.value.host;
  }),
);

export const SITE_CATEGORIES = [
  'rogue-pharmacy',
  'unapproved-drug-ads',
  'breached-service',
  'scam',
] as const;
export const SiteCategorySchema = z.enum(SITE_CATEGORIES);
export type SiteCategory = z.infer<typeof SiteCategorySchema>;

export const EvidenceSchema = z.object({
  source: SourceSchema,
  date: PartialDateSchema,
  summary: z.optional(BilingualSchema),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const SiteEntrySchema = z.object({
  domain: ListedHostSchema,
  category: SiteCategorySchema,
  network: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
  evidence: z.array(EvidenceSchema).check(z.minLength(1), z.maxLength(20)),
  note: z.optional(BilingualSchema),
});
export type SiteEntry = z.infer<typeof SiteEntrySchema>;

/**
 * A group of domains that share one listing: a network's many storefronts with the same evidence
 * (BestKenko ran 800+). A list of a million domains stays small this way, and so do its updates.
 */
export const GroupMetaSchema = z.object({
  id: z
    .string()
    .check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case id of letters, digits and -')),
  category: SiteCategorySchema,
  network: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
  evidence: z.array(EvidenceSchema).check(z.minLength(1), z.maxLength(20)),
  note: z.optional(BilingualSchema),
});
export type GroupMeta = z.infer<typeof GroupMetaSchema>;
export type DomainGroup = GroupMeta & { domains: string[] };

export const INCIDENT_KINDS = ['breach', 'noncooperation'] as const;
export const IncidentSchema = z.object({
  kind: z.enum(INCIDENT_KINDS),
  date: z.nullable(PartialDateSchema),
  records: z.nullable(z.number().check(z.int(), z.nonnegative())),
  summary: BilingualSchema,
  source: SourceSchema,
  /** A sub-service of the registrar's company, when the incident was not the registrar itself. */
  service: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
});
export type Incident = z.infer<typeof IncidentSchema>;

export const AbuseStatSchema = z.object({
  period: z.string().check(z.minLength(1), z.maxLength(40)),
  metric: BilingualSchema,
  rank: z.number().check(z.int(), z.positive()),
  score: z.optional(z.number().check(z.nonnegative())),
  source: SourceSchema,
});
export type AbuseStat = z.infer<typeof AbuseStatSchema>;

export const RegistrarSchema = z.object({
  /** IANA Registrar ID; null for a group or brand without its own accreditation. */
  ianaId: z.nullable(z.number().check(z.int(), z.positive())),
  /** The accredited name first, then brands and local names users know (e.g. お名前.com). */
  names: z
    .array(z.string().check(z.trim(), z.minLength(1), z.maxLength(200)))
    .check(z.minLength(1), z.maxLength(10)),
  /** Short name for sentences ("GMO Internet (お名前.com)"); names[0] is used when absent. */
  displayName: z.optional(BilingualSchema),
  rdapBase: z.optional(HttpUrlSchema),
  incidents: z.array(IncidentSchema).check(z.maxLength(50)),
  positiveNotes: z._default(
    z.array(z.object({ summary: BilingualSchema, source: SourceSchema })).check(z.maxLength(20)),
    [],
  ),
  abuseStats: z._default(z.array(AbuseStatSchema).check(z.maxLength(20)), []),
});
export type Registrar = z.infer<typeof RegistrarSchema>;

/** A breach of one service, in Have I Been Pwned's fields (camelCase here). */
export const BreachSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(300)),
  domain: BreachHostSchema,
  breachDate: PartialDateSchema,
  /** When the breach became known to the list (HIBP: AddedDate). Drives "new breach" notices. */
  addedDate: PartialDateSchema,
  pwnCount: z.nullable(z.number().check(z.int(), z.nonnegative())),
  dataClasses: z
    .array(z.string().check(z.trim(), z.minLength(1), z.maxLength(100)))
    .check(z.maxLength(60)),
  /** Plain text; HTML from sources is stripped on import. */
  description: z.string().check(z.maxLength(8000)),
  summary: z.optional(BilingualSchema),
  isVerified: z.boolean(),
  isFabricated: z.boolean(),
  isSensitive: z.boolean(),
  isRetired: z.boolean(),
  isSpamList: z.boolean(),
  source: SourceSchema,
});
export type Breach = z.infer<typeof BreachSchema>;

export const AttributionSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  url: z.optional(HttpUrlSchema),
  licence: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  note: z.optional(z.string().check(z.trim(), z.maxLength(600))),
});
export type Attribution = z.infer<typeof AttributionSchema>;

export const ListMetaSchema = z.object({
  id: z
    .string()
    .check(z.regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'lower-case id of letters, digits and -')),
  title: BilingualSchema,
  version: z.number().check(z.int(), z.nonnegative()),
  updated: PartialDateSchema,
  licence: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  homepage: z.optional(HttpUrlSchema),
  attribution: z.array(AttributionSchema).check(z.maxLength(50)),
});
export type ListMeta = z.infer<typeof ListMetaSchema>;

/**
 * The envelope of the project's own list format. Entries are checked one by one afterwards so
 * that one bad entry is reported and skipped instead of rejecting a whole list.
 */
export const ListFileSchema = z.object({
  format: z.literal(LIST_FORMAT),
  schemaVersion: z.literal(LIST_SCHEMA_VERSION),
  meta: ListMetaSchema,
  sites: z.array(z.unknown()).check(z.maxLength(MAX_LIST_ENTRIES)),
  groups: z._default(z.array(z.unknown()).check(z.maxLength(10_000)), []),
  registrars: z._default(z.array(z.unknown()).check(z.maxLength(10_000)), []),
  breaches: z._default(z.array(z.unknown()).check(z.maxLength(100_000)), []),
});

/** Everything one list contributes, after import. */
export interface ListContent {
  meta: ListMeta;
  /** Entries with their own evidence (the project's format). Sorted by domain, unique. */
  sites: SiteEntry[];
  /**
   * Bare hosts from plain lists (domains, hosts files, uBlacklist): no per-entry evidence, the
   * list itself is the source. Sorted, unique, canonical ASCII.
   */
  domains: string[];
  /** Category given to bare hosts. */
  domainCategory: SiteCategory;
  /** Domains listed together under one group's evidence (the project's format). */
  groups: DomainGroup[];
  registrars: Registrar[];
  breaches: Breach[];
  /** Licensed sellers (a `licensed` list): hosts not to warn on, never hosts to block. */
  licensed?: LicensedEntry[];
}

/** Why one line or entry of an input was not imported. */
export type RejectReason =
  | 'invalid-host'
  | 'public-suffix'
  | 'bare-tld'
  | 'private-address'
  | 'never-block'
  | 'popular-site'
  | 'free-hosting'
  | 'unsupported-host'
  | 'duplicate'
  | 'schema'
  | 'unsupported-rule'
  | 'skipped-breach'
  | 'too-many';

export interface Rejected {
  /** 1-based line number for text formats; JSON path such as `sites[3]` for JSON formats. */
  where: string;
  /** The offending input, truncated for display. */
  input: string;
  reason: RejectReason;
  detail?: string;
}

/** Fatal problems: the input cannot be a list at all, nothing from it is used. */
export type ImportError =
  | 'empty'
  | 'too-large'
  | 'not-json'
  | 'html-page'
  | 'wrong-format'
  | 'wrong-schema'
  | 'no-entries'
  | 'binary';

/** How many lines or entries were rejected, in all and by reason (every one counted). */
export interface RejectSummary {
  total: number;
  kinds: Partial<Record<RejectReason, number>>;
  /**
   * Canonical hosts refused only because they are on the never-block set (`never-block`,
   * `popular-site`): held for the user, who may confirm each one on the options page. At most
   * MAX_HELD, in list order.
   */
  held?: string[];
}

/** Held hosts kept per list (the card lists each with its own button). */
export const MAX_HELD = 50;

export type ImportResult =
  | { ok: true; content: ListContent; rejected: Rejected[]; summary: RejectSummary }
  | { ok: false; error: ImportError; detail: string; rejected: Rejected[]; summary: RejectSummary };

export const MAX_REJECTED_KEPT = 200;
