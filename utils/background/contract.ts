// The message contract between the extension's pages and content script and the background,
// derived from the handler tables: a request is `{ type, ...fields }` as the handler's schema
// accepts them, a reply is what its `run` returns. Pages and the content script import these
// with `import type` only (nothing of the background is bundled into them).
import type { buildHandlers } from './handlers';
import type { ReplyFor, RequestFor } from '../core/handler';

type Handlers = ReturnType<typeof buildHandlers>;

export type RequestType = keyof Handlers & string;
export type Request<K extends RequestType = RequestType> = RequestFor<Handlers, K>;
export type ReplyTo<K extends RequestType> = ReplyFor<Handlers, K>;
export type { Reply } from '../core/router';
