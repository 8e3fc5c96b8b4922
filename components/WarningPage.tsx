// The full-page warning shown instead of a listed site, or instead of a page that hid the in-page
// banner. The fragment (put there by the pre-load rule) is never trusted: the background answers
// with the address it recorded for this tab, and only to a top-level warning page. Inside a frame
// (another page framing it, or a listed site stopped in a sub-frame) it shows a short notice and
// offers nothing to click.
import { useEffect, useState } from 'preact/hooks';
import { errorCode, request } from '../utils/core/client';
import type { BlockInfo } from '../utils/tabs/model';
import { pick, t, type Lang } from '../utils/i18n';
import { listedForDisplay } from '../utils/verdicts/render';
import { ReasonCard } from './ReasonCard';
import { isValidUserSite } from '../utils/core/site-name';
import { PageHeader } from './PageHeader';
import { useLanguage } from './useLanguage';

/** How long "Yes, always allow" stays disabled: a click meant for something else cannot land on it. */
const CONFIRM_DELAY_MS = 1000;

export function WarningPage({ blockedUrl: _fragment }: { blockedUrl: string }) {
  const framed = window.top !== window;
  return framed ? <FramedNotice /> : <TopLevelWarning />;
}

function FramedNotice() {
  const [lang] = useLanguage();
  return (
    <main class="warning framed">
      <p id="framed">{t(lang, 'warning.framed')}</p>
    </main>
  );
}

function TopLevelWarning() {
  const [lang, setLang] = useLanguage();
  const [info, setInfo] = useState<BlockInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [confirmReady, setConfirmReady] = useState(false);

  useEffect(() => {
    request({ type: 'block.info' })
      .then(setInfo)
      .catch((e: unknown) => setError(errorCode(e)));
  }, []);

  useEffect(() => {
    if (!confirming) return;
    setConfirmReady(false);
    const timer = setTimeout(() => setConfirmReady(true), CONFIRM_DELAY_MS);
    return () => clearTimeout(timer);
  }, [confirming]);

  useEffect(() => {
    document.title = t(lang, 'warning.pageTitle');
  }, [lang]);

  const goBack = () => {
    if (history.length > 1) history.back();
    else void request({ type: 'block.leave' });
  };

  const proceed = (mode: 'once' | 'always') => {
    request({ type: 'block.continue', mode }).catch((e: unknown) => setError(errorCode(e)));
  };

  const checked = info && (info.status === 'listed' || info.status === 'not-listed') ? info : null;
  const hidden = checked?.hidden === true;
  const first = checked?.status === 'listed' ? checked.reasons[0] : undefined;
  const headline = hidden
    ? t(lang, 'warning.headline.hidden')
    : first
      ? t(lang, `warning.headline.${first.category}`)
      : t(lang, 'warning.stopped');
  // Continue choices: for a listed site, and for a page sent here because it hid the banner.
  const canContinue = checked !== null && (checked.status === 'listed' || hidden);

  return (
    <main class="warning level-danger">
      <PageHeader lang={lang} onLang={setLang} title={t(lang, 'app.name')} />

      <section class="verdict" aria-live="polite">
        <p class="stopped small">{t(lang, hidden ? 'warning.hiddenStopped' : 'warning.stopped')}</p>
        <h1 id="headline">{headline}</h1>
        {checked && (
          <p class="site">
            <span class="muted">
              {t(lang, 'warning.site')}
              {t(lang, 'ui.labelSep')}
            </span>
            <strong id="site-name">{checked.displayHost}</strong>
            {checked.displayHost !== checked.host && (
              <span class="muted small"> — {t(lang, 'warning.idn', { ascii: checked.host })}</span>
            )}
          </p>
        )}
        {info?.status === 'bad-url' && <p id="bad-url">{t(lang, 'warning.badUrl')}</p>}
        {(info?.status === 'unverified' || info?.status === 'framed') && (
          <p id="unverified">{t(lang, 'warning.unverified')}</p>
        )}
        {hidden && <p id="hidden-explain">{t(lang, 'warning.hiddenExplain')}</p>}
        {checked?.status === 'not-listed' && !hidden && <p>{t(lang, 'warning.unknownEntry')}</p>}
        <p class="explain">{t(lang, explainKey(first?.category))}</p>
      </section>

      {error && (
        <p role="alert" class="error">
          {t(lang, 'warning.failed', { error: errorText(lang, error) })}
        </p>
      )}

      <div class="actions row">
        <button type="button" class="primary" id="go-back" autoFocus onClick={goBack}>
          {t(lang, 'warning.goBack')}
        </button>
        {checked?.status === 'not-listed' && !hidden && (
          <button type="button" id="retry" onClick={() => proceed('once')}>
            {t(lang, 'warning.retry')}
          </button>
        )}
        {canContinue && !choosing && (
          <button type="button" class="link" id="continue" onClick={() => setChoosing(true)}>
            {t(lang, 'warning.continue')}
          </button>
        )}
        <span class="spacer" />
        {checked && (
          <button
            type="button"
            class="link"
            id="report"
            onClick={() => {
              request({ type: 'report.open' }).catch((e: unknown) => setError(errorCode(e)));
            }}
          >
            {t(lang, 'warning.report')}
          </button>
        )}
      </div>
      {checked && (
        // A dispute path for site owners and users: a prefilled "listed by mistake" report to the
        // list maintainers, opened for this tab only if the background verifies this page.
        <p class="dispute small">
          <button
            type="button"
            class="link"
            id="dispute"
            onClick={() => {
              request({ type: 'report.open', kind: 'false-positive' }).catch((e: unknown) =>
                setError(errorCode(e)),
              );
            }}
          >
            {t(lang, 'dispute.button')}
          </button>{' '}
          <span class="muted">{t(lang, 'dispute.hint')}</span>
        </p>
      )}
      {checked && canContinue && choosing && !confirming && (
        <div class="continue-choices" role="group">
          <div class="row">
            <button
              type="button"
              class="danger-outline"
              id="continue-once"
              onClick={() => proceed('once')}
            >
              {t(lang, 'warning.continueOnce')}
            </button>
            {/* "Always" stores an allowance: only for a site the site-name rule accepts. */}
            {isValidUserSite(checked.site) && (
              <button
                type="button"
                class="danger-outline"
                id="continue-always"
                onClick={() => setConfirming(true)}
              >
                {t(lang, 'warning.continueAlways')}
              </button>
            )}
            <button type="button" class="link" onClick={() => setChoosing(false)}>
              {t(lang, 'warning.continueCancel')}
            </button>
          </div>
          <p class="small muted">
            {t(lang, 'warning.continueAlwaysHint', { site: listedForDisplay(checked.site) })}
          </p>
        </div>
      )}
      {checked && canContinue && confirming && (
        // A second, separate step in a different place: a decoy cannot line up both clicks,
        // and the button only works after a pause.
        <div class="continue-choices confirm" role="alertdialog" id="confirm-always">
          <p>{t(lang, 'warning.confirmAlways', { site: listedForDisplay(checked.site) })}</p>
          <div class="row">
            <button type="button" class="primary" autoFocus onClick={() => setConfirming(false)}>
              {t(lang, 'warning.continueCancel')}
            </button>
            <span class="spacer" />
            <button
              type="button"
              class="danger-outline"
              id="confirm-always-yes"
              disabled={!confirmReady}
              onClick={() => proceed('always')}
            >
              {t(lang, 'warning.confirmAlwaysYes')}
            </button>
          </div>
        </div>
      )}

      {checked?.status === 'listed' && (
        <section class="why">
          <h2>{t(lang, 'warning.why')}</h2>
          {checked.reasons.map((reason) => (
            <div class="listing">
              <dl class="facts">
                <dt>{t(lang, 'warning.list')}</dt>
                <dd>{pick(lang, reason.list.title)}</dd>
                <dt>{t(lang, 'warning.category')}</dt>
                <dd>{t(lang, `category.${reason.category}`)}</dd>
                <dt>{t(lang, 'warning.listedEntry')}</dt>
                <dd>{listedForDisplay(reason.listed)}</dd>
                {reason.network && <dt>{t(lang, 'warning.network')}</dt>}
                {reason.network && <dd>{reason.network}</dd>}
              </dl>
              <ul class="reasons">
                <ReasonCard lang={lang} reason={reason} />
              </ul>
            </div>
          ))}
        </section>
      )}

      <section class="address">
        <h2 class="small muted">{t(lang, 'warning.address')}</h2>
        <p class="mono small" id="blocked-url">
          {checked?.url ?? ''}
        </p>
      </section>
    </main>
  );
}

function errorText(lang: Lang, code: string): string {
  switch (code) {
    case 'bad-request':
    case 'forbidden':
    case 'not-found':
    case 'internal':
      return t(lang, `error.${code}`);
    default:
      return code;
  }
}

/** The medicines explanation (薬機法, relief system) only where a pharmacy listing is the reason. */
function explainKey(
  category: string | undefined,
): 'warning.explain' | 'warning.explain.scam' | 'warning.explain.breached-service' {
  if (category === 'scam') return 'warning.explain.scam';
  if (category === 'breached-service') return 'warning.explain.breached-service';
  return 'warning.explain';
}
