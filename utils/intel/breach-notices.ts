// Which breach notices the user has been shown and which they dismissed, per breach: a site is
// announced once, and a new breach of the same site is announced again.
import { z } from '../core/zod';
import { db } from '../core/db';

export const BreachNoticeSchema = z.object({
  name: z.string().check(z.minLength(1)),
  site: z.string().check(z.minLength(1)),
  shownAt: z.nullable(z.number()),
  dismissedAt: z.nullable(z.number()),
});
export type BreachNotice = z.infer<typeof BreachNoticeSchema>;

export async function getBreachNotices(
  names: readonly string[],
): Promise<Map<string, BreachNotice>> {
  const store = await db();
  const out = new Map<string, BreachNotice>();
  for (const name of names) {
    const parsed = BreachNoticeSchema.safeParse(await store.get('breachNotices', name));
    if (parsed.success) out.set(name, parsed.data);
  }
  return out;
}

export async function markBreachNotices(
  names: readonly string[],
  site: string,
  change: { shownAt?: number; dismissedAt?: number },
): Promise<void> {
  const tx = (await db()).transaction('breachNotices', 'readwrite');
  for (const name of names) {
    const current = BreachNoticeSchema.safeParse(await tx.store.get(name));
    const base: BreachNotice = current.success
      ? current.data
      : { name, site, shownAt: null, dismissedAt: null };
    await tx.store.put(BreachNoticeSchema.parse({ ...base, ...change }));
  }
  await tx.done;
}
