// The options page's "Lists that disagree", kept per version of what the comparison is made from.
// The comparison walks every host of the smaller side (seconds with a million-domain list), and
// the options page asks for it on every load; the worker may have died in between, so the result
// is stored (IndexedDB `kv`), not only held in memory. The version is a hash of everything the
// comparison reads: each list's id, generation (bumped by every content swap), enabled state,
// level, origin (custom lists come first) and confirmed held hosts, the user's own blocks and the
// allowlist. Any change to a list or the allowlist makes another version, so a stale result is
// never shown; nothing has to remember to drop it.
import { z } from '../core/zod';
import { readKv, writeKv } from '../core/kv';
import { sha256Hex } from '../core/hash';
import type { AllowEntry } from '../decisions/allowlist';
import type { UserBlock } from '../decisions/user-blocks';
import { BilingualSchema } from './model';
import { confirmedHosts, type ListRecord } from './record';
import type { Disagreements } from './disagreements';

const CACHE_KEY = 'disagreements';
/** Bumped when the comparison or the stored shape changes: an older result is computed again. */
const CACHE_LAYOUT = 1;

const DisagreementsSchema = z.object({
  rows: z.array(
    z.object({
      host: z.string(),
      lists: z.array(
        z.object({
          id: z.string(),
          title: BilingualSchema,
          listed: z.string(),
          blocks: z.boolean(),
        }),
      ),
      allowed: z.optional(z.object({ site: z.string(), addedAt: z.number() })),
    }),
  ),
  more: z.number().check(z.int(), z.nonnegative()),
  compared: z.number().check(z.int(), z.nonnegative()),
});

const CachedSchema = z.object({ version: z.string(), value: DisagreementsSchema });

/** What the comparison is made from. */
export interface DisagreementSources {
  records: readonly ListRecord[];
  userBlocks: readonly UserBlock[];
  allowlist: readonly AllowEntry[];
}

/** The version of the lists, the user's blocks and the allowlist that a comparison belongs to. */
export function disagreementsVersion(sources: DisagreementSources): Promise<string> {
  const byId = [...sources.records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return sha256Hex(
    JSON.stringify({
      layout: CACHE_LAYOUT,
      lists: byId.map((r) => [
        r.id,
        r.generation,
        r.enabled,
        r.action,
        r.origin,
        confirmedHosts(r).sort(),
      ]),
      blocks: sources.userBlocks.map((b) => b.site).sort(),
      allow: sources.allowlist.map((a) => `${a.site} ${a.addedAt}`).sort(),
    }),
  );
}

/**
 * The stored comparison when it belongs to this version of the sources; otherwise `compute()`'s,
 * stored for the next load. A result that cannot be stored (the disk is full) is still returned.
 */
export async function cachedDisagreements(
  sources: DisagreementSources,
  compute: () => Promise<Disagreements>,
): Promise<Disagreements> {
  const version = await disagreementsVersion(sources);
  const stored = await readKv(CACHE_KEY, z.nullable(CachedSchema), null);
  if (stored?.version === version) return stored.value;
  const value = await compute();
  try {
    await writeKv(CACHE_KEY, CachedSchema, { version, value });
  } catch (error) {
    console.warn('Kusuri Guard: could not keep the lists comparison', error);
  }
  return value;
}
