// The rest of the composition root: every service the first verdict does not need, built on the
// first-verdict script's instances (core.ts), and the router over every feature's messages. In the
// extension this runs in the second worker script (entrypoints/background-rest.ts) when it is
// first needed; the tests and the Firefox event page compose it at once (root.ts).
import { Lifecycle } from './lifecycle';
import { buildHandlers } from './handlers';
import type { Core } from './core';
import { createRouter, type MessageHandler } from '../core/router';
import { BackupService } from '../backup/service';
import { listsView } from '../lists/handlers';
import type { importByFormatYielding } from '../lists/import';
import type { t } from '../i18n';
import type { createRdapNetwork } from '../intel/rdap-network';
import { Refresher } from '../lists/refresher';
import { PageService } from '../page/service';
import { PreloadRules } from '../preload/service';
import { ReportMenus } from '../reports/menus';
import { ReportsService } from '../reports/service';

export function composeRest(core: Core) {
  const { platform, settings, lists, decisions, intel, verdicts, tabs, pageScores, badge } = core;
  const rules = new PreloadRules(platform, lists, decisions);
  const refresher = new Refresher(platform, lists);
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
    listsInstalled: core.listsInstalled,
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
    rules,
    refresher,
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

export type Rest = ReturnType<typeof composeRest>;

/** What the second worker script hands the first (entrypoints/background-rest.ts). */
export interface RestScript {
  composeRest: typeof composeRest;
  importByFormatYielding: typeof importByFormatYielding;
  t: typeof t;
  createRdapNetwork: typeof createRdapNetwork;
}

/** The global name under which the second worker script hands it over. */
export const REST_GLOBAL = '__kusuriGuardRest';

/** The second worker script's file in the build (a WXT unlisted script). */
export const REST_SCRIPT = '/background-rest.js';
