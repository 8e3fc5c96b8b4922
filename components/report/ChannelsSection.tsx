// The report form's "where to": each channel (available or not, and why), blocking the site for
// oneself, and the report's own language.
import { t, type Lang } from '../../utils/i18n';
import { displayHost } from '../../utils/core/hostname';
import { isValidUserSite } from '../../utils/core/site-name';
import { CHANNELS, isDispute, type ReportKind } from '../../utils/reports/model';
import type { ReportDraft } from '../../utils/reports/service';
import { channelTarget, type ChannelName, type Channels } from './useReportDraft';

export function ChannelsSection(props: {
  lang: Lang;
  language: Lang;
  draft: ReportDraft;
  site: string;
  channels: Channels;
  kind: ReportKind | null;
  onChannel: (channel: ChannelName, value: boolean) => void;
  blockSite: boolean;
  onBlockSite: (value: boolean) => void;
  onReportLang: (lang: Lang) => void;
}) {
  const { lang, language, draft, channels } = props;
  const dispute = props.kind !== null && isDispute(props.kind);
  return (
    <section class="where">
      <h2>{t(lang, 'reportPage.where')}</h2>
      {CHANNELS.map((channel) => {
        const target = channelTarget(draft, channel, props.kind);
        const notForDispute = dispute && (channel === 'registrar' || channel === 'authorities');
        return (
          <ChannelChoice
            id={`ch-${channel}`}
            label={t(lang, `reportPage.ch.${channel}`, {
              email: target ?? '—',
              url: target ?? '—',
            })}
            hint={
              target !== null
                ? channelHint(lang, draft, channel)
                : notForDispute
                  ? t(lang, 'reportPage.ch.notForDispute')
                  : // Only these can be unavailable otherwise (the authorities always are there).
                    t(
                      lang,
                      `reportPage.ch.${channel as 'maintainers' | 'registrar' | 'endpoint'}Off`,
                    )
            }
            available={target !== null}
            checked={channels[channel]}
            onChange={(v) => props.onChannel(channel, v)}
          />
        );
      })}
      {dispute ? null : draft.alreadyBlocked ? (
        <p class="small" id="already-blocked">
          {t(lang, 'reportPage.alreadyBlocked')}
        </p>
      ) : isValidUserSite(props.site) ? (
        <label class="choice block-choice">
          <input
            type="checkbox"
            id="block-site"
            checked={props.blockSite}
            onChange={(e) => props.onBlockSite(e.currentTarget.checked)}
          />{' '}
          {t(lang, 'reportPage.block', { site: displayHost(props.site) })}
        </label>
      ) : null}
      <fieldset class="report-lang row small">
        <legend>{t(lang, 'reportPage.language')}</legend>
        {(['ja', 'en'] as const).map((l) => (
          <label class="choice inline">
            <input
              type="radio"
              name="report-lang"
              value={l}
              checked={language === l}
              onChange={() => props.onReportLang(l)}
            />{' '}
            {l === 'ja' ? '日本語' : 'English'}
          </label>
        ))}
      </fieldset>
    </section>
  );
}

/** What a channel does; the maintainers' e-mail route is named when the build has an address. */
function channelHint(lang: Lang, draft: ReportDraft, channel: ChannelName): string {
  const mail = draft.channels.maintainersEmail;
  if (channel !== 'maintainers' || mail === null) return t(lang, `reportPage.ch.${channel}Hint`);
  const mailHint = t(lang, 'reportPage.ch.maintainersMailHint', { email: mail });
  if (draft.channels.issuesUrl === null) return mailHint;
  return `${t(lang, 'reportPage.ch.maintainersHint')}${lang === 'ja' ? '' : ' '}${mailHint}`;
}

function ChannelChoice(props: {
  id: string;
  label: string;
  hint: string;
  available: boolean;
  checked: boolean;
  onChange: (value: boolean) => void;
}) {
  return (
    <div class={props.available ? 'channel-choice' : 'channel-choice unavailable'}>
      <label class="choice">
        <input
          type="checkbox"
          id={props.id}
          disabled={!props.available}
          checked={props.available && props.checked}
          onChange={(e) => props.onChange(e.currentTarget.checked)}
        />{' '}
        {props.label}
      </label>
      <p class="small muted hint">{props.hint}</p>
    </div>
  );
}
