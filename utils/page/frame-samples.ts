// What the cross-origin frames of a tab say (issue 11: a shop shown inside another origin's frame
// left the page unwarned). The content script runs in every frame; a frame the top document
// cannot read sends its own sample (only when it mentions medicines), and the top frame's check
// folds the tab's frame texts into its own. Kept in session storage (the worker may stop between
// the frame's message and the top frame's check), bounded in size and count, dropped when the
// top frame loads another document or the tab closes.
import { z } from '../core/zod';
import type { SessionStore } from '../platform/platform';

export const FRAME_LIMITS = {
  /** Frames remembered per tab (the latest ones). */
  frames: 8,
  /** Characters kept of one frame's text (title, headings and body). */
  text: 8_000,
  /** Characters of all frames' text folded into the top frame's sample. */
  total: 16_000,
};

const FrameEntrySchema = z.object({
  frameId: z.number().check(z.int()),
  text: z.string().check(z.maxLength(FRAME_LIMITS.text)),
  at: z.number(),
});
const RecordsSchema = z.record(
  z.string(),
  z.array(FrameEntrySchema).check(z.maxLength(FRAME_LIMITS.frames)),
);
type Records = z.infer<typeof RecordsSchema>;

const KEY = 'frameSamples';

export class FrameSamples {
  constructor(private readonly session: SessionStore) {}

  private async all(): Promise<Records> {
    const parsed = RecordsSchema.safeParse((await this.session.get(KEY)) ?? {});
    return parsed.success ? parsed.data : {};
  }

  /** Remember one frame's text; whether it changed what the tab's frames say. */
  async put(tabId: number, frameId: number, text: string, now: number): Promise<boolean> {
    const all = await this.all();
    const entries = all[String(tabId)] ?? [];
    const kept = text.slice(0, FRAME_LIMITS.text);
    if (entries.some((e) => e.frameId === frameId && e.text === kept)) return false;
    const next = [...entries.filter((e) => e.frameId !== frameId), { frameId, text: kept, at: now }]
      .sort((a, b) => a.at - b.at)
      .slice(-FRAME_LIMITS.frames);
    all[String(tabId)] = next;
    await this.session.set(KEY, all);
    return true;
  }

  /** The tab's frames' text, oldest frame first, at most FRAME_LIMITS.total characters. */
  async text(tabId: number): Promise<string> {
    const entries = (await this.all())[String(tabId)] ?? [];
    return entries
      .map((e) => e.text)
      .join('\n')
      .slice(0, FRAME_LIMITS.total);
  }

  /** The top frame loaded another document, or the tab closed: its frames' texts go. */
  async clear(tabId: number): Promise<void> {
    const all = await this.all();
    if (!(String(tabId) in all)) return;
    delete all[String(tabId)];
    await this.session.set(KEY, all);
  }
}
