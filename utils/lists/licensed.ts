// The licensed-seller allowlist: pharmacies, drugstores, clinics and drug-information sites that a
// public register or the seller's own legally required licence display names (data/licensed.json).
// A host on it is not warned on because of a warn-level list entry or the detector; a block-level
// entry for it is kept and shown as a conflict, never dropped silently.
import { z } from '../core/zod';
import licensedData from '../../data/licensed.json';
import { hostSuffixes, isPublicSuffix, normalizeListedHost } from '../core/hostname';
import { PartialDateSchema, SourceSchema } from './model';

export const LICENSED_KINDS = ['pharmacy', 'drugstore', 'clinic', 'reference'] as const;

export const RegisterSchema = z.object({
  /** Which register or display: `gphc`, `cqc`, `company-disclosure`, `regulator`, … */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/),
  ja: z.string().trim().min(1).max(300),
  en: z.string().trim().min(1).max(300),
});

export const LicensedEntrySchema = z.object({
  domain: z.string().transform((value, ctx) => {
    const result = normalizeListedHost(value);
    if (!result.ok || result.value.kind !== 'domain' || isPublicSuffix(result.value.host)) {
      ctx.addIssue({
        code: 'custom',
        message: `host ${result.ok ? 'public-suffix' : result.error}`,
      });
      return z.NEVER;
    }
    return result.value.host;
  }),
  name: z.string().trim().min(1).max(200),
  country: z.string().regex(/^[A-Z]{2}$/),
  kind: z.enum(LICENSED_KINDS),
  register: RegisterSchema,
  /** The licence or registration number, only where the source prints one. */
  licence: z.string().trim().min(1).max(200).optional(),
  source: SourceSchema,
  date: PartialDateSchema,
});
export type LicensedEntry = z.infer<typeof LicensedEntrySchema>;

/** Free-hosting and shared platforms: allowlisting one would allow every other seller on it. */
export const SHARED_PLATFORMS = new Set([
  'blogspot.com',
  'wixsite.com',
  'wordpress.com',
  'weebly.com',
  'jimdofree.com',
  'fc2.com',
  'shopify.com',
  'myshopify.com',
  'base.shop',
  'thebase.in',
  'shop-pro.jp',
  'rakuten.co.jp',
  'amebaownd.com',
  'github.io',
]);

/** An allowlist parsed entry by entry: one bad entry is reported and skipped. */
export function parseLicensed(value: unknown): {
  entries: LicensedEntry[];
  rejected: { index: number; reason: string }[];
} {
  const entries: LicensedEntry[] = [];
  const rejected: { index: number; reason: string }[] = [];
  if (!Array.isArray(value)) return { entries, rejected: [{ index: -1, reason: 'not a list' }] };
  const seen = new Set<string>();
  value.forEach((raw, index) => {
    const parsed = LicensedEntrySchema.safeParse(raw);
    if (!parsed.success) {
      rejected.push({ index, reason: parsed.error.issues[0]?.message ?? 'invalid' });
      return;
    }
    if (SHARED_PLATFORMS.has(parsed.data.domain)) {
      rejected.push({ index, reason: 'shared platform' });
      return;
    }
    if (seen.has(parsed.data.domain)) {
      rejected.push({ index, reason: 'duplicate' });
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
    for (const entry of entries) this.byHost.set(entry.domain, entry);
  }

  get size(): number {
    return this.byHost.size;
  }

  entries(): LicensedEntry[] {
    return [...this.byHost.values()];
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
