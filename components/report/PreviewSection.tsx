// The exact text every chosen channel will send, one tab per channel.
import { useState } from 'preact/hooks';
import { t, type Lang } from '../../utils/i18n';
import type { ReportDraft } from '../../utils/reports/service';
import type { ReportKind } from '../../utils/reports/model';
import type { ReportContent } from '../../utils/reports/templates/common';
import { abuseEmail, maintainersEmail, type Email } from '../../utils/reports/templates/email';
import { authorityText } from '../../utils/reports/templates/authorities';
import { endpointPayload } from '../../utils/reports/templates/endpoint';
import { issueLink, markdownBody } from '../../utils/reports/templates/issue';
import { channelTarget, type ChannelName, type Channels } from './useReportDraft';

export function PreviewSection(props: {
  lang: Lang;
  draft: ReportDraft;
  content: ReportContent;
  kind: ReportKind | null;
  channels: Channels;
}) {
  const { lang, draft, content, channels } = props;
  const [tab, setTab] = useState<ChannelName | null>(null);
  const email = channels.registrar ? abuseEmail(content) : null;
  const toMaintainers = maintainersEmail(content, draft.channels.maintainersEmail ?? undefined);
  // Only what this kind of report can use: a dispute shows no registrar or authorities tab.
  const chosen = chosenChannels(channels).filter(
    (c) => channelTarget(draft, c, props.kind) !== null,
  );
  const shownTab = tab && chosen.includes(tab) ? tab : (chosen[0] ?? null);
  return (
    <section class="preview" id="preview">
      <h2>{t(lang, 'reportPage.preview')}</h2>
      {props.kind === null && <p class="small muted">{t(lang, 'reportPage.previewKind')}</p>}
      {chosen.length === 0 ? (
        <p class="small muted">{t(lang, 'reportPage.preview.none')}</p>
      ) : (
        <>
          <div class="tabs row" role="tablist">
            {chosen.map((c) => (
              <button
                type="button"
                role="tab"
                id={`tab-${c}`}
                aria-selected={shownTab === c}
                class={shownTab === c ? 'tab selected' : 'tab'}
                onClick={() => setTab(c)}
              >
                {t(lang, `channel.${c}`)}
              </button>
            ))}
          </div>
          <div role="tabpanel" class="tabpanel" id="preview-panel">
            {shownTab === 'maintainers' && draft.channels.issuesUrl && (
              <IssuePreview lang={lang} content={content} issuesUrl={draft.channels.issuesUrl} />
            )}
            {shownTab === 'maintainers' && toMaintainers && (
              <>
                <h3 class="small">{t(lang, 'reportPage.preview.maintainersMail')}</h3>
                <EmailPreview lang={lang} email={toMaintainers} id="preview-maintainers-mail" />
              </>
            )}
            {shownTab === 'registrar' && email && (
              <EmailPreview lang={lang} email={email} id="preview-mail" />
            )}
            {shownTab === 'authorities' && (
              <pre class="preview-text" id="preview-authority">
                {authorityText(content)}
              </pre>
            )}
            {shownTab === 'endpoint' && (
              <>
                <p class="small muted mono">POST {draft.channels.endpoint}</p>
                <pre class="preview-text" id="preview-endpoint">
                  {endpointPreview(draft, content)}
                </pre>
                {content.evidence.screenshot && (
                  <p class="small muted">
                    {t(lang, 'reportPage.preview.screenshotNote', {
                      size: Math.round((content.evidence.screenshot.length * 3) / 4 / 1024),
                    })}
                  </p>
                )}
              </>
            )}
          </div>
        </>
      )}
    </section>
  );
}

export function chosenChannels(channels: Channels): ChannelName[] {
  return (Object.keys(channels) as ChannelName[]).filter((c) => channels[c]);
}

/** The endpoint's JSON as sent, with the screenshot's data shortened for the eye only. */
function endpointPreview(draft: ReportDraft, content: ReportContent): string {
  const payload = JSON.parse(
    endpointPayload({ id: draft.id, createdAt: draft.createdAt, ...content }),
  ) as { evidence: { screenshot: string | null } };
  if (payload.evidence.screenshot)
    payload.evidence.screenshot = `${payload.evidence.screenshot.slice(0, 40)}…`;
  return JSON.stringify(payload, null, 2);
}

function EmailPreview({ lang, email, id }: { lang: Lang; email: Email; id: string }) {
  return (
    <>
      <dl class="facts small">
        <dt>{t(lang, 'reportPage.preview.to')}</dt>
        <dd class="mono">{email.to}</dd>
        <dt>{t(lang, 'reportPage.preview.subject')}</dt>
        <dd>{email.subject}</dd>
      </dl>
      <pre class="preview-text" id={id}>
        {email.body}
      </pre>
    </>
  );
}

function IssuePreview({
  lang,
  content,
  issuesUrl,
}: {
  lang: Lang;
  content: ReportContent;
  issuesUrl: string;
}) {
  const link = issueLink(content, issuesUrl);
  const title = new URL(link.url).searchParams.get('title') ?? '';
  return (
    <>
      <dl class="facts small">
        <dt>{t(lang, 'reportPage.preview.title')}</dt>
        <dd>{title}</dd>
      </dl>
      <pre class="preview-text" id="preview-issue">
        {markdownBody(content)}
      </pre>
      {link.overflow && <p class="small muted">{t(lang, 'reportPage.preview.overflow')}</p>}
      <p class="small muted">{t(lang, 'reportPage.preview.public')}</p>
    </>
  );
}
