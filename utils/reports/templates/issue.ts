// The issue tracker's report (pure): a prefilled "new issue" link whose title and Markdown body
// escape every piece of text that came from a web page or the user.
import { t } from '../../i18n';
import { displayHost } from '../../core/hostname';
import { cleanText } from '../evidence';
import { isDispute } from '../model';
import { snippet, when, type ReportContent } from './common';

export const ISSUE_URL_LIMIT = 8000;

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
