// User settings. Written to IndexedDB before any effect of the change happens, so a worker that
// dies right after a click still has the user's choice.
import { z } from '../core/zod';
import type { KgDatabase } from '../core/db';
import { readKv, writeKv } from '../core/kv';

/** Each setting's own schema, shared by the stored record and by a change to it. */
const fields = {
  language: z.enum(['auto', 'ja', 'en']),
  autoLookups: z.boolean(),
  reportEndpoint: z.nullable(z.string().check(z.maxLength(2048))),
};

export const SettingsSchema = z.object({
  /** `auto` follows the browser's UI language. */
  language: z._default(z.catch(fields.language, 'auto'), 'auto'),
  /**
   * Look up the registrar and registration date by itself (when the popup opens, or when a page
   * scores caution or above). Off: only when the user explicitly asks.
   */
  autoLookups: z._default(z.catch(fields.autoLookups, true), true),
  /**
   * Where reports are also sent, if the user wants (an HTTPS URL); null: the build's endpoint, if
   * any. An empty string turns a build-time endpoint off.
   */
  reportEndpoint: z._default(z.catch(fields.reportEndpoint, null), null),
});
export type Settings = z.infer<typeof SettingsSchema>;

/**
 * A change to some settings. Built from the bare fields, not z.partial(SettingsSchema): with zod 4
 * the defaults would fill every missing field, and changing the language would reset the others.
 */
export const SettingsPatchSchema = z.partial(z.object(fields));
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

/** The settings record's key in the kv store (the backup import writes it in its transaction). */
export const SETTINGS_KEY = 'settings';

export function defaultSettings(): Settings {
  return SettingsSchema.parse({});
}

export async function getSettings(database?: KgDatabase): Promise<Settings> {
  return readKv(SETTINGS_KEY, SettingsSchema, defaultSettings(), database);
}

export async function updateSettings(
  patch: SettingsPatch,
  database?: KgDatabase,
): Promise<Settings> {
  const current = await getSettings(database);
  return writeKv(SETTINGS_KEY, SettingsSchema, { ...current, ...patch }, database);
}
