// The user's own blocks ("block this site for me") as one more list for the index: kept apart
// from the index itself, which only knows lists, not where a list came from.
import type { IndexedListInput } from './list-index';

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
        title: { ja: 'ブロックしたサイト', en: 'Sites you blocked' },
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
      groups: [],
      registrars: [],
      breaches: [],
    },
  };
}
