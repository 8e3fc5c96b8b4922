// The licensed-seller allowlist on the options page: how many sellers it holds, every list entry
// that disagrees with it (both sides shown: the register and each list that names the site), and
// the whole allowlist with each seller's register and licence number.
import { t, type Lang } from '../../utils/i18n';
import type { ListsView } from '../../utils/lists/view';

export function LicensedSection({ lang, view }: { lang: Lang; view: ListsView['licensed'] }) {
  return (
    <section id="licensed">
      <h2>{t(lang, 'options.licensed.title')}</h2>
      <p class="muted small">{t(lang, 'options.licensed.intro', { count: view.entries.length })}</p>
      <h3>{t(lang, 'options.licensed.conflicts', { count: view.conflicts.length })}</h3>
      {view.conflicts.length === 0 ? (
        <p class="muted small">{t(lang, 'options.licensed.noConflicts')}</p>
      ) : (
        <ul class="conflicts" id="licensed-conflicts">
          {view.conflicts.map(({ entry, lists }) => (
            <li data-domain={entry.domain}>
              <strong>{entry.domain}</strong> — {entry.name}
              <br />
              <span class="small">
                {t(lang, 'options.licensed.register', { register: entry.register[lang] })}
                {entry.licence ? ` (${entry.licence})` : ''}
              </span>
              <ul class="small">
                {lists.map((l) => (
                  <li>
                    {t(
                      lang,
                      l.blocks ? 'options.licensed.listBlocks' : 'options.licensed.listWarns',
                      {
                        list: l.title[lang],
                        listed: l.listed,
                      },
                    )}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>{t(lang, 'options.licensed.all', { count: view.entries.length })}</summary>
        <table class="small" id="licensed-entries">
          <tbody>
            {view.entries.map((e) => (
              <tr>
                <td>{e.domain}</td>
                <td>{e.name}</td>
                <td>
                  {e.register[lang]}
                  {e.licence ? ` (${e.licence})` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
