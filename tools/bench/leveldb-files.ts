// The sizes of an extension's IndexedDB files in a Chromium profile: LevelDB's write-ahead log,
// which every open of a closed database replays, and its table files, which it does not
// (utils/core/db-log.ts; docs/performance-history.md, "Where a wake's time goes", session 21).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The folder of an extension's IndexedDB in a Chromium profile. */
export const leveldbDir = (profileDir: string, extensionId: string) =>
  join(profileDir, 'Default', 'IndexedDB', `chrome-extension_${extensionId}_0.indexeddb.leveldb`);

export function hasIndexedDb(profileDir: string, extensionId: string): boolean {
  return existsSync(leveldbDir(profileDir, extensionId));
}

/** Bytes of the log files and of the table files. */
export function leveldbSizes(
  profileDir: string,
  extensionId: string,
): { log: number; tables: number } {
  const dir = leveldbDir(profileDir, extensionId);
  const sum = (re: RegExp) =>
    readdirSync(dir)
      .filter((f) => re.test(f))
      .reduce((total, f) => total + statSync(join(dir, f)).size, 0);
  return { log: sum(/\.log$/), tables: sum(/\.ldb$/) };
}

export function leveldbFiles(profileDir: string, extensionId: string): string {
  const { log, tables } = leveldbSizes(profileDir, extensionId);
  return `log ${(log / 1024).toFixed(0)} KB, tables ${(tables / 1024).toFixed(0)} KB`;
}
