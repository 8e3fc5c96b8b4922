// The e-mails (pure): the registrar's abuse desk and the list maintainers, and the mailto: link
// that opens either in the user's mail program. Only a plain address is ever a recipient, and the
// subject is one line whatever the page held, so no header can be injected.
import { t } from '../../i18n';
import { displayHost } from '../../core/hostname';
import { cleanText } from '../evidence';
import { isDispute } from '../model';
import { reportTitle } from './issue';
import { isPharmacyKind, plainReasons, sentences, when, type ReportContent } from './common';

export const MAILTO_LIMIT = 2000;

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
    ...plainReasons(lang, e.reasons),
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
    ...plainReasons(lang, e.reasons),
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
