// "My reports": every saved report with its real status per channel, sendable again, exportable
// as JSON and deletable. Refreshes itself while a report is still on its way to the endpoint.
import { useEffect, useState } from 'preact/hooks';
import { request, RequestError } from '../../utils/core/client';
import { t } from '../../utils/i18n';
import { dateTime } from '../../utils/i18n/time';
import { displayHost } from '../../utils/core/hostname';
import type { ChannelLinks, ReportSummary } from '../../utils/reports/service';
import { CHANNELS, type Report } from '../../utils/reports/model';
import { useLanguage } from '../useLanguage';
import { PageHeader } from '../PageHeader';
import { ChannelActions } from './ChannelActions';
import { ChannelStatus } from './ChannelStatus';
import { downloadJson } from '../download';

export function MyReports() {
  const [lang, setLang] = useLanguage();
  const [reports, setReports] = useState<ReportSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<{ report: Report; links: ChannelLinks } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const fail = (e: unknown) => setError(e instanceof RequestError ? e.message : String(e));

  const load = () => request({ type: 'reports.list' }).then(setReports).catch(fail);
  useEffect(() => {
    void load();
  }, []);
  useEffect(() => {
    document.title = t(lang, 'myReports.title');
  }, [lang]);
  // While anything is queued or sending, look again every few seconds.
  useEffect(() => {
    const busy = reports?.some((r) => ['queued', 'sending'].includes(r.channels.endpoint.state));
    if (!busy) return;
    const timer = setTimeout(() => void load(), 3000);
    return () => clearTimeout(timer);
  }, [reports]);

  const exportAll = () => {
    request({ type: 'reports.export' })
      .then((json) =>
        downloadJson(`kusuri-guard-reports-${new Date().toISOString().slice(0, 10)}.json`, json),
      )
      .catch(fail);
  };

  const showActions = (id: string) => {
    if (open?.report.id === id) {
      setOpen(null);
      return;
    }
    request({ type: 'reports.get', id })
      .then((r) => setOpen(r))
      .catch(fail);
  };

  return (
    <main class="report my-reports">
      <PageHeader lang={lang} onLang={setLang} title={t(lang, 'myReports.title')} heading />
      <p class="small muted">{t(lang, 'myReports.intro')}</p>
      {error && <p role="alert">{t(lang, 'popup.error', { error })}</p>}
      {reports && reports.length > 0 && (
        <p>
          <button type="button" id="export-reports" onClick={exportAll}>
            {t(lang, 'myReports.export')}
          </button>
        </p>
      )}
      {reports?.length === 0 && <p id="no-reports">{t(lang, 'myReports.empty')}</p>}
      <ul class="report-list">
        {reports?.map((report) => (
          <li class="report-item" data-id={report.id}>
            <div class="row">
              <strong class="site">{displayHost(report.evidence.host)}</strong>
              <span class="spacer" />
              <span class="small muted">
                {t(lang, 'myReports.saved', { date: dateTime(lang, report.createdAt) })}
              </span>
            </div>
            <p class="small">
              {t(lang, `report.kind.${report.kind}`)}
              {report.hasScreenshot && ` · ${t(lang, 'myReports.screenshot')}`}
              {report.blockedSite && ` · ${t(lang, 'myReports.blocked')}`}
            </p>
            <p class="small mono muted">{report.evidence.url}</p>
            <dl class="facts small channel-states">
              {CHANNELS.filter((c) => report.channels[c].state !== 'not-used').map((c) => (
                <>
                  <dt>{t(lang, `channel.${c}`)}</dt>
                  <dd data-channel={c}>
                    <ChannelStatus lang={lang} channel={report.channels[c]} />
                  </dd>
                </>
              ))}
            </dl>
            <div class="row">
              <button type="button" class="send-again" onClick={() => showActions(report.id)}>
                {t(lang, 'myReports.reopen')}
              </button>
              {canResend(report) && (
                <button
                  type="button"
                  class="resend"
                  onClick={() => {
                    request({ type: 'reports.resend', id: report.id })
                      .then(() => load())
                      .catch(fail);
                  }}
                >
                  {t(lang, 'myReports.resend')}
                </button>
              )}
              <span class="spacer" />
              {confirming === report.id ? (
                <>
                  <button
                    type="button"
                    class="danger-outline confirm-delete"
                    onClick={() => {
                      request({ type: 'reports.delete', id: report.id })
                        .then(() => {
                          setConfirming(null);
                          if (open?.report.id === report.id) setOpen(null);
                          return load();
                        })
                        .catch(fail);
                    }}
                  >
                    {t(lang, 'myReports.confirmDelete')}
                  </button>
                  <button type="button" class="link" onClick={() => setConfirming(null)}>
                    {t(lang, 'myReports.cancel')}
                  </button>
                </>
              ) : (
                <button type="button" class="link delete" onClick={() => setConfirming(report.id)}>
                  {t(lang, 'myReports.delete')}
                </button>
              )}
            </div>
            {open?.report.id === report.id && (
              <ChannelActions
                lang={lang}
                report={open.report}
                links={open.links}
                onChanged={() => void load()}
              />
            )}
          </li>
        ))}
      </ul>
    </main>
  );
}

/** The endpoint can be tried again unless it has the report or is sending it right now. */
function canResend(report: ReportSummary): boolean {
  const state = report.channels.endpoint.state;
  return state === 'failed' || state === 'queued';
}
