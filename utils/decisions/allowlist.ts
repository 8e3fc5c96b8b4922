// The user's allowlist: sites the user chose to open despite a listing ("always allow").
// Keyed by site (registrable domain), so allowing a shop covers all of its subdomains.
import { z } from '../core/zod';
import { db, type KgDatabase } from '../core/db';

export const AllowEntrySchema = z.object({
  site: z.string().check(z.minLength(1)),
  addedAt: z.number(),
  /** The listed entry that was shown when the user allowed it, for the options page. */
  listedAs: z._default(z.nullable(z.string()), null),
  via: z.enum(['warning-page', 'popup', 'options', 'import']),
});
export type AllowEntry = z.infer<typeof AllowEntrySchema>;

export async function getAllowlist(database?: KgDatabase): Promise<AllowEntry[]> {
  const store = database ?? (await db());
  const rows = await store.getAll('allowlist');
  return rows
    .map((row) => AllowEntrySchema.safeParse(row))
    .filter((r) => r.success)
    .map((r) => r.data)
    .sort((a, b) => a.site.localeCompare(b.site));
}

export async function addAllowEntry(entry: AllowEntry, database?: KgDatabase): Promise<void> {
  const store = database ?? (await db());
  await store.put('allowlist', AllowEntrySchema.parse(entry));
}

export async function removeAllowEntry(site: string, database?: KgDatabase): Promise<boolean> {
  const store = database ?? (await db());
  const tx = store.transaction('allowlist', 'readwrite');
  const existed = (await tx.store.get(site)) !== undefined;
  await tx.store.delete(site);
  await tx.done;
  return existed;
}
