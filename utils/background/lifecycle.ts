// The worker's life: what happens on install, on browser start, on alarms, and what every handler
// waits for (the lists installed, the pre-load rules in place), memoised per worker lifetime.
import { memoAsync, type MemoAsync } from '../core/memo';
import type { IntelService } from '../intel/service';
import type { ListsService } from '../lists/service';
import type { Refresher } from '../lists/refresher';
import type { PreloadRules } from '../preload/service';
import type { ReportMenus } from '../reports/menus';
import { OUTBOX_ALARM, type ReportsService } from '../reports/service';
import type { TabsService } from '../tabs/service';
import type { Platform } from '../platform/platform';
import { PAGE_PATHS } from '../core/routes';

export const REFRESH_ALARM = 'kg-refresh';

export interface LifecycleDeps {
  platform: Platform;
  lists: ListsService;
  rules: PreloadRules;
  refresher: Refresher;
  intel: IntelService;
  reports: ReportsService;
  menus: ReportMenus;
  tabs: TabsService;
  /** The lists are installed (a worker killed during onInstalled left them missing): the
   * first-verdict script's memo (utils/background/core.ts), shared so that both see one state. */
  listsInstalled: MemoAsync<void>;
}

export class Lifecycle {
  /** The lists are installed and the pre-load rules are in place. */
  private readonly allReady = memoAsync(async () => {
    await this.deps.listsInstalled.get();
    await this.deps.rules.sync();
  });

  constructor(private readonly deps: LifecycleDeps) {}

  /** Everything a handler needs. Verdicts only need listsReady(). */
  ready(): Promise<void> {
    return this.allReady.get();
  }

  listsReady(): Promise<void> {
    return this.deps.listsInstalled.get();
  }

  /**
   * Extension installed or updated: refresh packaged lists, rebuild rules, check open tabs. A first
   * install (not an update, not a browser update) also opens the first-run page.
   */
  async onInstalled(reason: 'install' | 'update' | 'other' = 'update'): Promise<void> {
    await this.deps.lists.installBundled(true);
    await this.deps.rules.sync(true);
    this.deps.listsInstalled.set(undefined);
    this.allReady.set(undefined);
    await this.scheduleRefresh();
    await this.deps.menus.setUp();
    await this.deps.tabs.checkOpenTabs();
    await this.deps.reports.processOutbox();
    if (reason === 'install' && this.deps.platform.config.welcomeOnInstall !== false)
      await this.deps.platform.tabs.open(this.deps.platform.extensionUrl(PAGE_PATHS.welcome));
  }

  /** Browser started: dynamic rules persist, but tabs restored at start-up were never stopped. */
  async onStartup(): Promise<void> {
    await this.ready();
    await this.scheduleRefresh();
    await this.deps.menus.setUp();
    await this.deps.tabs.checkOpenTabs();
    // Reports queued before the browser closed go out now (their alarm may not have survived).
    await this.deps.reports.processOutbox();
  }

  /** The refresh alarm: every 15 minutes, each list is checked when its own schedule says so. */
  async scheduleRefresh(): Promise<void> {
    await this.deps.platform.alarms.create(REFRESH_ALARM, 15, 1);
  }

  async onAlarm(name: string): Promise<void> {
    if (name === OUTBOX_ALARM) {
      await this.deps.reports.processOutbox();
      return;
    }
    if (name !== REFRESH_ALARM) return;
    await this.ready();
    await this.deps.refresher.refreshDue();
    await this.deps.intel.refreshBootstrap();
  }
}
