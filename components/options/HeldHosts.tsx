// A list's held hosts: entries the list names that are on the packaged never-block set (the
// extension's own channels and update sources, very popular sites). They block nothing until the
// user confirms one here, in two steps ("Block anyway", then "Block" in the confirmation); "Undo"
// holds it again. Only this extension page can send the confirmation (EXTENSION_PAGES).
import { useState } from 'preact/hooks';
import { request } from '../../utils/core/client';
import { t, type Lang } from '../../utils/i18n';
import type { ListRecord } from '../../utils/lists/record';

export function HeldHosts({
  lang,
  record,
  onChanged,
}: {
  lang: Lang;
  record: ListRecord;
  onChanged: () => void;
}) {
  const [asking, setAsking] = useState<string | null>(null);
  const held = record.status.rejected?.held ?? [];
  // Only block- and warn-level lists would block or warn on them.
  if (held.length === 0 || (record.action !== 'block' && record.action !== 'warn')) return null;
  const confirmed = new Set(record.confirmedHeld);
  const send = (host: string, yes: boolean) => {
    setAsking(null);
    request({ type: 'lists.setHeldConfirmed', id: record.id, host, confirmed: yes }).then(
      onChanged,
      onChanged,
    );
  };
  return (
    <div class="held small">
      {held.length > countIn(held, confirmed) && (
        <p>{t(lang, 'options.list.held', { count: held.length - countIn(held, confirmed) })}</p>
      )}
      <ul>
        {held.map((host) => (
          <li key={host} data-held={host}>
            <span class="mono">{host}</span>{' '}
            {confirmed.has(host) ? (
              <>
                <span class="muted">{t(lang, 'options.list.held.blocked')}</span>{' '}
                <button type="button" class="link undo" onClick={() => send(host, false)}>
                  {t(lang, 'options.list.held.undo')}
                </button>
              </>
            ) : asking === host ? (
              <span class="confirm" role="alert">
                {t(lang, 'options.list.held.confirm', { host })}{' '}
                <button type="button" class="confirm-yes" onClick={() => send(host, true)}>
                  {t(lang, 'options.list.held.confirmYes')}
                </button>{' '}
                <button type="button" class="link" onClick={() => setAsking(null)}>
                  {t(lang, 'options.list.held.cancel')}
                </button>
              </span>
            ) : (
              <button type="button" class="block-anyway" onClick={() => setAsking(host)}>
                {t(lang, 'options.list.held.blockAnyway')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function countIn(hosts: readonly string[], set: ReadonlySet<string>): number {
  return hosts.filter((h) => set.has(h)).length;
}
