// Everything in a settings file is checked before anything is written: the file's kind and
// version, then every entry against the rule it would meet when typed (the site-name rule for
// allowances, blocks and silenced sites; the https rule for a report endpoint; the remote-URL rule
// for lists added by URL). One bad entry refuses the whole file, with what was wrong.
import { EXPORT_FORMAT, ExportSchema, type ExportFile } from './model';
import { isValidUserSite } from '../core/site-name';
import { remoteUrlProblem } from '../core/remote-url';
import { LIST_HTTP_ALLOWED } from '../lists/fetch-list';
import { endpointUrl } from '../reports/queue';

export type ImportProblem =
  | { kind: 'not-json' }
  | { kind: 'not-settings' }
  | { kind: 'newer-version'; version: number }
  | { kind: 'wrong-schema'; detail: string }
  | { kind: 'invalid-entries'; count: number; examples: string[] };

export type CheckedImport = { ok: true; file: ExportFile } | { ok: false; problem: ImportProblem };

const EXAMPLES = 5;

/** How many entries are checked between two yields (and progress reports). */
export const CHECK_SLICE = 2_000;

/** How far a check has got: entries are the sites, the endpoint and the lists in the file. */
export interface ImportProgress {
  checked: number;
  total: number;
}

export interface CheckOptions {
  allowHttp?: boolean;
  /** Told after every slice of entries; the check yields to the event loop in between. */
  onProgress?: (progress: ImportProgress) => void;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Check a settings file whole. It yields every CHECK_SLICE entries, so a worker checking 100,000
 * entries still answers the options page's progress requests (and anything else).
 */
export async function checkImport(
  text: string,
  options: CheckOptions = {},
): Promise<CheckedImport> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problem: { kind: 'not-json' } };
  }
  const head = (raw ?? {}) as { format?: unknown; version?: unknown };
  if (typeof raw !== 'object' || head.format !== EXPORT_FORMAT)
    return { ok: false, problem: { kind: 'not-settings' } };
  if (typeof head.version === 'number' && head.version > 1)
    return { ok: false, problem: { kind: 'newer-version', version: head.version } };
  const parsed = ExportSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    return { ok: false, problem: { kind: 'wrong-schema', detail: where.slice(0, 100) } };
  }
  const file = parsed.data;
  const bad: string[] = [];
  const endpoint = file.settings.reportEndpoint;
  const hasEndpoint = typeof endpoint === 'string' && endpoint.trim() !== '';
  const total =
    file.allowlist.length +
    file.userBlocks.length +
    file.dismissals.length +
    (hasEndpoint ? 1 : 0) +
    file.lists.length;
  let checked = 0;
  const tick = async () => {
    checked += 1;
    if (checked % CHECK_SLICE === 0) {
      options.onProgress?.({ checked, total });
      await yieldToEventLoop();
    }
  };
  options.onProgress?.({ checked, total });
  for (const [field, rows] of [
    ['allowlist', file.allowlist],
    ['userBlocks', file.userBlocks],
    ['dismissals', file.dismissals],
  ] as const) {
    for (const row of rows) {
      if (!isValidUserSite(row.site)) bad.push(`${field}: ${row.site}`);
      await tick();
    }
  }
  if (hasEndpoint) {
    if (!endpointUrl(endpoint, options.allowHttp)) bad.push(`reportEndpoint: ${endpoint}`);
    await tick();
  }
  for (const list of file.lists) {
    if (list.origin === 'custom' && list.url !== null) {
      if (remoteUrlProblem(list.url, { allowHttp: LIST_HTTP_ALLOWED }) !== null)
        bad.push(`lists: ${list.url}`);
    }
    await tick();
  }
  options.onProgress?.({ checked, total });
  if (bad.length > 0) {
    return {
      ok: false,
      problem: {
        kind: 'invalid-entries',
        count: bad.length,
        examples: bad.slice(0, EXAMPLES).map((s) => s.slice(0, 120)),
      },
    };
  }
  return { ok: true, file };
}
