// Writing a checked settings file: settings, allowlist, own blocks and silenced sites in ONE
// IndexedDB transaction, so a worker stopped or a disk filling up half-way leaves everything as it
// was (before: one transaction per entry, and 777 of 100,000 entries could land). The puts are
// queued without awaiting each (the transaction orders them), which makes 100k entries take
// about a second instead of minutes.
import type { ExportFile } from './model';
import { db, type KgDatabase } from '../core/db';
import { allOrNothing } from '../core/all-or-nothing';
import { SETTINGS_KEY, SettingsSchema } from '../settings/store';
import { AllowEntrySchema } from '../decisions/allowlist';
import { UserBlockSchema } from '../decisions/user-blocks';
import { DismissalSchema } from '../decisions/dismissals';

export async function applyImport(file: ExportFile, database?: KgDatabase): Promise<void> {
  const store = database ?? (await db());
  const tx = store.transaction(['kv', 'allowlist', 'userBlocks', 'dismissals'], 'readwrite');
  await allOrNothing(tx, async (track) => {
    const kv = tx.objectStore('kv');
    const current = SettingsSchema.safeParse(await kv.get(SETTINGS_KEY));
    const settings = SettingsSchema.parse({
      ...(current.success ? current.data : {}),
      ...file.settings,
    });
    track(kv.put(settings, SETTINGS_KEY));
    const allow = tx.objectStore('allowlist');
    for (const entry of file.allowlist)
      track(allow.put(AllowEntrySchema.parse({ ...entry, via: 'import' })));
    const blocks = tx.objectStore('userBlocks');
    for (const block of file.userBlocks)
      track(blocks.put(UserBlockSchema.parse({ ...block, via: 'import' })));
    const dismissals = tx.objectStore('dismissals');
    for (const dismissal of file.dismissals)
      track(dismissals.put(DismissalSchema.parse(dismissal)));
  });
}
