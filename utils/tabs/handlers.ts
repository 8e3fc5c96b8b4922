// Messages of the warning page (the tab it is shown in is the sender's).
import type { TabsService } from './service';
import { EXTENSION_PAGES, handler } from '../core/handler';
import { z } from '../core/zod';

export function tabsHandlers(tabs: TabsService) {
  return {
    'block.info': handler({
      from: EXTENSION_PAGES,
      input: z.object({ url: z.string().max(65_536) }),
      run: ({ url }, { sender }) => tabs.blockInfo(url, sender.tabId),
    }),
    'block.continue': handler({
      from: EXTENSION_PAGES,
      input: z.object({ url: z.string().min(1).max(65_536), mode: z.enum(['once', 'always']) }),
      run: ({ url, mode }, { sender }) => tabs.continueTo(url, mode, sender.tabId),
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
