// The toolbar popup: the verdict for the current tab and every reason behind it.
import { useEffect, useState } from 'preact/hooks';
import { request, RequestError } from '../utils/messages/client';
import { formatPartialDate, t, type Lang } from '../utils/i18n';
import type { Reason, Verdict } from '../utils/verdict/model';
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

  const act = (message: Parameters<typeof request>[0]) => {
    request(message)
      .then(load)
      .catch((e: unknown) => setError(e instanceof RequestError ? e.code : String(e)));
  };
  const removeAllowed = (site: string) => act({ type: 'allowlist.remove', site });
  const undoDismiss = (site: string) => act({ type: 'dismissal.remove', site });

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
      {verdict && (
        <VerdictView
          lang={lang}
          verdict={verdict}
          onUndoAllow={removeAllowed}
          onUndoDismiss={undoDismiss}
        />
      )}
      <AllowlistView lang={lang} entries={allowlist} onRemove={removeAllowed} />
    </main>
  );
}

function VerdictView({
  lang,
  verdict,
  onUndoAllow,
  onUndoDismiss,
}: {
  lang: Lang;
  verdict: Verdict;
  onUndoAllow: (site: string) => void;
  onUndoDismiss: (site: string) => void;
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
        {verdict.page && (
          <p class="small muted">{t(lang, 'popup.pageScore', { score: verdict.page.score })}</p>
        )}
        {verdict.allowlisted && verdict.site && (
          <p class="small">
            {t(lang, 'popup.allowlisted')}{' '}
            <button type="button" class="link" onClick={() => onUndoAllow(verdict.site!)}>
              {t(lang, 'popup.undoAllow')}
            </button>
          </p>
        )}
        {verdict.dismissed && verdict.site && (
          <p class="small" id="dismissed">
            {t(lang, 'popup.dismissed')}{' '}
            <button type="button" class="link" onClick={() => onUndoDismiss(verdict.site!)}>
              {t(lang, 'popup.undoDismiss')}
            </button>
          </p>
        )}
      </section>
      <section class="reasons-section">
        <h2>{t(lang, 'popup.reasons')}</h2>
        {verdict.reasons.length === 0 && <p class="muted">{t(lang, 'popup.noReasons')}</p>}
        <ReasonGroup
          lang={lang}
          title={t(lang, 'popup.group.list')}
          reasons={verdict.reasons.filter((r) => r.group === 'list')}
          id="reasons-list"
        />
        <ReasonGroup
          lang={lang}
          title={t(lang, 'popup.group.page')}
          reasons={verdict.reasons.filter((r) => r.group === 'page' && r.weight > 0)}
          id="reasons-page"
        />
        <ReasonGroup
          lang={lang}
          title={t(lang, 'popup.group.against')}
          reasons={verdict.reasons.filter((r) => r.group === 'page' && r.weight <= 0)}
          id="reasons-against"
        />
      </section>
    </>
  );
}

function ReasonGroup({
  lang,
  title,
  reasons,
  id,
}: {
  lang: Lang;
  title: string;
  reasons: Reason[];
  id: string;
}) {
  if (reasons.length === 0) return null;
  return (
    <div class="reason-group" id={id}>
      <h3 class="group-title">{title}</h3>
      <ul class="reasons">
        {reasons.map((reason) => (
          <ReasonCard lang={lang} reason={reason} />
        ))}
      </ul>
    </div>
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
