// The page language: the user's saved choice, else the browser's. Changing it saves the choice.
import { useEffect, useState } from 'preact/hooks';
import { request } from '../utils/core/client';
import { resolveLang, type Lang } from '../utils/i18n';
import { browserLanguage } from '../utils/platform/browser-language';

export function useLanguage(): [Lang, (lang: Lang) => void] {
  const [lang, setLang] = useState<Lang>(() => resolveLang('auto', browserLanguage()));
  useEffect(() => {
    request({ type: 'settings.get' })
      .then((view) => setLang(view.lang))
      .catch(() => undefined);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const change = (next: Lang) => {
    setLang(next);
    void request({ type: 'settings.set', patch: { language: next } });
  };
  return [lang, change];
}
