// After a report is saved (and again from "My reports"): one action per channel the user chose.
// The links open the user's own tools (the tracker, the mail program, the authorities' forms);
// opening one is recorded so "My reports" can show what was done.
import { useState } from 'preact/hooks';
import { request } from '../../utils/core/client';
import { t, type Lang } from '../../utils/i18n';
import type { ChannelLinks } from '../../utils/reports/service';
import type { ManualChannel, Report } from '../../utils/reports/model';
import { abuseEmail, type MailtoLink } from '../../utils/reports/templates/email';
import { ChannelStatus } from './ChannelStatus';

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** The recipient of a mailto: link, for the button's label. */
function mailTo(link: MailtoLink): string {
  return decodeURIComponent(link.url.slice('mailto:'.length).split('?')[0] ?? '');
}

export function ChannelActions({
  lang,
  report,
  links,
  onChanged,
}: {
  lang: Lang;
  report: Report;
  links: ChannelLinks;
  onChanged: () => void;
}) {
  const [notes, setNotes] = useState<Partial<Record<string, string>>>({});
  const note = (key: string, text: string) => setNotes((n) => ({ ...n, [key]: text }));
  const opened = (channel: ManualChannel) => {
    void request({ type: 'report.opened', id: report.id, channel })
      .then(onChanged)
      .catch(() => undefined);
  };
  const copied = (key: string) => (ok: boolean) =>
    note(key, t(lang, ok ? 'act.copied' : 'act.copyFailed'));
  const { channels } = report;
  const email = abuseEmail(report);

  return (
    <div class="channel-actions">
      {channels.maintainers.state !== 'not-used' && (links.issue || links.maintainersMail) && (
        <div class="channel" id="act-maintainers">
          <h3>
            {t(lang, 'channel.maintainers')}{' '}
            <ChannelStatus lang={lang} channel={channels.maintainers} />
          </h3>
          {links.issue && (
            <a
              class="button primary"
              id="open-issue"
              href={links.issue.url}
              target="_blank"
              rel="noopener noreferrer"
              onClick={() => {
                // The rest of a long report goes to the clipboard first, then the tracker opens.
                if (links.issue?.overflow) void copy(links.issue.overflow).then(copied('issue'));
                opened('maintainers');
              }}
            >
              {t(lang, 'act.issue')}
            </a>
          )}
          {links.maintainersMail && (
            <a
              class={links.issue ? 'button' : 'button primary'}
              id="open-maintainers-mail"
              href={links.maintainersMail.url}
              onClick={() => {
                if (links.maintainersMail?.overflow)
                  void copy(links.maintainersMail.overflow).then(copied('issue'));
                opened('maintainers');
              }}
            >
              {t(lang, 'act.maintainersMail', { email: mailTo(links.maintainersMail) })}
            </a>
          )}
          {links.issue?.overflow && (
            <p class="small muted">{t(lang, 'reportPage.preview.overflow')}</p>
          )}
          {notes.issue && (
            <p class="small" role="status">
              {notes.issue}
            </p>
          )}
        </div>
      )}
      {channels.registrar.state !== 'not-used' && links.mailto && email && (
        <div class="channel" id="act-registrar">
          <h3>
            {t(lang, 'channel.registrar')}{' '}
            <ChannelStatus lang={lang} channel={channels.registrar} />
          </h3>
          <div class="row">
            <a
              class="button primary"
              id="open-mail"
              href={links.mailto.url}
              onClick={() => {
                if (links.mailto?.overflow) void copy(links.mailto.overflow).then(copied('mail'));
                opened('registrar');
              }}
            >
              {t(lang, 'act.mail', { email: email.to })}
            </a>
            <button
              type="button"
              id="copy-mail"
              onClick={() => {
                void copy(`${email.subject}\n\n${email.body}`).then(copied('mail'));
                opened('registrar');
              }}
            >
              {t(lang, 'act.copyMail')}
            </button>
          </div>
          {links.mailto.overflow && (
            <p class="small muted">{t(lang, 'reportPage.preview.overflow')}</p>
          )}
          {notes.mail && (
            <p class="small" role="status">
              {notes.mail}
            </p>
          )}
        </div>
      )}
      {channels.authorities.state !== 'not-used' && (
        <div class="channel" id="act-authorities">
          <h3>
            {t(lang, 'channel.authorities')}{' '}
            <ChannelStatus lang={lang} channel={channels.authorities} />
          </h3>
          <button
            type="button"
            class="primary"
            id="copy-authority"
            onClick={() => {
              void copy(links.authority.text).then(copied('authority'));
              opened('authorities');
            }}
          >
            {t(lang, 'act.copyText')}
          </button>
          {notes.authority && (
            <p class="small" role="status">
              {notes.authority}
            </p>
          )}
          <ul class="authority-links">
            {links.authority.links.map((link) => (
              <li>
                <a
                  href={link.url}
                  target="_blank"
                  rel="noopener noreferrer"
                  onClick={() => opened('authorities')}
                >
                  {t(lang, `authority.${link.id}`)}
                </a>
                <span class="small muted"> — {t(lang, `authority.${link.id}.hint`)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {channels.endpoint.state !== 'not-used' && (
        <div class="channel" id="act-endpoint">
          <h3>
            {t(lang, 'channel.endpoint')} <ChannelStatus lang={lang} channel={channels.endpoint} />
          </h3>
          <p class="small muted mono">{channels.endpoint.url}</p>
        </div>
      )}
    </div>
  );
}
