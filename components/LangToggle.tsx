import { t, type Lang } from '../utils/i18n';

/** Switches between Japanese and English; the choice is saved by the caller. */
export function LangToggle({ lang, onChange }: { lang: Lang; onChange: (lang: Lang) => void }) {
  return (
    <button
      type="button"
      class="lang-toggle"
      lang={lang === 'ja' ? 'en' : 'ja'}
      aria-label={t(lang, 'lang.toggleLabel')}
      onClick={() => onChange(lang === 'ja' ? 'en' : 'ja')}
    >
      {t(lang, 'lang.toggle')}
    </button>
  );
}
