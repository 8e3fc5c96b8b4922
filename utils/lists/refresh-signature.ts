// The detached signature of a signed list: fetched from `<url>.sig` (small, never cached) and
// checked against the pinned key; a missing or wrong signature fails the refresh like any fault.
import { LIST_HTTP_ALLOWED, fetchList } from './fetch-list';
import type { ListRecord } from './record';
import {
  REFRESH_TIMEOUT_MS,
  SIGNATURE_MAX_BYTES,
  USER_AGENT,
  type RefreshResult,
} from './refresh-model';
import type { RefreshStatus } from './refresh-status';
import { verifyListSignature } from './signature';
import type { Platform } from '../platform/platform';

/** The detached signature at `<url>.sig` over `text`: true, or the failure to report. */
export async function signatureOk(
  platform: Platform,
  status: RefreshStatus,
  record: ListRecord,
  url: string,
  text: string,
): Promise<true | RefreshResult> {
  const signature = await fetchList(
    {
      url: `${url}.sig`,
      etag: null,
      lastModified: null,
      maxBytes: SIGNATURE_MAX_BYTES,
      timeoutMs: platform.config.refreshTimeoutMs ?? REFRESH_TIMEOUT_MS,
      userAgent: USER_AGENT,
      allowHttp: LIST_HTTP_ALLOWED,
      accept: 'text/plain',
    },
    platform.fetch,
  );
  if (signature.kind !== 'ok') {
    return status.failed(
      record,
      'missing-signature',
      `no signature at ${url}.sig (${signature.kind === 'error' ? signature.detail : 'not modified'})`,
    );
  }
  if (!(await verifyListSignature(text, signature.text, platform.config.listPublicKey))) {
    return status.failed(
      record,
      'bad-signature',
      'the signature does not match the list and the pinned key',
    );
  }
  return true;
}
