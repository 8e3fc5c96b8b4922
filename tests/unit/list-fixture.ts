// A list's content for tests: meta for a given id, and bare domains unless told otherwise; and
// the record of a downloaded subscription that stores it.
import type { ListContent, ListMeta } from '../../utils/lists/model';
import { emptyStatus } from '../../utils/lists/record';
import type { ListRecordInput } from '../../utils/lists/store';

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

/**
 * The record of a downloaded subscription list `id` (its content hash `h1` unless `fields` say
 * otherwise), with `fields` over it.
 */
export function listRecordInput(
  id: string,
  fields: Partial<ListRecordInput> = {},
): ListRecordInput {
  return {
    id,
    origin: 'subscription',
    format: 'domains',
    action: 'block',
    enabled: true,
    url: `https://lists.example/${id}.txt`,
    meta: listMeta(id),
    domainCategory: 'rogue-pharmacy',
    contentHash: 'h1',
    contentFrom: 'download',
    installedAt: 1,
    status: emptyStatus(),
    ...fields,
  };
}
