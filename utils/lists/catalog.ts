// The lists Kusuri Guard uses out of the box. Each has a copy packaged with the extension (so it
// works offline from the first second) and, where one exists, a URL it is refreshed from.
import type { ListMeta, SiteCategory } from './model';
import type { ListAction, ListFormat } from './record';
import { HIBP_ATTRIBUTION, HIBP_BREACHES_URL } from './import-hibp';

/** Everything needed to fetch and import a list: a catalog entry, or a list the user added. */
export interface ListSource {
  id: string;
  origin: 'bundled' | 'subscription' | 'custom';
  format: ListFormat;
  action: ListAction;
  url: string | null;
  category: SiteCategory;
  /** Metadata for formats that carry none (plain lists, HIBP). */
  meta: ListMeta | null;
  intervalMs: number;
  signed: boolean;
}

export interface CatalogEntry {
  id: string;
  format: ListFormat;
  action: ListAction;
  /** Path of the packaged copy inside the extension. */
  bundledPath: string;
  /** Where updates come from; null when the packaged copy is the only source. */
  url: string | null;
  /** Category of bare domains (plain lists). */
  category: SiteCategory;
  /** Metadata for formats that carry none (plain lists, HIBP). */
  meta: ListMeta | null;
  /** How often the list is checked for a new version. */
  intervalMs: number;
  /** A download must carry a valid signature by the pinned key. */
  signed: boolean;
}

const HOUR = 3600_000;

export const PROJECT_LIST_ID = 'kusuri-guard';
export const HIBP_LIST_ID = 'hibp-breaches';
export const BLOCKLISTPROJECT_LIST_ID = 'blocklistproject-drugs';
export const LICENSED_LIST_ID = 'licensed-sellers';

export const BLOCKLISTPROJECT_DRUGS_URL = 'https://blocklistproject.github.io/Lists/drugs.txt';

/** Build-time setting: where the project's own list is published (empty: bundled copy only). */
export function projectListUrl(): string | null {
  const value = (import.meta.env?.WXT_PROJECT_LIST_URL as string | undefined) ?? '';
  return value === '' ? null : value;
}

/**
 * Build-time setting: where the project publishes its licensed-seller list (signed with the same
 * key as its own list; empty: the packaged copy only).
 */
export function licensedListUrl(): string | null {
  const value = (import.meta.env?.WXT_LICENSED_LIST_URL as string | undefined) ?? '';
  return value === '' ? null : value;
}

/** Where a list stands in the catalog (the project's own first); lists the user added come last. */
export function catalogRank(catalog: readonly CatalogEntry[], id: string): number {
  const index = catalog.findIndex((e) => e.id === id);
  return index < 0 ? catalog.length : index;
}

export function catalogSource(entry: CatalogEntry): ListSource {
  return { ...entry, origin: 'bundled' };
}

export function defaultCatalog(
  projectUrl: string | null = projectListUrl(),
  licensedUrl: string | null = licensedListUrl(),
): CatalogEntry[] {
  return [
    {
      id: PROJECT_LIST_ID,
      format: 'kusuri-guard',
      action: 'block',
      bundledPath: 'lists/kusuri-guard.json',
      url: projectUrl,
      category: 'rogue-pharmacy',
      meta: null,
      intervalMs: 6 * HOUR,
      signed: true,
    },
    {
      // Licensed pharmacies, drugstores and clinics: not warned on because of a warn-level entry
      // or the page check. Signed like the project's list: a forged allowlist would silence warnings.
      id: LICENSED_LIST_ID,
      format: 'licensed',
      action: 'allow',
      bundledPath: 'lists/licensed.json',
      url: licensedUrl,
      category: 'rogue-pharmacy',
      meta: null,
      intervalMs: 24 * HOUR,
      signed: true,
    },
    {
      id: BLOCKLISTPROJECT_LIST_ID,
      format: 'domains',
      action: 'warn',
      bundledPath: 'lists/blocklistproject-drugs.txt',
      url: BLOCKLISTPROJECT_DRUGS_URL,
      category: 'rogue-pharmacy',
      intervalMs: 24 * HOUR,
      signed: false,
      meta: {
        id: BLOCKLISTPROJECT_LIST_ID,
        title: { ja: 'Block List Project 薬物サイト一覧', en: 'Block List Project drugs list' },
        version: 0,
        updated: '2026-07-06',
        licence: 'Unlicense',
        homepage: 'https://github.com/blocklistproject/Lists',
        attribution: [
          {
            name: 'The Block List Project',
            url: 'https://github.com/blocklistproject/Lists',
            licence: 'Unlicense',
            note: 'Built from keywords, so it is used for warnings only. The packaged copy is the pharmacy-related subset (5,903 domains) of drugs.txt as of 2026-07.',
          },
        ],
      },
    },
    {
      id: HIBP_LIST_ID,
      format: 'hibp',
      action: 'notice',
      bundledPath: 'lists/hibp-breaches.json',
      url: HIBP_BREACHES_URL,
      category: 'breached-service',
      intervalMs: 24 * HOUR,
      signed: false,
      meta: {
        id: HIBP_LIST_ID,
        title: { ja: 'Have I Been Pwned 情報漏えい一覧', en: 'Have I Been Pwned breaches' },
        version: 0,
        updated: '2018-12-18',
        licence: 'CC BY 4.0',
        homepage: 'https://haveibeenpwned.com/',
        attribution: [{ ...HIBP_ATTRIBUTION }],
      },
    },
  ];
}
