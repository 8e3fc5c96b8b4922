// The composition root: builds each feature's service with its dependencies passed explicitly,
// merges the features' message handlers into one router, and hands the tests (with a fake
// Platform) and the Firefox event page the result. In Chrome's worker the same two halves are
// composed in two scripts: core.ts (what the first verdict needs) at once, rest.ts when first
// used (entrypoints/background.ts). Services reach each other only through what is passed here.
import { composeCore } from './core';
import { composeRest } from './rest';
import type { CatalogEntry } from '../lists/catalog';
import { t } from '../i18n';
import { importByFormatYielding } from '../lists/import';
import { createRdapNetwork } from '../intel/rdap-network';
import type { Platform } from '../platform/platform';

export function composeBackground(platform: Platform, catalog?: readonly CatalogEntry[]) {
  const core = composeCore(platform, {
    catalog,
    importer: async () => importByFormatYielding,
    rdapNetwork: async () => createRdapNetwork,
    // Composed below, before anything can announce a change.
    restLoaded: () => true,
    loadRest: async () => undefined,
    badgeTitle: async (lang, key) => t(lang, key),
  });
  return { ...core, ...composeRest(core) };
}

export type Background = ReturnType<typeof composeBackground>;
