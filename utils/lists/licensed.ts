// The licensed-seller allowlist: pharmacies, drugstores, clinics and drug-information sites that a
// public register or the seller's own legally required licence display names (data/licensed.json).
// A host on it is not warned on because of a warn-level list entry or the detector; a block-level
// entry for it is kept and shown as a conflict, never dropped silently.
import { z } from '../core/zod';
import licensedData from '../../data/licensed.json';
import freeHostingData from '../../data/free-hosting.json';
import { hostSuffixes, isPublicSuffix, normalizeListedHost } from '../core/hostname';
import { PartialDateSchema, SourceSchema } from './model';

export const LICENSED_KINDS = ['pharmacy', 'drugstore', 'clinic', 'reference'] as const;

export const RegisterSchema = z.object({
  /** Which register or display: `gphc`, `cqc`, `company-disclosure`, `regulator`, … */
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,40}$/)),
  ja: z.string().check(z.trim(), z.minLength(1), z.maxLength(300)),
  en: z.string().check(z.trim(), z.minLength(1), z.maxLength(300)),
});

export const LicensedEntrySchema = z.object({
  domain: z.pipe(
    z.string(),
    z.transform((value, ctx) => {
      const result = normalizeListedHost(value);
      if (!result.ok || result.value.kind !== 'domain' || isPublicSuffix(result.value.host)) {
        ctx.issues.push({
          code: 'custom',
          input: value,
          message: `host ${!result.ok ? result.error : result.value.kind !== 'domain' ? 'not-a-domain' : 'public-suffix'}`,
        });
        return z.NEVER;
      }
      return result.value.host;
    }),
  ),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  country: z.string().check(z.regex(/^[A-Z]{2}$/)),
  kind: z.enum(LICENSED_KINDS),
  register: RegisterSchema,
  /** The licence or registration number, only where the source prints one. */
  licence: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
  source: SourceSchema,
  date: PartialDateSchema,
});
export type LicensedEntry = z.infer<typeof LicensedEntrySchema>;

interface FreeHostingFile {
  sections: { id: string; suffixes?: string[]; entries?: { suffix: string }[] }[];
}

let freeHosting: ReadonlySet<string> | null = null;

/**
 * Free-hosting and shared platforms (data/free-hosting.json, with its sources): allowlisting one
 * would allow every other seller on it. Built when first asked (an allowlist being parsed), so a
 * script that only reads stored lists (the worker's first-verdict script) does not carry the table.
 */
export function freeHostingSuffixes(): ReadonlySet<string> {
  freeHosting ??= new Set(
    (freeHostingData as FreeHostingFile).sections.flatMap((section) => [
      ...(section.suffixes ?? []),
      ...(section.entries ?? []).map((e) => e.suffix),
    ]),
  );
  return freeHosting;
}

export type LicensedRejectReason = 'public-suffix' | 'free-hosting' | 'duplicate' | 'schema';

/** An allowlist parsed entry by entry: one bad entry is reported and skipped. */
export function parseLicensed(value: unknown): {
  entries: LicensedEntry[];
  rejected: { index: number; reason: LicensedRejectReason; detail: string; input: string }[];
} {
  const entries: LicensedEntry[] = [];
  const rejected: ReturnType<typeof parseLicensed>['rejected'] = [];
  if (!Array.isArray(value)) {
    return {
      entries,
      rejected: [{ index: -1, reason: 'schema', detail: 'not a list', input: '' }],
    };
  }
  const seen = new Set<string>();
  value.forEach((raw, index) => {
    const input = String((raw as { domain?: unknown } | null)?.domain ?? '');
    const parsed = LicensedEntrySchema.safeParse(raw);
    if (!parsed.success) {
      const detail = parsed.error.issues[0]?.message ?? 'invalid';
      const reason = detail === 'host public-suffix' ? 'public-suffix' : 'schema';
      rejected.push({ index, reason, detail, input });
      return;
    }
    if (freeHostingSuffixes().has(parsed.data.domain)) {
      rejected.push({
        index,
        reason: 'free-hosting',
        detail: 'a free-hosting or shared platform: it would allow every site on it',
        input,
      });
      return;
    }
    if (seen.has(parsed.data.domain)) {
      rejected.push({ index, reason: 'duplicate', detail: 'listed twice', input });
      return;
    }
    seen.add(parsed.data.domain);
    entries.push(parsed.data);
  });
  return { entries, rejected };
}

/** Finds the allowlist entry that covers a host (the entry's host or a host under it). */
export class LicensedIndex {
  private readonly byHost = new Map<string, LicensedEntry>();

  constructor(entries: readonly LicensedEntry[]) {
    // The first list naming a host gives its entry (the project's own list comes first).
    for (const entry of entries)
      if (!this.byHost.has(entry.domain)) this.byHost.set(entry.domain, entry);
  }

  get size(): number {
    return this.byHost.size;
  }

  entries(): LicensedEntry[] {
    return [...this.byHost.values()];
  }

  /** The entry naming exactly this host (no parent). */
  get(host: string): LicensedEntry | undefined {
    return this.byHost.get(host);
  }

  lookup(host: string): LicensedEntry | null {
    for (const suffix of hostSuffixes(host)) {
      const entry = this.byHost.get(suffix);
      if (entry) return entry;
    }
    return null;
  }
}

let packaged: LicensedIndex | null = null;

/** The allowlist packaged with the extension, parsed once. */
export function packagedLicensed(): LicensedIndex {
  packaged ??= new LicensedIndex(parseLicensed(licensedData).entries);
  return packaged;
}
