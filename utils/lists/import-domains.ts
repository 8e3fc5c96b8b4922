// Importer for plain domain lists (one host per line), hosts files ("0.0.0.0 host ...") and the
// whole-site rules of AdGuard / uBlock Origin filter lists ("||host^"). These are the common formats
// for community blocklists such as the Block List Project's.
import { MAX_LIST_ENTRIES, type ImportResult, type ListMeta, type SiteCategory } from './model';
import {
  RejectLog,
  Pacer,
  acceptHost,
  checkBody,
  checkHost,
  fail,
  lines,
  runSteps,
  type ImportSteps,
} from './import-common';
import { LateRepeats } from './repeats';

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
  const bad = notAList(text);
  if (bad) return bad;
  // More accepted hosts than a list may hold, repeats included (readLate gives up): which of them
  // is one too many depends on the repeats before it, which only a Set read in input order knows.
  const read = (yield* readLate(text)) ?? (yield* readWithSet(text));
  return resultOf(read, options);
}

/**
 * importDomainList with repeats dropped by a Set of the hosts, in input order: what the import
 * did before it dropped them by fingerprint, and still does for a list of more than
 * MAX_LIST_ENTRIES accepted hosts. The tests hold the two to the same results.
 */
export function importDomainListBySet(text: string, options: PlainListOptions): ImportResult {
  return runSteps(
    (function* (): ImportSteps {
      const bad = notAList(text);
      if (bad) return bad;
      return resultOf(yield* readWithSet(text), options);
    })(),
  );
}

function notAList(text: string): ImportResult | null {
  const bad = checkBody(text);
  if (bad) return fail(bad.error, bad.detail);
  const trimmedStart = text.trimStart();
  if (
    trimmedStart.startsWith('{') ||
    (trimmedStart.startsWith('[') && !trimmedStart.startsWith('[Adblock'))
  ) {
    return fail('wrong-format', 'this looks like JSON, not a list of domains');
  }
  return null;
}

interface Read {
  /** The accepted hosts once each, in input order. */
  hosts: string[];
  log: RejectLog;
}

function resultOf({ hosts, log }: Read, options: PlainListOptions): ImportResult {
  if (hosts.length === 0) return fail('no-entries', 'no valid domain in the list', log);
  return {
    ok: true,
    content: {
      meta: options.meta,
      sites: [],
      // Insertion order: the index does not need it sorted, and sorting a million strings
      // would cost seconds.
      domains: hosts,
      domainCategory: options.category,
      groups: [],
      registrars: [],
      breaches: [],
    },
    rejected: log.kept,
    summary: log.summary(),
  };
}

/**
 * The lines read with repeats dropped at the end by fingerprint (LateRepeats), or null when more
 * than MAX_LIST_ENTRIES hosts are accepted before that.
 */
function* readLate(text: string): Generator<void, Read | null, void> {
  const log = new RejectLog();
  const late = new LateRepeats(linesAbout(text));
  const pacer = new Pacer();
  // Each name (and each line rejected as a whole) has its place, for the repeats logged late.
  let at = 0;
  for (const { line, number } of lines(text)) {
    if (pacer.due()) yield;
    log.at = at++;
    const names = namesOf(line, number, log);
    if (names === null) continue;
    const count = typeof names === 'string' ? 1 : names.length;
    for (let n = 0; n < count; n += 1) {
      const name = typeof names === 'string' ? names : names[n]!;
      if (n > 0) log.at = at++;
      if (isBoilerplate(name)) continue;
      const host = checkHost(name, String(number), log);
      if (host === null) continue;
      if (late.size >= MAX_LIST_ENTRIES) return null;
      late.add(host, number, log.at, name);
    }
  }
  yield;
  return { hosts: late.finish(log), log };
}

/** The lines read with repeats dropped by a Set as they come (see importDomainListBySet). */
function* readWithSet(text: string): Generator<void, Read, void> {
  const log = new RejectLog();
  const hosts = new Set<string>();
  let tooMany = false;
  const pacer = new Pacer();
  for (const { line, number } of lines(text)) {
    if (pacer.due()) yield;
    const names = namesOf(line, number, log);
    if (names === null) continue;
    for (const name of typeof names === 'string' ? [names] : names) {
      if (isBoilerplate(name)) continue;
      if (tooMany) {
        log.count('too-many');
        continue;
      }
      const host = acceptHost(name, String(number), hosts, log, MAX_LIST_ENTRIES);
      if (host === null && hosts.size >= MAX_LIST_ENTRIES) tooMany = true;
    }
  }
  return { hosts: [...hosts], log };
}

function isBoilerplate(name: string): boolean {
  // Every boilerplate name starts with one of these in lower case; a character outside ASCII
  // might lower-case to one. Most names are neither, and need no lower-case copy.
  const c = name.charCodeAt(0) | 0x20;
  if (c !== 0x6c /* l */ && c !== 0x62 /* b */ && c !== 0x69 /* i */ && c !== 0x30 /* 0 */) {
    if (name.charCodeAt(0) < 0x80) return false;
  }
  return HOSTS_BOILERPLATE.has(name.toLowerCase());
}

/** About how many lines the text has, from its first 64 KB (a little more, to grow rarely). */
function linesAbout(text: string): number {
  const sample = Math.min(text.length, 65_536);
  let count = 1;
  for (let at = text.indexOf('\n'); at >= 0 && at < sample; at = text.indexOf('\n', at + 1))
    count += 1;
  return sample === text.length ? count : (count * text.length * 1.05) / sample;
}

/**
 * The names a line gives (one, or a hosts file line's several), or null for a line with none
 * (blank, a comment, or rejected: logged here).
 */
function namesOf(line: string, number: number, log: RejectLog): string | string[] | null {
  const content = stripComment(line).trim();
  if (content === '') return null;
  // Most lines are one printable ASCII token: no whitespace to split at.
  const fields = isOneToken(content) ? null : content.split(/\s+/);
  if (fields !== null && fields.length >= 2 && SINK_ADDRESS.test(fields[0]!)) {
    return fields.slice(1); // hosts file: address followed by one or more names
  }
  if (fields !== null && fields.length >= 2) {
    log.add(
      String(number),
      line,
      'invalid-host',
      'expected one domain per line or a hosts-file line',
    );
    return null;
  }
  if (content.startsWith('||')) {
    // AdGuard / uBlock Origin: `||host^` is the host and its subdomains, as a listing here is.
    // Anything more specific (paths, `$` options, wildcards) is not a whole-site rule.
    const rule = ADBLOCK_HOST_RULE.exec(content);
    if (!rule) {
      log.add(String(number), line, 'unsupported-rule', 'only ||host^ rules are used');
      return null;
    }
    return rule[1]!;
  }
  if (content.startsWith('*')) {
    // `*.example.com`: a wildcard is not a host; a listing covers subdomains already, but the
    // line is reported rather than guessed at (the list may mean something else by it).
    log.add(String(number), line, 'unsupported-rule', 'wildcards are not used');
    return null;
  }
  return content;
}

/** True when every character is printable ASCII (so `split(/\s+/)` would give the text whole). */
function isOneToken(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f) return false;
  }
  return true;
}

function stripComment(line: string): string {
  if (line.startsWith('!')) return ''; // Adblock-style header comments
  if (line.startsWith('[Adblock')) return ''; // and the filter list's first line
  const hash = line.indexOf('#');
  return hash < 0 ? line : line.slice(0, hash);
}
