// What the content script is told to show: the banner for a verdict and the breach notice, built
// from codes in the user's language (the content script carries no text tables of its own).
import type { BannerModel } from '../content/banner';
import type { NoticeModel } from '../content/notice';
import { displayHost } from '../core/hostname';
import { formatPartialDate, t, type Lang } from '../i18n';
import { dataClass } from '../i18n/data-classes';
import type { noticeWorthy } from '../intel/model';
import { levelRank, type Verdict } from '../verdicts/model';
import { renderReason } from '../verdicts/render';

/**
 * The in-page banner for a verdict: list hits (warn-level lists, or a blocked site opened "this
 * time only") and pages the detector rates warning or worse. Never on allowlisted or dismissed
 * sites.
 */
export function bannerFor(verdict: Verdict, lang: Lang): BannerModel | null {
  if (verdict.status !== 'checked' || verdict.allowlisted || verdict.dismissed) return null;
  const listReasons = verdict.reasons.filter((r) => r.group === 'list');
  const pageWarns = verdict.page !== null && levelRank(verdict.page.level) >= levelRank('warning');
  if (listReasons.length === 0 && !pageWarns) return null;
  const pageReasons = verdict.reasons.filter((r) => r.group === 'page' && r.weight > 0);
  const first = listReasons[0];
  // Raised to warning by its links to listed sites alone (that reason is then first): the page
  // sends readers to listed shops, which a news article or a forum thread may do without being
  // a shop itself (utils/page/listed-links.ts).
  const linksOnly = pageReasons[0]?.code === 'page.listed-links';
  return {
    lang,
    level: verdict.level === 'none' ? 'caution' : verdict.level,
    title: first
      ? t(lang, 'banner.title.list', { category: t(lang, `category.${first.category}`) })
      : t(lang, linksOnly ? 'banner.title.links' : 'banner.title.page'),
    reasons: [...listReasons, ...(pageWarns ? pageReasons : [])]
      .slice(0, 3)
      .map((r) => renderReason(lang, r).title),
    labels: {
      brand: t(lang, 'banner.brand'),
      details: t(lang, 'banner.details'),
      report: t(lang, 'banner.report'),
      dismiss: t(lang, 'banner.dismiss'),
      close: t(lang, 'banner.close'),
    },
  };
}

type NoticeCandidate = ReturnType<typeof noticeWorthy>[number];

/** The breach notice for the breaches the user has not been told about (`fresh`, not empty). */
export function noticeFor(site: string, fresh: NoticeCandidate[], lang: Lang): NoticeModel {
  const first = fresh[0]!.breach;
  const parts = [
    t(lang, 'reason.breach.site', {
      title: first.title,
      date: formatPartialDate(lang, first.breachDate),
    }),
    first.dataClasses.length > 0
      ? t(lang, 'reason.breach.data', {
          classes: first.dataClasses
            .map((c) => dataClass(lang, c))
            .join(lang === 'ja' ? '、' : ', '),
        })
      : '',
    first.pwnCount !== null ? t(lang, 'reason.breach.count', { count: first.pwnCount }) : '',
    fresh.length > 1 ? t(lang, 'notice.more', { count: fresh.length - 1 }) : '',
  ];
  return {
    lang,
    title: t(lang, 'notice.title', { site: displayHost(site) }),
    // Japanese sentences follow 。 with no space.
    text: parts.filter((p) => p !== '').join(lang === 'ja' ? '' : ' '),
    names: fresh.map((c) => c.breach.name),
    labels: {
      brand: t(lang, 'banner.brand'),
      details: t(lang, 'banner.details'),
      dismiss: t(lang, 'notice.dismiss'),
    },
  };
}
