// The toolbar popup: one clear verdict for the current tab (or any site the user types), the main
// reasons and the actions at a glance, then every reason grouped with its sources (popup/). It
// renders the cached verdict at once and updates when the lookup finishes.
import { useEffect, useState } from 'preact/hooks';
import { errorCode, request } from '../utils/core/client';
import { t } from '../utils/i18n';
import type { Verdict } from '../utils/verdicts/model';
import type { AllowEntry } from '../utils/decisions/allowlist';
import type { ReportKind } from '../utils/reports/model';
import { PageHeader } from './PageHeader';
import { useLanguage } from './useLanguage';
import { DismissConfirm } from './DismissConfirm';
import { asksToDismiss } from '../utils/core/routes';
import { AllowlistView } from './popup/AllowlistView';
import { CheckForm } from './popup/CheckForm';
import { VerdictView } from './popup/VerdictView';

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

  // The report form opens in a window of its own; the popup closes when it loses focus.
  const openReport = (v: Verdict, kind?: ReportKind) => {
    const target =
      view.kind === 'tab' && tabId !== null ? { tabId } : { url: v.url ?? `https://${v.host}/` };
    request({ type: 'report.open', ...target, ...(kind ? { kind } : {}) })
      .then(() => window.close())
      .catch(fail);
  };

  const act = (message: Parameters<typeof request>[0]) => {
    request(message)
      .then(() => (view.kind === 'tab' ? loadTab() : undefined))
      .catch(fail);
  };

  return (
    <main class="popup">
      <PageHeader lang={lang} onLang={setLang} title={t(lang, 'popup.title')} />
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
          onReport={() => openReport(verdict)}
          onDispute={() => openReport(verdict, 'false-positive')}
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
      {/* Below the verdict: the first screen is the current site's verdict, reasons and actions. */}
      <CheckForm
        lang={lang}
        onResult={(input, v) => {
          setView({ kind: 'check', input });
          setVerdict(v);
        }}
      />
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
