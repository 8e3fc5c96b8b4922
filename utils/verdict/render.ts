// Reasons (codes and data) into sentences in one language. The popup, the warning page, the
// in-page banner, the reports and the CLI all use these, so a reason reads the same everywhere.
import { formatPartialDate, pick, t, type Lang } from '../i18n';
import { displayHost } from '../hostname';
import type { Source } from '../list/model';
import type { Reason } from './model';

export interface RenderedSource {
  label: string;
  url: string | null;
  date: string | null;
}

export interface RenderedReason {
  /** One sentence that stands on its own. */
  title: string;
  /** Supporting sentences (evidence summaries, notes). */
  details: string[];
  sources: RenderedSource[];
}

export function renderSource(
  lang: Lang,
  source: Source,
  date: string | null = null,
): RenderedSource {
  return {
    label: source.citation ?? source.url ?? '',
    url: source.url ?? null,
    date: date === null ? null : formatPartialDate(lang, date),
  };
}

export function renderReason(lang: Lang, reason: Reason): RenderedReason {
  switch (reason.code) {
    case 'list.user': {
      // The user's own block: their note and the day they added it, not a "source".
      const entry = reason.evidence[0];
      const note = entry?.source.citation;
      const details = [
        ...(note && note !== 'you' ? [note] : []),
        ...(entry ? [t(lang, 'popup.addedOn', { date: formatPartialDate(lang, entry.date) })] : []),
      ];
      return { title: t(lang, 'reason.list.user'), details, sources: [] };
    }
    case 'list.block':
    case 'list.warn': {
      const title = t(
        lang,
        reason.code === 'list.block' ? 'reason.list.block' : 'reason.list.warn',
        {
          category: t(lang, `category.${reason.category}`),
          list: pick(lang, reason.list.title),
        },
      );
      const details: string[] = [];
      if (reason.note) details.push(pick(lang, reason.note));
      for (const item of reason.evidence) {
        if (item.summary) details.push(pick(lang, item.summary));
      }
      if (reason.evidence.length === 0 && reason.list.attribution.length > 0) {
        details.push(
          t(lang, 'warning.noDetails', { attribution: reason.list.attribution.join(', ') }),
        );
      }
      return {
        title,
        details,
        sources: reason.evidence.map((e) => renderSource(lang, e.source, e.date)),
      };
    }
    default: {
      // Page signals: the sentence, and the page's own words that triggered it.
      const title = t(
        lang,
        `reason.${reason.code}`,
        reason.drug ? { drug: pick(lang, reason.drug) } : undefined,
      );
      const quote =
        reason.code === 'page.drug-domain' ? 'reason.page.domainQuote' : 'reason.page.quote';
      const details = reason.evidence ? [t(lang, quote, { text: reason.evidence })] : [];
      return { title, details, sources: [] };
    }
  }
}

/** The listed entry for display, Unicode for IDNs. */
export function listedForDisplay(listed: string): string {
  return displayHost(listed);
}
