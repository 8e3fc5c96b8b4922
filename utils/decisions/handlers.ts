// Messages of the decisions feature: the allowlist, the user's own blocks, dismissed banners.
import type { DecisionsService } from './service';
import { EXTENSION_PAGES, handler } from '../core/handler';
import { z } from '../core/zod';

const Site = z.string().check(z.minLength(1), z.maxLength(300));
const Target = z.string().check(z.minLength(1), z.maxLength(2048));

export function decisionsHandlers(decisions: DecisionsService) {
  return {
    'allowlist.get': handler({
      from: EXTENSION_PAGES,
      input: z.object({}),
      run: () => decisions.allowlist(),
    }),
    'allowlist.add': handler({
      from: EXTENSION_PAGES,
      input: z.object({ site: Target }),
      run: async ({ site }) => {
        const error = await decisions.allowSite(site);
        return error === null ? { added: true as const } : { added: false as const, error };
      },
    }),
    'allowlist.remove': handler({
      from: EXTENSION_PAGES,
      input: z.object({ site: Site }),
      run: async ({ site }) => ({ removed: await decisions.removeAllowed(site) }),
    }),
    'dismissal.remove': handler({
      from: EXTENSION_PAGES,
      input: z.object({ site: Site }),
      run: async ({ site }) => ({ removed: await decisions.removeDismissal(site) }),
    }),
    // "Don't warn me on this site", confirmed in the popup (an extension page) for a tab.
    'dismissal.add': handler({
      from: EXTENSION_PAGES,
      input: z.object({ tabId: z.number().check(z.int(), z.nonnegative()) }),
      run: async ({ tabId }) => ({ added: await decisions.dismissTab(tabId) }),
    }),
    'userBlocks.add': handler({
      from: EXTENSION_PAGES,
      input: z.object({
        site: Target,
        note: z.string().check(z.maxLength(500)),
        via: z.optional(z.enum(['popup', 'options'])),
      }),
      run: async ({ site, note, via }) => {
        const result = await decisions.blockSite(site, note, via ?? 'options');
        return result.ok
          ? { added: true as const }
          : { added: false as const, error: result.error };
      },
    }),
    'userBlocks.remove': handler({
      from: EXTENSION_PAGES,
      input: z.object({ site: Site }),
      run: async ({ site }) => ({ removed: await decisions.unblockSite(site) }),
    }),
  };
}
