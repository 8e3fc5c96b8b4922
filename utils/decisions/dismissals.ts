// Sites where the user turned the in-page banner off ("don't warn me on this site"). Unlike the
// allowlist this never affects pre-load blocking: it only silences page heuristics and warn-level
// lists for that site.
import { z } from '../core/zod';
import { db, type KgDatabase } from '../core/db';

export const DismissalSchema = z.object({
  site: z.string().check(z.minLength(1)),
  addedAt: z.number(),
  /** The page the banner was on, for the options page. */
  url: z._default(z.nullable(z.string().check(z.maxLength(2048))), null),
});
export type Dismissal = z.infer<typeof DismissalSchema>;

export async function getDismissals(database?: KgDatabase): Promise<Dismissal[]> {
  const store = database ?? (await db());
  const rows = await store.getAll('dismissals');
  return rows
    .map((row) => DismissalSchema.safeParse(row))
    .filter((r) => r.success)
    .map((r) => r.data)
    .sort((a, b) => a.site.localeCompare(b.site));
}

export async function addDismissal(entry: Dismissal, database?: KgDatabase): Promise<void> {
  const store = database ?? (await db());
  await store.put('dismissals', DismissalSchema.parse(entry));
}

export async function removeDismissal(site: string, database?: KgDatabase): Promise<boolean> {
  const store = database ?? (await db());
  const tx = store.transaction('dismissals', 'readwrite');
  const existed = (await tx.store.get(site)) !== undefined;
  await tx.store.delete(site);
  await tx.done;
  return existed;
}
