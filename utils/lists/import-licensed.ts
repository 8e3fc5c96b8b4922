// Importer for licensed-seller lists (format `kusuri-guard-licensed`): the allowlist the project
// publishes (data/licensed.json, packaged and refreshable like the other lists) or one a user
// subscribes to. Each entry names its register and, where published, its licence number. Entries
// that are public suffixes or free-hosting platforms (`blogspot.com`, `wixsite.com`) are refused
// with a reason: allowing one would allow every seller under it.
import { z } from '../core/zod';
import { ListMetaSchema, type ImportResult } from './model';
import { RejectLog, checkBody, describeIssue, fail, parseJson } from './import-common';
import { parseLicensed } from './licensed';
import { compareByDomain } from './order';

export const LICENSED_FORMAT = 'kusuri-guard-licensed';
export const LICENSED_SCHEMA_VERSION = 1;
export const MAX_LICENSED_ENTRIES = 100_000;

export const LicensedFileSchema = z.object({
  format: z.literal(LICENSED_FORMAT),
  schemaVersion: z.literal(LICENSED_SCHEMA_VERSION),
  meta: ListMetaSchema,
  entries: z.array(z.unknown()).check(z.maxLength(MAX_LICENSED_ENTRIES)),
});

export function importLicensedList(text: string): ImportResult {
  const bad = checkBody(text);
  if (bad) return fail(bad.error, bad.detail);
  const parsed = parseJson(text);
  if (!parsed.ok) return fail('not-json', parsed.detail);
  return importLicensedValue(parsed.value);
}

export function importLicensedValue(value: unknown): ImportResult {
  if (
    typeof value !== 'object' ||
    value === null ||
    (value as { format?: unknown }).format !== LICENSED_FORMAT
  ) {
    return fail('wrong-format', `expected an object with "format": "${LICENSED_FORMAT}"`);
  }
  const envelope = LicensedFileSchema.safeParse(value);
  if (!envelope.success) return fail('wrong-schema', describeIssue(envelope.error.issues));
  const log = new RejectLog();
  const { entries, rejected } = parseLicensed(envelope.data.entries);
  for (const r of rejected) log.add(`entries[${r.index}]`, r.input, r.reason, r.detail);
  if (entries.length === 0) return fail('no-entries', 'the list has no valid entries', log);
  return {
    ok: true,
    content: {
      meta: envelope.data.meta,
      sites: [],
      domains: [],
      domainCategory: 'rogue-pharmacy',
      groups: [],
      registrars: [],
      breaches: [],
      licensed: entries.sort(compareByDomain),
    },
    rejected: log.kept,
    summary: log.summary(),
  };
}
