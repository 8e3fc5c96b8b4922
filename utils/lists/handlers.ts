// Messages of the lists feature (the options page's list administration).
import { BlockActionSchema, ListFormatSchema } from './record';
import type { ListsService } from './service';
import type { Refresher } from './refresher';
import type { LicensedConflict, ListsView } from './view';
import { findDisagreements } from './disagreements';
import { cachedDisagreements } from './disagreements-cache';
import { USER_LIST_ID } from '../verdicts/user-blocks';
import { EXTENSION_PAGES, handler } from '../core/handler';
import { z } from '../core/zod';
import type { DecisionsService } from '../decisions/service';
import type { PreloadRules } from '../preload/service';
import type { Platform } from '../platform/platform';

const ListId = z.string().check(z.minLength(1), z.maxLength(100));

export interface ListsHandlerDeps {
  platform: Platform;
  lists: ListsService;
  refresher: Refresher;
  decisions: DecisionsService;
  rules: PreloadRules;
  /** Lists installed and pre-load rules in place. */
  ready: () => Promise<void>;
}

export async function listsView(deps: ListsHandlerDeps): Promise<ListsView> {
  await deps.ready();
  const allowlist = await deps.decisions.allowlist();
  const lists = await deps.lists.records();
  const userBlocks = await deps.decisions.userBlocks();
  const prefer = new Set([
    USER_LIST_ID,
    ...lists.filter((l) => l.origin === 'custom').map((l) => l.id),
  ]);
  return {
    lists,
    dnr: await deps.rules.marker(),
    userBlocks,
    allowlist,
    dismissals: await deps.decisions.dismissals(),
    licensed: await licensedView(deps),
    // Stored per version of the lists and the allowlist: not walked again on every page load.
    disagreements: await cachedDisagreements({ records: lists, userBlocks, allowlist }, async () =>
      findDisagreements(await deps.lists.index(), allowlist, { prefer }),
    ),
    now: deps.platform.now(),
  };
}

/** The allowlist and, for each licensed host some list names, every list that names it. */
async function licensedView(deps: ListsHandlerDeps): Promise<ListsView['licensed']> {
  const index = await deps.lists.index();
  const entries = index.licensed.entries();
  const conflicts: LicensedConflict[] = [];
  for (const entry of entries) {
    // The domain itself (or a parent) and its www host, the form keyword lists use most; other
    // hosts under it are reported when visited (the popup shows the conflict).
    const hits = [
      ...(await index.lookup(entry.domain)),
      ...(await index.lookup(`www.${entry.domain}`)),
    ];
    const lists = new Map<string, LicensedConflict['lists'][number]>();
    for (const h of hits) {
      lists.set(`${h.listId} ${h.reason.listed}`, {
        id: h.listId,
        title: h.reason.list.title,
        listed: h.reason.listed,
        blocks: h.blocks,
      });
    }
    if (lists.size > 0) conflicts.push({ entry, lists: [...lists.values()] });
  }
  return { entries, conflicts };
}

export function listsHandlers(deps: ListsHandlerDeps) {
  const { lists, refresher } = deps;
  return {
    'lists.get': handler({
      from: EXTENSION_PAGES,
      input: z.object({}),
      run: () => listsView(deps),
    }),
    'lists.refresh': handler({
      from: EXTENSION_PAGES,
      input: z.object({ id: ListId, acceptShrink: z.optional(z.boolean()) }),
      run: async ({ id, acceptShrink }) => {
        await deps.ready();
        return refresher.refresh(id, acceptShrink ? { acceptShrink: true } : {});
      },
    }),
    'lists.setEnabled': handler({
      from: EXTENSION_PAGES,
      input: z.object({ id: ListId, enabled: z.boolean() }),
      run: async ({ id, enabled }) => {
        await lists.setEnabled(id, enabled);
        return null;
      },
    }),
    'lists.setAction': handler({
      from: EXTENSION_PAGES,
      input: z.object({ id: ListId, action: BlockActionSchema }),
      run: async ({ id, action }) => {
        await lists.setAction(id, action);
        return null;
      },
    }),
    'lists.add': handler({
      from: EXTENSION_PAGES,
      input: z.object({
        url: z.string().check(
          z.maxLength(2048),
          z.refine((v) => /^https?:\/\//i.test(v), 'an http(s) URL'),
        ),
        format: ListFormatSchema,
        action: BlockActionSchema,
        name: z.string().check(z.maxLength(100)),
      }),
      run: (input) => refresher.subscribe(input),
    }),
    /** "Block anyway" (after the page's second confirmation) or "Undo" for one held host. */
    'lists.setHeldConfirmed': handler({
      from: EXTENSION_PAGES,
      input: z.object({
        id: ListId,
        host: z.string().check(z.minLength(1), z.maxLength(253)),
        confirmed: z.boolean(),
      }),
      run: async ({ id, host, confirmed }) => ({
        changed: await lists.setHeldConfirmed(id, host, confirmed),
      }),
    }),
    'lists.remove': handler({
      from: EXTENSION_PAGES,
      input: z.object({ id: ListId }),
      run: async ({ id }) => ({ removed: await lists.remove(id) }),
    }),
  };
}
