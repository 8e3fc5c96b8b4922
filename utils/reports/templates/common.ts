// What every channel's template shares (pure): the report's content, and the small pieces of
// wording every channel writes the same way (sentences in a row, a page's own words, the time).
import { t, type Lang } from '../../i18n';
import { cleanText } from '../evidence';
import type { ReportEvidence, ReportKind } from '../model';

/** What a report needs for the templates (a saved report or the draft being previewed). */
export interface ReportContent {
  lang: Lang;
  kind: ReportKind;
  comment: string;
  evidence: ReportEvidence;
}

const PHARMACY_KINDS = ['no-prescription', 'unapproved', 'fake-licence'] as const;
export type PharmacyKind = (typeof PHARMACY_KINDS)[number];
export function isPharmacyKind(kind: ReportKind): kind is PharmacyKind {
  return (PHARMACY_KINDS as readonly string[]).includes(kind);
}

/** Sentences in a row: Japanese joins them after 。 with no space, English with one. */
export function sentences(lang: Lang, ...parts: string[]): string {
  return parts.join(lang === 'ja' ? '' : ' ');
}

/** A page's own words after a reason: 「」 in Japanese, curly quotes in English. */
export function snippet(lang: Lang, text: string): string {
  return t(lang, 'report.snippet', { snippet: text });
}

/** When the evidence was gathered, in Japan's time zone (where the authorities are). */
export function when(lang: Lang, at: number): string {
  return new Date(at).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: 'Asia/Tokyo',
    timeZoneName: 'short',
  });
}

/** The reasons as plain-text list lines, each cut to one clean line (the e-mails). */
export function plainReasons(lang: Lang, reasons: ReportEvidence['reasons']): string[] {
  return reasons.map(
    (r) =>
      `- ${cleanText(r.text, 300)}${r.snippet ? snippet(lang, cleanText(r.snippet, 200)) : ''}`,
  );
}
