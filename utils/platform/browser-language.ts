// The language the browser uses for this extension. i18n.getUILanguage() in a service worker can
// disagree with the locale Chrome picked for the extension's messages (seen with --lang=ja), so
// the locale files carry their own language code ("uiLang").
import { browser } from './browser';

export function browserLanguage(): string {
  return browser.i18n.getMessage('uiLang') || browser.i18n.getUILanguage();
}
