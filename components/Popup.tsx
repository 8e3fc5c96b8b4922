// The toolbar popup: the verdict for the current tab and every reason behind it.
import { useEffect, useState } from 'preact/hooks';
import { request, RequestError } from '../utils/messages/client';
import { formatPartialDate, t, type Lang } from '../utils/i18n';
import type { Verdict } from '../utils/verdict/model';
import type { AllowEntry } from '../utils/store/allowlist';
import { displayHost } from '../utils/hostname';
import { LangToggle } from './LangToggle';
import { ReasonCard } from './ReasonCard';
import { Shield } from './Shield';
import { useLanguage } from './useLanguage';

export function Popup({ tabId }: { tabId: number | null }) {
  const [lang, setLang] = useLanguage();
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [allowlist, setAllowlist] = useState<AllowEntry[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = () => {
    if (tabId === null) return;
    request({ type: 'verdict.get', tabId })
      .then(setVerdict)
      .catch((e: unknown) => setError(e instanceof RequestError ? e.code : String(e)));
    request({ type: 'allowlist.get' })
      .then(setAllowlist)
      .catch(() => undefined);
  };
  useEffect(load, [tabId]);

  const removeAllowed = (site: string) => {
    request({ type: 'allowlist.remove', site })
      .then(load)
      .catch((e: unknown) => setError(e instanceof RequestError ? e.code : String(e)));
  };

  return (
    <main class="popup">
      <header class="row">
        <div class="brand">
          <Shield />
          <span>{t(lang, 'popup.title')}</span>
        </div>
        <span class="spacer" />
        <LangToggle lang={lang} onChange={setLang} />
      </header>
      {error && <p role="alert">{t(lang, 'popup.error', { error })}</p>}
      {tabId === null && <p>{t(lang, 'popup.noTab')}</p>}
      {tabId !== null && verdict === null && !error && (
        <p class="muted" aria-busy="true">
          {t(lang, 'popup.loading')}
        </p>
      )}
      {verdict && <VerdictView lang={lang} verdict={verdict} onUndoAllow={removeAllowed} />}
      <AllowlistView lang={lang} entries={allowlist} onRemove={removeAllowed} />
    </main>
  );
}

function VerdictView({
  lang,
  verdict,
  onUndoAllow,
}: {
  lang: Lang;
  verdict: Verdict;
  onUndoAllow: (site: string) => void;
}) {
  if (verdict.status !== 'checked') {
    return (
      <section class="verdict level-unchecked" id="verdict" data-level="unchecked">
        <p class="level">{t(lang, 'level.unchecked')}</p>
        <p>{t(lang, verdict.status === 'local' ? 'popup.local' : 'popup.unsupported')}</p>
      </section>
    );
  }
  return (
    <>
      <section class={`verdict level-${verdict.level}`} id="verdict" data-level={verdict.level}>
        <p class="level">{t(lang, `level.${verdict.level}`)}</p>
        <p class="host">
          <strong>{verdict.displayHost}</strong>
        </p>
        {verdict.allowlisted && verdict.site && (
          <p class="small">
            {t(lang, 'popup.allowlisted')}{' '}
            <button type="button" class="link" onClick={() => onUndoAllow(verdict.site!)}>
              {t(lang, 'popup.undoAllow')}
            </button>
          </p>
        )}
      </section>
      <section class="reasons-section">
        <h2>{t(lang, 'popup.reasons')}</h2>
        {verdict.reasons.length === 0 ? (
          <p class="muted">{t(lang, 'popup.noReasons')}</p>
        ) : (
          <ul class="reasons">
            {verdict.reasons.map((reason) => (
              <ReasonCard lang={lang} reason={reason} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function AllowlistView({
  lang,
  entries,
  onRemove,
}: {
  lang: Lang;
  entries: AllowEntry[];
  onRemove: (site: string) => void;
}) {
  return (
    <details class="allowlist">
      <summary>
        {t(lang, 'popup.allowlist')} ({entries.length})
      </summary>
      {entries.length === 0 ? (
        <p class="muted small">{t(lang, 'popup.allowlistEmpty')}</p>
      ) : (
        <ul>
          {entries.map((entry) => (
            <li class="row">
              <span>{displayHost(entry.site)}</span>
              <span class="muted small">
                {t(lang, 'popup.addedOn', {
                  date: formatPartialDate(lang, new Date(entry.addedAt).toISOString().slice(0, 10)),
                })}
              </span>
              <button type="button" class="link" onClick={() => onRemove(entry.site)}>
                {t(lang, 'popup.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
