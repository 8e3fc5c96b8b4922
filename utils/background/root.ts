// The composition root: builds each feature's service with its dependencies passed explicitly,
// merges the features' message handlers into one router, and hands the entrypoint (and the tests,
// with a fake Platform) the result. Services reach each other only through what is passed here.
import { Lifecycle } from './lifecycle';
import { buildHandlers } from './handlers';
import { createRouter, type MessageHandler } from '../core/router';
import { BackupService } from '../backup/service';
import { DecisionsService } from '../decisions/service';
import { IntelService } from '../intel/service';
import { defaultCatalog, type CatalogEntry } from '../lists/catalog';
import { listsView } from '../lists/handlers';
import { Refresher } from '../lists/refresher';
import { ListsService } from '../lists/service';
import { PageService } from '../page/service';
import { PreloadRules } from '../preload/service';
import { ReportMenus } from '../reports/menus';
import { ReportsService } from '../reports/service';
import { SettingsService } from '../settings/service';
import { Badge } from '../tabs/badge';
import { TabsService } from '../tabs/service';
import { TabTargets } from '../tabs/tab-targets';
import { PageScores } from '../verdicts/page-scores';
import { VerdictsService } from '../verdicts/service';
import type { Platform } from '../platform/platform';

export function composeBackground(
  platform: Platform,
  catalog: readonly CatalogEntry[] = defaultCatalog(),
) {
  const settings = new SettingsService(platform);
  const lists = new ListsService(platform, catalog);
  const decisions = new DecisionsService(platform, lists);
  const rules = new PreloadRules(platform, lists, decisions);
  const refresher = new Refresher(platform, lists);
  const intel = new IntelService(platform);
  const pageScores = new PageScores(platform.session);
  const targets = new TabTargets(platform.session);
  const badge = new Badge(platform, () => settings.language());
  // Verdicts wait for the lists to be installed, which the lifecycle (built below) memoises.
  const listsReady = () => lifecycle.listsReady();
  const verdicts = new VerdictsService({
    platform,
    listsReady,
    lists,
    decisions,
    intel,
    settings,
    pageScores,
    badge,
    targets,
  });
  const tabs = new TabsService({
    platform,
    verdicts,
    decisions,
    lists,
    pageScores,
    badge,
    targets,
  });
  const page = new PageService({ platform, verdicts, decisions, lists, pageScores, badge, tabs });
  const reports = new ReportsService(platform, { verdicts, decisions, settings });
  const menus = new ReportMenus(platform, settings, reports);
  const lifecycle: Lifecycle = new Lifecycle({
    platform,
    lists,
    rules,
    refresher,
    intel,
    reports,
    menus,
    tabs,
  });
  const ready = () => lifecycle.ready();
  const listsDeps = { platform, lists, refresher, decisions, rules, ready };
  const backup = new BackupService({ ...listsDeps, settings });

  const handlers = buildHandlers({
    lists: listsDeps,
    decisions,
    verdicts,
    tabs,
    page,
    reports,
    settings,
    backup,
  });
  const handleMessage: MessageHandler = createRouter(handlers, {
    extensionId: platform.extensionId,
    extensionOrigin: platform.extensionUrl('/'),
    settings: () => settings.get(),
    language: (current) => settings.languageOf(current),
  });

  return {
    platform,
    settings,
    lists,
    decisions,
    rules,
    refresher,
    intel,
    verdicts,
    tabs,
    page,
    reports,
    menus,
    backup,
    lifecycle,
    handleMessage,
    /** The options page's view (lists, rules marker, decisions). */
    listsView: () => listsView(listsDeps),
  };
}

export type Background = ReturnType<typeof composeBackground>;
