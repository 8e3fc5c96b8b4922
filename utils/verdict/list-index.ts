// In-memory view of every enabled list, built from storage: which hosts each list names, and what
// a hit means (block, warn, notice). Pure: the background builds it from IndexedDB, the CLI and the
// tests from files.
import { SetMatcher, type DomainMatcher } from '../match/matcher';
import type { ListContent, SiteCategory, SiteEntry } from '../list/model';
import type { ListAction } from '../store/lists';
import type { ListReason, ListRef } from './model';

export interface IndexedListInput {
  id: string;
  action: ListAction;
  content: ListContent;
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

  constructor(inputs: readonly IndexedListInput[]) {
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
