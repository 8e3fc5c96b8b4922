// The form that adds a list by URL, with its format and whether it warns or blocks.
import { useState } from 'preact/hooks';
import { errorCode, request } from '../../utils/core/client';
import { t, type Lang } from '../../utils/i18n';
import type { BlockAction, ListFormat } from '../../utils/lists/record';

export function AddListForm({ lang, onAdded }: { lang: Lang; onAdded: () => void }) {
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [format, setFormat] = useState<ListFormat>('domains');
  const [action, setAction] = useState<BlockAction>('warn');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const submit = (event: Event) => {
    event.preventDefault();
    if (!/^https?:\/\/\S+$/i.test(url.trim())) {
      setMessage(t(lang, 'options.add.badUrl'));
      return;
    }
    setBusy(true);
    setMessage(null);
    request({ type: 'lists.add', url: url.trim(), format, action, name })
      .then(() => {
        setUrl('');
        setName('');
        onAdded();
      })
      .catch((e: unknown) => setMessage(errorCode(e)))
      .finally(() => setBusy(false));
  };
  return (
    <form class="inline" id="add-list" onSubmit={submit}>
      <h3 style="flex-basis:100%;margin:0.5rem 0 0">{t(lang, 'options.add.title')}</h3>
      <label>
        {t(lang, 'options.add.url')}
        <input
          type="url"
          name="url"
          value={url}
          onInput={(e) => setUrl(e.currentTarget.value)}
          required
          placeholder="https://"
        />
      </label>
      <label>
        {t(lang, 'options.add.name')}
        <input
          type="text"
          name="name"
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
          maxLength={100}
        />
      </label>
      <label>
        {t(lang, 'options.add.format')}
        <select
          name="format"
          value={format}
          onChange={(e) => setFormat(e.currentTarget.value as ListFormat)}
        >
          {(['kusuri-guard', 'domains', 'ublacklist', 'hibp', 'licensed'] as const).map((f) => (
            <option value={f}>{t(lang, `options.format.${f}`)}</option>
          ))}
        </select>
      </label>
      <label>
        {t(lang, 'options.list.level')}
        <select
          name="action"
          value={action}
          onChange={(e) => setAction(e.currentTarget.value as BlockAction)}
        >
          <option value="warn">{t(lang, 'options.list.level.warn')}</option>
          <option value="block">{t(lang, 'options.list.level.block')}</option>
        </select>
      </label>
      <button type="submit" class="primary" disabled={busy}>
        {busy ? t(lang, 'options.add.adding') : t(lang, 'options.add.submit')}
      </button>
      {message && (
        <p role="alert" style="flex-basis:100%">
          {message}
        </p>
      )}
    </form>
  );
}
