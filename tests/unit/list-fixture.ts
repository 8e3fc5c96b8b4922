// A list's content for tests: meta for a given id, and bare domains unless told otherwise.
import type { ListContent, ListMeta } from '../../utils/lists/model';

export function listMeta(id: string): ListMeta {
  return {
    id,
    title: { ja: id, en: id },
    version: 1,
    updated: '2026-11',
    licence: 'CC0',
    attribution: [{ name: `${id} authors`, licence: 'CC0' }],
  };
}

export function listContent(
  id: string,
  domains: string[],
  extra: Partial<ListContent> = {},
): ListContent {
  return {
    meta: listMeta(id),
    sites: [],
    domains,
    domainCategory: 'rogue-pharmacy',
    groups: [],
    registrars: [],
    breaches: [],
    ...extra,
  };
}
