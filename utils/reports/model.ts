// Reports: what the user says is wrong, the evidence captured (redacted before anything is
// stored), and the status of each channel it was sent through. One schema, the source of the type;
// stored reports are validated on read like every stored record.
import { z } from '../core/zod';

export const REPORT_KINDS = [
  'no-prescription',
  'unapproved',
  'fake-licence',
  'breach-or-scam',
  'other',
  // "Listed by mistake?": a site owner or user disputes a warning (the warning page, the popup).
  'false-positive',
] as const;
export const ReportKindSchema = z.enum(REPORT_KINDS);
export type ReportKind = z.infer<typeof ReportKindSchema>;

/**
 * A dispute goes to the list maintainers (issue or e-mail) and the user's own report server,
 * never to the registrar's abuse desk or the authorities, and does not block the site.
 */
export function isDispute(kind: ReportKind): kind is 'false-positive' {
  return kind === 'false-positive';
}

export const CHANNELS = ['maintainers', 'registrar', 'authorities', 'endpoint'] as const;
export type Channel = (typeof CHANNELS)[number];
/** The channels the user works by hand; the endpoint is sent by the background. */
export const MANUAL_CHANNELS = ['maintainers', 'registrar', 'authorities'] as const;
export type ManualChannel = (typeof MANUAL_CHANNELS)[number];

/** Report ids and idempotency keys: UUIDs or 32 hex digits, nothing a page could smuggle text in. */
export const ReportIdSchema = z.string().check(z.regex(/^[0-9a-f-]{16,64}$/));

export const LIMITS = {
  title: 300,
  comment: 2000,
  url: 2048,
  reasons: 20,
  reasonText: 300,
  snippet: 200,
  /** A JPEG screenshot of the visible tab as a data URL. */
  screenshot: 3 * 1024 * 1024,
};

export const ReportReasonSchema = z.object({
  code: z.string().check(z.maxLength(60)),
  text: z.string().check(z.maxLength(LIMITS.reasonText)),
  snippet: z.nullable(z.string().check(z.maxLength(LIMITS.snippet))),
});

export const EvidenceSchema = z.object({
  /** The page's address: scheme, host and path; query and fragment only if the user kept them. */
  url: z.string().check(z.maxLength(LIMITS.url)),
  host: z.string().check(z.maxLength(300)),
  site: z.string().check(z.maxLength(300)),
  title: z.string().check(z.maxLength(LIMITS.title)),
  reasons: z.array(ReportReasonSchema).check(z.maxLength(LIMITS.reasons)),
  registrar: z.nullable(
    z.object({
      name: z.nullable(z.string().check(z.maxLength(300))),
      ianaId: z.nullable(z.number().check(z.int())),
      abuseEmail: z.nullable(z.string().check(z.maxLength(300))),
      abusePhone: z.nullable(z.string().check(z.maxLength(60))),
    }),
  ),
  capturedAt: z.number(),
  screenshot: z.nullable(
    z.string().check(
      z.maxLength(LIMITS.screenshot),
      z.refine(
        (s) => s.startsWith('data:image/jpeg;base64,') || s.startsWith('data:image/png;base64,'),
        'an image data URL',
      ),
    ),
  ),
});
export type ReportEvidence = z.infer<typeof EvidenceSchema>;

/** A channel the user works by hand (a prefilled issue, an e-mail, a form): when it was opened. */
const ManualChannelSchema = z.object({
  state: z.enum(['not-used', 'ready', 'opened']),
  at: z.nullable(z.number()),
});

/** The HTTPS endpoint, sent by the background with retries. */
export const EndpointChannelSchema = z.object({
  state: z.enum(['not-used', 'queued', 'sending', 'delivered', 'failed']),
  url: z.nullable(z.string().check(z.maxLength(2048))),
  attempts: z.number().check(z.int(), z.nonnegative()),
  nextAttempt: z.nullable(z.number()),
  /** When the current send started: a send older than the time-out was cut off (worker stopped). */
  sendingSince: z.nullable(z.number()),
  lastError: z.nullable(z.string().check(z.maxLength(500))),
  deliveredAt: z.nullable(z.number()),
});
export type EndpointChannel = z.infer<typeof EndpointChannelSchema>;

export const ReportSchema = z.object({
  id: ReportIdSchema,
  /** Sent as Idempotency-Key: the endpoint can tell a retry from a new report. */
  idempotencyKey: ReportIdSchema,
  createdAt: z.number(),
  lang: z.enum(['ja', 'en']),
  kind: ReportKindSchema,
  comment: z.string().check(z.maxLength(LIMITS.comment)),
  evidence: EvidenceSchema,
  channels: z.object({
    maintainers: ManualChannelSchema,
    registrar: ManualChannelSchema,
    authorities: ManualChannelSchema,
    endpoint: EndpointChannelSchema,
  }),
  /** The user also blocked the site for themselves. */
  blockedSite: z.boolean(),
});
export type Report = z.infer<typeof ReportSchema>;

/**
 * What the report page sends to be saved: the user's choices over a captured draft. The id, key
 * and time come from the draft, so the preview shows exactly what the endpoint will get, and a
 * second click on "Save" stores the same report, not a second one.
 */
export const ReportInputSchema = z.extend(
  z.pick(ReportSchema, {
    id: true,
    idempotencyKey: true,
    createdAt: true,
    lang: true,
    kind: true,
    comment: true,
    evidence: true,
  }),
  {
    /** The channels the user ticked. */
    channels: z.object(
      Object.fromEntries(CHANNELS.map((c) => [c, z.boolean()])) as Record<
        Channel,
        z.ZodMiniBoolean
      >,
    ),
    blockSite: z.boolean(),
  },
);
export type ReportInput = z.infer<typeof ReportInputSchema>;
