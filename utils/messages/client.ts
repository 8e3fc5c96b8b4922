// Typed requests from extension pages to the background.
import { browser } from '../platform/browser';
import type { Request, Response } from './protocol';
import type { ResponseMap } from './responses';

export class RequestError extends Error {
  constructor(
    readonly code: string,
    detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}

/** What went wrong, as a short code the pages turn into words (RequestError), or the message. */
export function errorCode(error: unknown): string {
  return error instanceof RequestError ? error.code : String(error);
}

export async function request<T extends Request>(message: T): Promise<ResponseMap[T['type']]> {
  const response = (await browser.runtime.sendMessage(message)) as
    Response<ResponseMap[T['type']]> | undefined;
  if (!response) throw new RequestError('internal', 'no answer from the background');
  if (!response.ok) throw new RequestError(response.error, response.detail);
  return response.data;
}
