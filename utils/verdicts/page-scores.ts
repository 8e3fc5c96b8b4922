// The detector's latest result per tab, kept in session storage so a restarted worker still
// knows what the page said (the popup reads it). Validated on read like every stored record.
import { z } from '../core/zod';
import type { DetectedPage } from '../detector/model-score';
import type { SessionStore } from '../platform/platform';

const SIGNAL_CODES = [
  'unapproved-drug',
  'rx-drug',
  'no-prescription',
  'import-agency',
  'personal-import',
  'abroad',
  'payment',
  'legality',
  'discreet',
  'self-responsibility',
  'quantity-rules',
  'drug-domain',
  'lookalike',
  'rx-mail-order',
  'cheap-bulk',
  'paid-prescription',
  'shop-context',
  'licence-missing',
  'licence-contradiction',
  'licence-present',
  'clinic',
  'info',
  // Structural facts (utils/detector/structure.ts).
  'priced',
  'cart-form',
  'product-drug',
  'drug-links',
  'legal-link',
  'footer-licence',
  // The learned model's phrases that weighed most.
  'phrase',
  // Another page of the same site reached warning.
  'site-evidence',
  // The page links to sites a block-level list names (utils/page/listed-links.ts).
  'listed-links',
] as const;

export const PageScoreRecordSchema = z.object({
  url: z.string(),
  /**
   * The document the result is about (the content script's documentId, where the browser names
   * documents): the record stays the tab's for as long as that document is shown, whatever its
   * URL has become since (a page calling pushState every 10 ms).
   */
  documentId: z.optional(z.string().check(z.maxLength(200))),
  score: z.number(),
  level: z.enum(['none', 'caution', 'warning', 'danger']),
  at: z.number(),
  signals: z.array(
    z.object({
      code: z.enum(SIGNAL_CODES),
      weight: z.number(),
      evidence: z.string(),
      terms: z.array(z.string()),
      drug: z.optional(z.object({ en: z.string(), ja: z.string() })),
      seenAt: z.optional(z.number()),
    }),
  ),
});
export type PageScoreRecord = z.infer<typeof PageScoreRecordSchema>;

const KEY = 'pageScores';
const Records = z.record(z.string(), PageScoreRecordSchema);

export class PageScores {
  constructor(private readonly session: SessionStore) {}

  private async all(): Promise<Record<string, PageScoreRecord>> {
    const stored = await this.session.get(KEY);
    // Nothing stored yet (a new browser session): nothing to check. The first parse of the
    // records' schema builds all of it, which a waking worker's first verdict then waits for.
    if (stored === undefined) return {};
    const parsed = Records.safeParse(stored);
    return parsed.success ? parsed.data : {};
  }

  /**
   * The tab's record if it is about the document the tab shows: the same document when both are
   * known (`documentId`, its URL notwithstanding), else the same `url` (the fragment does not
   * matter).
   */
  async get(tabId: number, url: string, documentId?: string): Promise<PageScoreRecord | null> {
    const record = (await this.all())[String(tabId)];
    if (!record) return null;
    if (documentId !== undefined && record.documentId !== undefined)
      return record.documentId === documentId ? record : null;
    return stripHash(record.url) === stripHash(url) ? record : null;
  }

  /**
   * The tab's document changed its URL without loading (pushState, replaceState, a fragment):
   * the record follows it, so a page changing its URL in a loop cannot clear the badge. Only
   * within one origin, which is all a same-document navigation can do. Returns the record as
   * carried (read back, it may already carry a later URL of the same burst).
   */
  async carry(tabId: number, url: string): Promise<PageScoreRecord | null> {
    const all = await this.all();
    const record = all[String(tabId)];
    if (!record || originOf(record.url) === null || originOf(record.url) !== originOf(url))
      return null;
    const carried = { ...record, url };
    all[String(tabId)] = carried;
    await this.session.set(KEY, all);
    return carried;
  }

  /** Store the tab's latest result (or forget it); returns the record stored. */
  async set(
    tabId: number,
    url: string,
    score: DetectedPage | null,
    at: number,
    documentId?: string,
  ): Promise<PageScoreRecord | null> {
    const all = await this.all();
    const record = score
      ? {
          url,
          ...(documentId !== undefined ? { documentId } : {}),
          score: score.score,
          level: score.level,
          at,
          signals: score.signals,
        }
      : null;
    if (record) all[String(tabId)] = record;
    else delete all[String(tabId)];
    await this.session.set(KEY, all);
    return record;
  }

  async remove(tabId: number): Promise<void> {
    const all = await this.all();
    if (!(String(tabId) in all)) return;
    delete all[String(tabId)];
    await this.session.set(KEY, all);
  }
}

function stripHash(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

function originOf(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}
