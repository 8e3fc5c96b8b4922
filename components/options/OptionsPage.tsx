// The options page: every list and its health, the user's own allow/block decisions with when and
// why, settings, and export/import. Each section is its own file in this folder; a new section is
// one new file and one line below.
import { useEffect } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { PAGE_PATHS } from '../../utils/core/routes';
import { useLanguage } from '../useLanguage';
import { PageHeader } from '../PageHeader';
import { useListsView } from './useListsView';
import { ListsSection } from './ListsSection';
import { LicensedSection } from './LicensedSection';
import { DisagreementsSection } from './DisagreementsSection';
import { AllowlistSection } from './AllowlistSection';
import { BlocklistSection } from './BlocklistSection';
import { DismissalsSection } from './DismissalsSection';
import { SettingsSection } from './SettingsSection';
import { ReportsSection } from './ReportsSection';
import { DataSection } from './DataSection';

export function OptionsPage() {
  const [lang, setLang] = useLanguage();
  const { view, error, reload } = useListsView();
  useEffect(() => {
    document.title = t(lang, 'options.title');
  }, [lang]);

  return (
    <main class="options">
      <PageHeader lang={lang} onLang={setLang} title={t(lang, 'options.title')} heading />
      {error && <p role="alert">{t(lang, 'popup.error', { error })}</p>}
      {view && (
        <>
          <ListsSection lang={lang} view={view} onChanged={reload} />
          <DisagreementsSection lang={lang} view={view.disagreements} onChanged={reload} />
          <LicensedSection lang={lang} view={view.licensed} />
          <AllowlistSection lang={lang} entries={view.allowlist} onChanged={reload} />
          <BlocklistSection lang={lang} entries={view.userBlocks} onChanged={reload} />
          <DismissalsSection lang={lang} entries={view.dismissals} onChanged={reload} />
          <SettingsSection lang={lang} onLanguage={setLang} />
          <ReportsSection lang={lang} />
          <DataSection lang={lang} onImported={reload} />
          <p class="small">
            <a href={PAGE_PATHS.privacy} id="privacy-link">
              {t(lang, 'options.privacyLink')}
            </a>
          </p>
        </>
      )}
    </main>
  );
}
