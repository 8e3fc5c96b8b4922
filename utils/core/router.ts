// One entry point for runtime.onMessage: find the handler for the message's type, parse its fields
// with the handler's schema, check the sender, run it with a per-message context, and turn typed
// domain errors into replies. Never throws; every answer is a Reply.
import { DOMAIN_ERROR_REPLY, DomainError, type ErrorCode } from './errors';
import { memoAsync } from './memo';
import { classifySender, type SenderInfo } from './sender';
import type { HandlerTable, MessageContext } from './handler';
import type { Settings } from '../settings/store';
import type { Lang } from '../i18n';

export type Reply<T> = { ok: true; data: T } | { ok: false; error: ErrorCode; detail?: string };

export interface RouterDeps {
  extensionId: string;
  extensionOrigin: string;
  settings(): Promise<Settings>;
  language(settings: Settings): Lang;
}

export type MessageHandler = (raw: unknown, sender: SenderInfo) => Promise<Reply<unknown>>;

export function createRouter(table: HandlerTable, deps: RouterDeps): MessageHandler {
  return async (raw, sender) => {
    const type =
      typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
    const entry = typeof type === 'string' && Object.hasOwn(table, type) ? table[type] : undefined;
    if (!entry) return { ok: false, error: 'bad-request' };
    const parsed = entry.input.safeParse(raw);
    if (!parsed.success) return { ok: false, error: 'bad-request' };
    const kind = classifySender(sender, deps.extensionId, deps.extensionOrigin);
    if (kind === 'foreign' || !entry.from.includes(kind)) return { ok: false, error: 'forbidden' };
    const settings = memoAsync(deps.settings);
    const context: MessageContext = {
      sender,
      settings: () => settings.get(),
      lang: async () => deps.language(await settings.get()),
    };
    try {
      return { ok: true, data: await entry.run(parsed.data, context) };
    } catch (error) {
      if (error instanceof DomainError) {
        return { ok: false, error: DOMAIN_ERROR_REPLY[error.code], detail: error.code };
      }
      console.error('Kusuri Guard: request failed', type, error);
      return {
        ok: false,
        error: 'internal',
        detail: error instanceof Error ? error.message : String(error),
      };
    }
  };
}
