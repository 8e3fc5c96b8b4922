// Importer for Have I Been Pwned's public breach list (GET /api/v3/breaches), CC BY 4.0.
// Only breach metadata is used (which service, when, what data, how many accounts); no account
// or e-mail lookups are ever made.
import { z } from '../core/zod';
import { normalizeHost } from '../core/hostname';
import { cleanRemoteText, stripUnsafeChars } from '../core/text';
import {
  BreachSchema,
  PartialDateSchema,
  type Breach,
  type ImportResult,
  type ListMeta,
} from './model';
import { RejectLog, checkBody, describeIssue, fail, htmlToText, parseJson } from './import-common';
import { compareBreaches } from './order';

export const HIBP_BREACHES_URL = 'https://haveibeenpwned.com/api/v3/breaches';
export const HIBP_ATTRIBUTION = {
  name: 'Have I Been Pwned',
  url: 'https://haveibeenpwned.com/',
  licence: 'CC BY 4.0',
} as const;

/** One element of the HIBP array, in HIBP's own field names. Unknown fields are ignored. */
export const HibpBreachSchema = z.object({
  Name: z.string().check(z.minLength(1)),
  Title: z.string().check(z.minLength(1)),
  Domain: z.string(),
  BreachDate: z.string(),
  AddedDate: z.string(),
  PwnCount: z.optional(z.nullable(z.number().check(z.int(), z.nonnegative()))),
  Description: z._default(z.string(), ''),
  DataClasses: z._default(z.array(z.string()), []),
  IsVerified: z._default(z.boolean(), false),
  IsFabricated: z._default(z.boolean(), false),
  IsSensitive: z._default(z.boolean(), false),
  IsRetired: z._default(z.boolean(), false),
  IsSpamList: z._default(z.boolean(), false),
});

export function importHibpBreaches(text: string, meta: ListMeta): ImportResult {
  const bad = checkBody(text);
  if (bad) return fail(bad.error, bad.detail);
  const parsed = parseJson(text);
  if (!parsed.ok) return fail('not-json', parsed.detail);
  if (!Array.isArray(parsed.value)) {
    return fail('wrong-format', 'expected a JSON array of breaches as served by /api/v3/breaches');
  }
  const log = new RejectLog();
  const breaches: Breach[] = [];
  const names = new Set<string>();
  parsed.value.forEach((raw, index) => {
    const where = `[${index}]`;
    const item = HibpBreachSchema.safeParse(raw);
    if (!item.success) {
      log.add(where, previewName(raw), 'schema', describeIssue(item.error.issues));
      return;
    }
    const b = item.data;
    // Fabricated breaches, spam lists and retired entries say nothing true about the service.
    if (b.IsFabricated || b.IsSpamList || b.IsRetired) {
      const why = b.IsFabricated ? 'fabricated' : b.IsSpamList ? 'spam list' : 'retired';
      log.add(where, b.Name, 'skipped-breach', why);
      return;
    }
    const host = normalizeHost(b.Domain);
    if (!host.ok || host.value.kind !== 'domain') {
      log.add(where, b.Name, 'invalid-host', b.Domain === '' ? 'no domain' : b.Domain);
      return;
    }
    const breachDate = PartialDateSchema.safeParse(b.BreachDate.slice(0, 10));
    const addedDate = PartialDateSchema.safeParse(b.AddedDate.slice(0, 10));
    if (!breachDate.success || !addedDate.success) {
      log.add(where, b.Name, 'schema', 'bad BreachDate or AddedDate');
      return;
    }
    if (names.has(b.Name)) {
      log.add(where, b.Name, 'duplicate');
      return;
    }
    const candidate = BreachSchema.safeParse({
      name: b.Name,
      title: cleanRemoteText(b.Title) || b.Name,
      domain: host.value.host,
      breachDate: breachDate.data,
      addedDate: addedDate.data,
      pwnCount: b.PwnCount ?? null,
      dataClasses: b.DataClasses,
      description: stripUnsafeChars(htmlToText(b.Description)).slice(0, 8000),
      isVerified: b.IsVerified,
      isFabricated: b.IsFabricated,
      isSensitive: b.IsSensitive,
      isRetired: b.IsRetired,
      isSpamList: b.IsSpamList,
      source: { url: `https://haveibeenpwned.com/Breach/${encodeURIComponent(b.Name)}` },
    });
    if (!candidate.success) {
      log.add(where, b.Name, 'schema', describeIssue(candidate.error.issues));
      return;
    }
    names.add(b.Name);
    breaches.push(candidate.data);
  });
  if (breaches.length === 0) return fail('no-entries', 'no usable breach in the list', log);
  breaches.sort(compareBreaches);
  return {
    ok: true,
    content: {
      meta,
      sites: [],
      domains: [],
      domainCategory: 'breached-service',
      groups: [],
      registrars: [],
      breaches,
    },
    rejected: log.kept,
    summary: log.summary(),
  };
}

function previewName(raw: unknown): string {
  if (typeof raw === 'object' && raw !== null && 'Name' in raw)
    return String((raw as { Name: unknown }).Name);
  return typeof raw === 'string' ? raw : (JSON.stringify(raw) ?? 'undefined');
}
