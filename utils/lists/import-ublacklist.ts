// Importer for uBlacklist subscriptions (used by Japanese community lists of scam shops).
// A rule is a match pattern such as `*://*.example.com/*` (a site and its subdomains) or
// `*://shop.example.com/*` (one host). Rules Kusuri Guard cannot honour as a whole site — regular
// expressions, path-specific patterns, unblock (`@`) and highlight (`@1`…) rules — are reported
// as rejected, never guessed at.
import { MAX_LIST_ENTRIES, type ImportResult } from './model';
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
import type { PlainListOptions } from './import-domains';

const MATCH_PATTERN = /^(\*|https?):\/\/(\*\.)?([^/*:]+)(\/.*)?$/i;

export function importUblacklist(text: string, options: PlainListOptions): ImportResult {
  return runSteps(ublacklistSteps(text, options));
}

/** importUblacklist in steps of YIELD_EVERY lines (see importByFormatYielding). */
export function* ublacklistSteps(text: string, options: PlainListOptions): ImportSteps {
  const bad = checkBody(text);
  if (bad) return fail(bad.error, bad.detail);
  if (/^\s*[[{]/.test(text))
    return fail('wrong-format', 'this looks like JSON, not a uBlacklist subscription');
  const log = new RejectLog();
  const hosts = new Set<string>();
  let inFrontMatter = false;
  let first = true;
  const pacer = new Pacer();
  for (const { line, number } of lines(text)) {
    if (pacer.due()) yield;
    const rule = line.trim();
    // Optional YAML front matter with the list's name: `---` … `---` at the top.
    if (first && rule === '---') {
      inFrontMatter = true;
      first = false;
      continue;
    }
    first = false;
    if (inFrontMatter) {
      if (rule === '---') inFrontMatter = false;
      continue;
    }
    if (rule === '' || rule.startsWith('#')) continue;
    const where = String(number);
    if (rule.startsWith('@')) {
      log.add(where, rule, 'unsupported-rule', 'unblock and highlight rules are not used');
      continue;
    }
    if (rule.startsWith('/') || /^[a-z]+\//i.test(rule)) {
      log.add(where, rule, 'unsupported-rule', 'regular expressions are not used');
      continue;
    }
    const match = MATCH_PATTERN.exec(rule);
    if (!match) {
      log.add(where, rule, 'invalid-host', 'not a match pattern');
      continue;
    }
    const path = match[4] ?? '/*';
    if (path !== '/*' && path !== '/') {
      log.add(where, rule, 'unsupported-rule', 'only whole-site rules are used');
      continue;
    }
    // A listing covers subdomains anyway; `*://example.com/*` (that host only) is widened to the
    // host and its subdomains, which is how the pre-load rules work.
    const full = hosts.size >= MAX_LIST_ENTRIES;
    acceptHost(match[3]!, where, hosts, log, MAX_LIST_ENTRIES, rule);
    if (full) break;
  }
  if (hosts.size === 0) return fail('no-entries', 'no whole-site rule in the subscription', log);
  return {
    ok: true,
    content: {
      meta: options.meta,
      sites: [],
      domains: [...hosts].sort(),
      domainCategory: options.category,
      groups: [],
      registrars: [],
      breaches: [],
    },
    rejected: log.kept,
    summary: log.summary(),
  };
}
