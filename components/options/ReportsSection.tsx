// Options → Reports: the user's own report server (HTTPS), what is in effect, and "My reports".
import { useEffect, useState } from 'preact/hooks';
import { request, RequestError } from '../../utils/core/client';
import { t, type Lang } from '../../utils/i18n';
import type { SettingsView } from '../../utils/settings/model';

export function ReportsSection({ lang }: { lang: Lang }) {
  const [view, setView] = useState<SettingsView | null>(null);
  const [input, setInput] = useState('');
  const [message, setMessage] = useState<{ text: string; problem: boolean } | null>(null);
  useEffect(() => {
    request({ type: 'settings.get' })
      .then((v) => {
        setView(v);
        setInput(v.settings.reportEndpoint ?? '');
      })
      .catch(() => undefined);
  }, []);

  const save = (value: string | null) => {
    setMessage(null);
    request({ type: 'settings.set', patch: { reportEndpoint: value } })
      .then((v) => {
        setView(v);
        setInput(v.settings.reportEndpoint ?? '');
        setMessage({ text: t(lang, 'options.reports.saved'), problem: false });
      })
      .catch((e: unknown) =>
        setMessage({
          text:
            e instanceof RequestError && e.code === 'bad-request'
              ? t(lang, 'options.reports.invalid')
              : t(lang, 'popup.error', { error: String(e) }),
          problem: true,
        }),
      );
  };

  return (
    <section id="reports">
      <h2>{t(lang, 'options.reports.title')}</h2>
      <p class="small muted">{t(lang, 'options.reports.intro')}</p>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          save(input.trim() === '' ? '' : input.trim());
        }}
      >
        <label for="report-endpoint">{t(lang, 'options.reports.endpoint')}</label>
        <input
          id="report-endpoint"
          type="url"
          inputMode="url"
          spellcheck={false}
          maxLength={2048}
          placeholder="https://"
          value={input}
          onInput={(e) => setInput(e.currentTarget.value)}
        />
        <button type="submit" id="save-endpoint">
          {t(lang, 'options.reports.save')}
        </button>
        {view?.settings.reportEndpoint !== null && (
          <button type="button" class="link" id="reset-endpoint" onClick={() => save(null)}>
            {t(lang, 'options.reports.reset')}
          </button>
        )}
      </form>
      {view && (
        <p class="small" id="endpoint-status">
          {view.reportEndpoint
            ? t(lang, 'options.reports.current', { url: view.reportEndpoint })
            : t(lang, 'options.reports.none')}
          {view.buildEndpoint &&
            ` ${t(lang, 'options.reports.build', { url: view.buildEndpoint })}`}
        </p>
      )}
      {message && (
        <p
          role={message.problem ? 'alert' : 'status'}
          class={message.problem ? 'small problem' : 'small'}
        >
          {message.text}
        </p>
      )}
      <p>
        <a href="reports.html" target="_blank" rel="noopener" id="open-my-reports">
          {t(lang, 'options.reports.open')}
        </a>
      </p>
    </section>
  );
}
