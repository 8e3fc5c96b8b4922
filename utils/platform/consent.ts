// Permissions and data consent the pages ask for from a click: host access (Firefox lets a user
// install without it) and, on Firefox, the optional "browsing activity" data consent that the
// manifest declares for automatic RDAP lookups (a visited site's domain goes to its registry).
import { request } from '../core/client';
import { browser } from './browser';

/** The host access the manifest asks for: every http(s) page, so the lists can act everywhere. */
export const HOST_ORIGINS = ['http://*/*', 'https://*/*'] as const;

/** Firefox (the only browser with runtime.getBrowserInfo). */
export function isFirefox(): boolean {
  return typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function';
}

type DataConsentApi = {
  request(p: { data_collection: string[] }): Promise<boolean>;
};

/**
 * Save the automatic-lookup choice. On Firefox, turning it on asks for the data consent first and
 * stays off if the user declines. Returns the setting now in effect.
 */
export async function setAutoLookups(wanted: boolean): Promise<boolean> {
  let value = wanted;
  if (wanted && isFirefox()) {
    try {
      value = await (browser.permissions as unknown as DataConsentApi).request({
        data_collection: ['browsingActivity'],
      });
    } catch {
      // A Firefox without data consent (older than 140) has nothing to ask.
    }
  }
  const view = await request({ type: 'settings.set', patch: { autoLookups: value } });
  return view.settings.autoLookups;
}
