// The context-menu entries ("report this page", "report this link"), in the user's language.
import type { ReportsService } from './service';
import { t } from '../i18n';
import type { SettingsService } from '../settings/service';
import type { Platform } from '../platform/platform';

export const MENU_REPORT_PAGE = 'kg-report-page';
export const MENU_REPORT_LINK = 'kg-report-link';

export class ReportMenus {
  constructor(
    private readonly platform: Platform,
    private readonly settings: SettingsService,
    private readonly reports: ReportsService,
  ) {
    // The menus follow a language change; a failure there must not fail the settings change.
    settings.onChanged.subscribe(async (patch) => {
      if (patch.language !== undefined) await this.setUp().catch(() => undefined);
    });
  }

  async setUp(): Promise<void> {
    const lang = await this.settings.language();
    await this.platform.menus.replace([
      { id: MENU_REPORT_PAGE, title: t(lang, 'menu.reportPage'), contexts: ['page'] },
      { id: MENU_REPORT_LINK, title: t(lang, 'menu.reportLink'), contexts: ['link'] },
    ]);
  }

  /** An entry was chosen: the report form for the page, or for the link's target. */
  async onClicked(
    menuItemId: string,
    info: { tabId?: number | undefined; linkUrl?: string | undefined },
  ): Promise<void> {
    if (menuItemId === MENU_REPORT_PAGE && info.tabId !== undefined) {
      await this.reports.open({ tabId: info.tabId });
    } else if (menuItemId === MENU_REPORT_LINK && info.linkUrl && /^https?:/.test(info.linkUrl)) {
      await this.reports.open({ url: info.linkUrl });
    }
  }
}
