// The pre-load rules (declarativeNetRequest), kept in line with the lists, the user's own blocks
// and the allowlist. Each block-level list has rules of its own, so a change touches only what
// changed: allowing a site or blocking one for yourself replaces two small rules, not a million
// domains (whose reading and compiling cost seconds). All changes go in one atomic update; a
// stored marker and a sentinel rule tell whether the browser still has the set the marker
// describes. When the browser refuses a set, the most important domains are installed and the
// rest are stopped when their page commits; the options page says so.
import {
  ALLOW_RULE_ID,
  BLOCK_RULE_BASE,
  MAX_BLOCK_RULES,
  SENTINEL_RULE_ID,
  blockRuleCount,
  compileAllowRule,
  compileBlockRules,
  sentinelRule,
  type DnrRule,
} from './compile';
import { sha256Hex } from '../core/hash';
import { warningPage } from '../core/routes';
import { catalogRank, type CatalogEntry } from '../lists/catalog';
import { getListRecords } from '../lists/store';
import { confirmedHosts } from '../lists/record';
import { getUserBlocks } from '../decisions/user-blocks';
import { readKv, writeKv } from '../core/kv';
import { USER_LIST_ID } from '../verdicts/user-blocks';
import { validSites, type DecisionsService } from '../decisions/service';
import type { ListsService } from '../lists/service';
import { z } from '../core/zod';
import type { Platform } from '../platform/platform';

const SourceMarkerSchema = z.object({
  /** What the source's rules were built from (list generation, category; the user's sites). */
  key: z.string(),
  ruleIds: z.array(z.number().check(z.int())),
  /** Domains the rules cover, and the source's block-level domains in all. */
  domains: z.number(),
  total: z.number(),
});

export const DnrMarkerSchema = z.object({
  hash: z.string(),
  ruleCount: z.number(),
  /** Block-level domains the installed rules stop before loading. */
  blockDomains: z.number(),
  /** All block-level domains; more than blockDomains when the browser refused the whole set. */
  totalBlockDomains: z._default(z.number(), 0),
  allowSites: z.number(),
  installedAt: z.number(),
  /** Why nothing could be installed (the previous rules stay). */
  error: z.nullable(z.string()),
  /** Why only part of the domains got rules (the rest are stopped when the page commits). */
  overflow: z._default(z.nullable(z.string()), null),
  /** How long the browser took to install the last change. */
  installMs: z._default(z.number().check(z.nonnegative()), 0),
  /** The rules of each source (block-level list, or the user's own blocks). */
  sources: z._default(z.record(z.string(), SourceMarkerSchema), {}),
});
export type DnrMarker = z.infer<typeof DnrMarkerSchema>;

/** Changes when the way rules are compiled changes (forces a reinstall after an update). */
const RULES_LAYOUT = 4; // 4: frames are stopped too (sub_frame)
/** The rule set hash verified against the browser in this browser session. */
const RULES_CHECKED_KEY = 'rulesChecked';
const BLOCK_IDS = Array.from({ length: MAX_BLOCK_RULES }, (_, i) => BLOCK_RULE_BASE + i);
/** Every id these rules can have (removing absent ids is allowed). */
const ALL_RULE_IDS = [ALLOW_RULE_ID, SENTINEL_RULE_ID, ...BLOCK_IDS];

interface Source {
  id: string;
  key: string;
  /** Lower goes first when not everything fits: the user's own, then the catalog order. */
  rank: number;
  size: number;
}

interface Plan {
  sources: Source[];
  allow: string[];
  hash: string;
}

export class PreloadRules {
  /** Serialises syncs: two overlapping updateDynamicRules calls could interleave. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly platform: Platform,
    private readonly lists: ListsService,
    private readonly decisions: DecisionsService,
  ) {
    // Lists (and the user's blocks, which the index holds) and the allowlist make the rules.
    lists.onChanged.subscribe(() => this.sync());
    decisions.onAllowChanged.subscribe(() => this.sync());
  }

  private get catalog(): readonly CatalogEntry[] {
    return this.lists.catalog;
  }

  marker(): Promise<DnrMarker | null> {
    return readKv('dnr', z.nullable(DnrMarkerSchema), null);
  }

  sync(force = false): Promise<DnrMarker> {
    const run = this.queue.then(() => this.syncNow(force));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** What the rules are made from: cheap to compute on every wake, unlike the rules themselves. */
  private async plan(): Promise<Plan> {
    const [records, blocks, allowSet] = await Promise.all([
      getListRecords(),
      getUserBlocks(),
      this.decisions.allowSites(),
    ]);
    const sources: Source[] = records
      .filter((r) => r.enabled && r.action === 'block')
      .map((r) => ({
        id: r.id,
        // Confirmed held hosts are part of the list's rules: a confirmation changes the key.
        key: `${r.generation}/${r.domainCategory}/${confirmedHosts(r).sort().join(',')}`,
        rank: catalogRank(this.catalog, r.id),
        size: r.counts.sites + r.counts.domains + r.counts.grouped + confirmedHosts(r).length,
      }));
    // Stored blocks failing the site-name rule are ignored (the allow set is filtered likewise).
    const sites = validSites(blocks).sort();
    if (sites.length > 0) {
      sources.push({
        id: USER_LIST_ID,
        key: await sha256Hex(sites.join('\n')),
        rank: -1,
        size: sites.length,
      });
    }
    sources.sort((a, b) => a.rank - b.rank || a.size - b.size || (a.id < b.id ? -1 : 1));
    const allow = [...allowSet].sort();
    const hash = await sha256Hex(
      JSON.stringify({
        layout: RULES_LAYOUT,
        warning: warningPage((path) => this.platform.extensionUrl(path)),
        sources: sources.map((s) => [s.id, s.key]),
        allow,
      }),
    );
    return { sources, allow, hash };
  }

  /**
   * Whether the browser has the set `marker` describes: known for this browser session, or read
   * back from the sentinel rule (a quarter of a second with a million domains, so once a session).
   */
  private async installed(marker: DnrMarker): Promise<boolean> {
    if ((await this.platform.session.get<string>(RULES_CHECKED_KEY)) === marker.hash) return true;
    const [rule] = await this.platform.dnr.getDynamicRules({ ruleIds: [SENTINEL_RULE_ID] });
    const ok =
      JSON.stringify(rule?.condition) === JSON.stringify(sentinelRule(marker.hash).condition);
    if (ok) await this.platform.session.set(RULES_CHECKED_KEY, marker.hash);
    return ok;
  }

  private async syncNow(force: boolean): Promise<DnrMarker> {
    const plan = await this.plan();
    const previous = await this.marker();
    const trusted =
      !force && previous !== null && previous.error === null && (await this.installed(previous));
    if (trusted && previous.hash === plan.hash) return previous;
    // Sources whose rules are in place and unchanged stay as they are (not after a partial set:
    // that is rebuilt whole, in case the browser now takes everything).
    const keep = new Map<string, DnrMarker['sources'][string]>();
    if (trusted && previous.overflow === null) {
      for (const source of plan.sources) {
        const before = previous.sources[source.id];
        if (before && before.key === source.key) keep.set(source.id, before);
      }
    }
    const changed = plan.sources.filter((s) => !keep.has(s.id));
    const index = await this.lists.index();
    const wanted = new Set(changed.map((s) => s.id));
    const hosts = hostsByList(await index.blockHosts((id) => wanted.has(id)));
    const used = new Set([...keep.values()].flatMap((s) => s.ruleIds));
    const free = BLOCK_IDS.filter((id) => !used.has(id));
    const removeIds = trusted
      ? [
          ALLOW_RULE_ID,
          SENTINEL_RULE_ID,
          ...Object.entries(previous.sources)
            .filter(([id]) => !keep.has(id))
            .flatMap(([, s]) => s.ruleIds),
        ]
      : ALL_RULE_IDS;
    const attempt = this.compile(plan, changed, hosts, keep, free, Infinity);
    const done = await this.install(plan, attempt, removeIds, null);
    if (done.error === null) return done;
    // Refused: rebuild everything, the most important domains first, halving until it fits.
    const all = hostsByList(await index.blockHosts());
    const total = plan.sources.reduce((n, s) => n + (all.get(s.id)?.length ?? 0), 0);
    for (let budget = Math.floor(total / 2); ; budget = budget <= 1 ? 0 : Math.floor(budget / 2)) {
      const partial = this.compile(plan, plan.sources, all, new Map(), BLOCK_IDS, budget);
      const result = await this.install(plan, partial, ALL_RULE_IDS, done.error);
      if (result.error === null || budget === 0) {
        if (result.error !== null) {
          // Not even the allow rule went in: the previous rules stay (the update is atomic).
          const failed = {
            ...(previous ?? result),
            hash: plan.hash,
            error: result.error,
            overflow: null,
          };
          await writeKv('dnr', DnrMarkerSchema, failed);
          return failed;
        }
        return result;
      }
    }
  }

  /** The rules for `sources` (at most `budget` domains, in order), plus the allow and sentinel. */
  private compile(
    plan: Plan,
    sources: Source[],
    hosts: Map<string, string[]>,
    keep: Map<string, DnrMarker['sources'][string]>,
    freeIds: number[],
    budget: number,
  ): { rules: DnrRule[]; sources: DnrMarker['sources'] } {
    const warningPageUrl = warningPage((path) => this.platform.extensionUrl(path));
    const rules: DnrRule[] = [];
    const markers: DnrMarker['sources'] = Object.fromEntries(keep);
    let left = budget;
    let next = 0;
    for (const source of sources) {
      const list = hosts.get(source.id) ?? [];
      const take = list.length <= left ? list : list.slice(0, Math.max(0, left));
      left -= take.length;
      const ids = freeIds.slice(next, next + blockRuleCount(take.length));
      next += ids.length;
      const compiled = compileBlockRules(take, ids, warningPageUrl);
      rules.push(...compiled);
      markers[source.id] = {
        key: source.key,
        ruleIds: compiled.map((r) => r.id),
        domains: compiled.reduce((n, r) => n + (r.condition.requestDomains?.length ?? 0), 0),
        total: list.length,
      };
    }
    const allow = compileAllowRule(plan.allow);
    if (allow) rules.push(allow);
    rules.push(sentinelRule(plan.hash));
    return { rules, sources: markers };
  }

  private async install(
    plan: Plan,
    compiled: { rules: DnrRule[]; sources: DnrMarker['sources'] },
    removeRuleIds: number[],
    overflow: string | null,
  ): Promise<DnrMarker> {
    const sources = Object.values(compiled.sources);
    const marker: DnrMarker = {
      hash: plan.hash,
      ruleCount:
        sources.reduce((n, s) => n + s.ruleIds.length, 0) + (plan.allow.length > 0 ? 1 : 0) + 1,
      blockDomains: sources.reduce((n, s) => n + s.domains, 0),
      totalBlockDomains: sources.reduce((n, s) => n + s.total, 0),
      allowSites:
        compiled.rules.find((r) => r.id === ALLOW_RULE_ID)?.condition.requestDomains?.length ?? 0,
      installedAt: this.platform.now(),
      error: null,
      overflow,
      installMs: 0,
      sources: compiled.sources,
    };
    try {
      const started = performance.now();
      await this.platform.dnr.updateDynamicRules({ removeRuleIds, addRules: compiled.rules });
      marker.installMs = Math.round(performance.now() - started);
    } catch (error) {
      return { ...marker, error: error instanceof Error ? error.message : String(error) };
    }
    await this.platform.session.set(RULES_CHECKED_KEY, plan.hash);
    await writeKv('dnr', DnrMarkerSchema, marker);
    return marker;
  }
}

/** Block hosts by list id; a list's confirmed held hosts come as a second part of the same id. */
function hostsByList(parts: { listId: string; hosts: string[] }[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of parts) out.set(part.listId, [...(out.get(part.listId) ?? []), ...part.hosts]);
  return out;
}
