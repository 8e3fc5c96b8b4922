// The toolbar badge of a tab: the verdict's level as a symbol and colour, its meaning as the title.
import { t, type Lang } from '../i18n';
import { badgeTitleKey } from '../verdicts/badge-title';
import type { Verdict } from '../verdicts/model';
import type { Platform } from '../platform/platform';

const BADGE: Record<Verdict['level'], { text: string; color: string }> = {
  none: { text: '', color: '#2e7d32' },
  caution: { text: '?', color: '#f9a825' },
  warning: { text: '!', color: '#ef6c00' },
  danger: { text: '!', color: '#c62828' },
};

export class Badge {
  constructor(
    private readonly platform: Platform,
    private readonly language: () => Promise<Lang>,
  ) {}

  async show(tabId: number, verdict: Verdict, lang?: Lang): Promise<void> {
    const current = lang ?? (await this.language());
    const level = verdict.status === 'checked' ? verdict.level : 'none';
    const titleKey = badgeTitleKey(verdict);
    try {
      await this.platform.badge.set(tabId, { ...BADGE[level], title: t(current, titleKey) });
    } catch {
      // The tab closed in the meantime.
    }
  }
}
