// The full-page warning shown instead of a listed site. The blocked URL arrives in the fragment
// (put there by the pre-load rule); it is untrusted text and is only ever rendered as text.
import { useEffect, useState } from 'preact/hooks';
import { errorCode, request } from '../utils/core/client';
import type { BlockInfo } from '../utils/tabs/model';
import { pick, t, type Lang } from '../utils/i18n';
import { listedForDisplay } from '../utils/verdicts/render';
import { ReasonCard } from './ReasonCard';
import { isValidUserSite } from '../utils/core/site-name';
import { PageHeader } from './PageHeader';
import { useLanguage } from './useLanguage';

export function WarningPage({ blockedUrl }: { blockedUrl: string }) {
  const [lang, setLang] = useLanguage();
  const [info, setInfo] = useState<BlockInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [choosing, setChoosing] = useState(false);

  useEffect(() => {
    request({ type: 'block.info', url: blockedUrl })
      .then(setInfo)
      .catch((e: unknown) => setError(errorCode(e)));
  }, [blockedUrl]);

  useEffect(() => {
    document.title = t(lang, 'warning.pageTitle');
  }, [lang]);

  const goBack = () => {
    if (history.length > 1) history.back();
    else void request({ type: 'block.leave' });
  };

  const proceed = (mode: 'once' | 'always') => {
    request({ type: 'block.continue', url: blockedUrl, mode }).catch((e: unknown) =>
      setError(errorCode(e)),
    );
  };

  const first = info?.status === 'listed' ? info.reasons[0] : undefined;
  const headline = first
    ? t(lang, `warning.headline.${first.category}`)
    : t(lang, 'warning.stopped');

  return (
    <main class="warning level-danger">
      <PageHeader lang={lang} onLang={setLang} title={t(lang, 'app.name')} />

      <section class="verdict" aria-live="polite">
        <p class="stopped small">{t(lang, 'warning.stopped')}</p>
        <h1 id="headline">{headline}</h1>
        {info && info.status !== 'bad-url' && (
          <p class="site">
            <span class="muted">
              {t(lang, 'warning.site')}
              {t(lang, 'ui.labelSep')}
            </span>
            <strong id="site-name">{info.displayHost}</strong>
            {info.displayHost !== info.host && (
              <span class="muted small"> — {t(lang, 'warning.idn', { ascii: info.host })}</span>
            )}
          </p>
        )}
        {info?.status === 'bad-url' && <p id="bad-url">{t(lang, 'warning.badUrl')}</p>}
        {info?.status === 'not-listed' && <p>{t(lang, 'warning.unknownEntry')}</p>}
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
        {info && info.status === 'not-listed' && (
          <button type="button" id="retry" onClick={() => proceed('once')}>
            {t(lang, 'warning.retry')}
          </button>
        )}
        {info && info.status === 'listed' && !choosing && (
          <button type="button" class="link" id="continue" onClick={() => setChoosing(true)}>
            {t(lang, 'warning.continue')}
          </button>
        )}
        <span class="spacer" />
        {info && info.status !== 'bad-url' && (
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
      {info && info.status === 'listed' && choosing && (
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
            {isValidUserSite(info.site) && (
              <button
                type="button"
                class="danger-outline"
                id="continue-always"
                onClick={() => proceed('always')}
              >
                {t(lang, 'warning.continueAlways')}
              </button>
            )}
            <button type="button" class="link" onClick={() => setChoosing(false)}>
              {t(lang, 'warning.continueCancel')}
            </button>
          </div>
          <p class="small muted">
            {t(lang, 'warning.continueAlwaysHint', { site: listedForDisplay(info.site) })}
          </p>
        </div>
      )}

      {info && info.status === 'listed' && (
        <section class="why">
          <h2>{t(lang, 'warning.why')}</h2>
          {info.reasons.map((reason) => (
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
          {blockedUrl}
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
