// Messages of the backup feature (the options page's export and import).
import type { BackupService } from './service';
import { EXTENSION_PAGES, handler } from '../core/handler';
import { z } from '../core/zod';

export function backupHandlers(backup: BackupService) {
  return {
    'data.export': handler({
      from: EXTENSION_PAGES,
      input: z.object({}),
      run: () => backup.exportData(),
    }),
    'data.importStatus': handler({
      from: EXTENSION_PAGES,
      input: z.object({}),
      run: async () => backup.importStatus(),
    }),
    'data.import': handler({
      from: EXTENSION_PAGES,
      input: z.object({ text: z.string().check(z.maxLength(50 * 1024 * 1024)) }),
      run: ({ text }) => backup.importData(text),
    }),
  };
}
