// The first-run page, opened once on install (not on update): what Kusuri Guard does, the choice
// about automatic registrar lookups, the lists it starts with, and on Firefox whether host access
// was granted (Firefox lets the user withhold it at install; without it nothing is checked).
import { useEffect, useState } from 'preact/hooks';
import { request } from '../../utils/core/client';
import { PAGE_PATHS } from '../../utils/core/routes';
import { t } from '../../utils/i18n';
import { entryCount } from '../../utils/lists/counts';
import type { ListRecord } from '../../utils/lists/record';
import { browser } from '../../utils/platform/browser';
import { HOST_ORIGINS, isFirefox, setAutoLookups } from '../../utils/platform/consent';
import { PageHeader } from '../PageHeader';
import { useLanguage } from '../useLanguage';

export function WelcomePage() {
  const [lang, setLang] = useLanguage();
  const [lists, setLists] = useState<ListRecord[] | null>(null);
  const [autoLookups, setAuto] = useState<boolean | null>(null);
  const [hostAccess, setHostAccess] = useState<boolean | null>(null);

  useEffect(() => {
    document.title = t(lang, 'welcome.title');
  }, [lang]);
  useEffect(() => {
    request({ type: 'lists.get' })
      .then((view) => setLists(view.lists))
      .catch(() => setLists([]));
    request({ type: 'settings.get' })
      .then((view) => setAuto(view.settings.autoLookups))
      .catch(() => undefined);
    browser.permissions
      .contains({ origins: [...HOST_ORIGINS] })
      .then(setHostAccess)
      .catch(() => setHostAccess(null));
  }, []);

  const chooseLookups = (value: boolean) => {
    // From the click: on Firefox, turning lookups on asks for the "browsing activity" data consent.
    void setAutoLookups(value).then(setAuto);
  };
  const askHostAccess = () => {
    void browser.permissions.request({ origins: [...HOST_ORIGINS] }).then(setHostAccess);
  };

  return (
    <main class="welcome">
      <PageHeader lang={lang} onLang={setLang} title={t(lang, 'welcome.title')} heading />
      <p class="lead">{t(lang, 'welcome.lead')}</p>
      {hostAccess === false && (
        <section class="problem-box" id="host-access" role="alert">
          <h2>{t(lang, 'welcome.hostAccess.title')}</h2>
          <p>{t(lang, 'welcome.hostAccess.missing')}</p>
          <button type="button" class="primary" id="grant-host-access" onClick={askHostAccess}>
            {t(lang, 'welcome.hostAccess.button')}
          </button>
        </section>
      )}
      {hostAccess === true && isFirefox() && (
        <p class="small" id="host-access-ok">
          {t(lang, 'welcome.hostAccess.ok')}
        </p>
      )}
      <section>
        <h2>{t(lang, 'welcome.what.title')}</h2>
        <ul>
          <li>{t(lang, 'welcome.what.block')}</li>
          <li>{t(lang, 'welcome.what.detect')}</li>
          <li>{t(lang, 'welcome.what.report')}</li>
          <li>{t(lang, 'welcome.what.local')}</li>
        </ul>
      </section>
      <section id="lookups">
        <h2>{t(lang, 'welcome.lookups.title')}</h2>
        <p>{t(lang, 'welcome.lookups.explain')}</p>
        <label class="row">
          <input
            type="checkbox"
            id="welcome-auto-lookups"
            checked={autoLookups === true}
            disabled={autoLookups === null}
            onChange={(e) => chooseLookups(e.currentTarget.checked)}
          />
          {t(lang, 'options.settings.autoLookups')}
        </label>
        <p class="small muted">{t(lang, 'welcome.lookups.later')}</p>
      </section>
      <section id="default-lists">
        <h2>{t(lang, 'welcome.lists.title')}</h2>
        <ul>
          {(lists ?? []).map((list) => (
            <li key={list.id}>
              <strong>{list.meta.title[lang]}</strong>
              {t(lang, 'ui.labelSep')}
              {t(lang, `options.list.level.${list.action}`)}
              {t(lang, 'reason.sourceDate', {
                date: t(lang, 'options.list.entries', { count: entryCount(list.counts) }),
              })}
            </li>
          ))}
        </ul>
      </section>
      <p class="row">
        <a href={PAGE_PATHS.privacy} id="privacy-link">
          {t(lang, 'welcome.privacyLink')}
        </a>
        <a href={PAGE_PATHS.options}>{t(lang, 'welcome.optionsLink')}</a>
      </p>
    </main>
  );
}
