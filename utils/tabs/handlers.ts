// Messages of the warning page (the tab it is shown in is the sender's).
import type { TabsService } from './service';
import { EXTENSION_PAGES, handler } from '../core/handler';
import { z } from '../core/zod';

export function tabsHandlers(tabs: TabsService) {
  return {
    // The warning page names no address: the background acts on the one it recorded for the
    // tab, and only for a top-level warning page (tabs/warning-gate.ts).
    'block.info': handler({
      from: EXTENSION_PAGES,
      input: z.object({}),
      run: (_input, { sender }) => tabs.warningInfo(sender),
    }),
    'block.continue': handler({
      from: EXTENSION_PAGES,
      input: z.object({ mode: z.enum(['once', 'always']) }),
      run: ({ mode }, { sender }) => tabs.warningContinue(mode, sender),
    }),
    'block.leave': handler({
      from: EXTENSION_PAGES,
      input: z.object({}),
      run: async (_input, { sender }) => {
        await tabs.leave(sender.tabId);
        return null;
      },
    }),
  };
}
