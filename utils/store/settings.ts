// User settings. Written to IndexedDB before any effect of the change happens, so a worker that
// dies right after a click still has the user's choice.
import { z } from '../zod';
import type { KgDatabase } from './db';
import { readKv, writeKv } from './kv';

export const SettingsSchema = z.object({
  /** `auto` follows the browser's UI language. */
  language: z.enum(['auto', 'ja', 'en']).catch('auto').default('auto'),
  /**
   * Look up the registrar and registration date by itself (when the popup opens, or when a page
   * scores caution or above). Off: only when the user explicitly asks.
   */
  autoLookups: z.boolean().catch(true).default(true),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SettingsPatchSchema = SettingsSchema.partial();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

const KEY = 'settings';

export function defaultSettings(): Settings {
  return SettingsSchema.parse({});
}

export async function getSettings(database?: KgDatabase): Promise<Settings> {
  return readKv(KEY, SettingsSchema, defaultSettings(), database);
}

export async function updateSettings(
  patch: SettingsPatch,
  database?: KgDatabase,
): Promise<Settings> {
  const current = await getSettings(database);
  return writeKv(KEY, SettingsSchema, { ...current, ...patch }, database);
}
