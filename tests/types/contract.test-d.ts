// Type tests, checked by `tsc` (npm run typecheck), not run: the message contract is derived from
// the handler tables, so a wrong request or a wrong use of a reply fails to compile. Each
// `@ts-expect-error` below fails the type-check if the line after it stops being an error.
import type { Reply, ReplyTo, Request } from '../../utils/background/contract';
import { handler, type HandlerTable, type ReplyFor } from '../../utils/core/handler';
import { z } from '../../utils/core/zod';
import type { ListsView } from '../../utils/lists/view';
import type { SettingsView } from '../../utils/settings/model';
import type { RefreshResult } from '../../utils/lists/refresher';

declare const removed: ReplyTo<'lists.remove'>;
declare const settingsView: SettingsView;

// The reply of 'lists.remove' is what its handler returns...
export const ok: { removed: boolean } = removed;
// ...so a SettingsView is not one (the old union of every reply let this through).
// @ts-expect-error a SettingsView is not the reply to 'lists.remove'
export const wrongReply: ReplyTo<'lists.remove'> = settingsView;
// @ts-expect-error nor is the reply to 'lists.remove' a ListsView
export const wrongUse: ListsView = removed;

export const listsReply: ListsView = null as unknown as ReplyTo<'lists.get'>;
export const addReply: RefreshResult = null as unknown as ReplyTo<'lists.add'>;

// Requests carry the fields their handler's schema accepts.
export const good: Request = { type: 'lists.remove', id: 'custom-1' };
// @ts-expect-error 'lists.remove' needs an id
export const missing: Request = { type: 'lists.remove' };
// @ts-expect-error an action is 'block' or 'warn'
export const badAction: Request = { type: 'lists.setAction', id: 'x', action: 'notice' };
// @ts-expect-error no handler has this type
export const unknownType: Request = { type: 'lists.explode' };

// A wire reply wraps the handler's reply.
export const wire: Reply<ReplyTo<'reports.delete'>> = { ok: true, data: { removed: true } };
// @ts-expect-error 'reports.delete' replies { removed }, not a string
export const wrongWire: Reply<ReplyTo<'reports.delete'>> = { ok: true, data: 'yes' };

// A handler declared to answer one shape cannot answer another.
export const table = {
  'demo.count': handler({
    from: ['extension-page'],
    input: z.object({ n: z.number() }),
    run: async ({ n }) => ({ count: n }),
  }),
} satisfies HandlerTable;
export const counted: { count: number } = null as unknown as ReplyFor<typeof table, 'demo.count'>;
export const declared = handler<z.ZodMiniObject<{ n: z.ZodMiniNumber }>, { count: number }>({
  from: ['extension-page'],
  input: z.object({ n: z.number() }),
  // @ts-expect-error the handler must answer { count: number }
  run: async ({ n }) => ({ total: n }),
});
