// Export and import of everything the user decided (list contents are not included: lists added
// by URL are downloaded again).
import { EXPORT_FORMAT, type ExportFile } from './model';
import { checkImport, type ImportProblem, type ImportProgress } from './validate';
import { applyImport } from './apply';
import type { DecisionsService } from '../decisions/service';
import { listsView, type ListsHandlerDeps } from '../lists/handlers';
import type { SettingsService } from '../settings/service';

/** A list named in the file that the user may add (shown for confirmation, never fetched here). */
export interface ProposedList {
  url: string;
  format: ExportFile['lists'][number]['format'];
  action: 'block' | 'warn';
  name: string;
}

export type ImportSummary =
  | {
      ok: true;
      allowlist: number;
      userBlocks: number;
      dismissals: number;
      /** Lists added by URL in the file and missing here: the options page asks before adding. */
      proposedLists: ProposedList[];
    }
  | { ok: false; problem: ImportProblem };

export interface BackupDeps extends ListsHandlerDeps {
  decisions: DecisionsService;
  settings: SettingsService;
}

/** What the options page shows while an import runs. */
export type ImportStatus =
  ({ phase: 'checking' } & ImportProgress) | { phase: 'writing'; total: number } | null;

export class BackupService {
  /**
   * The import under way, for the options page's progress line. Only a display: if the worker
   * stops, the import's transaction was not committed and the page says it was interrupted.
   */
  private status: ImportStatus = null;

  constructor(private readonly deps: BackupDeps) {}

  importStatus(): ImportStatus {
    return this.status;
  }

  /** Everything the user decided, as a file. */
  async exportData(): Promise<ExportFile> {
    const view = await listsView(this.deps);
    return {
      format: EXPORT_FORMAT,
      version: 1,
      exportedAt: new Date(this.deps.platform.now()).toISOString(),
      settings: await this.deps.settings.get(),
      allowlist: view.allowlist,
      userBlocks: view.userBlocks,
      dismissals: view.dismissals,
      lists: view.lists.map((r) => ({
        id: r.id,
        origin: r.origin,
        url: r.url,
        format: r.format,
        action: r.action,
        enabled: r.enabled,
        name: r.meta.title.en,
      })),
    };
  }

  /**
   * Apply an exported file, all or nothing: checked as a whole first (backup/validate.ts), then
   * written in one transaction (backup/apply.ts), then the rules are rebuilt once. Lists added by
   * URL are not downloaded here: they come back as proposals the user confirms.
   */
  async importData(text: string): Promise<ImportSummary> {
    try {
      return await this.runImport(text);
    } finally {
      this.status = null;
    }
  }

  private async runImport(text: string): Promise<ImportSummary> {
    const { lists, decisions, platform } = this.deps;
    this.status = { phase: 'checking', checked: 0, total: 0 };
    const checked = await checkImport(text, {
      allowHttp: platform.config.allowHttpEndpoint === true,
      onProgress: (progress) => {
        this.status = { phase: 'checking', ...progress };
      },
    });
    if (!checked.ok) return { ok: false, problem: checked.problem };
    const file = checked.file;
    this.status = {
      phase: 'writing',
      total: file.allowlist.length + file.userBlocks.length + file.dismissals.length,
    };
    await applyImport(file);
    decisions.importedDecisions();
    const existing = new Map((await lists.records()).map((r) => [r.id, r]));
    const proposedLists: ProposedList[] = [];
    for (const list of file.lists) {
      const record = existing.get(list.id);
      if (record) {
        await lists.restoreChoice(list.id, list.enabled, list.action);
      } else if (list.origin === 'custom' && list.url && list.action !== 'notice') {
        if (![...existing.values()].some((r) => r.url === list.url))
          proposedLists.push({
            url: list.url,
            format: list.format,
            // A licensed list's format decides its action (allow); the others keep theirs.
            action: list.action === 'allow' ? 'warn' : list.action,
            name: list.name,
          });
      }
    }
    await lists.changed();
    await decisions.announceAllowChanged();
    return {
      ok: true,
      allowlist: file.allowlist.length,
      userBlocks: file.userBlocks.length,
      dismissals: file.dismissals.length,
      proposedLists,
    };
  }
}
