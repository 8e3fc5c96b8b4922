// What each channel sends, in Japanese or English (pure). Every piece of text that came from a web
// page or the user is escaped for the channel it goes into: Markdown for the issue tracker, a
// mailto: URL for the registrar, plain text for the authorities, JSON for the endpoint. The report
// page previews exactly these strings before anything leaves.
import { t, type Lang } from '../i18n';
import { displayHost } from '../core/hostname';
import { cleanText } from './evidence';
import { isDispute, type Report, type ReportEvidence, type ReportKind } from './model';

/** What a report needs for the templates (a saved report or the draft being previewed). */
export interface ReportContent {
  lang: Lang;
  kind: ReportKind;
  comment: string;
  evidence: ReportEvidence;
}

export const ISSUE_URL_LIMIT = 8000;
export const MAILTO_LIMIT = 2000;

export const AUTHORITY_LINKS = [
  { id: 'mhlw-yakubutsu', url: 'https://www.yakubutsu.mhlw.go.jp/' },
  {
    id: 'mhlw-prefectures',
    url: 'https://www.mhlw.go.jp/seisakunitsuite/bunya/kenkou_iryou/iyakuhin/topics/tp131111-01.html',
  },
  { id: 'google-safe-browsing', url: 'https://safebrowsing.google.com/safebrowsing/report_phish/' },
] as const;
export type AuthorityId = (typeof AUTHORITY_LINKS)[number]['id'];

const PHARMACY_KINDS = ['no-prescription', 'unapproved', 'fake-licence'] as const;
type PharmacyKind = (typeof PHARMACY_KINDS)[number];
function isPharmacyKind(kind: ReportKind): kind is PharmacyKind {
  return (PHARMACY_KINDS as readonly string[]).includes(kind);
}

/** Sentences in a row: Japanese joins them after 。 with no space, English with one. */
function sentences(lang: Lang, ...parts: string[]): string {
  return parts.join(lang === 'ja' ? '' : ' ');
}

/** A page's own words after a reason: 「」 in Japanese, curly quotes in English. */
function snippet(lang: Lang, text: string): string {
  return t(lang, 'report.snippet', { snippet: text });
}

function when(lang: Lang, at: number): string {
  return new Date(at).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: 'Asia/Tokyo',
    timeZoneName: 'short',
  });
}

// ---------------------------------------------------------------- Markdown (issue tracker)

/**
 * One line of text, safe inside Markdown: no HTML (entities); no emphasis, code, links, images,
 * tables or strikethrough (backslash escapes); nothing at the start that would open a heading,
 * list or quote; no @mentions or #references (a zero-width space breaks them). Characters that
 * only matter elsewhere stay as they are, so the preview stays readable.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    .replace(/^(\s*)([#+=-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2')
    .replace(/@(?=\w)/g, '@\u200b')
    .replace(/#(?=\d)/g, '#\u200b');
}

/** A URL as a Markdown autolink when it is a parsed http(s) URL, else as escaped text. */
function markdownUrl(url: string): string {
  return /^https?:\/\/[^\s<>"`]+$/.test(url) ? `<${url}>` : escapeMarkdown(url);
}

export function markdownBody(report: ReportContent): string {
  const { lang, evidence: e } = report;
  const L = (key: Parameters<typeof t>[1]) => t(lang, key);
  const sep = t(lang, 'ui.labelSep');
  const lines = [
    `### ${L('report.md.site')}${sep}${escapeMarkdown(displayHost(e.host))}`,
    '',
    `- ${L('report.md.url')}${sep}${markdownUrl(e.url)}`,
    `- ${L('report.md.pageTitle')}${sep}${escapeMarkdown(e.title)}`,
    `- ${L('report.md.kind')}${sep}${t(lang, `report.kind.${report.kind}`)}`,
    `- ${L('report.md.when')}${sep}${escapeMarkdown(when(lang, e.capturedAt))}`,
  ];
  if (e.registrar) {
    const id =
      e.registrar.ianaId === null
        ? ''
        : lang === 'ja'
          ? `（IANA ID ${e.registrar.ianaId}）`
          : ` (IANA ID ${e.registrar.ianaId})`;
    lines.push(
      `- ${L('report.md.registrar')}${sep}${escapeMarkdown(`${e.registrar.name ?? ''}${id}`)}`,
    );
    if (e.registrar.abuseEmail)
      lines.push(`- ${L('report.md.abuse')}${sep}${escapeMarkdown(e.registrar.abuseEmail)}`);
  }
  if (e.reasons.length > 0) {
    lines.push('', `### ${L('report.md.reasons')}`, '');
    for (const r of e.reasons) {
      lines.push(
        `- ${escapeMarkdown(r.text)}${r.snippet ? snippet(lang, escapeMarkdown(r.snippet)) : ''}`,
      );
    }
  }
  if (report.comment.trim() !== '') {
    lines.push('', `### ${L('report.md.comment')}`, '');
    for (const line of report.comment.split(/\r?\n/))
      lines.push(`> ${escapeMarkdown(cleanText(line, 2000))}`);
  }
  lines.push('', '---', `_${L('report.md.footer')}_`);
  return lines.join('\n');
}

export interface IssueLink {
  url: string;
  /** The full body when the URL had to be shortened: the page copies it to the clipboard. */
  overflow: string | null;
}

/** The issue's title and the maintainers' e-mail subject: a dispute says so first. */
export function reportTitle(report: ReportContent): string {
  const host = displayHost(report.evidence.host);
  return cleanText(
    isDispute(report.kind)
      ? t(report.lang, 'report.md.title.false-positive', { host })
      : t(report.lang, 'report.md.title', {
          host,
          kind: t(report.lang, `report.kind.${report.kind}`),
        }),
    200,
  );
}

/** A prefilled "new issue" URL; a body too long for a URL is cut at a line and the rest copied. */
export function issueLink(report: ReportContent, issuesUrl: string): IssueLink {
  const title = reportTitle(report);
  const body = markdownBody(report);
  const base = `${issuesUrl}${issuesUrl.includes('?') ? '&' : '?'}title=${encodeURIComponent(title)}&body=`;
  const full = base + encodeURIComponent(body);
  if (full.length <= ISSUE_URL_LIMIT) return { url: full, overflow: null };
  const note = `\n\n_${t(report.lang, 'report.md.overflow')}_`;
  const lines = body.split('\n');
  let shortened = '';
  for (const line of lines) {
    const next = shortened === '' ? line : `${shortened}\n${line}`;
    if ((base + encodeURIComponent(next + note)).length > ISSUE_URL_LIMIT) break;
    shortened = next;
  }
  return { url: base + encodeURIComponent(shortened + note), overflow: body };
}

// ---------------------------------------------------------------- E-mail (registrar abuse contact)

const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function isSafeEmail(address: string | null | undefined): address is string {
  return typeof address === 'string' && address.length <= 254 && EMAIL.test(address);
}

export interface Email {
  to: string;
  subject: string;
  body: string;
}

export function abuseEmail(report: ReportContent): Email | null {
  const { lang, evidence: e } = report;
  const to = e.registrar?.abuseEmail;
  // A dispute ("listed by mistake") is no abuse report: it never goes to the registrar.
  if (!isSafeEmail(to) || isDispute(report.kind)) return null;
  const kind = report.kind;
  const name = e.registrar?.name ? cleanText(e.registrar.name, 200) : '';
  // One sentence per kind, so no kind reads 「…では、その他。」; the pharmaceutical law is cited
  // only for the kinds it covers (a breach or a scam is not a 医薬品医療機器等法 matter).
  const lines = [
    name !== ''
      ? t(lang, 'report.mail.greeting', { registrar: name })
      : t(lang, 'report.mail.greetingNoName'),
    '',
    sentences(
      lang,
      t(lang, 'report.mail.facts', { site: e.site }),
      t(lang, `report.mail.observed.${kind}`, { url: e.url }),
    ),
    '',
    isPharmacyKind(kind)
      ? sentences(lang, t(lang, `report.mail.law.${kind}`), t(lang, 'report.mail.law'))
      : t(lang, 'report.mail.law'),
    '',
    t(lang, 'report.mail.request'),
    '',
    t(lang, 'report.mail.evidence', { when: when(lang, e.capturedAt) }),
    ...e.reasons.map(
      (r) =>
        `- ${cleanText(r.text, 300)}${r.snippet ? snippet(lang, cleanText(r.snippet, 200)) : ''}`,
    ),
  ];
  if (report.comment.trim() !== '')
    lines.push('', t(lang, 'report.mail.comment'), cleanText(report.comment, 2000));
  lines.push('', t(lang, 'report.mail.closing'));
  // The subject is one line whatever the page's title held: no header can be injected.
  return {
    to,
    subject: cleanText(t(lang, `report.mail.subject.${kind}`, { host: e.host }), 200),
    body: lines.join('\n'),
  };
}

/**
 * The report as an e-mail to the list maintainers, for reporters without a GitHub account: the
 * same facts as the issue, as plain text (the mail program shows it as written).
 */
export function maintainersEmail(report: ReportContent, to: string | undefined): Email | null {
  if (!isSafeEmail(to)) return null;
  const { lang, evidence: e } = report;
  const lines = [
    t(lang, 'report.maint.greeting'),
    '',
    sentences(
      lang,
      t(lang, 'report.maint.facts', { site: displayHost(e.site) }),
      t(lang, `report.mail.observed.${report.kind}`, { url: e.url }),
    ),
    '',
    t(
      lang,
      isDispute(report.kind) ? 'report.maint.request.false-positive' : 'report.maint.request',
    ),
    '',
    t(lang, 'report.mail.evidence', { when: when(lang, e.capturedAt) }),
    ...e.reasons.map(
      (r) =>
        `- ${cleanText(r.text, 300)}${r.snippet ? snippet(lang, cleanText(r.snippet, 200)) : ''}`,
    ),
  ];
  if (e.registrar?.name)
    lines.push(
      '',
      `${t(lang, 'report.md.registrar')}${t(lang, 'ui.labelSep')}${cleanText(e.registrar.name, 200)}`,
    );
  if (report.comment.trim() !== '')
    lines.push('', t(lang, 'report.mail.comment'), cleanText(report.comment, 2000));
  lines.push('', t(lang, 'report.md.footer'));
  const subject = isDispute(report.kind)
    ? cleanText(t(lang, 'report.mail.subject.false-positive', { host: displayHost(e.host) }), 200)
    : reportTitle(report);
  return { to, subject, body: lines.join('\n') };
}

export interface MailtoLink {
  url: string;
  overflow: string | null;
}

export function mailtoLink(email: Email): MailtoLink {
  const head = `mailto:${encodeURIComponent(email.to).replace(/%40/g, '@')}?subject=${encodeURIComponent(email.subject)}&body=`;
  const full = head + encodeURIComponent(email.body);
  if (full.length <= MAILTO_LIMIT) return { url: full, overflow: null };
  let body = email.body;
  while ((head + encodeURIComponent(`${body}\n…`)).length > MAILTO_LIMIT && body.length > 0) {
    body = body.slice(0, body.lastIndexOf('\n') > 0 ? body.lastIndexOf('\n') : body.length - 100);
  }
  return { url: head + encodeURIComponent(`${body}\n…`), overflow: email.body };
}

// ---------------------------------------------------------------- Plain text (authorities)

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

// ---------------------------------------------------------------- JSON (HTTPS endpoint)

export const ENDPOINT_SCHEMA = 'kusuri-guard-report/1';

export function endpointPayload(
  report: Pick<Report, 'id' | 'createdAt' | 'lang' | 'kind' | 'comment' | 'evidence'>,
): string {
  return JSON.stringify({
    schema: ENDPOINT_SCHEMA,
    id: report.id,
    createdAt: new Date(report.createdAt).toISOString(),
    lang: report.lang,
    kind: report.kind,
    comment: report.comment,
    evidence: report.evidence,
  });
}
