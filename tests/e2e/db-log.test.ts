// The database's log written out after the lists change (utils/core/db-log.ts), in Chromium's
// own files: every open of a closed IndexedDB database replays LevelDB's write-ahead log, and a
// worker woken after Chrome's idle stop finds the database closed. Before session 21 the packaged
// lists stayed in that log (2.5 MB, no table file: a cold open took 15–25 ms); now, once they are
// installed, the log holds little and the lists are in table files.
import { describe, expect, it } from 'vitest';
import { launchExtension } from './browser';
import { storedCount } from './helpers';
import { leveldbSizes } from '../../tools/bench/leveldb-files';

describe("the database's log", () => {
  it('holds little once the packaged lists are installed: they are in table files', async () => {
    const ext = await launchExtension({ bigList: false });
    try {
      // The write-out follows the install: a first lookup writes the first-verdict record, then
      // a scratch database is made and deleted. Until then the lists are in the log alone.
      const deadline = Date.now() + 30_000;
      let sizes = { log: 0, tables: 0 };
      while (Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 500));
        if ((await storedCount(ext, 'lists')) < 4) continue;
        sizes = leveldbSizes(ext.profileDir, ext.extensionId);
        if (sizes.tables > 0) break;
      }
      expect(sizes.tables).toBeGreaterThan(100 * 1024);
      expect(sizes.log).toBeLessThan(256 * 1024);
    } finally {
      await ext.close();
    }
  });
});
