import type { Lang } from '../utils/i18n';
import type { Reason } from '../utils/verdict/model';
import { renderReason } from '../utils/verdict/render';

/** One reason with its supporting details and sources. */
export function ReasonCard({ lang, reason }: { lang: Lang; reason: Reason }) {
  const rendered = renderReason(lang, reason);
  return (
    <li class={`reason level-${reason.level}`} data-code={reason.code}>
      <h3>{rendered.title}</h3>
      {rendered.details.map((line) => (
        <p>{line}</p>
      ))}
      {rendered.sources.length > 0 && (
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
              {source.date && <span class="muted"> ({source.date})</span>}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
