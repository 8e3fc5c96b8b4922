// "Lists that disagree": hosts a block-level list stops while a warn-level list only warns, and
// sites the user allowed that a list names. Every list is shown by name with what it does, and
// each host gets the user's choices (allow it, block it, or take back an earlier allow). At most
// the first rows are shown; the rest are counted.
import { useState } from 'preact/hooks';
import { request } from '../../utils/core/client';
import { t, type Lang } from '../../utils/i18n';
import type { Disagreements } from '../../utils/lists/disagreements';

export function DisagreementsSection({
  lang,
  view,
  onChanged,
}: {
  lang: Lang;
  view: Disagreements;
  onChanged: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const act = async (run: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await run();
    } finally {
      setBusy(false);
      onChanged();
    }
  };
  // One of a row's choices: a link-styled button, disabled while any choice is being made. A plain
  // function, not a component defined here: a new component type on every render would remount
  // the buttons (and lose focus) each time `busy` changes.
  const action = (name: 'allow' | 'block' | 'unallow', run: () => Promise<unknown>) => (
    <button
      type="button"
      class="link"
      disabled={busy}
      data-action={name}
      onClick={() => void act(run)}
    >
      {t(lang, `options.disagree.${name}`)}
    </button>
  );
  return (
    <section id="disagreements">
      <h2>{t(lang, 'options.disagree.title')}</h2>
      <p class="muted small">{t(lang, 'options.disagree.intro')}</p>
      {view.rows.length === 0 ? (
        <p class="muted small">{t(lang, 'options.disagree.none')}</p>
      ) : (
        // Closed by default: the two packaged lists alone disagree on many hosts, and the section
        // must not push the rest of the options page a screen further down.
        <details id="disagreement-details">
          <summary>
            {t(lang, 'options.disagree.show', { count: view.rows.length + view.more })}
          </summary>
          <ul class="conflicts" id="disagreement-rows">
            {view.rows.map((row) => (
              <li data-host={row.host}>
                <strong>{row.host}</strong>
                <ul class="small">
                  {row.allowed && (
                    <li data-allowed>
                      {t(lang, 'options.disagree.allowed', { site: row.allowed.site })}
                    </li>
                  )}
                  {row.lists.map((l) => (
                    <li data-list={l.id} data-blocks={String(l.blocks)}>
                      {t(
                        lang,
                        l.blocks ? 'options.disagree.listBlocks' : 'options.disagree.listWarns',
                        {
                          list: l.title[lang],
                          listed: l.listed,
                        },
                      )}
                    </li>
                  ))}
                </ul>
                {row.allowed ? (
                  action('unallow', () =>
                    request({ type: 'allowlist.remove', site: row.allowed!.site }),
                  )
                ) : (
                  <>
                    {action('allow', () => request({ type: 'allowlist.add', site: row.host }))}{' '}
                    {action('block', () =>
                      request({
                        type: 'userBlocks.add',
                        site: row.host,
                        note: '',
                        via: 'options',
                      }),
                    )}
                  </>
                )}
              </li>
            ))}
          </ul>
          {view.more > 0 && (
            <p class="muted small" id="disagreement-more">
              {t(lang, 'options.disagree.more', { count: view.more })}
            </p>
          )}
        </details>
      )}
    </section>
  );
}
