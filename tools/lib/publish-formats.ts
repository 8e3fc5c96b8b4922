// The project's list in the formats other blockers subscribe to: a uBlacklist subscription, a hosts
// file (Pi-hole and the like) and an AdGuard / uBlock Origin filter list. Each is written from the
// same imported list, with a header naming the project, the list's version and its licence, and
// each loads back through the project's own importers (tests/unit/publish-formats.test.ts).
import type { ListContent } from '../../utils/lists/model';
import { compareStrings } from '../../utils/lists/order';
import { PROJECT_URL } from '../../utils/core/project';

/** Every host the list blocks or warns on: sites and groups; breach records are not blocks. */
export function listedHosts(content: ListContent): string[] {
  const hosts = new Set<string>(content.domains);
  for (const site of content.sites)
    if (site.category !== 'breached-service') hosts.add(site.domain);
  for (const group of content.groups) {
    if (group.category === 'breached-service') continue;
    for (const domain of group.domains) hosts.add(domain);
  }
  return [...hosts].sort(compareStrings);
}

function headerLines(content: ListContent, count: number): string[] {
  const { meta } = content;
  return [
    `Title: ${meta.title.en} (${meta.title.ja})`,
    `Project: Kusuri Guard (くすりガード) ${PROJECT_URL}`,
    `Version: ${meta.version}`,
    `Updated: ${meta.updated}`,
    `License: ${meta.licence}`,
    ...(meta.homepage ? [`Homepage: ${meta.homepage}`] : []),
    `Entries: ${count}. Each entry's evidence (who named it, when, why) is in the list's JSON form.`,
    `Sources: ${meta.attribution.map((a) => a.name).join('; ')}`,
  ];
}

/** uBlacklist: a YAML front matter with the name, comments, then one whole-site rule per host. */
export function toUblacklist(content: ListContent): string {
  const hosts = listedHosts(content);
  return [
    '---',
    `name: ${content.meta.title.en}`,
    '---',
    ...headerLines(content, hosts.length).map((l) => `# ${l}`),
    ...hosts.map((h) => `*://*.${h}/*`),
    '',
  ].join('\n');
}

/** A hosts file: each host sent to 0.0.0.0 (a hosts file cannot name subdomains in general). */
export function toHosts(content: ListContent): string {
  const hosts = listedHosts(content);
  return [
    ...headerLines(content, hosts.length).map((l) => `# ${l}`),
    ...hosts.map((h) => `0.0.0.0 ${h}`),
    '',
  ].join('\n');
}

/** AdGuard / uBlock Origin: `! Key: value` metadata, then `||host^` (the host and subdomains). */
export function toAdblock(content: ListContent): string {
  const hosts = listedHosts(content);
  return [
    '[Adblock Plus 2.0]',
    ...headerLines(content, hosts.length).map((l) => `! ${l}`),
    ...hosts.map((h) => `||${h}^`),
    '',
  ].join('\n');
}

/** File names next to the list's JSON (`kusuri-guard.json` → `kusuri-guard.hosts` …). */
export function formatFiles(name: string, content: ListContent): Map<string, string> {
  const base = name.replace(/\.json$/, '');
  return new Map([
    [`${base}.ublacklist.txt`, toUblacklist(content)],
    [`${base}.hosts`, toHosts(content)],
    [`${base}.adblock.txt`, toAdblock(content)],
  ]);
}
