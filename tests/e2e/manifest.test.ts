// The built manifests (Chrome and Firefox) ask for exactly the permissions README's permissions
// table explains: a permission added without a row (why, what breaks without it) fails here, and
// so does a row for a permission no build asks for any more.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  minimum_chrome_version?: string;
  browser_specific_settings?: {
    gecko?: { strict_min_version?: string; data_collection_permissions?: unknown };
  };
}

const read = (dir: string) =>
  JSON.parse(readFileSync(`.output/${dir}/manifest.json`, 'utf8')) as Manifest;
const chrome = read('chrome-mv3');
const firefox = read('firefox-mv3');

/** The first cell of each row of README's "Permissions" table: `name` (several per cell allowed). */
function readmePermissions(): string[] {
  const readme = readFileSync('README.md', 'utf8');
  const start = readme.indexOf('### Permissions');
  expect(start, 'README has a "### Permissions" section').toBeGreaterThan(0);
  const section = readme.slice(start, readme.indexOf('\n## ', start));
  const rows = section.split('\n').filter((l) => l.startsWith('| `'));
  return rows.flatMap((row) => {
    const cells = row.split('|').map((c) => c.trim());
    expect(cells[2], `row ${row} says why`).not.toBe('');
    expect(cells[3], `row ${row} says what breaks without it`).not.toBe('');
    return [...cells[1]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
  });
}

const asked = (m: Manifest) => [
  ...(m.permissions ?? []),
  ...(m.optional_permissions ?? []),
  ...(m.host_permissions ?? []),
  ...(m.optional_host_permissions ?? []),
];

describe('manifest permissions', () => {
  const table = readmePermissions();

  it('has a README row for every permission either build asks for', () => {
    for (const permission of new Set([...asked(chrome), ...asked(firefox)]))
      expect(table, `README permissions table lacks ${permission}`).toContain(permission);
  });

  it('has no README row for a permission no build asks for', () => {
    const all = new Set([...asked(chrome), ...asked(firefox)]);
    for (const row of table)
      expect(all.has(row), `README lists ${row}, no build asks for it`).toBe(true);
  });

  it('asks for the least that works', () => {
    for (const m of [chrome, firefox]) {
      expect(m.permissions).toContain('declarativeNetRequestWithHostAccess');
      expect(m.permissions).not.toContain('declarativeNetRequest');
      expect(m.permissions).not.toContain('tabs');
      expect(m.permissions).toContain('activeTab');
      expect(m.host_permissions).not.toContain('<all_urls>');
    }
  });

  it('states the browser versions the code needs and what Firefox may collect', () => {
    expect(chrome.minimum_chrome_version).toBe('137');
    const gecko = firefox.browser_specific_settings?.gecko;
    expect(Number(gecko?.strict_min_version?.split('.')[0])).toBeGreaterThanOrEqual(140);
    expect(gecko?.data_collection_permissions).toEqual({
      required: ['none'],
      optional: ['browsingActivity', 'websiteContent'],
    });
  });

  it("runs the unlisted scripts (content scripts, the worker's second script) without WXT's runner (its logger and messages cost every page ~100 gzipped bytes)", () => {
    for (const dir of ['chrome-mv3', 'firefox-mv3'])
      for (const script of ['page-guard.js', 'canvas-text.js', 'background-rest.js']) {
        const code = readFileSync(`.output/${dir}/${script}`, 'utf8');
        expect(code, `${dir}/${script}`).not.toContain('crashed on startup');
        expect(code, `${dir}/${script}`).toMatch(/\.main\(\)\}\)\(\);?\s*$/);
      }
  });
});
