// Reports in the background: the draft (evidence captured from the tab and the verdict), saving
// before anything is sent, the channels' ready-made links and texts, and the delivery queue for
// the HTTPS endpoint — alarms, exponential backoff with jitter, an idempotency key, and survival of
// worker and browser restarts (the queue lives in the stored reports, never only in memory).
import { captureEvidence, redactUrl } from './evidence';
import {
  LIMITS,
  type EndpointChannel,
  type ManualChannel,
  type Report,
  type ReportEvidence,
  type ReportInput,
} from './model';
import {
  abuseEmail,
  authorityText,
  AUTHORITY_LINKS,
  endpointPayload,
  isSafeEmail,
  issueLink,
  mailtoLink,
  type AuthorityId,
  type IssueLink,
  type MailtoLink,
} from './templates';
import { classify, MAX_ATTEMPTS, retryDelay, SEND_TIMEOUT_MS } from './queue';
import { deleteReport, getReport, getReports, saveReport, updateReport } from './store';
import { parseRetryAfter } from '../lists/fetch-list';
import type { Verdict } from '../verdicts/model';
import type { Lang } from '../i18n';
import { reportUrl } from '../core/routes';
import type { DecisionsService } from '../decisions/service';
import type { SettingsService } from '../settings/service';
import type { VerdictsService } from '../verdicts/service';
import type { Platform } from '../platform/platform';

export const OUTBOX_ALARM = 'kg-outbox';

export interface ReportDraft {
  /** Fixed at draft time so the preview shows exactly what is sent, and saving twice is harmless. */
  id: string;
  idempotencyKey: string;
  createdAt: number;
  lang: Lang;
  tabId: number | null;
  /**
   * The evidence in each language the report can be written in, with the address as it was
   * (query and fragment kept). The form removes them unless the user keeps them.
   */
  evidence: Record<Lang, ReportEvidence>;
  /** The address without query string and fragment (the default). */
  redactedUrl: string;
  hasQuery: boolean;
  /** A screenshot is possible: the page loaded in a tab (a blocked page never did). */
  canScreenshot: boolean;
  /** The site is already on the user's own block list. */
  alreadyBlocked: boolean;
  channels: {
    /** The project's "new issue" URL (build time), or null: that channel is unavailable. */
    issuesUrl: string | null;
    /** The registrar's abuse address from RDAP, when there is a usable one. */
    registrar: string | null;
    /** The HTTPS endpoint reports go to, if the user or the build set one. */
    endpoint: string | null;
  };
}

export interface ChannelLinks {
  issue: IssueLink | null;
  mailto: MailtoLink | null;
  authority: { text: string; links: { id: AuthorityId; url: string }[] };
}

export interface SavedReport {
  report: Report;
  links: ChannelLinks;
  /** The screenshot had to be left out: the disk is full. */
  screenshotDropped: boolean;
  /** The report was already saved (a second click on "Save"): nothing new was stored or queued. */
  existing: boolean;
}

/** A report as "My reports" lists it: the screenshot stays in storage (it can be megabytes). */
export type ReportSummary = Report & { hasScreenshot: boolean };

export type ScreenshotResult =
  | { ok: true; dataUrl: string }
  | { ok: false; error: 'no-permission' | 'not-loaded' | 'too-large' | 'failed' };

/** What reports need from the other features. */
export interface ReportsDeps {
  verdicts: VerdictsService;
  decisions: DecisionsService;
  settings: SettingsService;
}

export class ReportsService {
  /** One outbox pass at a time per worker: a second pass would claim the same reports. */
  private outbox: Promise<void> | null = null;

  constructor(
    private readonly platform: Platform,
    private readonly deps: ReportsDeps,
  ) {}

  private get timeoutMs(): number {
    return this.platform.config.reportTimeoutMs ?? SEND_TIMEOUT_MS;
  }

  /** Where "Report" opens: the report form in a small window, so the reported page stays visible. */
  async open(target: { tabId?: number | undefined; url?: string | undefined }): Promise<void> {
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
      channels: {
        issuesUrl: issuesUrl ? issuesUrl : null,
        registrar: isSafeEmail(full.registrar?.abuseEmail) ? full.registrar.abuseEmail : null,
        endpoint: await this.deps.settings.reportEndpoint(),
      },
    };
  }

  /**
   * A JPEG of the reported tab as it is now. The page asks for the permission first (only when the
   * user ticks "screenshot"); without it the browser refuses and we say so.
   */
  async screenshot(tabId: number): Promise<ScreenshotResult> {
    const tab = await this.platform.tabs.get(tabId);
    if (!tab || !tab.url || !/^https?:/.test(tab.url)) return { ok: false, error: 'not-loaded' };
    let dataUrl: string;
    try {
      dataUrl = await this.platform.tabs.capture(tabId);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        error: /permission|<all_urls>|activeTab/i.test(message) ? 'no-permission' : 'failed',
      };
    }
    if (
      !dataUrl.startsWith('data:image/jpeg;base64,') &&
      !dataUrl.startsWith('data:image/png;base64,')
    ) {
      return { ok: false, error: 'failed' };
    }
    if (dataUrl.length > LIMITS.screenshot) return { ok: false, error: 'too-large' };
    return { ok: true, dataUrl };
  }

  links(report: Pick<Report, 'lang' | 'kind' | 'comment' | 'evidence'>): ChannelLinks {
    const issuesUrl = this.platform.config.issuesUrl;
    const email = abuseEmail(report);
    return {
      issue: issuesUrl ? issueLink(report, issuesUrl) : null,
      mailto: email ? mailtoLink(email) : null,
      authority: {
        text: authorityText(report),
        links: AUTHORITY_LINKS.map((l) => ({ id: l.id, url: l.url })),
      },
    };
  }

  /** Save first; then block the site if asked; then queue the endpoint. */
  async save(input: ReportInput): Promise<SavedReport> {
    const already = await getReport(input.id);
    if (already) {
      return {
        report: already,
        links: this.links(already),
        screenshotDropped: false,
        existing: true,
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
        maintainers: manual(input.channels.maintainers && !!this.platform.config.issuesUrl),
        registrar: manual(
          input.channels.registrar && isSafeEmail(input.evidence.registrar?.abuseEmail),
        ),
        authorities: manual(input.channels.authorities),
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
      blockedSite: input.blockSite,
    };
    const stored = await saveReport(report);
    if (input.blockSite)
      await this.deps.decisions.blockSite(
        input.evidence.site,
        input.comment.slice(0, 200),
        'report',
      );
    if (endpoint) await this.startOutbox();
    return {
      report: stored,
      links: this.links(stored),
      screenshotDropped: stored.evidence.screenshot === null && report.evidence.screenshot !== null,
      existing: false,
    };
  }

  async markOpened(id: string, channel: ManualChannel): Promise<Report | null> {
    return updateReport(id, (r) => ({
      ...r,
      channels: { ...r.channels, [channel]: { state: 'opened', at: this.platform.now() } },
    }));
  }

  async get(id: string): Promise<{ report: Report; links: ChannelLinks } | null> {
    const report = await getReport(id);
    return report ? { report, links: this.links(report) } : null;
  }

  async list(): Promise<ReportSummary[]> {
    return (await getReports()).map((r) => ({
      ...r,
      evidence: { ...r.evidence, screenshot: null },
      hasScreenshot: r.evidence.screenshot !== null,
    }));
  }

  delete(id: string): Promise<boolean> {
    return deleteReport(id);
  }

  /**
   * Send again. The endpoint gets the same idempotency key, so a report it already has is not
   * duplicated; a report already delivered is not sent at all. A report saved without an endpoint
   * goes to the one configured now.
   */
  async resend(id: string): Promise<Report | null> {
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
    if (updated?.channels.endpoint.state === 'queued') await this.startOutbox();
    return updated;
  }

  /**
   * A report was queued: set the alarm first (if the worker stops before the send finishes, the
   * alarm wakes it), then send now without making the caller wait for the network.
   */
  private async startOutbox(): Promise<void> {
    await this.scheduleOutbox();
    void this.processOutbox().catch((error: unknown) =>
      console.error('Kusuri Guard: outbox', error),
    );
  }

  /**
   * Send every report that is due, one at a time, then set the alarm for the next one. A report
   * left "sending" by a worker that stopped mid-send is retried once twice the time-out has
   * passed; the endpoint sees the same idempotency key, so a send that did arrive is not doubled.
   */
  processOutbox(): Promise<void> {
    if (!this.outbox) {
      this.outbox = this.drainOutbox().finally(() => {
        this.outbox = null;
      });
    }
    return this.outbox;
  }

  private async drainOutbox(): Promise<void> {
    const now = this.platform.now();
    for (const report of await getReports()) {
      const endpoint = report.channels.endpoint;
      if (isDue(endpoint, now, this.timeoutMs)) await this.send(report.id);
    }
    await this.scheduleOutbox();
  }

  private async scheduleOutbox(): Promise<void> {
    const pending = (await getReports())
      .map((r) => r.channels.endpoint)
      .filter((e) => e.state === 'queued' || e.state === 'sending')
      .map((e) => dueAt(e, this.timeoutMs));
    if (pending.length > 0) {
      await this.platform.alarms.createAt(
        OUTBOX_ALARM,
        Math.max(Math.min(...pending), this.platform.now() + 1000),
      );
    }
  }

  private async send(id: string): Promise<void> {
    // Claim the report first (stored, in one transaction that re-checks it is due), so a second
    // worker or a restart sees the attempt and does not start another.
    let claimedNow = false;
    const claimed = await updateReport(id, (r) => {
      if (!isDue(r.channels.endpoint, this.platform.now(), this.timeoutMs)) return r;
      claimedNow = true;
      return withEndpoint(r, {
        state: 'sending',
        sendingSince: this.platform.now(),
        attempts: r.channels.endpoint.attempts + 1,
      });
    });
    if (!claimed || !claimedNow || !claimed.channels.endpoint.url) return;
    let status: number | null = null;
    let retryAfterMs: number | undefined;
    let error: string | null = null;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      const response = await this.platform.fetch(claimed.channels.endpoint.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': claimed.idempotencyKey },
        body: endpointPayload(claimed),
        signal: controller.signal,
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
        redirect: 'error',
      });
      status = response.status;
      retryAfterMs =
        parseRetryAfter(response.headers.get('retry-after'), this.platform.now()) ?? undefined;
      await response.body?.cancel().catch(() => undefined);
      if (!response.ok) error = `HTTP ${response.status}`;
    } catch (e) {
      error = controller.signal.aborted ? 'timeout' : e instanceof Error ? e.message : String(e);
    } finally {
      clearTimeout(timer);
    }
    const outcome = classify(status, retryAfterMs);
    const now = this.platform.now();
    await updateReport(id, (r) => {
      const endpoint = r.channels.endpoint;
      if (outcome.kind === 'delivered') {
        return withEndpoint(r, {
          state: 'delivered',
          deliveredAt: now,
          sendingSince: null,
          nextAttempt: null,
          lastError: null,
        });
      }
      const giveUp = outcome.kind === 'give-up' || endpoint.attempts >= MAX_ATTEMPTS;
      const wait = retryDelay(
        endpoint.attempts,
        this.platform.random(),
        outcome.kind === 'retry' ? outcome.retryAfterMs : undefined,
      );
      return withEndpoint(r, {
        state: giveUp ? 'failed' : 'queued',
        sendingSince: null,
        lastError: (error ?? 'unknown error').slice(0, 500),
        nextAttempt: giveUp ? null : now + wait,
      });
    });
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

/** The report with some of its endpoint channel's fields changed. */
function withEndpoint(report: Report, change: Partial<EndpointChannel>): Report {
  return {
    ...report,
    channels: { ...report.channels, endpoint: { ...report.channels.endpoint, ...change } },
  };
}

/** When an endpoint delivery is next due (a stalled "sending" counts after twice the time-out). */
function dueAt(endpoint: Report['channels']['endpoint'], timeoutMs: number): number {
  return endpoint.state === 'sending'
    ? (endpoint.sendingSince ?? 0) + timeoutMs * 2
    : (endpoint.nextAttempt ?? 0);
}

function isDue(endpoint: Report['channels']['endpoint'], now: number, timeoutMs: number): boolean {
  return (
    (endpoint.state === 'queued' || endpoint.state === 'sending') &&
    dueAt(endpoint, timeoutMs) <= now
  );
}
