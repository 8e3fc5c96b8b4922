// The report form: what is wrong, an optional comment, the evidence already gathered, where to
// send it and an exact preview of every text that will leave the browser. Saving stores the report
// before anything else happens; the channels' actions come after. The state is in useReportDraft;
// the sections render it.
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { t, type Lang } from '../../utils/i18n';
import { dateTime } from '../../utils/i18n/time';
import { displayHost } from '../../utils/core/hostname';
import type { ReportTarget } from '../../utils/core/routes';
import { LIMITS, REPORT_KINDS, isDispute, type ReportKind } from '../../utils/reports/model';
import { useLanguage } from '../useLanguage';
import { PageHeader } from '../PageHeader';
import { useReportDraft } from './useReportDraft';
import { EvidenceSection } from './EvidenceSection';
import { ChannelsSection } from './ChannelsSection';
import { PreviewSection, chosenChannels } from './PreviewSection';
import { SavedView } from './SavedView';

export function ReportPage({
  target,
  initialKind = null,
}: {
  target: ReportTarget;
  initialKind?: ReportKind | null;
}) {
  const [lang, setLang] = useLanguage();
  const state = useReportDraft(target, lang, initialKind);
  const { draft, evidence, channels, saved, kind, comment, language } = state;

  useEffect(() => {
    document.title = t(lang, saved ? 'reportPage.savedTitle' : 'reportPage.title');
  }, [lang, saved]);

  const frame = (body: ComponentChildren) => (
    <ReportFrame lang={lang} onLang={setLang}>
      {body}
    </ReportFrame>
  );

  if (state.loadError) {
    return frame(<p role="alert">{t(lang, 'popup.error', { error: state.loadError })}</p>);
  }
  if (draft === undefined) {
    return frame(
      <p class="muted" aria-busy="true">
        {t(lang, 'popup.loading')}
      </p>,
    );
  }
  if (draft === null || !evidence || !channels) {
    return frame(<p id="no-target">{t(lang, 'reportPage.noTarget')}</p>);
  }

  if (saved) {
    return frame(
      <SavedView
        lang={lang}
        saved={saved}
        noChannels={chosenChannels(channels).length === 0}
        onChanged={() => state.refreshSaved(saved.report.id)}
        onFinish={state.finishSaved}
      />,
    );
  }

  const content = { lang: language, kind: kind ?? 'other', comment: comment.trim(), evidence };
  // A dispute ("Listed by mistake?") is headed as one; every other kind as a report.
  const heading = kind !== null && isDispute(kind) ? 'dispute' : 'reportPage';
  return frame(
    <>
      <h1>{t(lang, `${heading}.title`)}</h1>
      <p class="small muted">{t(lang, `${heading}.intro`)}</p>
      {draft.earlier && (
        <div class="problem small" role="status" id="earlier-report">
          <p>{t(lang, 'reportPage.earlier', { date: dateTime(lang, draft.earlier.createdAt) })}</p>
          <button type="button" id="open-earlier" onClick={state.openEarlier}>
            {t(lang, 'reportPage.openEarlier')}
          </button>
        </div>
      )}
      <p class="site">
        <span class="muted">
          {t(lang, 'warning.site')}
          {t(lang, 'ui.labelSep')}
        </span>
        <strong id="report-site">{displayHost(evidence.host)}</strong>
      </p>

      <form onSubmit={state.save} noValidate>
        <fieldset class={state.kindMissing && kind === null ? 'missing' : ''}>
          <legend id="kind-legend">{t(lang, 'reportPage.kind')}</legend>
          {REPORT_KINDS.map((k) => (
            <label class="choice">
              <input
                type="radio"
                name="kind"
                value={k}
                checked={kind === k}
                onChange={() => state.setKind(k)}
              />{' '}
              {t(lang, `report.kind.${k}`)}
            </label>
          ))}
          {state.kindMissing && kind === null && (
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
          onInput={(e) => state.setComment(e.currentTarget.value)}
        />
        <p class="small muted">
          {t(lang, 'reportPage.commentHint')}{' '}
          <span>
            {comment.length}/{LIMITS.comment}
          </span>
        </p>

        <EvidenceSection
          lang={lang}
          language={language}
          draft={draft}
          evidence={evidence}
          keepQuery={state.keepQuery}
          onKeepQuery={state.setKeepQuery}
          shot={state.shot}
          onScreenshot={state.takeScreenshot}
        />
        <ChannelsSection
          lang={lang}
          language={language}
          draft={draft}
          site={evidence.site}
          channels={channels}
          kind={kind}
          onChannel={state.toggleChannel}
          blockSite={state.blockSite}
          onBlockSite={state.setBlockSite}
          onReportLang={state.setReportLang}
        />
        <PreviewSection
          lang={lang}
          draft={draft}
          content={content}
          kind={kind}
          channels={channels}
        />

        {state.saveError && (
          <p role="alert" class="problem" id="save-error">
            {state.saveError}
          </p>
        )}
        <div class="actions row">
          <button type="submit" class="primary" id="save-report" disabled={state.saving}>
            {state.saving ? t(lang, 'reportPage.saving') : t(lang, 'reportPage.save')}
          </button>
          <span class="small muted">{t(lang, 'reportPage.saveHint')}</span>
        </div>
      </form>
    </>,
  );
}

/** Every state of the page in one frame: the header with the language toggle and "My reports". */
function ReportFrame({
  lang,
  onLang,
  children,
}: {
  lang: Lang;
  onLang: (lang: Lang) => void;
  children: ComponentChildren;
}) {
  return (
    <main class="report">
      <PageHeader lang={lang} onLang={onLang} title={t(lang, 'app.name')}>
        <a href="reports.html" target="_blank" rel="noopener" class="small">
          {t(lang, 'reportPage.myReports')}
        </a>
      </PageHeader>
      {children}
    </main>
  );
}
