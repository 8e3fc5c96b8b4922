import type { Lang } from '../utils/i18n';
import { t } from '../utils/i18n';
import type { Reason } from '../utils/verdicts/model';
import { renderReason } from '../utils/verdicts/render';

/**
 * One reason with its supporting details and sources. Compact (the popup): the sentence, the
 * page's own words for page signals, and everything else behind a "Details and sources" toggle.
 * Full (the warning page): everything shown.
 */
export function ReasonCard({
  lang,
  reason,
  compact = false,
}: {
  lang: Lang;
  reason: Reason;
  compact?: boolean;
}) {
  const rendered = renderReason(lang, reason);
  const sources = rendered.sources.length > 0 && (
    <ul class="sources">
      {rendered.sources.map((source) => (
        <li>
          {source.url ? (
            <a href={source.url} target="_blank" rel="noopener noreferrer">
              {source.label}
            </a>
          ) : (
            <span>{source.label}</span>
          )}
          {source.date && (
            <span class="muted">{t(lang, 'reason.sourceDate', { date: source.date })}</span>
          )}
        </li>
      ))}
    </ul>
  );
  const details = rendered.details.map((line) => <p>{line}</p>);
  const inline =
    !compact ||
    reason.group === 'page' ||
    (rendered.sources.length === 0 && rendered.details.length <= 1);
  return (
    <li class={`reason level-${reason.level}`} data-code={reason.code}>
      <h3>{rendered.title}</h3>
      {inline ? (
        <>
          {details}
          {sources &&
            (compact ? (
              <details class="sources-toggle">
                <summary class="small">
                  {t(lang, 'popup.sources', { count: rendered.sources.length })}
                </summary>
                {sources}
              </details>
            ) : (
              sources
            ))}
        </>
      ) : (
        <details class="sources-toggle">
          <summary class="small">
            {rendered.sources.length > 0
              ? t(lang, 'popup.detailsAndSources', { count: rendered.sources.length })
              : t(lang, 'popup.details')}
          </summary>
          {details}
          {sources}
        </details>
      )}
    </li>
  );
}
