// In-memory view of every enabled list, built from storage: which hosts each list names, and what
// a hit means (block, warn, notice). Pure: the background builds it from IndexedDB, the CLI and the
// tests from files.
import { SetMatcher, type DomainMatcher } from '../match/matcher';
import type { ListContent, Registrar, SiteCategory, SiteEntry } from '../list/model';
import { registrableDomain } from '../hostname';
import type { MatchedBreach } from './intel';
import type { ListAction } from '../store/lists';
import type { ListReason, ListRef } from './model';

export interface IndexedListInput {
  id: string;
  action: ListAction;
  content: ListContent;
  /** The list's format: HIBP breaches are announced only when recent, curated ones always. */
  format?: 'kusuri-guard' | 'domains' | 'hibp' | 'ublacklist';
}

interface IndexedList {
  ref: ListRef;
  action: ListAction;
  matcher: DomainMatcher;
  details: Map<string, SiteEntry>;
  domainCategory: SiteCategory;
}

export interface ListHit {
  listId: string;
  reason: ListReason;
  /** The hit stops the page before it loads (unless the user allowed the site). */
  blocks: boolean;
}

/** Categories that warrant stopping a page; a breach alone never does. */
export function categoryBlocks(category: SiteCategory): boolean {
  return category !== 'breached-service';
}

export class ListIndex {
  private readonly lists: IndexedList[];
  private readonly registrars = new Map<number, Registrar>();
  private readonly breaches = new Map<string, MatchedBreach[]>();

  constructor(inputs: readonly IndexedListInput[]) {
    for (const { id, content, format } of inputs) {
      for (const registrar of content.registrars) {
        if (registrar.ianaId !== null && !this.registrars.has(registrar.ianaId))
          this.registrars.set(registrar.ianaId, registrar);
      }
      const list = {
        id,
        title: content.meta.title,
        attribution: content.meta.attribution.map((a) => a.name),
      };
      for (const breach of content.breaches) {
        const site = registrableDomain(breach.domain);
        const entries = this.breaches.get(site) ?? [];
        entries.push({ breach, list, curated: format !== 'hibp' });
        this.breaches.set(site, entries);
      }
    }
    this.lists = inputs.map(({ id, action, content }) => ({
      ref: {
        id,
        title: content.meta.title,
        attribution: content.meta.attribution.map((a) => a.name),
      },
      action,
      matcher: new SetMatcher([...content.sites.map((s) => s.domain), ...content.domains]),
      details: new Map(content.sites.map((s) => [s.domain, s])),
      domainCategory: content.domainCategory,
    }));
  }

  /** Every list that names `host` (or a parent of it), strongest first. */
  lookup(host: string): ListHit[] {
    const hits: ListHit[] = [];
    for (const list of this.lists) {
      if (list.action === 'notice') continue; // breach lists are matched by the breach index
      const listed = list.matcher.match(host);
      if (listed === null) continue;
      const entry = list.details.get(listed);
      const category = entry?.category ?? list.domainCategory;
      const blocks = list.action === 'block' && categoryBlocks(category);
      const reason: ListReason = {
        group: 'list',
        code: list.ref.id === USER_LIST_ID ? 'list.user' : blocks ? 'list.block' : 'list.warn',
        level: blocks ? 'danger' : categoryBlocks(category) ? 'warning' : 'caution',
        list: list.ref,
        listed,
        category,
        evidence: entry?.evidence ?? [],
      };
      if (entry?.network !== undefined) reason.network = entry.network;
      if (entry?.note !== undefined) reason.note = entry.note;
      hits.push({ listId: list.ref.id, reason, blocks });
    }
    return hits.sort((a, b) => Number(b.blocks) - Number(a.blocks));
  }

  /** The curated record of a registrar, by IANA ID. */
  registrar(ianaId: number | null): Registrar | null {
    return ianaId === null ? null : (this.registrars.get(ianaId) ?? null);
  }

  /** Known breaches of a site's own service (matched on the registrable domain), newest first. */
  breachesFor(site: string): MatchedBreach[] {
    return [...(this.breaches.get(site) ?? [])].sort((a, b) =>
      a.breach.breachDate < b.breach.breachDate ? 1 : -1,
    );
  }

  /** All hosts that block-level lists stop before loading, for the pre-load rules. */
  *blockHosts(): Generator<string> {
    for (const list of this.lists) {
      if (list.action !== 'block') continue;
      for (const entry of list.details.values())
        if (categoryBlocks(entry.category)) yield entry.domain;
    }
    for (const list of this.lists) {
      if (list.action !== 'block' || !categoryBlocks(list.domainCategory)) continue;
      yield* this.bareDomains(list);
    }
  }

  private *bareDomains(list: IndexedList): Generator<string> {
    const matcher = list.matcher as SetMatcher;
    for (const host of matcher.hosts()) if (!list.details.has(host)) yield host;
  }
}

/** The id of the user's own blocklist ("block this site for me"). */
export const USER_LIST_ID = 'user-blocks';

/** The user's own blocks as list input: block level, each entry sourced by the user's decision. */
export function userBlocksInput(
  blocks: readonly { site: string; addedAt: number; note: string }[],
): IndexedListInput {
  return {
    id: USER_LIST_ID,
    action: 'block',
    content: {
      meta: {
        id: USER_LIST_ID,
        title: { ja: 'あなたがブロックしたサイト', en: 'Sites you blocked' },
        version: 0,
        updated: new Date(0).toISOString().slice(0, 10),
        licence: 'yours',
        attribution: [],
      },
      sites: blocks.map((b) => ({
        domain: b.site,
        category: 'rogue-pharmacy' as const,
        evidence: [
          {
            source: { citation: b.note === '' ? 'you' : b.note.slice(0, 600) },
            date: new Date(b.addedAt).toISOString().slice(0, 10),
          },
        ],
      })),
      domains: [],
      domainCategory: 'rogue-pharmacy',
      registrars: [],
      breaches: [],
    },
  };
}
