// The background's second script: every service the first verdict does not need (refresh, the
// importers, reports, registrar lookups, the detector, backup, the options page's handlers). It
// only hands its composition to the first script (entrypoints/background.ts), which calls it with
// its own services when something first needs it: Chrome's worker loads it with importScripts()
// (MV3 workers cannot import()), Firefox's event page lists it after the first script.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { composeRest, REST_GLOBAL, type RestScript } from '../utils/background/rest';
import { importByFormatYielding } from '../utils/lists/import';
import { t } from '../utils/i18n';
import { createRdapNetwork } from '../utils/intel/rdap-network';

const script: RestScript = { composeRest, importByFormatYielding, t, createRdapNetwork };

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[REST_GLOBAL] = script;
});
