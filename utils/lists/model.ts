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
  .regex(
    /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/,
    'expected YYYY, YYYY-MM or YYYY-MM-DD',
  );

export const BilingualSchema = z.object({
  ja: z.string().trim().min(1).max(4000),
  en: z.string().trim().min(1).max(4000),
});
export type Bilingual = z.infer<typeof BilingualSchema>;

export const HttpUrlSchema = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '';
    } catch {
      return false;
    }
  }, 'expected an http(s) URL');

export const SourceSchema = z
  .object({
    url: HttpUrlSchema.optional(),
    citation: z.string().trim().min(1).max(600).optional(),
  })
  .refine(
    (s) => s.url !== undefined || s.citation !== undefined,
    'a source needs a url or a citation',
  );
export type Source = z.infer<typeof SourceSchema>;

/** A host as it appears in a list entry, turned into canonical ASCII form. */
export const ListedHostSchema = z.string().transform((value, ctx) => {
  const result = normalizeListedHost(value);
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', message: `host ${result.error}` });
    return z.NEVER;
  }
  return result.value.host;
});

/** A host for a breach record: any valid public host (breached services are not blocked). */
export const BreachHostSchema = z.string().transform((value, ctx) => {
  const result = normalizeHost(value);
  if (!result.ok || result.value.kind !== 'domain') {
    ctx.addIssue({ code: 'custom', message: 'invalid domain' });
    return z.NEVER;
  }
  return result.value.host;
});

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
  summary: BilingualSchema.optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const SiteEntrySchema = z.object({
  domain: ListedHostSchema,
  category: SiteCategorySchema,
  network: z.string().trim().min(1).max(100).optional(),
  evidence: z.array(EvidenceSchema).min(1).max(20),
  note: BilingualSchema.optional(),
});
export type SiteEntry = z.infer<typeof SiteEntrySchema>;

/**
 * A group of domains that share one listing: a network's many storefronts with the same evidence
 * (BestKenko ran 800+). A list of a million domains stays small this way, and so do its updates.
 */
export const GroupMetaSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case id of letters, digits and -'),
  category: SiteCategorySchema,
  network: z.string().trim().min(1).max(100).optional(),
  evidence: z.array(EvidenceSchema).min(1).max(20),
  note: BilingualSchema.optional(),
});
export type GroupMeta = z.infer<typeof GroupMetaSchema>;
export type DomainGroup = GroupMeta & { domains: string[] };

export const INCIDENT_KINDS = ['breach', 'noncooperation'] as const;
export const IncidentSchema = z.object({
  kind: z.enum(INCIDENT_KINDS),
  date: PartialDateSchema.nullable(),
  records: z.number().int().nonnegative().nullable(),
  summary: BilingualSchema,
  source: SourceSchema,
  /** A sub-service of the registrar's company, when the incident was not the registrar itself. */
  service: z.string().trim().min(1).max(100).optional(),
});
export type Incident = z.infer<typeof IncidentSchema>;

export const AbuseStatSchema = z.object({
  period: z.string().min(1).max(40),
  metric: BilingualSchema,
  rank: z.number().int().positive(),
  score: z.number().nonnegative().optional(),
  source: SourceSchema,
});
export type AbuseStat = z.infer<typeof AbuseStatSchema>;

export const RegistrarSchema = z.object({
  /** IANA Registrar ID; null for a group or brand without its own accreditation. */
  ianaId: z.number().int().positive().nullable(),
  /** The accredited name first, then brands and local names users know (e.g. お名前.com). */
  names: z.array(z.string().trim().min(1).max(200)).min(1).max(10),
  /** Short name for sentences ("GMO Internet (お名前.com)"); names[0] is used when absent. */
  displayName: BilingualSchema.optional(),
  rdapBase: HttpUrlSchema.optional(),
  incidents: z.array(IncidentSchema).max(50),
  positiveNotes: z
    .array(z.object({ summary: BilingualSchema, source: SourceSchema }))
    .max(20)
    .default([]),
  abuseStats: z.array(AbuseStatSchema).max(20).default([]),
});
export type Registrar = z.infer<typeof RegistrarSchema>;

/** A breach of one service, in Have I Been Pwned's fields (camelCase here). */
export const BreachSchema = z.object({
  name: z.string().trim().min(1).max(200),
  title: z.string().trim().min(1).max(300),
  domain: BreachHostSchema,
  breachDate: PartialDateSchema,
  /** When the breach became known to the list (HIBP: AddedDate). Drives "new breach" notices. */
  addedDate: PartialDateSchema,
  pwnCount: z.number().int().nonnegative().nullable(),
  dataClasses: z.array(z.string().trim().min(1).max(100)).max(60),
  /** Plain text; HTML from sources is stripped on import. */
  description: z.string().max(8000),
  summary: BilingualSchema.optional(),
  isVerified: z.boolean(),
  isFabricated: z.boolean(),
  isSensitive: z.boolean(),
  isRetired: z.boolean(),
  isSpamList: z.boolean(),
  source: SourceSchema,
});
export type Breach = z.infer<typeof BreachSchema>;

export const AttributionSchema = z.object({
  name: z.string().trim().min(1).max(200),
  url: HttpUrlSchema.optional(),
  licence: z.string().trim().min(1).max(200),
  note: z.string().trim().max(600).optional(),
});
export type Attribution = z.infer<typeof AttributionSchema>;

export const ListMetaSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'lower-case id of letters, digits and -'),
  title: BilingualSchema,
  version: z.number().int().nonnegative(),
  updated: PartialDateSchema,
  licence: z.string().trim().min(1).max(200),
  homepage: HttpUrlSchema.optional(),
  attribution: z.array(AttributionSchema).max(50),
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
  sites: z.array(z.unknown()).max(MAX_LIST_ENTRIES),
  groups: z.array(z.unknown()).max(10_000).default([]),
  registrars: z.array(z.unknown()).max(10_000).default([]),
  breaches: z.array(z.unknown()).max(100_000).default([]),
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
