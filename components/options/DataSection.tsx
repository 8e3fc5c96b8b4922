// Export and import of the user's settings file, with one message per way an import can fail
// and the lists the file names offered for the user to add (never fetched without a click).
import { useState } from 'preact/hooks';
import { errorCode, request } from '../../utils/core/client';
import { t, type Lang } from '../../utils/i18n';
import { downloadJson } from '../download';
import type { ProposedList } from '../../utils/backup/service';
import type { ImportProblem } from '../../utils/backup/validate';

export function DataSection({ lang, onImported }: { lang: Lang; onImported: () => void }) {
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
