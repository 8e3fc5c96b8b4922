// The sites the user chose to always allow, each with a way to undo it.
import { t, formatPartialDate, type Lang } from '../../utils/i18n';
import type { AllowEntry } from '../../utils/decisions/allowlist';
import { displayHost } from '../../utils/core/hostname';

export function AllowlistView({
  lang,
  entries,
  onRemove,
}: {
  lang: Lang;
  entries: AllowEntry[];
  onRemove: (site: string) => void;
}) {
  return (
    <details class="allowlist">
      <summary>{t(lang, 'popup.allowlistCount', { count: entries.length })}</summary>
      {entries.length === 0 ? (
        <p class="muted small">{t(lang, 'popup.allowlistEmpty')}</p>
      ) : (
        <ul>
          {entries.map((entry) => (
            <li class="row">
              <span>{displayHost(entry.site)}</span>
              <span class="muted small">
                {t(lang, 'popup.addedOn', {
                  date: formatPartialDate(lang, new Date(entry.addedAt).toISOString().slice(0, 10)),
                })}
              </span>
              <button type="button" class="link" onClick={() => onRemove(entry.site)}>
                {t(lang, 'popup.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
