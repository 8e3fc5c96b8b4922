// Writing a checked settings file: settings, allowlist, own blocks and silenced sites in ONE
// IndexedDB transaction, so a worker stopped or a disk filling up half-way leaves everything as it
// was (before: one transaction per entry, and 777 of 100,000 entries could land). The puts are
// queued without awaiting each (the transaction orders them), which makes 100k entries take
// about a second instead of minutes.
import type { ExportFile } from './model';
import { db, type KgDatabase } from '../core/db';
import { SETTINGS_KEY, SettingsSchema } from '../settings/store';
import { AllowEntrySchema } from '../decisions/allowlist';
import { UserBlockSchema } from '../decisions/user-blocks';
import { DismissalSchema } from '../decisions/dismissals';

export async function applyImport(file: ExportFile, database?: KgDatabase): Promise<void> {
  const store = database ?? (await db());
  const tx = store.transaction(['kv', 'allowlist', 'userBlocks', 'dismissals'], 'readwrite');
  try {
    const kv = tx.objectStore('kv');
    const current = SettingsSchema.safeParse(await kv.get(SETTINGS_KEY));
    const settings = SettingsSchema.parse({
      ...(current.success ? current.data : {}),
      ...file.settings,
    });
    const writes: Promise<unknown>[] = [];
    // Each request is marked handled at once: if a later put throws, the ones queued before it
    // reject with AbortError, and that is expected, not an unhandled rejection.
    const track = (request: Promise<unknown>) => {
      request.catch(() => undefined);
      writes.push(request);
    };
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
    await Promise.all([...writes, tx.done]);
  } catch (error) {
    // A put that throws (quota, a value IndexedDB refuses) does not abort the transaction by
    // itself: the puts queued before it would commit. Abort so nothing lands.
    try {
      tx.abort();
    } catch {
      // Already finished or aborted.
    }
    await tx.done.catch(() => undefined);
    throw error;
  }
}
