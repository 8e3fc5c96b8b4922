// Reads the curated data in data/ (Node only) and defines the files packaged with the extension.
// The build (wxt.config.ts), the unit-test platform, the build summary and the command-line tools
// all take the packaged files from packagedFiles(), so they always see exactly the same data.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LIST_FORMAT, LIST_SCHEMA_VERSION } from '../../utils/lists/model';
import { importProjectListValue } from '../../utils/lists/import-json';
import { parseRegistrarIds } from '../../utils/intel/rdap-bootstrap';
import { normalizeListedHost } from '../../utils/core/hostname';
import { hygieneProblem, type HygieneReason } from '../../utils/lists/hygiene';
import { packagedLicensed } from '../../utils/lists/licensed';
import {
  LICENSED_FORMAT,
  LICENSED_SCHEMA_VERSION,
  importLicensedValue,
} from '../../utils/lists/import-licensed';

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
    groups: readJson('groups.json'),
    registrars: readJson('registrars.json'),
    breaches: readJson('breaches-jp.json'),
  };
}

export function bundledText(name: string): string {
  return readFileSync(DATA_DIR + name, 'utf8');
}

/** The project list as packaged, validated: a bad entry fails the build instead of shipping. */
export function projectListJson(): string {
  const list = bundledProjectList();
  const result = importProjectListValue(list);
  if (!result.ok)
    throw new Error(`data/ does not form a valid list: ${result.error} ${result.detail}`);
  if (result.rejected.length > 0) {
    throw new Error(`data/ has rejected entries: ${JSON.stringify(result.rejected.slice(0, 5))}`);
  }
  return JSON.stringify(list);
}

/** The licensed-seller allowlist in its published form (format kusuri-guard-licensed). */
export function bundledLicensedList(): Record<string, unknown> {
  return {
    format: LICENSED_FORMAT,
    schemaVersion: LICENSED_SCHEMA_VERSION,
    meta: readJson('licensed-meta.json'),
    entries: readJson('licensed.json'),
  };
}

/** The allowlist as packaged, validated: a refused entry fails the build instead of shipping. */
export function licensedListJson(): string {
  const list = bundledLicensedList();
  const result = importLicensedValue(list);
  if (!result.ok) throw new Error(`data/licensed.json: ${result.error} ${result.detail}`);
  if (result.rejected.length > 0) {
    throw new Error(`data/licensed.json has refused entries: ${JSON.stringify(result.rejected)}`);
  }
  return JSON.stringify(list);
}

/** Every data file packaged with the extension, by its path inside the extension. */
export function packagedFiles(): Map<string, string> {
  return new Map([
    ['lists/kusuri-guard.json', projectListJson()],
    ['lists/hibp-breaches.json', bundledText('hibp-breaches.json')],
    ['lists/licensed.json', licensedListJson()],
    ['lists/blocklistproject-drugs.txt', blocklistProjectSubset().text],
    ['rdap/dns.json', bundledText('iana-rdap-dns.json')],
    [
      'rdap/registrar-ids.json',
      JSON.stringify(parseRegistrarIds(bundledText('iana-registrar-ids.csv'))),
    ],
  ]);
}

export interface SubsetRefusal {
  line: number;
  host: string;
  reason: 'invalid-host' | 'public-suffix' | 'licensed' | HygieneReason;
  detail: string;
}

/**
 * The Block List Project subset as packaged: data/blocklistproject-drugs.txt filtered the way every
 * list is at import (invalid hosts, public suffixes, private addresses, the never-block set), and
 * without hosts on the licensed-seller allowlist (the keyword subset names a licensed UK pharmacy
 * and a drug reference). `npm run build` prints what was left out.
 */
export function blocklistProjectSubset(): { text: string; refused: SubsetRefusal[] } {
  const licensed = packagedLicensed();
  const kept: string[] = [];
  const refused: SubsetRefusal[] = [];
  bundledText('blocklistproject-drugs.txt')
    .split('\n')
    .forEach((raw, index) => {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) {
        kept.push(raw);
        return;
      }
      const normal = normalizeListedHost(line);
      if (!normal.ok) {
        const reason = normal.error === 'public-suffix' ? 'public-suffix' : 'invalid-host';
        refused.push({ line: index + 1, host: line, reason, detail: normal.error });
        return;
      }
      const { host, kind } = normal.value;
      const problem = hygieneProblem(host, kind === 'ipv4' ? 'ipv4' : 'domain');
      if (problem) {
        refused.push({ line: index + 1, host, ...problem });
        return;
      }
      const entry = licensed.lookup(host);
      if (entry) {
        const detail = `${entry.name}: ${entry.register.en}${entry.licence ? ` (${entry.licence})` : ''}`;
        refused.push({ line: index + 1, host, reason: 'licensed', detail });
        return;
      }
      kept.push(raw);
    });
  return { text: kept.join('\n'), refused };
}
