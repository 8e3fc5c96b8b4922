// The toolbar badge of a tab: the verdict's level as a symbol and colour, its meaning as the title.
import type { Lang, MessageKey } from '../i18n';
import { badgeTitleKey } from '../verdicts/badge-title';
import type { Verdict } from '../verdicts/model';
import type { Platform } from '../platform/platform';

const BADGE: Record<Verdict['level'], { text: string; color: string }> = {
  none: { text: '', color: '#2e7d32' },
  caution: { text: '?', color: '#f9a825' },
  warning: { text: '!', color: '#ef6c00' },
  danger: { text: '!', color: '#c62828' },
};

/** The title's text: the message tables (i18n) are loaded with the worker's second script. */
export type BadgeTitle = (lang: Lang, key: MessageKey) => Promise<string>;

export class Badge {
  constructor(
    private readonly platform: Platform,
    private readonly language: () => Promise<Lang>,
    private readonly title: BadgeTitle,
  ) {}

  async show(tabId: number, verdict: Verdict, lang?: Lang): Promise<void> {
    const current = lang ?? (await this.language());
    const level = verdict.status === 'checked' ? verdict.level : 'none';
    const titleKey = badgeTitleKey(verdict);
    try {
      const title = await this.title(current, titleKey);
      await this.platform.badge.set(tabId, { ...BADGE[level], title });
    } catch {
      // The tab closed in the meantime.
    }
  }
}
