// Every feature's message handlers, merged into the one table the router serves. The message
// contract (utils/background/contract.ts) is derived from this table's type.
import { backupHandlers } from '../backup/handlers';
import type { BackupService } from '../backup/service';
import { decisionsHandlers } from '../decisions/handlers';
import type { DecisionsService } from '../decisions/service';
import { listsHandlers, type ListsHandlerDeps } from '../lists/handlers';
import { pageHandlers } from '../page/handlers';
import type { PageService } from '../page/service';
import { reportsHandlers } from '../reports/handlers';
import type { ReportsService } from '../reports/service';
import { settingsHandlers } from '../settings/handlers';
import type { SettingsService } from '../settings/service';
import { tabsHandlers } from '../tabs/handlers';
import type { TabsService } from '../tabs/service';
import { verdictsHandlers } from '../verdicts/handlers';
import type { VerdictsService } from '../verdicts/service';
import type { HandlerTable } from '../core/handler';

export interface HandlerServices {
  lists: ListsHandlerDeps;
  decisions: DecisionsService;
  verdicts: VerdictsService;
  tabs: TabsService;
  page: PageService;
  reports: ReportsService;
  settings: SettingsService;
  backup: BackupService;
}

export function buildHandlers(s: HandlerServices) {
  return {
    ...listsHandlers(s.lists),
    ...decisionsHandlers(s.decisions),
    ...verdictsHandlers(s.verdicts),
    ...tabsHandlers(s.tabs),
    ...pageHandlers(s.page, s.reports),
    ...reportsHandlers(s.reports, (sender) => s.tabs.warningTab(sender)),
    ...settingsHandlers(s.settings),
    ...backupHandlers(s.backup),
  } satisfies HandlerTable;
}
