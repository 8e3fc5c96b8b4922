// After saving: what was stored, and each channel's next step.
import { t, type Lang } from '../../utils/i18n';
import { displayHost } from '../../utils/core/hostname';
import type { SavedReport } from '../../utils/reports/service';
import { ChannelActions } from './ChannelActions';

export function SavedView(props: {
  lang: Lang;
  saved: SavedReport;
  noChannels: boolean;
  onChanged: () => void;
  onFinish: () => void;
}) {
  const { lang, saved } = props;
  return (
    <>
      <h1>{t(lang, 'reportPage.next')}</h1>
      {saved.unfinished ? (
        <div class="problem" role="status" id="save-unfinished">
          <p>{t(lang, 'reportPage.unfinished')}</p>
          <button type="button" class="primary" id="finish-report" onClick={props.onFinish}>
            {t(lang, 'reportPage.finish')}
          </button>
        </div>
      ) : (
        <p class="saved" role="status" id="saved">
          {t(lang, 'reportPage.saved')}
        </p>
      )}
      {/* Cut off before the block was made: it is made by "Send it now", not yet. */}
      {saved.report.blockedSite && !saved.unfinished && (
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
        onChanged={props.onChanged}
      />
      {props.noChannels && <p class="small muted">{t(lang, 'reportPage.preview.none')}</p>}
      <p class="small">
        <a href="reports.html" target="_blank" rel="noopener" id="to-my-reports">
          {t(lang, 'reportPage.myReports')}
        </a>
      </p>
    </>
  );
}
