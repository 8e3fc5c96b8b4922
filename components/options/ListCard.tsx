// One list on the options page: where it comes from, how fresh it is, what went wrong last, and
// the controls (update now, on/off, block or warn, remove).
import { useState } from 'preact/hooks';
import { errorCode, request } from '../../utils/core/client';
import { entryCount } from '../../utils/lists/counts';
import { pick, t, type Lang, type MessageKey } from '../../utils/i18n';
import { rejectedText } from './rejected';
import { HeldHosts } from './HeldHosts';
import { dateTime, relativeTime } from '../../utils/i18n/time';
import type { BlockAction, ListRecord } from '../../utils/lists/record';
import type { RefreshResult } from '../../utils/lists/refresher';

const STATUS_KEYS = new Set<string>([
  'timeout',
  'network',
  'http',
  'rate-limited',
  'too-large',
  'dropped',
  'bad-encoding',
  'refused-address',
  'redirects',
  'empty',
  'not-json',
  'html-page',
  'wrong-format',
  'wrong-schema',
  'no-entries',
  'binary',
  'missing-signature',
  'bad-signature',
  'older-version',
]);

/** A refresh problem in plain words. */
export function problemText(lang: Lang, code: string, detail: string): string {
  if (!STATUS_KEYS.has(code)) return detail;
  return t(lang, `status.${code}` as MessageKey, { detail });
}

export function ListCard({
  lang,
  record,
  now,
  onChanged,
}: {
  lang: Lang;
  record: ListRecord;
  now: number;
  onChanged: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const status = record.status;

  const describeResult = (r: RefreshResult): string => {
    switch (r.outcome) {
      case 'updated':
        return t(lang, 'options.list.result.updated', { count: entryCount(r.record.counts) });
      case 'unchanged':
        return t(lang, 'options.list.result.unchanged');
      case 'failed':
        return t(lang, 'options.list.result.failed', {
          problem: problemText(lang, r.code, r.detail),
        });
      case 'shrink-pending':
        return t(lang, 'options.list.result.shrink');
      case 'skipped':
        return t(lang, 'options.list.result.skipped');
    }
  };

  const refresh = (acceptShrink = false) => {
    setBusy(true);
    setResult(null);
    request({
      type: 'lists.refresh',
      id: record.id,
      ...(acceptShrink ? { acceptShrink: true } : {}),
    })
      .then((r) => setResult(describeResult(r)))
      .catch((e: unknown) => setResult(errorCode(e)))
      .finally(() => {
        setBusy(false);
        onChanged();
      });
  };
  const act = (message: Parameters<typeof request>[0]) => {
    request(message).then(onChanged, onChanged);
  };

  const age = status.lastSuccess ?? record.installedAt;
  return (
    <article class={`list-card${record.enabled ? '' : ' disabled'}`} data-list={record.id}>
      <h3>{pick(lang, record.meta.title)}</h3>
      <p class="small">
        <span class="muted">
          {t(lang, 'options.list.source')}
          {t(lang, 'ui.labelSep')}
        </span>
        {record.url ? (
          <span class="mono">{record.url}</span>
        ) : (
          <span>{t(lang, 'options.list.noUrl')}</span>
        )}
      </p>
      <p class="small">
        <span class="muted">
          {t(lang, 'options.list.licence')}
          {t(lang, 'ui.labelSep')}
        </span>
        {record.origin === 'custom' ? t(lang, 'options.list.licenceUnknown') : record.meta.licence}
        {record.meta.attribution.length > 0 && (
          <>
            {' · '}
            <span class="muted">
              {t(lang, 'options.list.credits')}
              {t(lang, 'ui.labelSep')}
            </span>
            {record.meta.attribution.map((a, i) => (
              <>
                {i > 0 && t(lang, 'ui.listSep')}
                {a.url ? (
                  <a href={a.url} target="_blank" rel="noopener noreferrer">
                    {a.name}
                  </a>
                ) : (
                  a.name
                )}
              </>
            ))}
          </>
        )}
      </p>
      {record.signed && record.url && <p class="small muted">{t(lang, 'options.list.signed')}</p>}
      <p class="small">
        <strong class="count">
          {t(lang, 'options.list.entries', { count: entryCount(record.counts) })}
        </strong>
        {' · '}
        {status.lastSuccess !== null && record.contentFrom === 'download'
          ? t(lang, 'options.list.lastUpdate', {
              when: t(lang, 'options.list.lastUpdateWhen', {
                date: dateTime(lang, status.lastSuccess),
                relative: relativeTime(lang, status.lastSuccess, now),
              }),
            })
          : // A list added by URL has no packaged copy: before its first good download it is
            // empty, and says so (it read "Using the copy packaged with the extension").
            record.origin === 'custom'
            ? t(lang, 'options.list.notDownloaded')
            : t(lang, 'options.list.packaged')}
        {record.url && record.enabled && status.nextCheck !== null && (
          <>
            {' · '}
            {t(lang, 'options.list.nextCheck', { when: relativeTime(lang, status.nextCheck, now) })}
          </>
        )}
      </p>
      {status.rejected !== null && status.rejected.total > 0 && (
        <p class="rejected small muted">{rejectedText(lang, status.rejected)}</p>
      )}
      <HeldHosts lang={lang} record={record} onChanged={onChanged} />
      {status.lastError && (
        <p class="problem small" role="status">
          {t(
            lang,
            entryCount(record.counts) > 0 ? 'options.list.problem' : 'options.list.problemNoList',
            {
              when: relativeTime(lang, status.lastError.at, now),
              problem: problemText(lang, status.lastError.code, status.lastError.detail),
              age: relativeTime(lang, age, now),
            },
          )}
        </p>
      )}
      {status.pendingShrink && (
        <div class="pending small" role="alert">
          <p>
            {t(lang, 'options.list.pendingShrink', {
              from: status.pendingShrink.from,
              to: status.pendingShrink.to,
            })}
          </p>
          <button type="button" onClick={() => refresh(true)} disabled={busy}>
            {t(lang, 'options.list.applyShrink')}
          </button>
        </div>
      )}
      <div class="row">
        <button
          type="button"
          class="update"
          onClick={() => refresh()}
          disabled={busy || !record.url || !record.enabled}
        >
          {busy ? (
            <>
              <span class="progress" aria-hidden="true" /> {t(lang, 'options.list.updating')}
            </>
          ) : (
            t(lang, 'options.list.updateNow')
          )}
        </button>
        <label class="row small">
          <input
            type="checkbox"
            checked={record.enabled}
            onChange={(e) =>
              act({ type: 'lists.setEnabled', id: record.id, enabled: e.currentTarget.checked })
            }
          />
          {t(lang, 'options.list.enabled')}
        </label>
        <label class="row small">
          {t(lang, 'options.list.level')}
          {record.action === 'notice' || record.action === 'allow' ? (
            <span>{t(lang, `options.list.level.${record.action}`)}</span>
          ) : (
            <select
              value={record.action}
              onChange={(e) =>
                act({
                  type: 'lists.setAction',
                  id: record.id,
                  action: e.currentTarget.value as BlockAction,
                })
              }
            >
              <option value="block">{t(lang, 'options.list.level.block')}</option>
              <option value="warn">{t(lang, 'options.list.level.warn')}</option>
            </select>
          )}
        </label>
        {record.origin === 'custom' && (
          <button
            type="button"
            class="link"
            onClick={() => act({ type: 'lists.remove', id: record.id })}
          >
            {t(lang, 'options.list.remove')}
          </button>
        )}
      </div>
      {result && (
        <p class="result small" role="status" aria-live="polite">
          {result}
        </p>
      )}
    </article>
  );
}
