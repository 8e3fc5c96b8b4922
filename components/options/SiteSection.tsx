// One table of the user's own sites (allowed, blocked or silenced) with when and why each was
// added, a remove button per row and, when the section takes additions, a form that applies the
// site-name rule's answer.
import { useState } from 'preact/hooks';
import { t, type Lang } from '../../utils/i18n';
import { dateOnly } from '../../utils/i18n/time';
import { displayHost } from '../../utils/core/hostname';
import { isValidUserSite, type SiteNameError } from '../../utils/core/site-name';

export interface SiteRow {
  site: string;
  addedAt: number;
  why: string;
}

export function SiteSection(props: {
  id: string;
  lang: Lang;
  title: string;
  intro: string;
  rows: SiteRow[];
  addLabel?: string;
  withNote?: boolean;
  /** Resolves to null when added, or to why the site-name rule refused it. */
  onAdd?: (site: string, note: string) => Promise<SiteNameError | null>;
  /** Stored entries failing the site-name rule are marked: the rules ignore them. */
  checkSites?: boolean;
  onRemove: (site: string) => Promise<void>;
  onChanged: () => void;
}) {
  const { lang } = props;
  const [site, setSite] = useState('');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const add = (event: Event) => {
    event.preventDefault();
    props
      .onAdd?.(site.trim(), note.trim())
      .then((error) => {
        if (error !== null) return setMessage(t(lang, `options.sites.error.${error}`));
        setSite('');
        setNote('');
        setMessage(null);
        props.onChanged();
      })
      .catch(() => setMessage(t(lang, 'options.sites.invalid')));
  };
  return (
    <section id={props.id}>
      <h2>{props.title}</h2>
      <p class="small muted">{props.intro}</p>
      {props.rows.length === 0 ? (
        <p class="muted small">{t(lang, 'options.sites.empty')}</p>
      ) : (
        <table class="sites">
          <thead>
            <tr>
              <th scope="col">{t(lang, 'options.col.site')}</th>
              <th scope="col">{t(lang, 'options.col.added')}</th>
              <th scope="col">{t(lang, 'options.col.why')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr data-site={row.site}>
                <td>
                  {displayHost(row.site)}
                  {props.checkSites && !isValidUserSite(row.site) && (
                    <span class="problem small" data-invalid-site>
                      {' '}
                      {t(lang, 'options.sites.storedInvalid')}
                    </span>
                  )}
                </td>
                <td>{dateOnly(lang, row.addedAt)}</td>
                <td>{row.why}</td>
                <td>
                  <button
                    type="button"
                    class="link"
                    onClick={() => void props.onRemove(row.site).then(props.onChanged)}
                  >
                    {t(lang, 'popup.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.onAdd && (
        <form class="inline" onSubmit={add}>
          <label>
            {t(lang, 'options.sites.add')}
            <input
              type="text"
              value={site}
              onInput={(e) => setSite(e.currentTarget.value)}
              required
              placeholder="example.com"
            />
          </label>
          {props.withNote && (
            <label>
              {t(lang, 'options.block.note')}
              <input
                type="text"
                value={note}
                onInput={(e) => setNote(e.currentTarget.value)}
                maxLength={500}
              />
            </label>
          )}
          <button type="submit">{props.addLabel}</button>
          {message && <span role="alert">{message}</span>}
        </form>
      )}
    </section>
  );
}
