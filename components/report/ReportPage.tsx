// The report form: what is wrong, an optional comment, the evidence already gathered, where to
// send it and an exact preview of every text that will leave the browser. Saving stores the report
// before anything else happens; the channels' actions come after.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from '../../utils/platform/browser';
import { errorCode, request, RequestError } from '../../utils/core/client';
import { t, type Lang } from '../../utils/i18n';
import { dateTime } from '../../utils/i18n/time';
import { displayHost } from '../../utils/core/hostname';
import type { ReportDraft, SavedReport } from '../../utils/reports/service';
import type { ReportTarget } from '../../utils/core/routes';
import {
  CHANNELS,
  LIMITS,
  REPORT_KINDS,
  type ReportEvidence,
  type ReportInput,
  type ReportKind,
} from '../../utils/reports/model';
import {
  abuseEmail,
  authorityText,
  endpointPayload,
  issueLink,
  markdownBody,
} from '../../utils/reports/templates';
import { useLanguage } from '../useLanguage';
import { PageHeader } from '../PageHeader';
import { ChannelActions } from './ChannelActions';

type Channels = ReportInput['channels'];
type PreviewTab = keyof Channels;
type Shot =
  | { state: 'none' }
  | { state: 'taking' }
  | { state: 'taken'; dataUrl: string }
  | { state: 'error'; error: 'no-permission' | 'not-loaded' | 'too-large' | 'failed' };

export function ReportPage({ target }: { target: ReportTarget }) {
  const [lang, setLang] = useLanguage();
  const [draft, setDraft] = useState<ReportDraft | null | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [reportLang, setReportLang] = useState<Lang | null>(null);
  const [kind, setKind] = useState<ReportKind | null>(null);
  const [comment, setComment] = useState('');
  const [keepQuery, setKeepQuery] = useState(false);
  const [shot, setShot] = useState<Shot>({ state: 'none' });
  const [channels, setChannels] = useState<Channels | null>(null);
  const [blockSite, setBlockSite] = useState(false);
  const [tab, setTab] = useState<PreviewTab | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [kindMissing, setKindMissing] = useState(false);
  const [saved, setSaved] = useState<SavedReport | null>(null);

  useEffect(() => {
    if (target === null) {
      setDraft(null);
      return;
    }
    request({ type: 'report.draft', ...target })
      .then((d) => {
        setDraft(d);
        if (!d) return;
        // Every available channel is ticked to begin with; the user unticks what they do not want.
        setChannels({
          maintainers: channelTarget(d, 'maintainers') !== null,
          registrar: channelTarget(d, 'registrar') !== null,
          authorities: true,
          endpoint: channelTarget(d, 'endpoint') !== null,
        });
      })
      .catch((e: unknown) => setLoadError(errorCode(e)));
  }, []);

  useEffect(() => {
    document.title = t(lang, saved ? 'reportPage.savedTitle' : 'reportPage.title');
  }, [lang, saved]);

  // The report's language follows the page's until the user picks one for the report itself.
  const language = reportLang ?? lang;
  const evidence: ReportEvidence | null = useMemo(() => {
    if (!draft) return null;
    const base = draft.evidence[language];
    return {
      ...base,
      url: keepQuery ? base.url : draft.redactedUrl,
      screenshot: shot.state === 'taken' ? shot.dataUrl : null,
    };
  }, [draft, language, keepQuery, shot]);

  // Poll the saved report while the endpoint is still working on it (the background sends it).
  useEffect(() => {
    if (!saved) return;
    const state = saved.report.channels.endpoint.state;
    if (state !== 'queued' && state !== 'sending') return;
    const timer = setTimeout(() => refreshSaved(saved.report.id), 1500);
    return () => clearTimeout(timer);
  }, [saved]);

  const refreshSaved = (id: string) => {
    request({ type: 'reports.get', id })
      .then((r) => {
        if (r) setSaved((s) => (s ? { ...s, report: r.report, links: r.links } : s));
      })
      .catch(() => undefined);
  };

  const header = (
    <PageHeader lang={lang} onLang={setLang} title={t(lang, 'app.name')}>
      <a href="reports.html" target="_blank" rel="noopener" class="small">
        {t(lang, 'reportPage.myReports')}
      </a>
    </PageHeader>
  );

  if (loadError) {
    return (
      <main class="report">
        {header}
        <p role="alert">{t(lang, 'popup.error', { error: loadError })}</p>
      </main>
    );
  }
  if (draft === undefined) {
    return (
      <main class="report">
        {header}
        <p class="muted" aria-busy="true">
          {t(lang, 'popup.loading')}
        </p>
      </main>
    );
  }
  if (draft === null || !evidence || !channels) {
    return (
      <main class="report">
        {header}
        <p id="no-target">{t(lang, 'reportPage.noTarget')}</p>
      </main>
    );
  }

  const content = { lang: language, kind: kind ?? 'other', comment: comment.trim(), evidence };
  const email = channels.registrar ? abuseEmail(content) : null;
  const chosen = (Object.keys(channels) as PreviewTab[]).filter((c) => channels[c]);
  const shownTab = tab && chosen.includes(tab) ? tab : (chosen[0] ?? null);

  const takeScreenshot = (wanted: boolean) => {
    if (!wanted) {
      setShot({ state: 'none' });
      return;
    }
    setShot({ state: 'taking' });
    // Asked here, from the click, and only now: the extension does not hold it otherwise.
    browser.permissions
      .request({ origins: ['<all_urls>'] })
      .then((granted) => {
        if (!granted) throw new RequestError('no-permission');
        return request({ type: 'report.screenshot', tabId: draft.tabId! });
      })
      .then((result) =>
        setShot(
          result.ok
            ? { state: 'taken', dataUrl: result.dataUrl }
            : { state: 'error', error: result.error },
        ),
      )
      .catch((e: unknown) =>
        setShot({
          state: 'error',
          error:
            e instanceof RequestError && e.code === 'no-permission' ? 'no-permission' : 'failed',
        }),
      );
  };

  const save = (event: Event) => {
    event.preventDefault();
    if (kind === null) {
      setKindMissing(true);
      document.getElementById('kind-legend')?.scrollIntoView({ block: 'center' });
      return;
    }
    setSaving(true);
    setSaveError(null);
    const input: ReportInput = {
      id: draft.id,
      idempotencyKey: draft.idempotencyKey,
      createdAt: draft.createdAt,
      lang: language,
      kind,
      comment: comment.trim(),
      evidence,
      channels,
      blockSite: blockSite && !draft.alreadyBlocked,
    };
    request({ type: 'report.save', input })
      .then(setSaved)
      .catch((e: unknown) =>
        setSaveError(
          e instanceof RequestError && e.code === 'storage-full'
            ? t(lang, 'reportPage.storageFull')
            : t(lang, 'reportPage.saveFailed', {
                error: e instanceof RequestError ? e.message : String(e),
              }),
        ),
      )
      .finally(() => setSaving(false));
  };

  if (saved) {
    return (
      <main class="report">
        {header}
        <h1>{t(lang, 'reportPage.next')}</h1>
        <p class="saved" role="status" id="saved">
          {t(lang, 'reportPage.saved')}
        </p>
        {saved.report.blockedSite && (
          <p class="small" id="saved-blocked">
            {t(lang, 'reportPage.savedBlocked', { site: displayHost(saved.report.evidence.site) })}
          </p>
        )}
        {saved.screenshotDropped && (
          <p class="small problem">{t(lang, 'reportPage.screenshotDropped')}</p>
        )}
        <ChannelActions
          lang={lang}
          report={saved.report}
          links={saved.links}
          onChanged={() => refreshSaved(saved.report.id)}
        />
        {chosen.length === 0 && <p class="small muted">{t(lang, 'reportPage.preview.none')}</p>}
        <p class="small">
          <a href="reports.html" target="_blank" rel="noopener" id="to-my-reports">
            {t(lang, 'reportPage.myReports')}
          </a>
        </p>
      </main>
    );
  }

  const toggle = (channel: PreviewTab, value: boolean) =>
    setChannels((c) => (c ? { ...c, [channel]: value } : c));

  return (
    <main class="report">
      {header}
      <h1>{t(lang, 'reportPage.title')}</h1>
      <p class="small muted">{t(lang, 'reportPage.intro')}</p>
      <p class="site">
        <span class="muted">{t(lang, 'warning.site')}: </span>
        <strong id="report-site">{displayHost(evidence.host)}</strong>
      </p>

      <form onSubmit={save} noValidate>
        <fieldset class={kindMissing && kind === null ? 'missing' : ''}>
          <legend id="kind-legend">{t(lang, 'reportPage.kind')}</legend>
          {REPORT_KINDS.map((k) => (
            <label class="choice">
              <input
                type="radio"
                name="kind"
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
              />{' '}
              {t(lang, `report.kind.${k}`)}
            </label>
          ))}
          {kindMissing && kind === null && (
            <p class="small problem" role="alert">
              {t(lang, 'reportPage.kindRequired')}
            </p>
          )}
        </fieldset>

        <label for="comment" class="block-label">
          {t(lang, 'reportPage.comment')}
        </label>
        <textarea
          id="comment"
          rows={3}
          maxLength={LIMITS.comment}
          value={comment}
          onInput={(e) => setComment(e.currentTarget.value)}
        />
        <p class="small muted">
          {t(lang, 'reportPage.commentHint')}{' '}
          <span>
            {comment.length}/{LIMITS.comment}
          </span>
        </p>

        <section class="evidence">
          <h2>{t(lang, 'reportPage.evidence')}</h2>
          <dl class="facts">
            <dt>{t(lang, 'report.md.url')}</dt>
            <dd class="mono" id="ev-url">
              {evidence.url}
            </dd>
            <dt>{t(lang, 'report.md.pageTitle')}</dt>
            <dd id="ev-title">
              {evidence.title || <span class="muted">{t(lang, 'reportPage.noTitle')}</span>}
            </dd>
            <dt>{t(lang, 'report.md.when')}</dt>
            <dd>{dateTime(language, evidence.capturedAt)}</dd>
            {evidence.registrar && <dt>{t(lang, 'report.md.registrar')}</dt>}
            {evidence.registrar && (
              <dd>
                {evidence.registrar.name ?? '—'}
                {evidence.registrar.ianaId !== null && ` (IANA ID ${evidence.registrar.ianaId})`}
              </dd>
            )}
            {evidence.registrar?.abuseEmail && <dt>{t(lang, 'report.md.abuse')}</dt>}
            {evidence.registrar?.abuseEmail && (
              <dd class="mono">{evidence.registrar.abuseEmail}</dd>
            )}
          </dl>
          {draft.hasQuery && (
            <label class="choice small">
              <input
                type="checkbox"
                id="keep-query"
                checked={keepQuery}
                onChange={(e) => setKeepQuery(e.currentTarget.checked)}
              />{' '}
              {t(lang, 'reportPage.keepQuery')}
            </label>
          )}
          <h3>{t(lang, 'report.md.reasons')}</h3>
          {evidence.reasons.length === 0 ? (
            <p class="small muted">{t(lang, 'reportPage.noReasons')}</p>
          ) : (
            <ul class="ev-reasons small" id="ev-reasons">
              {evidence.reasons.map((r) => (
                <li>
                  {r.text}
                  {r.snippet && <span class="muted"> — “{r.snippet}”</span>}
                </li>
              ))}
            </ul>
          )}
          {draft.canScreenshot ? (
            <>
              <label class="choice">
                <input
                  type="checkbox"
                  id="want-screenshot"
                  checked={shot.state === 'taken' || shot.state === 'taking'}
                  disabled={shot.state === 'taking'}
                  onChange={(e) => takeScreenshot(e.currentTarget.checked)}
                />{' '}
                {t(lang, 'reportPage.screenshot')}
              </label>
              <p class="small muted">{t(lang, 'reportPage.screenshotHint')}</p>
              {shot.state === 'taking' && (
                <p class="small" role="status">
                  {t(lang, 'reportPage.screenshotTaking')}
                </p>
              )}
              {shot.state === 'error' && (
                <p class="small problem" role="alert">
                  {t(lang, `reportPage.screenshot.${shot.error}`)}
                </p>
              )}
              {shot.state === 'taken' && (
                <img
                  class="shot"
                  id="shot"
                  src={shot.dataUrl}
                  alt={t(lang, 'reportPage.screenshotAlt')}
                />
              )}
            </>
          ) : (
            draft.tabId !== null && <p class="small muted">{t(lang, 'reportPage.noScreenshot')}</p>
          )}
        </section>

        <section class="where">
          <h2>{t(lang, 'reportPage.where')}</h2>
          {CHANNELS.map((channel) => {
            const target = channelTarget(draft, channel);
            return (
              <ChannelChoice
                id={`ch-${channel}`}
                label={t(lang, `reportPage.ch.${channel}`, {
                  email: target ?? '—',
                  url: target ?? '—',
                })}
                hint={
                  target !== null
                    ? t(lang, `reportPage.ch.${channel}Hint`)
                    : // Only these can be unavailable (the authorities always are there).
                      t(
                        lang,
                        `reportPage.ch.${channel as 'maintainers' | 'registrar' | 'endpoint'}Off`,
                      )
                }
                available={target !== null}
                checked={channels[channel]}
                onChange={(v) => toggle(channel, v)}
              />
            );
          })}
          {draft.alreadyBlocked ? (
            <p class="small" id="already-blocked">
              {t(lang, 'reportPage.alreadyBlocked')}
            </p>
          ) : (
            <label class="choice block-choice">
              <input
                type="checkbox"
                id="block-site"
                checked={blockSite}
                onChange={(e) => setBlockSite(e.currentTarget.checked)}
              />{' '}
              {t(lang, 'reportPage.block', { site: displayHost(evidence.site) })}
            </label>
          )}
          <fieldset class="report-lang row small">
            <legend>{t(lang, 'reportPage.language')}</legend>
            {(['ja', 'en'] as const).map((l) => (
              <label class="choice inline">
                <input
                  type="radio"
                  name="report-lang"
                  value={l}
                  checked={language === l}
                  onChange={() => setReportLang(l)}
                />{' '}
                {l === 'ja' ? '日本語' : 'English'}
              </label>
            ))}
          </fieldset>
        </section>

        <section class="preview" id="preview">
          <h2>{t(lang, 'reportPage.preview')}</h2>
          {kind === null && <p class="small muted">{t(lang, 'reportPage.previewKind')}</p>}
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
                  <IssuePreview
                    lang={lang}
                    content={content}
                    issuesUrl={draft.channels.issuesUrl}
                  />
                )}
                {shownTab === 'registrar' && email && (
                  <>
                    <dl class="facts small">
                      <dt>{t(lang, 'reportPage.preview.to')}</dt>
                      <dd class="mono">{email.to}</dd>
                      <dt>{t(lang, 'reportPage.preview.subject')}</dt>
                      <dd>{email.subject}</dd>
                    </dl>
                    <pre class="preview-text" id="preview-mail">
                      {email.body}
                    </pre>
                  </>
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
                    {evidence.screenshot && (
                      <p class="small muted">
                        {t(lang, 'reportPage.preview.screenshotNote', {
                          size: Math.round((evidence.screenshot.length * 3) / 4 / 1024),
                        })}
                      </p>
                    )}
                  </>
                )}
              </div>
            </>
          )}
        </section>

        {saveError && (
          <p role="alert" class="problem" id="save-error">
            {saveError}
          </p>
        )}
        <div class="actions row">
          <button type="submit" class="primary" id="save-report" disabled={saving}>
            {saving ? t(lang, 'reportPage.saving') : t(lang, 'reportPage.save')}
          </button>
          <span class="small muted">{t(lang, 'reportPage.saveHint')}</span>
        </div>
      </form>
    </main>
  );
}

/**
 * Where a channel goes for this draft (the abuse address, the endpoint, the tracker), or null
 * when it is not available. The authorities are always there.
 */
function channelTarget(draft: ReportDraft, channel: PreviewTab): string | null {
  switch (channel) {
    case 'maintainers':
      return draft.channels.issuesUrl;
    case 'registrar':
      return draft.channels.registrar;
    case 'authorities':
      return '';
    case 'endpoint':
      return draft.channels.endpoint;
  }
}

/** The endpoint's JSON as sent, with the screenshot's data shortened for the eye only. */
function endpointPreview(
  draft: ReportDraft,
  content: { lang: Lang; kind: ReportKind; comment: string; evidence: ReportEvidence },
): string {
  const payload = JSON.parse(
    endpointPayload({ id: draft.id, createdAt: draft.createdAt, ...content }),
  ) as { evidence: { screenshot: string | null } };
  if (payload.evidence.screenshot)
    payload.evidence.screenshot = `${payload.evidence.screenshot.slice(0, 40)}…`;
  return JSON.stringify(payload, null, 2);
}

function IssuePreview({
  lang,
  content,
  issuesUrl,
}: {
  lang: Lang;
  content: { lang: Lang; kind: ReportKind; comment: string; evidence: ReportEvidence };
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
