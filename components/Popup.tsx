// The toolbar popup: one clear verdict for the current tab (or any site the user types), every
// reason grouped with its sources, the registrar, the domain's age and known breaches. It renders
// the cached verdict at once and updates when the lookup finishes.
import { isValidUserSite } from '../utils/core/site-name';
import { useEffect, useState } from 'preact/hooks';
import { errorCode, request } from '../utils/core/client';
import { formatPartialDate, t, type Lang, type MessageKey } from '../utils/i18n';
import type { Reason, Verdict } from '../utils/verdicts/model';
import type { AllowEntry } from '../utils/decisions/allowlist';
import { displayHost } from '../utils/core/hostname';
import { ReasonCard } from './ReasonCard';
import { PageHeader } from './PageHeader';
import { useLanguage } from './useLanguage';
import { DismissConfirm } from './DismissConfirm';
import { asksToDismiss } from '../utils/core/routes';

type View = { kind: 'tab' } | { kind: 'check'; input: string };

export function Popup({ tabId }: { tabId: number | null }) {
  const [lang, setLang] = useLanguage();
  const [view, setView] = useState<View>({ kind: 'tab' });
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [looking, setLooking] = useState(false);
  const [allowlist, setAllowlist] = useState<AllowEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const fail = (e: unknown) => setError(errorCode(e));

  const lookup = (explicit: boolean) => {
    if (tabId === null) return;
    setLooking(true);
    request({ type: 'intel.lookup', tabId, explicit })
      .then(setVerdict)
      .catch(fail)
      .finally(() => setLooking(false));
  };

  const loadTab = () => {
    if (tabId === null) return;
    setError(null);
    // The cached verdict first (no network), then the lookup, which may take a few seconds.
    request({ type: 'verdict.get', tabId })
      .then((v) => {
        setVerdict(v);
        if (v.status === 'checked' && v.intel?.state !== 'done') lookup(false);
      })
      .catch(fail);
    request({ type: 'allowlist.get' })
      .then(setAllowlist)
      .catch(() => undefined);
  };
  useEffect(() => {
    if (view.kind === 'tab') loadTab();
  }, [tabId, view.kind]);

  const act = (message: Parameters<typeof request>[0]) => {
    request(message)
      .then(() => (view.kind === 'tab' ? loadTab() : undefined))
      .catch(fail);
  };

  return (
    <main class="popup">
      <PageHeader lang={lang} onLang={setLang} title={t(lang, 'popup.title')} />
      <CheckForm
        lang={lang}
        onResult={(input, v) => {
          setView({ kind: 'check', input });
          setVerdict(v);
        }}
      />
      {view.kind === 'check' && (
        <p class="small">
          <button
            type="button"
            class="link"
            id="back-to-tab"
            onClick={() => {
              setVerdict(null);
              setView({ kind: 'tab' });
            }}
          >
            {t(lang, 'popup.backToTab')}
          </button>
        </p>
      )}
      {error && <p role="alert">{t(lang, 'popup.error', { error })}</p>}
      {view.kind === 'tab' && tabId === null && <p>{t(lang, 'popup.noTab')}</p>}
      {view.kind === 'tab' && tabId !== null && verdict === null && !error && (
        <p class="muted" aria-busy="true">
          {t(lang, 'popup.loading')}
        </p>
      )}
      {view.kind === 'tab' &&
        tabId !== null &&
        asksToDismiss(location.search) &&
        verdict?.status === 'checked' &&
        verdict.site !== null &&
        !verdict.dismissed && (
          <DismissConfirm
            lang={lang}
            site={verdict.site}
            onConfirm={() => act({ type: 'dismissal.add', tabId })}
          />
        )}
      {verdict && (
        <VerdictView
          lang={lang}
          verdict={verdict}
          looking={looking}
          onLookup={view.kind === 'tab' ? () => lookup(true) : null}
          onUndoAllow={(site) => act({ type: 'allowlist.remove', site })}
          onUndoDismiss={(site) => act({ type: 'dismissal.remove', site })}
          onReport={() => {
            // The report form opens in a window of its own; the popup closes when it loses focus.
            const target =
              view.kind === 'tab' && tabId !== null
                ? { tabId }
                : { url: verdict.url ?? `https://${verdict.host}/` };
            request({ type: 'report.open', ...target })
              .then(() => window.close())
              .catch(fail);
          }}
          onBlock={(site) =>
            request({ type: 'userBlocks.add', site, note: '', via: 'popup' })
              .then((r) => {
                if (view.kind === 'tab') loadTab();
                else setVerdict({ ...verdict, blocked: true });
                return r.added;
              })
              .catch((e: unknown) => {
                fail(e);
                return false;
              })
          }
        />
      )}
      {view.kind === 'tab' && (
        <AllowlistView
          lang={lang}
          entries={allowlist}
          onRemove={(site) => act({ type: 'allowlist.remove', site })}
        />
      )}
      <p class="small footer-links row">
        <a href="options.html" target="_blank" rel="noopener">
          {t(lang, 'popup.openOptions')}
        </a>
        <a href="reports.html" target="_blank" rel="noopener" id="my-reports">
          {t(lang, 'popup.myReports')}
        </a>
      </p>
    </main>
  );
}

const CHECK_ERRORS: Record<string, MessageKey> = {
  empty: 'check.error.empty',
  'too-long': 'check.error.too-long',
  invalid: 'check.error.invalid',
  'label-too-long': 'check.error.too-long',
  'public-suffix': 'check.error.invalid',
  'unsupported-scheme': 'check.error.scheme',
  credentials: 'check.error.credentials',
  local: 'check.error.local',
};

function CheckForm({
  lang,
  onResult,
}: {
  lang: Lang;
  onResult: (input: string, verdict: Verdict) => void;
}) {
  const [input, setInput] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const submit = (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    request({ type: 'check.site', input })
      .then((result) => {
        if (result.ok) onResult(result.input, result.verdict);
        else setMessage(t(lang, CHECK_ERRORS[result.error] ?? 'check.error.invalid'));
      })
      .catch((e: unknown) => setMessage(errorCode(e)))
      .finally(() => setBusy(false));
  };
  return (
    <form class="check" onSubmit={submit} role="search">
      <label for="check-input" class="small">
        {t(lang, 'check.label')}
      </label>
      <div class="row">
        <input
          id="check-input"
          type="text"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          maxLength={5000}
          value={input}
          placeholder={t(lang, 'check.placeholder')}
          onInput={(e) => setInput(e.currentTarget.value)}
        />
        <button type="submit" disabled={busy}>
          {busy ? <span class="progress" aria-hidden="true" /> : null} {t(lang, 'check.button')}
        </button>
      </div>
      {message && (
        <p role="alert" class="small check-error">
          {message}
        </p>
      )}
    </form>
  );
}

function VerdictView(props: {
  lang: Lang;
  verdict: Verdict;
  looking: boolean;
  onLookup: (() => void) | null;
  onUndoAllow: (site: string) => void;
  onUndoDismiss: (site: string) => void;
  onReport: () => void;
  onBlock: (site: string) => Promise<boolean>;
}) {
  const { lang, verdict } = props;
  const [blockedNow, setBlockedNow] = useState(false);
  if (verdict.status !== 'checked') {
    return (
      <section class="verdict level-unchecked" id="verdict" data-level="unchecked">
        <p class="level">{t(lang, 'level.unchecked')}</p>
        <p>{t(lang, verdict.status === 'local' ? 'popup.local' : 'popup.unsupported')}</p>
      </section>
    );
  }
  const by = (predicate: (r: Reason) => boolean) => verdict.reasons.filter(predicate);
  const notLookedUp = verdict.intel?.state === 'not-asked';
  return (
    <>
      <section class={`verdict level-${verdict.level}`} id="verdict" data-level={verdict.level}>
        <div class="row">
          <p class="level">{t(lang, `level.${verdict.level}`)}</p>
          <span class="spacer" />
          <p class="score small" id="score">
            {t(lang, 'popup.score', { score: verdict.score })}
          </p>
        </div>
        <p class="host">
          <strong>{verdict.displayHost}</strong>
          {verdict.host !== null && verdict.displayHost !== verdict.host && (
            <span class="muted small">{t(lang, 'popup.hostAscii', { host: verdict.host })}</span>
          )}
        </p>
        {verdict.blocked && <p class="small">{t(lang, 'popup.blocked')}</p>}
        {verdict.allowlisted && verdict.site && (
          <p class="small">
            {t(lang, 'popup.allowlisted')}{' '}
            <button type="button" class="link" onClick={() => props.onUndoAllow(verdict.site!)}>
              {t(lang, 'popup.undoAllow')}
            </button>
          </p>
        )}
        {verdict.licensed && (
          <div class="licensed small" id="licensed">
            <p>
              <strong>{t(lang, 'popup.licensed')}</strong> {verdict.licensed.name}
            </p>
            <p class="muted">
              {t(lang, 'popup.licensedRegister', { register: verdict.licensed.register[lang] })}
              {verdict.licensed.licence &&
                t(lang, 'popup.licensedNumber', { licence: verdict.licensed.licence })}
            </p>
            {(verdict.overridden?.length ?? 0) > 0 && (
              <p id="licensed-conflict">
                {t(lang, 'popup.licensedConflict', { count: verdict.overridden!.length })}
              </p>
            )}
          </div>
        )}
        {verdict.dismissed && verdict.site && (
          <p class="small" id="dismissed">
            {t(lang, 'popup.dismissed')}{' '}
            <button type="button" class="link" onClick={() => props.onUndoDismiss(verdict.site!)}>
              {t(lang, 'popup.undoDismiss')}
            </button>
          </p>
        )}
        {verdict.site && (
          <div class="row site-actions">
            <button type="button" id="report-site" onClick={props.onReport}>
              {t(lang, 'popup.report')}
            </button>
            {/* Only a site the site-name rule accepts can be blocked (not a router's address). */}
            {!verdict.blocked && !blockedNow && isValidUserSite(verdict.site) && (
              <button
                type="button"
                id="block-site"
                onClick={() => {
                  void props.onBlock(verdict.site!).then(setBlockedNow);
                }}
              >
                {t(lang, 'popup.blockSite')}
              </button>
            )}
          </div>
        )}
        {blockedNow && (
          <p class="small" role="status" id="blocked-now">
            {t(lang, 'popup.blockedNow')}
          </p>
        )}
      </section>
      <section class="reasons-section" aria-busy={props.looking}>
        <h2>{t(lang, 'popup.reasons')}</h2>
        {verdict.reasons.filter((r) => r.group !== 'registrar').length === 0 &&
          !verdict.licensed &&
          !props.looking && <p class="muted small">{t(lang, 'popup.noReasons')}</p>}
        <ReasonGroup
          lang={lang}
          id="reasons-list"
          title={t(lang, 'popup.group.list')}
          reasons={by((r) => r.group === 'list')}
        />
        <ReasonGroup
          lang={lang}
          id="reasons-page"
          title={t(lang, 'popup.group.page')}
          reasons={by((r) => r.group === 'page' && r.weight > 0)}
        />
        <ReasonGroup
          lang={lang}
          id="reasons-overridden"
          title={t(lang, 'popup.group.overridden')}
          reasons={verdict.overridden ?? []}
        />
        <div class="reason-group" id="reasons-registrar">
          <h3 class="group-title">{t(lang, 'popup.group.registrar')}</h3>
          {props.looking ? (
            <p class="small muted" role="status">
              <span class="progress" aria-hidden="true" /> {t(lang, 'popup.lookingUp')}
            </p>
          ) : (
            <>
              <ul class="reasons">
                {by((r) => r.group === 'registrar' || r.group === 'age').map((reason) => (
                  <ReasonCard lang={lang} reason={reason} compact />
                ))}
              </ul>
              {notLookedUp && props.onLookup && (
                <p class="small">
                  <button type="button" id="lookup" onClick={props.onLookup}>
                    {t(lang, 'popup.lookUp')}
                  </button>{' '}
                  <span class="muted">
                    {t(lang, 'popup.lookUpHint', { domain: verdict.intel?.domain ?? '' })}
                  </span>
                </p>
              )}
            </>
          )}
        </div>
        <ReasonGroup
          lang={lang}
          id="reasons-breach"
          title={t(lang, 'popup.group.breach')}
          reasons={by((r) => r.group === 'breach')}
        />
        <ReasonGroup
          lang={lang}
          id="reasons-against"
          title={t(lang, 'popup.group.against')}
          reasons={by((r) => r.group === 'page' && r.weight <= 0)}
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
          <ReasonCard lang={lang} reason={reason} compact />
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
      <summary>{t(lang, 'popup.allowlistCount', { count: entries.length })}</summary>
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
