// Settings: the page language and whether registrar lookups run on their own.
import { useEffect, useState } from 'preact/hooks';
import { request } from '../../utils/core/client';
import { t, type Lang } from '../../utils/i18n';
import { setAutoLookups as saveAutoLookups } from '../../utils/platform/consent';

export function SettingsSection({
  lang,
  onLanguage,
}: {
  lang: Lang;
  onLanguage: (lang: Lang) => void;
}) {
  const [choice, setChoice] = useState<'auto' | Lang>('auto');
  const [autoLookups, setAutoLookups] = useState(true);
  useEffect(() => {
    request({ type: 'settings.get' })
      .then((view) => {
        setChoice(view.settings.language);
        setAutoLookups(view.settings.autoLookups);
      })
      .catch(() => undefined);
  }, []);
  const change = (value: 'auto' | Lang) => {
    setChoice(value);
    void request({ type: 'settings.set', patch: { language: value } }).then((view) =>
      onLanguage(view.lang),
    );
  };
  const changeLookups = (value: boolean) => {
    setAutoLookups(value);
    // On Firefox, turning lookups on asks for the optional data consent; declined, it stays off.
    void saveAutoLookups(value).then(setAutoLookups);
  };
  return (
    <section id="settings">
      <h2>{t(lang, 'options.settings.title')}</h2>
      <label class="row">
        {t(lang, 'options.settings.language')}
        <select value={choice} onChange={(e) => change(e.currentTarget.value as 'auto' | Lang)}>
          <option value="auto">{t(lang, 'options.settings.language.auto')}</option>
          <option value="ja">日本語</option>
          <option value="en">English</option>
        </select>
      </label>
      <label class="row" style="margin-top:0.75rem">
        <input
          type="checkbox"
          id="auto-lookups"
          checked={autoLookups}
          onChange={(e) => changeLookups(e.currentTarget.checked)}
        />
        {t(lang, 'options.settings.autoLookups')}
      </label>
      <p class="small muted">{t(lang, 'options.settings.autoLookupsHint')}</p>
    </section>
  );
}
