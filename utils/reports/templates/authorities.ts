// The authorities' channel (pure): where a report goes (MHLW's あやしいヤクブツ連絡ネット, the
// prefectures' pharmaceutical-affairs desks, Google Safe Browsing) and the plain text to paste there.
import { t } from '../../i18n';
import { displayHost } from '../../core/hostname';
import { cleanText } from '../evidence';
import { snippet, when, type ReportContent } from './common';

export const AUTHORITY_LINKS = [
  { id: 'mhlw-yakubutsu', url: 'https://www.yakubutsu.mhlw.go.jp/' },
  {
    id: 'mhlw-prefectures',
    url: 'https://www.mhlw.go.jp/seisakunitsuite/bunya/kenkou_iryou/iyakuhin/topics/tp131111-01.html',
  },
  { id: 'google-safe-browsing', url: 'https://safebrowsing.google.com/safebrowsing/report_phish/' },
] as const;
export type AuthorityId = (typeof AUTHORITY_LINKS)[number]['id'];

export function authorityText(report: ReportContent): string {
  const { lang, evidence: e } = report;
  const lines = [
    t(lang, `report.text.heading.${report.kind}`),
    t(lang, 'report.text.site', { site: displayHost(e.site) }),
    t(lang, 'report.text.url', { url: e.url }),
    t(lang, 'report.text.title', { title: e.title }),
    t(lang, 'report.text.kind', { kind: t(lang, `report.kind.${report.kind}`) }),
    t(lang, 'report.text.when', { when: when(lang, e.capturedAt) }),
  ];
  if (e.reasons.length > 0) {
    lines.push(
      t(lang, 'report.text.reasons'),
      ...e.reasons.map((r) => `- ${r.text}${r.snippet ? snippet(lang, r.snippet) : ''}`),
    );
  }
  if (report.comment.trim() !== '')
    lines.push(t(lang, 'report.text.comment', { comment: cleanText(report.comment, 2000) }));
  return lines.join('\n');
}
