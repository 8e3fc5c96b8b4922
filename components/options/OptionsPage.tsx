// The options page: every list and its health, the user's own allow/block decisions with when and
// why, settings, and export/import.
import { useEffect, useState } from 'preact/hooks';
import { errorCode, request } from '../../utils/core/client';
import { t, type Lang } from '../../utils/i18n';
import { dateOnly } from '../../utils/i18n/time';
import { displayHost } from '../../utils/core/hostname';
import { isValidUserSite, type SiteNameError } from '../../utils/core/site-name';
import type { ListsView } from '../../utils/lists/view';
import type { BlockAction, ListFormat } from '../../utils/lists/record';
import { useLanguage } from '../useLanguage';
import { PageHeader } from '../PageHeader';
import { ListCard } from './ListCard';
import { downloadJson } from '../download';
import { ReportsSection } from './ReportsSection';
import type { ProposedList } from '../../utils/backup/service';
import type { ImportProblem } from '../../utils/backup/validate';
import { LicensedSection } from './LicensedSection';
import { PAGE_PATHS } from '../../utils/core/routes';
import { setAutoLookups as saveAutoLookups } from '../../utils/platform/consent';

export function OptionsPage() {
  const [lang, setLang] = useLanguage();
  const [view, setView] = useState<ListsView | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = () =>
    request({ type: 'lists.get' })
      .then(setView)
      .catch((e: unknown) => setError(errorCode(e)));
  useEffect(() => {
    void load();
  }, []);
  useEffect(() => {
    document.title = t(lang, 'options.title');
  }, [lang]);

  return (
    <main class="options">
      <PageHeader lang={lang} onLang={setLang} title={t(lang, 'options.title')} heading />
      {error && <p role="alert">{t(lang, 'popup.error', { error })}</p>}
      {view && (
        <>
          <section id="lists">
            <h2>{t(lang, 'options.lists.title')}</h2>
            <p class="small muted">{t(lang, 'options.lists.intro')}</p>
            {view.dnr && (
              <p class="small" id="rules-status">
                {t(lang, 'options.rules.status', {
                  domains: view.dnr.blockDomains,
                  rules: view.dnr.ruleCount,
                })}
                {view.dnr.error && (
                  <span class="problem">
                    {' '}
                    {t(lang, 'options.rules.error', { error: view.dnr.error })}
                  </span>
                )}
                {view.dnr.overflow && (
                  <span class="problem" id="rules-overflow">
                    {' '}
                    {t(lang, 'options.rules.overflow', {
                      total: view.dnr.totalBlockDomains,
                      left: view.dnr.totalBlockDomains - view.dnr.blockDomains,
                      error: view.dnr.overflow,
                    })}
                  </span>
                )}
              </p>
            )}
            {view.lists.map((record) => (
              <ListCard lang={lang} record={record} now={view.now} onChanged={() => void load()} />
            ))}
            <AddListForm lang={lang} onAdded={() => void load()} />
          </section>
          <LicensedSection lang={lang} view={view.licensed} />
          <SiteSection
            id="allowlist"
            lang={lang}
            title={t(lang, 'options.allow.title')}
            intro={t(lang, 'options.allow.intro')}
            rows={view.allowlist.map((e) => ({
              site: e.site,
              addedAt: e.addedAt,
              why: t(lang, `options.via.${e.via}`),
            }))}
            addLabel={t(lang, 'options.sites.allowButton')}
            checkSites
            onAdd={(site) =>
              request({ type: 'allowlist.add', site }).then((r) => (r.added ? null : r.error))
            }
            onRemove={(site) => request({ type: 'allowlist.remove', site }).then(() => undefined)}
            onChanged={() => void load()}
          />
          <SiteSection
            id="blocklist"
            lang={lang}
            title={t(lang, 'options.block.title')}
            intro={t(lang, 'options.block.intro')}
            rows={view.userBlocks.map((b) => ({
              site: b.site,
              addedAt: b.addedAt,
              why: b.note !== '' ? b.note : t(lang, `options.via.${b.via}`),
            }))}
            addLabel={t(lang, 'options.sites.blockButton')}
            checkSites
            withNote
            onAdd={(site, note) =>
              request({ type: 'userBlocks.add', site, note }).then((r) =>
                r.added ? null : r.error,
              )
            }
            onRemove={(site) => request({ type: 'userBlocks.remove', site }).then(() => undefined)}
            onChanged={() => void load()}
          />
          <SiteSection
            id="dismissals"
            lang={lang}
            title={t(lang, 'options.dismiss.title')}
            intro={t(lang, 'options.dismiss.intro')}
            rows={view.dismissals.map((d) => ({
              site: d.site,
              addedAt: d.addedAt,
              why: d.url ?? '',
            }))}
            onRemove={(site) => request({ type: 'dismissal.remove', site }).then(() => undefined)}
            onChanged={() => void load()}
          />
          <SettingsSection lang={lang} onLanguage={setLang} />
          <ReportsSection lang={lang} />
          <DataSection lang={lang} onImported={() => void load()} />
          <p class="small">
            <a href={PAGE_PATHS.privacy} id="privacy-link">
              {t(lang, 'options.privacyLink')}
            </a>
          </p>
        </>
      )}
    </main>
  );
}

function AddListForm({ lang, onAdded }: { lang: Lang; onAdded: () => void }) {
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
          {(['kusuri-guard', 'domains', 'ublacklist', 'hibp'] as const).map((f) => (
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

interface SiteRow {
  site: string;
  addedAt: number;
  why: string;
}

function SiteSection(props: {
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

function SettingsSection({ lang, onLanguage }: { lang: Lang; onLanguage: (lang: Lang) => void }) {
  const [choice, setChoice] = useState<'auto' | Lang>('auto');
  const [autoLookups, setAutoLookups] = useState(true);
  useEffect(() => {
    request({ type: 'settings.get' })
      .then((view) => {
        setChoice(view.settings.language);
        setAutoLookups(view.settings.autoLookups);
      })
      .catch(() => undefined);
  }, []);
  const change = (value: 'auto' | Lang) => {
    setChoice(value);
    void request({ type: 'settings.set', patch: { language: value } }).then((view) =>
      onLanguage(view.lang),
    );
  };
  const changeLookups = (value: boolean) => {
    setAutoLookups(value);
    // On Firefox, turning lookups on asks for the optional data consent; declined, it stays off.
    void saveAutoLookups(value).then(setAutoLookups);
  };
  return (
    <section id="settings">
      <h2>{t(lang, 'options.settings.title')}</h2>
      <label class="row">
        {t(lang, 'options.settings.language')}
        <select value={choice} onChange={(e) => change(e.currentTarget.value as 'auto' | Lang)}>
          <option value="auto">{t(lang, 'options.settings.language.auto')}</option>
          <option value="ja">日本語</option>
          <option value="en">English</option>
        </select>
      </label>
      <label class="row" style="margin-top:0.75rem">
        <input
          type="checkbox"
          id="auto-lookups"
          checked={autoLookups}
          onChange={(e) => changeLookups(e.currentTarget.checked)}
        />
        {t(lang, 'options.settings.autoLookups')}
      </label>
      <p class="small muted">{t(lang, 'options.settings.autoLookupsHint')}</p>
    </section>
  );
}

function DataSection({ lang, onImported }: { lang: Lang; onImported: () => void }) {
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [proposed, setProposed] = useState<ProposedList[]>([]);
  const exportFile = () => {
    void request({ type: 'data.export' }).then((data) =>
      downloadJson(
        `kusuri-guard-settings-${data.exportedAt.slice(0, 10)}.json`,
        JSON.stringify(data, null, 2),
      ),
    );
  };
  const importFile = (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setProposed([]);
    setMessage(t(lang, 'options.data.importing'));
    void file
      .text()
      .then((text) => request({ type: 'data.import', text }))
      .then((summary) => {
        if (summary.ok) {
          setMessage(
            t(lang, 'options.data.imported', {
              allowlist: summary.allowlist,
              blocks: summary.userBlocks,
              dismissals: summary.dismissals,
            }),
          );
          setProposed(summary.proposedLists);
        } else {
          setMessage(importProblemText(lang, summary.problem));
        }
        onImported();
      })
      // The request failed (the worker stopped, the disk is full): the single transaction was
      // not committed, so nothing changed.
      .catch(() => setMessage(t(lang, 'options.data.interrupted')))
      .finally(() => setBusy(false));
  };
  const addList = (list: ProposedList) => {
    void request({ type: 'lists.add', ...list })
      .then(() => {
        setProposed((rest) => rest.filter((l) => l.url !== list.url));
        onImported();
      })
      .catch((e: unknown) => setMessage(t(lang, 'popup.error', { error: errorCode(e) })));
  };
  return (
    <section id="data">
      <h2>{t(lang, 'options.data.title')}</h2>
      <p class="small muted">{t(lang, 'options.data.intro')}</p>
      <div class="row">
        <button type="button" id="export" onClick={exportFile}>
          {t(lang, 'options.data.export')}
        </button>
        <label class="row">
          {t(lang, 'options.data.import')}
          <input
            type="file"
            disabled={busy}
            id="import"
            accept="application/json,.json"
            onChange={(e) => importFile(e.currentTarget.files?.[0])}
          />
        </label>
      </div>
      {message && (
        <p role="status" id="import-result" aria-busy={busy}>
          {busy && <span class="progress" aria-hidden="true" />} {message}
        </p>
      )}
      {proposed.length > 0 && (
        <div id="proposed-lists">
          <p class="small">{t(lang, 'options.data.proposedLists')}</p>
          <ul>
            {proposed.map((list) => (
              <li data-url={list.url}>
                <code>{list.url}</code> ({list.name}){' '}
                <button type="button" onClick={() => addList(list)}>
                  {t(lang, 'options.data.addList')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function importProblemText(lang: Lang, problem: ImportProblem): string {
  switch (problem.kind) {
    case 'newer-version':
      return t(lang, 'options.data.newerVersion');
    case 'invalid-entries':
      return t(lang, 'options.data.invalidEntries', {
        count: problem.count,
        examples: problem.examples.join(', '),
      });
    case 'wrong-schema':
      return t(lang, 'options.data.damaged', { detail: problem.detail });
    default:
      return t(lang, 'options.data.importFailed');
  }
}
