// The privacy policy shipped with the extension (linked from the first-run page, the options page
// and the README). Each section names one kind of request the code makes; README "Privacy" and
// this page say the same, and tests/unit/privacy-policy.test.ts checks the addresses against the
// ones the code really requests.
import { useEffect } from 'preact/hooks';
import { t, type MessageKey } from '../../utils/i18n';
import { PageHeader } from '../PageHeader';
import { useLanguage } from '../useLanguage';

/**
 * Every fixed address the extension downloads from (the project's list URL is set at build time
 * and named in the text). A unit test compares this with the constants the code fetches.
 */
export const PRIVACY_REQUEST_URLS = [
  'https://haveibeenpwned.com/api/v3/breaches',
  'https://blocklistproject.github.io/Lists/drugs.txt',
  'https://data.iana.org/rdap/dns.json',
] as const;

const SECTIONS: { id: string; title: MessageKey; text: MessageKey[] }[] = [
  { id: 'local', title: 'privacy.local.title', text: ['privacy.local.text'] },
  { id: 'lists', title: 'privacy.lists.title', text: ['privacy.lists.text'] },
  {
    id: 'rdap',
    title: 'privacy.rdap.title',
    text: ['privacy.rdap.text', 'privacy.rdap.when', 'privacy.rdap.setting'],
  },
  { id: 'reports', title: 'privacy.reports.title', text: ['privacy.reports.text'] },
  { id: 'stored', title: 'privacy.stored.title', text: ['privacy.stored.text'] },
  { id: 'none', title: 'privacy.none.title', text: ['privacy.none.text'] },
];

export function PrivacyPage() {
  const [lang, setLang] = useLanguage();
  useEffect(() => {
    document.title = t(lang, 'privacy.title');
  }, [lang]);
  return (
    <main class="privacy">
      <PageHeader lang={lang} onLang={setLang} title={t(lang, 'privacy.title')} heading />
      <p>{t(lang, 'privacy.intro')}</p>
      {SECTIONS.map((section) => (
        <section id={`privacy-${section.id}`} key={section.id}>
          <h2>{t(lang, section.title)}</h2>
          {section.text.map((key) => (
            <p key={key}>{t(lang, key)}</p>
          ))}
          {section.id === 'lists' && (
            <ul class="small">
              {PRIVACY_REQUEST_URLS.map((url) => (
                <li key={url}>
                  <code>{url}</code>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </main>
  );
}
