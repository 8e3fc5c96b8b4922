// What the background answers to each request type (see protocol.ts).
import type { AllowEntry } from '../decisions/allowlist';
import type { Settings } from '../settings/store';
import type { Lang } from '../i18n';
import type { ListReason, Verdict } from '../verdicts/model';
import type { BannerModel } from '../content/banner';
import type { NoticeModel } from '../content/notice';
import type { TargetError } from '../core/hostname';

export type CheckSiteResult =
  { ok: true; verdict: Verdict; input: string } | { ok: false; error: TargetError | 'local' };
import type { ListRecord } from '../lists/store';
import type { UserBlock } from '../decisions/user-blocks';
import type { Dismissal } from '../decisions/dismissals';
import type { DnrMarker } from '../background/service';
import type { RefreshResult } from '../lists/refresher';
import type { ExportFile } from '../backup/model';
import type { Report } from '../reports/model';
import type {
  ChannelLinks,
  ReportDraft,
  ReportSummary,
  SavedReport,
  ScreenshotResult,
} from '../reports/service';

export type ImportSummary =
  | { ok: true; allowlist: number; userBlocks: number; dismissals: number; listsAdded: number }
  | { ok: false; error: 'not-json' | 'wrong-schema' };

export interface ListsView {
  lists: ListRecord[];
  dnr: DnrMarker | null;
  userBlocks: UserBlock[];
  allowlist: AllowEntry[];
  dismissals: Dismissal[];
  now: number;
}

export type BlockInfo =
  | { status: 'bad-url'; raw: string }
  | {
      status: 'listed' | 'not-listed';
      url: string;
      host: string;
      displayHost: string;
      site: string;
      reasons: ListReason[];
      allowlisted: boolean;
    };

export interface SettingsView {
  settings: Settings;
  /** The language in effect (settings.language resolved against the browser's). */
  lang: Lang;
  /** The report endpoint in effect (the user's, else the build's), or null. */
  reportEndpoint: string | null;
  /** The endpoint set at build time, if any (the options page says so). */
  buildEndpoint: string | null;
}

export interface ResponseMap {
  'verdict.get': Verdict;
  'block.info': BlockInfo;
  'block.continue': { navigated: boolean };
  'block.leave': null;
  'allowlist.get': AllowEntry[];
  'allowlist.remove': { removed: boolean };
  'dismissal.remove': { removed: boolean };
  'page.check': { banner: BannerModel | null; notice: NoticeModel | null };
  'page.noticeDismiss': null;
  'intel.lookup': Verdict;
  'check.site': CheckSiteResult;
  'page.details': null;
  'page.dismiss': null;
  'lists.get': ListsView;
  'lists.refresh': RefreshResult;
  'lists.setEnabled': null;
  'lists.setAction': null;
  'lists.add': RefreshResult;
  'lists.remove': { removed: boolean };
  'userBlocks.add': { added: boolean };
  'userBlocks.remove': { removed: boolean };
  'allowlist.add': { added: boolean };
  'data.export': ExportFile;
  'data.import': ImportSummary;
  'settings.get': SettingsView;
  'settings.set': SettingsView;
  'report.open': null;
  'page.report': null;
  'report.draft': ReportDraft | null;
  'report.screenshot': ScreenshotResult;
  'report.save': SavedReport;
  'report.opened': Report | null;
  'reports.list': ReportSummary[];
  'reports.get': { report: Report; links: ChannelLinks } | null;
  'reports.delete': { removed: boolean };
  'reports.resend': Report | null;
  'reports.export': string;
}
