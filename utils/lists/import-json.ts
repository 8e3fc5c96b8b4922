// Importer for the project's own list format (see docs in README, schema in model.ts).
import {
  BreachSchema,
  GroupMetaSchema,
  MAX_LIST_ENTRIES,
  type DomainGroup,
  ListFileSchema,
  LIST_FORMAT,
  RegistrarSchema,
  SiteEntrySchema,
  type Breach,
  type ImportResult,
  type Registrar,
  type SiteEntry,
} from './model';
import {
  RejectLog,
  acceptHost,
  checkBody,
  describeIssue,
  fail,
  parseJson,
  runSteps,
  suffixReason,
  Pacer,
  type ImportSteps,
} from './import-common';
import { hygieneProblem } from './hygiene';
import {
  compareBreaches,
  compareByDomain,
  compareById,
  compareRegistrars,
  sortIfNeeded,
} from './order';

export function importProjectList(text: string): ImportResult {
  const bad = checkBody(text);
  if (bad) return fail(bad.error, bad.detail);
  const parsed = parseJson(text);
  if (!parsed.ok) return fail('not-json', parsed.detail);
  return importProjectListValue(parsed.value);
}

/** Same as importProjectList for a value already parsed (e.g. bundled JSON). */
export function importProjectListValue(value: unknown): ImportResult {
  return runSteps(projectListSteps(value));
}

/** importProjectList in steps of YIELD_EVERY entries (see importByFormatYielding). */
export function* projectListTextSteps(text: string): ImportSteps {
  const bad = checkBody(text);
  if (bad) return fail(bad.error, bad.detail);
  const parsed = parseJson(text);
  if (!parsed.ok) return fail('not-json', parsed.detail);
  return yield* projectListSteps(parsed.value);
}

function* projectListSteps(value: unknown): ImportSteps {
  if (
    typeof value !== 'object' ||
    value === null ||
    (value as { format?: unknown }).format !== LIST_FORMAT
  ) {
    return fail('wrong-format', `expected an object with "format": "${LIST_FORMAT}"`);
  }
  const envelope = ListFileSchema.safeParse(value);
  if (!envelope.success) return fail('wrong-schema', describeIssue(envelope.error.issues));
  const file = envelope.data;
  const log = new RejectLog();

  const sites: SiteEntry[] = [];
  const seen = new Set<string>();
  const pacer = new Pacer();
  for (const [index, raw] of file.sites.entries()) {
    if (pacer.due()) yield;
    const where = `sites[${index}]`;
    const site = SiteEntrySchema.safeParse(raw);
    if (!site.success) {
      const reason = site.error.issues.some((i) => i.message.startsWith('host public-suffix'))
        ? suffixReason(String((raw as { domain?: unknown }).domain))
        : site.error.issues.some((i) => i.path[0] === 'domain')
          ? 'invalid-host'
          : 'schema';
      log.add(where, preview(raw), reason, describeIssue(site.error.issues));
      continue;
    }
    const domain = site.data.domain;
    const problem = hygieneProblem(domain, /^[\d.]+$/.test(domain) ? 'ipv4' : 'domain');
    if (problem) {
      if (problem.reason === 'private-address')
        log.add(where, domain, problem.reason, problem.detail);
      else log.hold(where, domain, domain, problem.reason, problem.detail);
      continue;
    }
    if (seen.has(domain)) {
      log.add(where, domain, 'duplicate');
      continue;
    }
    seen.add(domain);
    sites.push(site.data);
  }
  sites.sort(compareByDomain);

  const groups: DomainGroup[] = [];
  const groupIds = new Set<string>();
  const budget = MAX_LIST_ENTRIES;
  for (const [index, raw] of file.groups.entries()) {
    const where = `groups[${index}]`;
    const { domains: rawDomains, ...fields } =
      typeof raw === 'object' && raw !== null ? (raw as { domains?: unknown }) : { domains: null };
    const meta = GroupMetaSchema.safeParse(fields);
    if (!meta.success || !Array.isArray(rawDomains)) {
      const detail = meta.success ? 'domains must be an array' : describeIssue(meta.error.issues);
      log.add(where, preview(raw), 'schema', detail);
      continue;
    }
    if (groupIds.has(meta.data.id)) {
      log.add(where, meta.data.id, 'duplicate');
      continue;
    }
    groupIds.add(meta.data.id);
    const domains: string[] = [];
    for (const [j, name] of (rawDomains as unknown[]).entries()) {
      if (pacer.due()) yield;
      if (typeof name !== 'string') {
        log.add(`${where}.domains[${j}]`, preview(name), 'invalid-host');
        continue;
      }
      const host = acceptHost(name, `${where}.domains[${j}]`, seen, log, budget);
      if (host !== null) domains.push(host);
    }
    groups.push({ ...meta.data, domains: sortIfNeeded(domains) });
  }
  groups.sort(compareById);

  const registrars: Registrar[] = [];
  const registrarIds = new Set<number>();
  file.registrars.forEach((raw, index) => {
    const registrar = RegistrarSchema.safeParse(raw);
    if (!registrar.success) {
      log.add(
        `registrars[${index}]`,
        preview(raw),
        'schema',
        describeIssue(registrar.error.issues),
      );
      return;
    }
    const id = registrar.data.ianaId;
    if (id !== null && registrarIds.has(id)) {
      log.add(`registrars[${index}]`, String(id), 'duplicate');
      return;
    }
    if (id !== null) registrarIds.add(id);
    registrars.push(registrar.data);
  });
  registrars.sort(compareRegistrars);

  const breaches: Breach[] = [];
  const breachNames = new Set<string>();
  file.breaches.forEach((raw, index) => {
    const breach = BreachSchema.safeParse(raw);
    if (!breach.success) {
      log.add(`breaches[${index}]`, preview(raw), 'schema', describeIssue(breach.error.issues));
      return;
    }
    if (breachNames.has(breach.data.name)) {
      log.add(`breaches[${index}]`, breach.data.name, 'duplicate');
      return;
    }
    breachNames.add(breach.data.name);
    breaches.push(breach.data);
  });
  breaches.sort(compareBreaches);

  const grouped = groups.reduce((n, g) => n + g.domains.length, 0);
  if (sites.length === 0 && grouped === 0 && registrars.length === 0 && breaches.length === 0) {
    return fail('no-entries', 'the list has no valid entries', log);
  }
  return {
    ok: true,
    content: {
      meta: file.meta,
      sites,
      domains: [],
      domainCategory: 'rogue-pharmacy',
      groups,
      registrars,
      breaches,
    },
    rejected: log.kept,
    summary: log.summary(),
  };
}

function preview(raw: unknown): string {
  if (typeof raw === 'object' && raw !== null && 'domain' in raw) {
    return String((raw as { domain: unknown }).domain);
  }
  try {
    return JSON.stringify(raw) ?? String(raw);
  } catch {
    return String(raw);
  }
}
