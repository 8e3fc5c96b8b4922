// Messages of the reports feature (the report form, "My reports", the popup, the warning page).
import { MANUAL_CHANNELS, ReportIdSchema, ReportInputSchema, ReportKindSchema } from './model';
import type { ReportsService } from './service';
import { EXTENSION_PAGES, handler } from '../core/handler';
import type { SenderInfo } from '../core/sender';
import { z } from '../core/zod';

/** The warning page's tab, only for a verified warning page (tabs/warning-gate.ts); else throws. */
export type WarningTab = (sender: SenderInfo) => Promise<number>;

const TabId = z.number().check(z.int(), z.nonnegative());
const Url = z.string().check(z.minLength(1), z.maxLength(65_536));

export function reportsHandlers(reports: ReportsService, warningTab: WarningTab) {
  return {
    'report.open': handler({
      from: EXTENSION_PAGES,
      input: z.object({
        tabId: z.optional(TabId),
        url: z.optional(Url),
        // Preselects what the report is about ("Listed by mistake?" opens a false-positive report).
        kind: z.optional(ReportKindSchema),
      }),
      run: async ({ tabId, url, kind }, { sender }) => {
        // Nothing named: the report is about the tab of the asking warning page, and only a
        // top-level warning page in a tab the background sent there may ask (issue 11's rule).
        const target =
          tabId === undefined && url === undefined
            ? { tabId: await warningTab(sender) }
            : { tabId, url };
        await reports.open({ ...target, kind });
        return null;
      },
    }),
    'report.draft': handler({
      from: EXTENSION_PAGES,
      input: z.object({ tabId: z.optional(TabId), url: z.optional(Url) }),
      run: ({ tabId, url }) => reports.draft({ tabId, url }),
    }),
    'report.screenshot': handler({
      from: EXTENSION_PAGES,
      input: z.object({ tabId: TabId }),
      run: ({ tabId }) => reports.screenshot(tabId),
    }),
    'report.save': handler({
      from: EXTENSION_PAGES,
      input: z.object({ input: ReportInputSchema }),
      run: ({ input }) => reports.save(input),
    }),
    'report.finish': handler({
      from: EXTENSION_PAGES,
      input: z.object({ id: ReportIdSchema }),
      run: ({ id }) => reports.finishSaved(id),
    }),
    'report.opened': handler({
      from: EXTENSION_PAGES,
      input: z.object({ id: ReportIdSchema, channel: z.enum(MANUAL_CHANNELS) }),
      run: ({ id, channel }) => reports.markOpened(id, channel),
    }),
    'reports.list': handler({
      from: EXTENSION_PAGES,
      input: z.object({}),
      run: () => reports.list(),
    }),
    'reports.get': handler({
      from: EXTENSION_PAGES,
      input: z.object({ id: ReportIdSchema }),
      run: ({ id }) => reports.get(id),
    }),
    'reports.delete': handler({
      from: EXTENSION_PAGES,
      input: z.object({ id: ReportIdSchema }),
      run: async ({ id }) => ({ removed: await reports.delete(id) }),
    }),
    'reports.resend': handler({
      from: EXTENSION_PAGES,
      input: z.object({ id: ReportIdSchema }),
      run: ({ id }) => reports.resend(id),
    }),
    'reports.export': handler({
      from: EXTENSION_PAGES,
      input: z.object({}),
      run: () => reports.exportAll(),
    }),
  };
}
