// The head of a signed list with delta updates (`<url>.head`, signed like the list): whether the
// list changed, and if so a delta from the version held, checked against the announced hash. The
// refresher installs what this returns; anything that does not work out means the whole list.
import { applyDelta, canonicalHash, MAX_HEAD_BYTES } from './delta';
import type { ListRecord } from './record';
import { fetchDelta, fromListServer, parseHead, type HeadOutcome } from './refresh-model';
import { signatureOk } from './refresh-signature';
import type { RefreshStatus } from './refresh-status';
import { getListContent } from './store-content';
import type { Platform } from '../platform/platform';

/**
 * The head of a list with delta updates: unchanged (a 304 of a few hundred bytes), the same
 * version, or a newer one reached by a delta from the version held. Anything that does not
 * work out falls back to the whole list; a server without a head is a list without deltas.
 */
export async function checkHead(
  platform: Platform,
  status: RefreshStatus,
  record: ListRecord,
  url: string,
): Promise<HeadOutcome> {
  const headUrl = `${url}.head`;
  const fetched = await fromListServer(platform, {
    url: headUrl,
    etag: record.contentFrom === 'download' ? record.status.headEtag : null,
    maxBytes: MAX_HEAD_BYTES,
  });
  if (fetched.kind === 'not-modified') {
    await status.succeeded(record, { lastBytes: 0 });
    return { kind: 'done', result: { outcome: 'unchanged', how: 'not-modified' } };
  }
  if (fetched.kind === 'error') {
    if (fetched.status === 404 || fetched.status === 410) return { kind: 'no-head' };
    return {
      kind: 'done',
      result: await status.failed(record, fetched.code, fetched.detail, fetched.retryAfterMs),
    };
  }
  const signed = await signatureOk(platform, status, record, headUrl, fetched.text);
  if (signed !== true) return { kind: 'done', result: signed };
  const head = parseHead(fetched.text);
  if (!head) {
    return {
      kind: 'done',
      result: await status.failed(
        record,
        'bad-head',
        'the list head is not in the expected format',
      ),
    };
  }
  let bytes = fetched.bytes;
  if (head.version < record.meta.version) {
    return {
      kind: 'done',
      result: await status.failed(
        record,
        'older-version',
        `version ${head.version} is older than the active version ${record.meta.version}`,
      ),
    };
  }
  if (head.version === record.meta.version) {
    await status.succeeded(record, { headEtag: fetched.etag, lastBytes: bytes });
    return { kind: 'done', result: { outcome: 'unchanged', how: 'same-content' } };
  }
  const entry = head.deltas.find((d) => d.from === record.meta.version);
  if (entry) {
    // From the packaged copy too: if it is not exactly the published version, the hash check
    // below catches it and the whole list is fetched.
    const delta = await fetchDelta(platform, new URL(entry.path, headUrl).href, entry.sha256);
    bytes += delta.bytes;
    const current = delta.delta ? await getListContent(record.id) : null;
    const applied = current && delta.delta ? applyDelta(current, delta.delta) : null;
    if (applied?.ok && (await canonicalHash(applied.content)) === head.sha256) {
      return {
        kind: 'delta',
        content: applied.content,
        hash: `delta:${head.sha256}`,
        validators: { etag: null, lastModified: null, headEtag: fetched.etag, lastBytes: bytes },
      };
    }
  }
  // No delta from here, or it did not produce the announced list: the whole list, fresh.
  return { kind: 'full-needed', headEtag: fetched.etag, bytes };
}
