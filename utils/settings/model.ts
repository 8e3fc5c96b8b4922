// What the settings feature sends over messages.
import type { Settings } from './store';
import type { Lang } from '../i18n';

export interface SettingsView {
  settings: Settings;
  /** The language in effect (settings.language resolved against the browser's). */
  lang: Lang;
  /** The report endpoint in effect (the user's, else the build's), or null. */
  reportEndpoint: string | null;
  /** The endpoint set at build time, if any (the options page says so). */
  buildEndpoint: string | null;
}
