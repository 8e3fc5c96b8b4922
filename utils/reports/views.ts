// What the reports feature sends over messages: the draft the form starts from, a saved report
// with its channels' links, and the list "My reports" shows.
import type { Report, ReportEvidence } from './model';
import type { AuthorityId } from './templates/authorities';
import type { IssueLink } from './templates/issue';
import type { MailtoLink } from './templates/email';
import type { Lang } from '../i18n';

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
  /** A report on the same site saved in the last day and not sent anywhere yet. */
  earlier: { id: string; createdAt: number } | null;
  channels: {
    /** The project's "new issue" URL (build time), or null: that channel is unavailable. */
    issuesUrl: string | null;
    /** The list maintainers' e-mail address (build time), for reporters without a GitHub account. */
    maintainersEmail: string | null;
    /** The registrar's abuse address from RDAP, when there is a usable one. */
    registrar: string | null;
    /** The HTTPS endpoint reports go to, if the user or the build set one. */
    endpoint: string | null;
  };
}

export interface ChannelLinks {
  issue: IssueLink | null;
  /** The same report as an e-mail to the list maintainers (no account needed). */
  maintainersMail: MailtoLink | null;
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
  /**
   * Read back after a save whose answer was lost (the worker stopped): the report is stored but
   * its block or its first send had not happened. "Send it now" saves it again to finish.
   */
  unfinished: boolean;
}

/** A report as "My reports" lists it: the screenshot stays in storage (it can be megabytes). */
export type ReportSummary = Report & { hasScreenshot: boolean };
