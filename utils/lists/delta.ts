// Delta updates for the project's own list (pure). A published version has a canonical form and
// hash; a delta says what changed between two versions; the client applies a delta to the list it
// holds and accepts the result only if its canonical hash is the one the signed head announces.
//
// Static file layout next to the list (no server code; see tools/publish-list.ts):
//   <list>.json            the whole list, and <list>.json.sig
//   <list>.json.head       the latest version, its hash, and the deltas to it from recent versions
//   <list>.json.head.sig   the head's signature (the head pins each delta by its SHA-256)
//   deltas/<from>-<to>.json
import { z } from '../core/zod';
import { sha256Hex } from '../core/hash';
import {
  BreachSchema,
  GroupMetaSchema,
  ListMetaSchema,
  RegistrarSchema,
  SiteEntrySchema,
  type Breach,
  type DomainGroup,
  type ListContent,
  type Registrar,
} from './model';
import {
  compareBreaches,
  compareByDomain,
  compareById,
  compareRegistrars,
  compareStrings,
  isSorted,
} from './order';

export const HEAD_FORMAT = 'kusuri-guard-head';
export const DELTA_FORMAT = 'kusuri-guard-delta';
/** A head is a few hundred bytes; anything larger is not one. */
export const MAX_HEAD_BYTES = 16 * 1024;

const Sha256 = z.string().check(z.regex(/^[0-9a-f]{64}$/));

export const HeadSchema = z.object({
  format: z.literal(HEAD_FORMAT),
  version: z.number().check(z.int(), z.nonnegative()),
  /** Canonical hash of that version's content (see canonicalHash). */
  sha256: Sha256,
  deltas: z
    .array(
      z.object({
        from: z.number().check(z.int(), z.nonnegative()),
        /** Relative to the head's URL. */
        path: z.string().check(z.regex(/^[A-Za-z0-9._/-]+$/), z.maxLength(200)),
        /** SHA-256 of the delta file's bytes: the signed head vouches for each delta. */
        sha256: Sha256,
        bytes: z.number().check(z.int(), z.nonnegative()),
      }),
    )
    .check(z.maxLength(100)),
});
export type Head = z.infer<typeof HeadSchema>;

/** Hosts in a delta are already canonical (they came from an imported list). */
const Host = z.string().check(z.minLength(1), z.maxLength(253));
const StoredSite = z.extend(SiteEntrySchema, { domain: Host });
const StoredBreach = z.extend(BreachSchema, { domain: Host });
const RegistrarKey = z.union([
  z.number().check(z.int(), z.positive()),
  z.string().check(z.minLength(1), z.maxLength(200)),
]);

export const DeltaSchema = z.object({
  format: z.literal(DELTA_FORMAT),
  from: z.number().check(z.int(), z.nonnegative()),
  to: z.number().check(z.int(), z.nonnegative()),
  meta: ListMetaSchema,
  sites: z.object({ put: z.array(StoredSite), remove: z.array(Host) }),
  groups: z.object({
    /** New groups, and groups whose details changed (without their domains). */
    put: z.array(GroupMetaSchema),
    remove: z.array(z.string()),
    domains: z.record(z.string(), z.object({ add: z.array(Host), remove: z.array(Host) })),
  }),
  registrars: z.object({ put: z.array(RegistrarSchema), remove: z.array(RegistrarKey) }),
  breaches: z.object({ put: z.array(StoredBreach), remove: z.array(z.string()) }),
});
export type Delta = z.infer<typeof DeltaSchema>;

// ---------------------------------------------------------------- canonical form

/** JSON with object keys sorted at every level: the same content always gives the same text. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => compareStrings(a, b)),
        )
      : v,
  );
}

const registrarKey = (r: Registrar) => r.ianaId ?? r.names[0]!;

/** The content in its canonical order: what the hash covers. */
export function canonicalContent(content: ListContent): ListContent {
  return {
    meta: content.meta,
    sites: [...content.sites].sort(compareByDomain),
    domains: [...content.domains].sort(),
    domainCategory: content.domainCategory,
    groups: [...content.groups]
      .sort(compareById)
      .map((g) => ({ ...g, domains: isSorted(g.domains) ? g.domains : [...g.domains].sort() })),
    registrars: [...content.registrars].sort(compareRegistrars),
    breaches: [...content.breaches].sort(compareBreaches),
  };
}

/** SHA-256 of the canonical form (the publisher and the client compute it the same way). */
export async function canonicalHash(content: ListContent): Promise<string> {
  const c = canonicalContent(content);
  const text = [
    stable(c.meta),
    stable(c.sites),
    stable(c.domains),
    stable(c.domainCategory),
    stable(c.groups.map(({ domains, ...meta }) => meta)),
    ...c.groups.map((g) => JSON.stringify(g.domains)),
    stable(c.registrars),
    stable(c.breaches),
  ].join('\n');
  return sha256Hex(text);
}

// ---------------------------------------------------------------- diff and apply

function keyed<T>(items: T[], key: (item: T) => string | number): Map<string | number, T> {
  return new Map(items.map((item) => [key(item), item]));
}

/** Put = new or changed (by canonical text); remove = gone. */
function changes<T>(
  before: T[],
  after: T[],
  key: (item: T) => string | number,
): { put: T[]; remove: (string | number)[] } {
  const old = keyed(before, key);
  const now = keyed(after, key);
  const put = after.filter((item) => {
    const previous = old.get(key(item));
    return previous === undefined || stable(previous) !== stable(item);
  });
  const remove = [...old.keys()].filter((k) => !now.has(k));
  return { put, remove };
}

/** What turns version `before` into version `after` (both as imported). */
export function diffLists(before: ListContent, after: ListContent): Delta {
  const sites = changes(before.sites, after.sites, (s) => s.domain);
  const groupMeta = (g: DomainGroup) => {
    const { domains, ...meta } = g;
    return meta;
  };
  const groups = changes(before.groups.map(groupMeta), after.groups.map(groupMeta), (g) => g.id);
  const domains: Delta['groups']['domains'] = {};
  const oldGroups = keyed(before.groups, (g) => g.id);
  for (const group of after.groups) {
    const previous = new Set(oldGroups.get(group.id)?.domains ?? []);
    const now = new Set(group.domains);
    const add = group.domains.filter((d) => !previous.has(d));
    const remove = [...previous].filter((d) => !now.has(d));
    if (add.length > 0 || remove.length > 0) domains[group.id] = { add, remove };
  }
  const registrars = changes(before.registrars, after.registrars, registrarKey);
  const breaches = changes(before.breaches, after.breaches, (b) => b.name);
  return {
    format: DELTA_FORMAT,
    from: before.meta.version,
    to: after.meta.version,
    meta: after.meta,
    sites: { put: sites.put, remove: sites.remove as string[] },
    groups: { put: groups.put, remove: groups.remove as string[], domains },
    registrars,
    breaches: { put: breaches.put, remove: breaches.remove as string[] },
  };
}

function applyChanges<T>(
  items: T[],
  change: { put: T[]; remove: (string | number)[] },
  key: (item: T) => string | number,
): T[] {
  const map = keyed(items, key);
  for (const k of change.remove) map.delete(k);
  for (const item of change.put) map.set(key(item), item);
  return [...map.values()];
}

/** Merge a sorted list with sorted additions, without the removed ones (no full re-sort). */
function mergeSorted(sorted: string[], add: string[], remove: string[]): string[] {
  const gone = new Set(remove);
  const extra = [...new Set(add)].sort();
  const out: string[] = [];
  let j = 0;
  for (const value of sorted) {
    while (j < extra.length && extra[j]! < value) out.push(extra[j++]!);
    if (j < extra.length && extra[j] === value) j += 1; // already there
    if (!gone.has(value)) out.push(value);
  }
  while (j < extra.length) out.push(extra[j++]!);
  return gone.size > 0 ? out.filter((v) => !gone.has(v)) : out;
}

/**
 * The list after a delta, or an error when the delta does not fit what is held (another base
 * version). The caller still checks the canonical hash before using the result.
 */
export function applyDelta(
  content: ListContent,
  delta: Delta,
): { ok: true; content: ListContent } | { ok: false; detail: string } {
  if (delta.from !== content.meta.version) {
    return {
      ok: false,
      detail: `the delta is from version ${delta.from}, not ${content.meta.version}`,
    };
  }
  if (delta.to <= delta.from) return { ok: false, detail: 'the delta does not move forward' };
  const canonical = canonicalContent(content);
  const groupMeta = applyChanges(
    canonical.groups.map(({ domains, ...meta }) => meta),
    delta.groups,
    (g) => g.id,
  );
  const oldDomains = keyed(canonical.groups, (g) => g.id);
  const groups: DomainGroup[] = groupMeta.map((meta) => {
    const change = delta.groups.domains[meta.id];
    const current = oldDomains.get(meta.id)?.domains ?? [];
    return { ...meta, domains: change ? mergeSorted(current, change.add, change.remove) : current };
  });
  return {
    ok: true,
    content: {
      meta: delta.meta,
      sites: applyChanges(canonical.sites, delta.sites, (s) => s.domain),
      domains: canonical.domains,
      domainCategory: canonical.domainCategory,
      groups,
      registrars: applyChanges(canonical.registrars, delta.registrars, registrarKey),
      breaches: applyChanges(canonical.breaches, delta.breaches, (b: Breach) => b.name),
    },
  };
}
