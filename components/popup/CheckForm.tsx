// "Check a site without visiting it": any URL or domain, IDNs included; refused input gets a
// clear message in the user's language.
import { useState } from 'preact/hooks';
import { errorCode, request } from '../../utils/core/client';
import { t, type Lang, type MessageKey } from '../../utils/i18n';
import type { Verdict } from '../../utils/verdicts/model';

const CHECK_ERRORS: Record<string, MessageKey> = {
  empty: 'check.error.empty',
  'too-long': 'check.error.too-long',
  invalid: 'check.error.invalid',
  'label-too-long': 'check.error.too-long',
  'public-suffix': 'check.error.invalid',
  'unsupported-scheme': 'check.error.scheme',
  credentials: 'check.error.credentials',
  local: 'check.error.local',
};

export function CheckForm({
  lang,
  onResult,
}: {
  lang: Lang;
  onResult: (input: string, verdict: Verdict) => void;
}) {
  const [input, setInput] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const submit = (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    request({ type: 'check.site', input })
      .then((result) => {
        if (result.ok) onResult(result.input, result.verdict);
        else setMessage(t(lang, CHECK_ERRORS[result.error] ?? 'check.error.invalid'));
      })
      .catch((e: unknown) => setMessage(errorCode(e)))
      .finally(() => setBusy(false));
  };
  return (
    <form class="check" onSubmit={submit} role="search">
      <label for="check-input" class="small">
        {t(lang, 'check.label')}
      </label>
      <div class="row">
        <input
          id="check-input"
          type="text"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          maxLength={5000}
          value={input}
          placeholder={t(lang, 'check.placeholder')}
          onInput={(e) => setInput(e.currentTarget.value)}
        />
        <button type="submit" disabled={busy}>
          {busy ? <span class="progress" aria-hidden="true" /> : null} {t(lang, 'check.button')}
        </button>
      </div>
      {message && (
        <p role="alert" class="small check-error">
          {message}
        </p>
      )}
    </form>
  );
}
