// The user's own blocklist: sites the user chose to stop before they load, with when and why.
import { z } from '../core/zod';
import { db, type KgDatabase } from '../core/db';

export const UserBlockSchema = z.object({
  site: z.string().check(z.minLength(1), z.maxLength(300)),
  addedAt: z.number(),
  /** Free text the user gave, or the page it was blocked from. */
  note: z._default(z.string().check(z.maxLength(500)), ''),
  via: z.enum(['report', 'popup', 'options', 'import']),
});
export type UserBlock = z.infer<typeof UserBlockSchema>;

export async function getUserBlocks(database?: KgDatabase): Promise<UserBlock[]> {
  const store = database ?? (await db());
  const rows = await store.getAll('userBlocks');
  return rows
    .map((row) => UserBlockSchema.safeParse(row))
    .filter((r) => r.success)
    .map((r) => r.data)
    .sort((a, b) => a.site.localeCompare(b.site));
}

export async function addUserBlock(
  entry: z.input<typeof UserBlockSchema>,
  database?: KgDatabase,
): Promise<UserBlock> {
  const store = database ?? (await db());
  const parsed = UserBlockSchema.parse(entry);
  await store.put('userBlocks', parsed);
  return parsed;
}

export async function removeUserBlock(site: string, database?: KgDatabase): Promise<boolean> {
  const store = database ?? (await db());
  const tx = store.transaction('userBlocks', 'readwrite');
  const existed = (await tx.store.get(site)) !== undefined;
  await tx.store.delete(site);
  await tx.done;
  return existed;
}
