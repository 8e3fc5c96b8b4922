// The report form's evidence: the facts gathered, the query-string choice, the reasons and the
// optional screenshot.
import { t, type Lang } from '../../utils/i18n';
import { dateTime } from '../../utils/i18n/time';
import type { ReportEvidence } from '../../utils/reports/model';
import type { ReportDraft } from '../../utils/reports/service';
import type { Shot } from './useReportDraft';

export function EvidenceSection(props: {
  lang: Lang;
  language: Lang;
  draft: ReportDraft;
  evidence: ReportEvidence;
  keepQuery: boolean;
  onKeepQuery: (value: boolean) => void;
  shot: Shot;
  onScreenshot: (wanted: boolean) => void;
}) {
  const { lang, language, draft, evidence, keepQuery, shot } = props;
  return (
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
        {evidence.registrar?.abuseEmail && <dd class="mono">{evidence.registrar.abuseEmail}</dd>}
      </dl>
      {draft.hasQuery && (
        <label class="choice small">
          <input
            type="checkbox"
            id="keep-query"
            checked={keepQuery}
            onChange={(e) => props.onKeepQuery(e.currentTarget.checked)}
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
              {r.snippet && (
                <span class="muted">{t(lang, 'report.snippet', { snippet: r.snippet })}</span>
              )}
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
              onChange={(e) => props.onScreenshot(e.currentTarget.checked)}
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
  );
}
