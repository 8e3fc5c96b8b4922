// Reports in the background: the draft (evidence captured from the tab and the verdict), saving
// before anything is sent, and what follows a save. The channels' ready-made links are in
// links.ts, the screenshot in screenshot.ts, the endpoint's delivery queue in outbox.ts.
import { captureEvidence, redactUrl } from './evidence';
import {
  isDispute,
  type ManualChannel,
  type Report,
  type ReportInput,
  type ReportKind,
} from './model';
import { isSafeEmail } from './templates/email';
import { Outbox, withEndpoint } from './outbox';
import { captureScreenshot, type ScreenshotResult } from './screenshot';
import { channelLinks } from './links';
import { EARLIER_REPORT_MS, isUnsent } from './unsent';
import type { ChannelLinks, ReportDraft, ReportSummary, SavedReport } from './views';
import {
  deleteReport,
  getReport,
  getReportSummaries,
  getReports,
  getReportsSince,
  saveReport,
  updateReport,
} from './store';
import type { Verdict } from '../verdicts/model';
import type { Lang } from '../i18n';
import { reportUrl } from '../core/routes';
import type { DecisionsService } from '../decisions/service';
import type { SettingsService } from '../settings/service';
import type { VerdictsService } from '../verdicts/service';
import type { Platform } from '../platform/platform';

export { OUTBOX_ALARM } from './outbox';
export type { ScreenshotResult } from './screenshot';
export { EARLIER_REPORT_MS, isUnsent } from './unsent';
export type { ChannelLinks, ReportDraft, ReportSummary, SavedReport } from './views';

/** What reports need from the other features. */
export interface ReportsDeps {
  verdicts: VerdictsService;
  decisions: DecisionsService;
  settings: SettingsService;
}

export class ReportsService {
  private readonly outbox: Outbox;

  constructor(
    private readonly platform: Platform,
    private readonly deps: ReportsDeps,
  ) {
    this.outbox = new Outbox(platform);
  }

  /** Send every report that is due (the outbox alarm, start-up). */
  processOutbox(): Promise<void> {
    return this.outbox.process();
  }

  /** Where "Report" opens: the report form in a small window, so the reported page stays visible. */
  async open(target: {
    tabId?: number | undefined;
    url?: string | undefined;
    kind?: ReportKind | undefined;
  }): Promise<void> {
    const url = reportUrl((path) => this.platform.extensionUrl(path), target);
    if (url !== null) await this.platform.windows.openPopup(url);
  }

  async draft(target: {
    tabId?: number | undefined;
    url?: string | undefined;
  }): Promise<ReportDraft | null> {
    const lang = await this.deps.settings.language();
    let verdict: Verdict;
    let title = '';
    let tabId: number | null = null;
    let loaded = false;
    if (target.tabId !== undefined) {
      const tab = await this.platform.tabs.get(target.tabId);
      if (!tab) return null;
      tabId = tab.id;
      // A tab on the warning page never loaded the site: no title, nothing to photograph.
      loaded = !!tab.url && /^https?:/.test(tab.url);
      title = loaded ? (tab.title ?? '') : '';
      verdict = await this.deps.verdicts.verdictForTab(tab.id, 'explicit');
    } else if (target.url !== undefined) {
      verdict = await this.deps.verdicts.verdictFor(target.url, null, 'explicit');
    } else {
      return null;
    }
    const now = this.platform.now();
    const capture = (l: Lang) => captureEvidence({ verdict, title, lang: l, now, keepQuery: true });
    const full = capture(lang);
    const other = capture(lang === 'ja' ? 'en' : 'ja');
    if (!full || !other) return null;
    const redactedUrl = redactUrl(full.url, false);
    const issuesUrl = this.platform.config.issuesUrl;
    // A report on this site saved lately and never sent (the form was closed, or the worker
    // stopped, in the middle of Save): the form says so instead of starting over silently.
    const earlier = (await getReportsSince(now - EARLIER_REPORT_MS)).find(
      (r) => r.evidence.site === full.site && isUnsent(r),
    );
    return {
      // Extension pages and workers are secure contexts: randomUUID is always there.
      id: crypto.randomUUID(),
      idempotencyKey: crypto.randomUUID(),
      createdAt: now,
      lang,
      tabId,
      evidence: lang === 'ja' ? { ja: full, en: other } : { ja: other, en: full },
      redactedUrl,
      hasQuery: full.url !== redactedUrl,
      canScreenshot: loaded && tabId !== null,
      alreadyBlocked: await this.deps.decisions.isBlockedByUser(full.site),
      earlier: earlier ? { id: earlier.id, createdAt: earlier.createdAt } : null,
      channels: {
        issuesUrl: issuesUrl ? issuesUrl : null,
        maintainersEmail: isSafeEmail(this.platform.config.maintainersEmail)
          ? this.platform.config.maintainersEmail
          : null,
        registrar: isSafeEmail(full.registrar?.abuseEmail) ? full.registrar.abuseEmail : null,
        endpoint: await this.deps.settings.reportEndpoint(),
      },
    };
  }

  /**
   * A JPEG of the reported tab as it is now. The page asks for the permission first (only when the
   * user ticks "screenshot"); without it the browser refuses and we say so.
   */
  screenshot(tabId: number): Promise<ScreenshotResult> {
    return captureScreenshot(this.platform, tabId);
  }

  links(report: Pick<Report, 'lang' | 'kind' | 'comment' | 'evidence'>): ChannelLinks {
    return channelLinks(this.platform.config, report);
  }

  /**
   * Save first; then block the site if asked; then queue the endpoint. Saving a report that is
   * already stored (a second click, or the page asking again after a worker stopped mid-save)
   * stores nothing new but finishes what the first save may not have reached: the block and the
   * endpoint's queue. Both are idempotent.
   */
  async save(input: ReportInput): Promise<SavedReport> {
    const already = await getReport(input.id);
    if (already) {
      await this.finish(already);
      return {
        report: already,
        links: this.links(already),
        screenshotDropped: false,
        existing: true,
        unfinished: false,
      };
    }
    const endpoint = input.channels.endpoint ? await this.deps.settings.reportEndpoint() : null;
    const manual = (used: boolean) => ({
      state: used ? ('ready' as const) : ('not-used' as const),
      at: null,
    });
    const report: Report = {
      id: input.id,
      idempotencyKey: input.idempotencyKey,
      createdAt: input.createdAt,
      lang: input.lang,
      kind: input.kind,
      comment: input.comment,
      evidence: input.evidence,
      channels: {
        maintainers: manual(
          input.channels.maintainers &&
            (!!this.platform.config.issuesUrl ||
              isSafeEmail(this.platform.config.maintainersEmail)),
        ),
        // A dispute ("listed by mistake") is for the list maintainers, not an abuse desk.
        registrar: manual(
          input.channels.registrar &&
            !isDispute(input.kind) &&
            isSafeEmail(input.evidence.registrar?.abuseEmail),
        ),
        authorities: manual(input.channels.authorities && !isDispute(input.kind)),
        endpoint: {
          state: endpoint ? 'queued' : 'not-used',
          url: endpoint,
          attempts: 0,
          nextAttempt: endpoint ? this.platform.now() : null,
          sendingSince: null,
          lastError: null,
          deliveredAt: null,
        },
      },
      blockedSite: input.blockSite && !isDispute(input.kind),
    };
    const stored = await saveReport(report);
    await this.finish(stored);
    return {
      report: stored,
      links: this.links(stored),
      screenshotDropped: stored.evidence.screenshot === null && report.evidence.screenshot !== null,
      existing: false,
      unfinished: false,
    };
  }

  /** "Send it now" on a report whose save was cut off: finish it, as a second Save would. */
  async finishSaved(id: string): Promise<SavedReport | null> {
    const report = await getReport(id);
    if (!report) return null;
    await this.finish(report);
    // The send is under way now (the page polls its progress).
    const now = (await getReport(id)) ?? report;
    return {
      report: now,
      links: this.links(now),
      screenshotDropped: false,
      existing: true,
      unfinished: false,
    };
  }

  /** What follows a stored report: the user's block, and the endpoint's first attempt. */
  private async finish(report: Report): Promise<void> {
    if (report.blockedSite && !(await this.deps.decisions.isBlockedByUser(report.evidence.site)))
      await this.deps.decisions.blockSite(
        report.evidence.site,
        report.comment.slice(0, 200),
        'report',
      );
    if (report.channels.endpoint.state === 'queued') await this.outbox.start();
  }

  /**
   * Whether a stored report's save was cut off before it finished (the worker stopped after the
   * report was written): the block it asked for is missing, or the endpoint was never tried (a
   * send is claimed, attempts counted, within milliseconds of a save; finishing it again is safe:
   * the claim re-checks in a transaction that it is due).
   */
  private async unfinished(report: Report): Promise<boolean> {
    const endpoint = report.channels.endpoint;
    return (
      (report.blockedSite && !(await this.deps.decisions.isBlockedByUser(report.evidence.site))) ||
      (endpoint.state === 'queued' && endpoint.attempts === 0)
    );
  }

  async markOpened(id: string, channel: ManualChannel): Promise<ReportSummary | null> {
    return updateReport(id, (r) => ({
      ...r,
      channels: { ...r.channels, [channel]: { state: 'opened', at: this.platform.now() } },
    }));
  }

  async get(
    id: string,
  ): Promise<{ report: Report; links: ChannelLinks; unfinished: boolean } | null> {
    const report = await getReport(id);
    return report
      ? { report, links: this.links(report), unfinished: await this.unfinished(report) }
      : null;
  }

  /** My reports: summaries from the date index; no screenshot is read. */
  list(): Promise<ReportSummary[]> {
    return getReportSummaries();
  }

  delete(id: string): Promise<boolean> {
    return deleteReport(id);
  }

  /**
   * Send again. The endpoint gets the same idempotency key, so a report it already has is not
   * duplicated; a report already delivered is not sent at all. A report saved without an endpoint
   * goes to the one configured now.
   */
  async resend(id: string): Promise<ReportSummary | null> {
    const current = await this.deps.settings.reportEndpoint();
    const updated = await updateReport(id, (r) => {
      const endpoint = r.channels.endpoint;
      const url = endpoint.url ?? current;
      if (endpoint.state === 'delivered' || endpoint.state === 'sending' || !url) return r;
      const now = this.platform.now();
      return withEndpoint(r, {
        state: 'queued',
        url,
        attempts: 0,
        nextAttempt: now,
        lastError: null,
      });
    });
    if (updated?.channels.endpoint.state === 'queued') await this.outbox.start();
    return updated;
  }

  /** Every report as JSON, screenshots included, for "My reports" → export. */
  async exportAll(): Promise<string> {
    return JSON.stringify(
      {
        format: 'kusuri-guard-reports',
        version: 1,
        exportedAt: new Date(this.platform.now()).toISOString(),
        reports: await getReports(),
      },
      null,
      2,
    );
  }
}
