// Errors a handler may answer with on purpose. The router turns a DomainError into a reply with its
// code, so pages compare codes (never error text); anything else is a bug and answers `internal`.

/** Codes the pages act on. Adding one is a type change every page's switch sees. */
export type DomainErrorCode =
  /** The report endpoint the user typed is not https (http only in test builds). */
  | 'endpoint-not-https'
  /** The browser refused to store more (IndexedDB quota). */
  | 'storage-full'
  /** A warning-page action from a framed copy, or from a tab the background sent nowhere. */
  | 'warning-framed'
  | 'warning-unverified';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    detail?: string,
  ) {
    super(detail ?? code);
    this.name = 'DomainError';
  }
}

/** Codes the router itself answers with. */
export type RouterErrorCode = 'bad-request' | 'forbidden' | 'not-found' | 'internal';

/**
 * The reply's `error` for each domain error (its `detail` is the domain code): an invalid value
 * the user typed is a bad request; a full disk is its own answer.
 */
export const DOMAIN_ERROR_REPLY = {
  'endpoint-not-https': 'bad-request',
  'storage-full': 'storage-full',
  'warning-framed': 'forbidden',
  'warning-unverified': 'forbidden',
} as const satisfies Record<DomainErrorCode, RouterErrorCode | DomainErrorCode>;

export type ErrorCode = RouterErrorCode | (typeof DOMAIN_ERROR_REPLY)[DomainErrorCode];
