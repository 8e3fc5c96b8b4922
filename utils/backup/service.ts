// Export and import of everything the user decided (list contents are not included: lists added
// by URL are downloaded again).
import { EXPORT_FORMAT, ExportSchema, type ExportFile } from './model';
import type { DecisionsService } from '../decisions/service';
import { listsView, type ListsHandlerDeps } from '../lists/handlers';
import type { SettingsService } from '../settings/service';

export type ImportSummary =
  | { ok: true; allowlist: number; userBlocks: number; dismissals: number; listsAdded: number }
  | { ok: false; error: 'not-json' | 'wrong-schema' };

export interface BackupDeps extends ListsHandlerDeps {
  decisions: DecisionsService;
  settings: SettingsService;
}

export class BackupService {
  constructor(private readonly deps: BackupDeps) {}

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
   * Apply an exported file. Validated as a whole first: a damaged file changes nothing. Stored
   * decisions are merged (an imported entry replaces one for the same site); lists added by URL
   * are added again and downloaded.
   */
  async importData(text: string): Promise<ImportSummary> {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return { ok: false, error: 'not-json' };
    }
    const parsed = ExportSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, error: 'wrong-schema' };
    const file = parsed.data;
    const { lists, refresher, decisions, settings } = this.deps;
    await settings.replace(file.settings);
    await decisions.importAll(file);
    const existing = new Map((await lists.records()).map((r) => [r.id, r]));
    let added = 0;
    for (const list of file.lists) {
      if (existing.has(list.id)) {
        await lists.restoreChoice(list.id, list.enabled, list.action);
      } else if (
        list.origin === 'custom' &&
        list.url &&
        /^https?:\/\//.test(list.url) &&
        list.action !== 'notice'
      ) {
        await refresher.subscribe({
          url: list.url,
          format: list.format,
          action: list.action,
          name: list.name,
        });
        added += 1;
      }
    }
    await lists.changed();
    return {
      ok: true,
      allowlist: file.allowlist.length,
      userBlocks: file.userBlocks.length,
      dismissals: file.dismissals.length,
      listsAdded: added,
    };
  }
}
