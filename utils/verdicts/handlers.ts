// Messages of the verdicts feature (the popup and the options page's "check a site").
import type { VerdictsService } from './service';
import { EXTENSION_PAGES, handler } from '../core/handler';
import { z } from '../core/zod';

const TabId = z.number().check(z.int(), z.nonnegative());

export function verdictsHandlers(verdicts: VerdictsService) {
  return {
    'verdict.get': handler({
      from: EXTENSION_PAGES,
      input: z.object({ tabId: TabId }),
      run: ({ tabId }) => verdicts.verdictForTab(tabId),
    }),
    'intel.lookup': handler({
      from: EXTENSION_PAGES,
      input: z.object({ tabId: TabId, explicit: z.boolean() }),
      run: ({ tabId, explicit }) =>
        verdicts.verdictForTab(tabId, explicit ? 'explicit' : 'automatic'),
    }),
    'check.site': handler({
      from: EXTENSION_PAGES,
      input: z.object({ input: z.string().check(z.maxLength(5000)) }),
      run: ({ input }) => verdicts.checkSite(input),
    }),
  };
}
