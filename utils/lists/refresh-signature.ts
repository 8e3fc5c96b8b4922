// The detached signature of a signed list: fetched from `<url>.sig` (small, never cached) and
// checked against the pinned key; a missing or wrong signature fails the refresh like any fault.
import type { ListRecord } from './record';
import { fromListServer, SIGNATURE_MAX_BYTES, type RefreshResult } from './refresh-model';
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
  const signature = await fromListServer(platform, {
    url: `${url}.sig`,
    maxBytes: SIGNATURE_MAX_BYTES,
    accept: 'text/plain',
  });
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
