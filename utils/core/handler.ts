// A message handler as each feature declares it: who may send the message, the zod schema its
// fields must pass, and what to do. Feature folders export tables of these (`…/handlers.ts`); the
// router merges them, and the pages' request types and reply types are derived from the tables,
// so a handler that answers the wrong shape fails `tsc` where the answer is used.
import type { z, ZodType } from './zod';
import type { SenderInfo } from './sender';
import type { Settings } from '../settings/store';
import type { Lang } from '../i18n';

/** Senders a handler may accept: the extension's own pages, or a content script about its tab. */
export type SenderClass = 'extension-page' | 'content-script';

export const EXTENSION_PAGES = ['extension-page'] as const satisfies readonly SenderClass[];
/** `page.*` requests: a content script about its own tab (extension pages may ask too). */
export const PAGES_AND_CONTENT = [
  'extension-page',
  'content-script',
] as const satisfies readonly SenderClass[];

/** What one message's handler knows beyond its fields; settings and language read once. */
export interface MessageContext {
  sender: SenderInfo;
  settings(): Promise<Settings>;
  lang(): Promise<Lang>;
}

export interface Handler<I extends ZodType, R> {
  from: readonly SenderClass[];
  /** The message's fields besides `type` (unknown fields are dropped). */
  input: I;
  run(input: z.output<I>, context: MessageContext): Promise<R>;
}

// Method syntax above keeps `run` bivariant, so any handler fits the table type.
export type AnyHandler = Handler<ZodType, unknown>;
export type HandlerTable = Record<string, AnyHandler>;

/** Declare one handler; the reply type is whatever `run` returns. */
export function handler<I extends ZodType, R>(definition: Handler<I, R>): Handler<I, R> {
  return definition;
}

/** A message's fields as its schema accepts them (zod types `z.object({})` as a string record). */
type Fields<S extends ZodType> = string extends keyof z.input<S> ? object : z.input<S>;

/** The request a table accepts for one type: `{ type, ...fields }`. */
export type RequestFor<T extends HandlerTable, K extends keyof T & string> = K extends unknown
  ? { type: K } & Fields<T[K]['input']>
  : never;

/** The reply a table gives for one type. */
export type ReplyFor<T extends HandlerTable, K extends keyof T> = Awaited<ReturnType<T[K]['run']>>;
