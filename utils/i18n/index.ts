// The app's own message tables. browser.i18n follows only the browser's UI language, but the
// popup, warning page and options page have a language toggle, so every user-visible string lives
// here in both languages. Reasons and statuses are codes; these tables turn them into sentences.
import { en, type MessageKey } from './en';
import { ja } from './ja';
import { enTemplate } from './plurals';

export type Lang = 'ja' | 'en';
export const LANGS: readonly Lang[] = ['ja', 'en'];
export type { MessageKey };

export const tables: Record<Lang, Record<MessageKey, string>> = { en, ja };

export type Params = Record<string, string | number>;

/**
 * Translate a key, filling `{name}` placeholders. Unknown placeholders are left visible. In
 * English a counted message takes its singular form when its count is one (plurals.ts).
 */
export function t(lang: Lang, key: MessageKey, params?: Params): string {
  if (!params) return tables[lang][key];
  const template = lang === 'en' ? enTemplate(key, tables.en[key], params) : tables[lang][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(lang, value) : value;
  });
}

export function formatNumber(lang: Lang, value: number): string {
  return value.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US');
}

/** Pick one language from a bilingual text in list data. */
export function pick(lang: Lang, text: { ja: string; en: string }): string {
  return text[lang];
}

/** The language to use when the user has not chosen one: Japanese for a Japanese browser. */
export function resolveLang(choice: 'auto' | Lang, uiLanguage: string | undefined): Lang {
  if (choice !== 'auto') return choice;
  return (uiLanguage ?? '').toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/** Dates as the sources give them (YYYY, YYYY-MM, YYYY-MM-DD) in the user's language. */
export function formatPartialDate(lang: Lang, date: string | null): string {
  if (date === null) return t(lang, 'date.unknown');
  const [y, m, d] = date.split('-');
  if (lang === 'ja') {
    return d ? `${y}年${Number(m)}月${Number(d)}日` : m ? `${y}年${Number(m)}月` : `${y}年`;
  }
  if (!m) return y!;
  const month = new Date(Date.UTC(2000, Number(m) - 1, 1)).toLocaleString('en-GB', {
    month: 'long',
    timeZone: 'UTC',
  });
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}
