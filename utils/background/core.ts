// The first-verdict part of the composition root: what a waking worker needs before it can answer
// the popup's verdict, the warning page's block details or a navigation check (the stored lists
// and their index, the allowlist and the user's blocks, settings, the tab records, the badge and
// the verdict). Everything else (refresh, importers, reports, registrar lookups, the detector,
// backup, the options page's handlers) is composed by rest.ts from these same instances, in a
// second script the worker loads when first needed (entrypoints/background.ts): one ListsService,
// one index cache, one database connection for both.
import { db } from '../core/db';
import { memoAsync } from '../core/memo';
import { createRouter, type MessageHandler } from '../core/router';
import type { HandlerTable } from '../core/handler';
import { DecisionsService } from '../decisions/service';
import { IntelService } from '../intel/service';
import type { LoadRdapNetwork } from '../intel/rdap-network';
import { defaultCatalog, type CatalogEntry } from '../lists/catalog';
import { ListsService, type LoadImporter } from '../lists/service';
import { FrameSamples } from '../page/frame-samples';
import { SettingsService } from '../settings/service';
import { Badge, type BadgeTitle } from '../tabs/badge';
import { tabsHandlers } from '../tabs/handlers';
import { TabsService } from '../tabs/service';
import { TabTargets } from '../tabs/tab-targets';
import { verdictsHandlers } from '../verdicts/handlers';
import { PageScores } from '../verdicts/page-scores';
import { VerdictsService } from '../verdicts/service';
import type { Platform } from '../platform/platform';

/**
 * The messages the first-verdict script answers itself: reads only. Anything that changes lists,
 * decisions or settings goes to the full router, whose services (the pre-load rules, the menus)
 * follow those changes.
 */
export const CORE_MESSAGES = ['verdict.get', 'block.info'] as const;

export interface CoreOptions {
  catalog?: readonly CatalogEntry[];
  /** The list importers, loaded when a list is imported (the packaged lists on install). */
  importer: LoadImporter;
  /** The registrar lookups' network side, loaded when a lookup may first go to the network. */
  rdapNetwork: LoadRdapNetwork;
  /**
   * Whether the rest is composed: a change to the lists announced before it is (the packaged
   * lists installed by a waking worker) loads it first, so that the pre-load rules follow.
   */
  restLoaded: () => boolean;
  /** The badge's title text (the message tables come with the rest). */
  badgeTitle: BadgeTitle;
  loadRest: () => Promise<unknown>;
}

export function composeCore(platform: Platform, options: CoreOptions) {
  const catalog = options.catalog ?? defaultCatalog();
  const settings = new SettingsService(platform);
  const lists = new ListsService(platform, catalog, options.importer);
  const decisions = new DecisionsService(platform, lists);
  // Subscribed before the rest's services: Signal.emit visits listeners added while it runs, so
  // the pre-load rules composed by loadRest() here still hear this change.
  const followChanges = async () => {
    if (!options.restLoaded()) await options.loadRest();
  };
  lists.onChanged.subscribe(followChanges);
  decisions.onAllowChanged.subscribe(followChanges);
  const intel = new IntelService(platform, options.rdapNetwork);
  const pageScores = new PageScores(platform.session);
  const targets = new TabTargets(platform.session);
  // The frames' texts a navigation forgets (session storage only: the page service reads the same).
  const frames = new FrameSamples(platform.session);
  const badge = new Badge(platform, () => settings.language(), options.badgeTitle);
  /** The lists are installed (a worker killed during onInstalled left them missing). */
  const listsInstalled = memoAsync(async () => {
    await lists.installBundled(false);
  });
  const verdicts = new VerdictsService({
    platform,
    listsReady: () => listsInstalled.get(),
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
  const all = { ...verdictsHandlers(verdicts), ...tabsHandlers(tabs) };
  const handlers = Object.fromEntries(CORE_MESSAGES.map((type) => [type, all[type]])) as Pick<
    typeof all,
    (typeof CORE_MESSAGES)[number]
  > satisfies HandlerTable;
  const handleCoreMessage: MessageHandler = createRouter(handlers, {
    extensionId: platform.extensionId,
    extensionOrigin: platform.extensionUrl('/'),
    settings: () => settings.get(),
    language: (current) => settings.languageOf(current),
  });
  /**
   * Start what every first verdict needs, before the event the worker woke for arrives (the
   * browser delivers it some milliseconds after the script has run, the worker's thread idle in
   * between): the database opening (its connection is shared by every later read), then the
   * reads every verdict makes whatever its URL (the lists' index as a first lookup reads it, the
   * allowlist, the dismissals). Only requests, no work on the worker's thread: the public suffix
   * rules, read here before, held the message back (session 10: the message handled 6 ms later at
   * the median); a verdict reads them while the browser answers about the tab. These only read:
   * the lists' install check stays with the verdict (an install writes), which asks for the index
   * again once it is done. A read that fails here is tried again by the verdict (the memos forget
   * failures).
   */
  const prepare = (): void => {
    db().catch(() => undefined);
    lists.lookupIndex().catch(() => undefined);
    decisions.allowSites().catch(() => undefined);
    decisions.dismissedSites().catch(() => undefined);
  };
  return {
    prepare,
    platform,
    catalog,
    settings,
    lists,
    decisions,
    intel,
    pageScores,
    targets,
    frames,
    badge,
    listsInstalled,
    verdicts,
    tabs,
    handleCoreMessage,
  };
}

export type Core = ReturnType<typeof composeCore>;

/** Whether the first-verdict script answers `message` itself. */
export function isCoreMessage(message: unknown): boolean {
  const type = (message as { type?: unknown } | null)?.type;
  return typeof type === 'string' && (CORE_MESSAGES as readonly string[]).includes(type);
}
