// Export and import of the user's settings file, with one message per way an import can fail
// and the lists the file names offered for the user to add (never fetched without a click).
import { useEffect, useState } from 'preact/hooks';
import { errorCode, request } from '../../utils/core/client';
import { t, type Lang } from '../../utils/i18n';
import { downloadJson } from '../download';
import { pollUntilStopped } from './import-poll';
import type { ImportStatus, ProposedList } from '../../utils/backup/service';
import type { ImportProblem } from '../../utils/backup/validate';

export function DataSection({ lang, onImported }: { lang: Lang; onImported: () => void }) {
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [proposed, setProposed] = useState<ProposedList[]>([]);
  const [status, setStatus] = useState<ImportStatus>(null);
  // While an import runs, ask the background how far it got: a count, not a spinner (100,000
  // entries take a while to check).
  useEffect(() => {
    if (!busy) {
      setStatus(null);
      return;
    }
    return pollUntilStopped(() => request({ type: 'data.importStatus' }), setStatus);
  }, [busy]);
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
          {busy && status ? statusText(lang, status) : message}
        </p>
      )}
      {/* The bar stays, full, while the checked entries are written: the count moves only while
          they are checked, which can be over between two polls on a fast machine. */}
      {busy && status && status.total > 0 && (
        <progress
          id="import-progress"
          max={status.total}
          value={status.phase === 'checking' ? status.checked : status.total}
        />
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

function statusText(lang: Lang, status: NonNullable<ImportStatus>): string {
  return status.phase === 'writing'
    ? t(lang, 'options.data.writing', { total: status.total })
    : t(lang, 'options.data.checking', { checked: status.checked, total: status.total });
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
