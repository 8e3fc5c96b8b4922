// Whole-site evidence in IndexedDB (the kv store, one record per site), validated on read like
// every stored record. Kept 30 days (stale pages are dropped on the next write and ignored on read).
import { z } from '../core/zod';
import { db } from '../core/db';
import { readKv, writeKv } from '../core/kv';
import type { SiteEvidence } from './site-evidence';

const SiteEvidenceSchema = z.object({
  site: z.string().check(z.minLength(1)),
  pages: z
    .array(
      z.object({
        url: z.string().check(z.maxLength(2048)),
        at: z.number(),
        level: z.enum(['none', 'caution', 'warning', 'danger']),
        score: z.number(),
        licensed: z.boolean(),
      }),
    )
    .check(z.maxLength(100)),
});

const key = (site: string) => `siteEvidence:${site}`;

export async function readSiteEvidence(site: string): Promise<SiteEvidence | null> {
  const found = await readKv<SiteEvidence | null>(key(site), z.nullable(SiteEvidenceSchema), null);
  return found && found.site === site ? found : null;
}

export async function writeSiteEvidence(evidence: SiteEvidence): Promise<void> {
  await writeKv(key(evidence.site), SiteEvidenceSchema, evidence);
}

/** "Don't warn me on this site", or the site turned out licensed: forget what its pages said. */
export async function clearSiteEvidence(site: string): Promise<void> {
  await (await db()).delete('kv', key(site));
}
