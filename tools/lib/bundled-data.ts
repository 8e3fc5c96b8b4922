// Reads the curated data in data/ (Node only). Used by the build (wxt.config.ts), the data tests
// and the command-line tools, so all of them see exactly the same bundled list.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LIST_FORMAT, LIST_SCHEMA_VERSION } from '../../utils/list/model';

export const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

function readJson(name: string): unknown {
  return JSON.parse(readFileSync(DATA_DIR + name, 'utf8')) as unknown;
}

/** The project's default list in its published form (format kusuri-guard-list). */
export function bundledProjectList(): Record<string, unknown> {
  return {
    format: LIST_FORMAT,
    schemaVersion: LIST_SCHEMA_VERSION,
    meta: readJson('meta.json'),
    sites: readJson('sites.json'),
    registrars: readJson('registrars.json'),
    breaches: readJson('breaches-jp.json'),
  };
}

export function bundledText(name: string): string {
  return readFileSync(DATA_DIR + name, 'utf8');
}
