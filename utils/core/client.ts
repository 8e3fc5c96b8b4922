// Typed requests from extension pages to the background: the request and reply types come from
// the handler tables (utils/background/contract.ts), imported as types only.
import { browser } from '../platform/browser';
import type { ErrorCode } from './errors';
import type { Reply, ReplyTo, Request, RequestType } from '../background/contract';

export class RequestError extends Error {
  constructor(
    readonly code: ErrorCode | 'no-permission',
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}

/** What went wrong, as a short code the pages turn into words (RequestError), or the message. */
export function errorCode(error: unknown): string {
  return error instanceof RequestError ? error.code : String(error);
}

export async function request<K extends RequestType>(message: Request<K>): Promise<ReplyTo<K>> {
  const response = (await browser.runtime.sendMessage(message)) as Reply<ReplyTo<K>> | undefined;
  if (!response) throw new RequestError('internal', 'no answer from the background');
  if (!response.ok) throw new RequestError(response.error, response.detail);
  return response.data;
}
