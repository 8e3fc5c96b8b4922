// Importer for plain domain lists (one host per line), hosts files ("0.0.0.0 host ...") and the
// whole-site rules of AdGuard / uBlock Origin filter lists ("||host^"). These are the common formats
// for community blocklists such as the Block List Project's.
import { MAX_LIST_ENTRIES, type ImportResult, type ListMeta, type SiteCategory } from './model';
import {
  RejectLog,
  Pacer,
  acceptHost,
  checkBody,
  fail,
  lines,
  runSteps,
  type ImportSteps,
} from './import-common';

export interface PlainListOptions {
  meta: ListMeta;
  category: SiteCategory;
}

/** Names every hosts file carries for the local machine; they are boilerplate, not entries. */
const HOSTS_BOILERPLATE = new Set([
  'localhost',
  'localhost.localdomain',
  'local',
  'broadcasthost',
  'ip6-localhost',
  'ip6-loopback',
  'ip6-localnet',
  'ip6-mcastprefix',
  'ip6-allnodes',
  'ip6-allrouters',
  'ip6-allhosts',
  '0.0.0.0',
]);

const ADBLOCK_HOST_RULE = /^\|\|([^/^$*|]+)\^$/;

const SINK_ADDRESS = /^(?:0\.0\.0\.0|127\.\d+\.\d+\.\d+|::1?|0|::)$/;

export function importDomainList(text: string, options: PlainListOptions): ImportResult {
  return runSteps(domainListSteps(text, options));
}

/** importDomainList in steps of YIELD_EVERY lines (see importByFormatYielding). */
export function* domainListSteps(text: string, options: PlainListOptions): ImportSteps {
  const bad = checkBody(text);
  if (bad) return fail(bad.error, bad.detail);
  const trimmedStart = text.trimStart();
  if (
    trimmedStart.startsWith('{') ||
    (trimmedStart.startsWith('[') && !trimmedStart.startsWith('[Adblock'))
  ) {
    return fail('wrong-format', 'this looks like JSON, not a list of domains');
  }
  const log = new RejectLog();
  const hosts = new Set<string>();
  let tooMany = false;

  const pacer = new Pacer();
  for (const { line, number } of lines(text)) {
    if (pacer.due()) yield;
    const content = stripComment(line).trim();
    if (content === '') continue;
    const fields = content.split(/\s+/);
    let names: string[];
    if (fields.length >= 2 && SINK_ADDRESS.test(fields[0]!)) {
      names = fields.slice(1); // hosts file: address followed by one or more names
    } else if (fields.length === 1 && fields[0]!.startsWith('||')) {
      // AdGuard / uBlock Origin: `||host^` is the host and its subdomains, as a listing here is.
      // Anything more specific (paths, `$` options, wildcards) is not a whole-site rule.
      const rule = ADBLOCK_HOST_RULE.exec(fields[0]!);
      if (!rule) {
        log.add(String(number), line, 'unsupported-rule', 'only ||host^ rules are used');
        continue;
      }
      names = [rule[1]!];
    } else if (fields.length === 1 && fields[0]!.startsWith('*')) {
      // `*.example.com`: a wildcard is not a host; a listing covers subdomains already, but the
      // line is reported rather than guessed at (the list may mean something else by it).
      log.add(String(number), line, 'unsupported-rule', 'wildcards are not used');
      continue;
    } else if (fields.length === 1) {
      names = fields;
    } else {
      log.add(
        String(number),
        line,
        'invalid-host',
        'expected one domain per line or a hosts-file line',
      );
      continue;
    }
    for (const name of names) {
      if (HOSTS_BOILERPLATE.has(name.toLowerCase())) continue;
      if (tooMany) {
        log.count('too-many');
        continue;
      }
      const host = acceptHost(name, String(number), hosts, log, MAX_LIST_ENTRIES);
      if (host === null && hosts.size >= MAX_LIST_ENTRIES) tooMany = true;
    }
  }
  if (hosts.size === 0) return fail('no-entries', 'no valid domain in the list', log);
  return {
    ok: true,
    content: {
      meta: options.meta,
      sites: [],
      // Insertion order: the index does not need it sorted, and sorting a million strings
      // would cost seconds.
      domains: [...hosts],
      domainCategory: options.category,
      groups: [],
      registrars: [],
      breaches: [],
    },
    rejected: log.kept,
    summary: log.summary(),
  };
}

function stripComment(line: string): string {
  if (line.startsWith('!')) return ''; // Adblock-style header comments
  if (line.startsWith('[Adblock')) return ''; // and the filter list's first line
  const hash = line.indexOf('#');
  return hash < 0 ? line : line.slice(0, hash);
}
