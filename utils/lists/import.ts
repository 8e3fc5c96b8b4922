// One entry point for all importers, chosen by the list's declared format.
import type { ImportResult, ListMeta, SiteCategory } from './model';
import type { ListFormat } from './record';
import { importProjectList } from './import-json';
import { importDomainList } from './import-domains';
import { importHibpBreaches } from './import-hibp';
import { importUblacklist } from './import-ublacklist';
import { fail } from './import-common';
import { releaseParsedHost } from '../core/hostname';

export interface ImportOptions {
  /** Metadata for formats that carry none. */
  meta: ListMeta | null;
  category: SiteCategory;
}

export function importByFormat(
  format: ListFormat,
  text: string,
  options: ImportOptions,
): ImportResult {
  const result = importAs(format, text, options);
  // The hosts were sliced out of `text`; let go of the last ones the parsers keep (see there).
  releaseParsedHost();
  return result;
}

function importAs(format: ListFormat, text: string, options: ImportOptions): ImportResult {
  switch (format) {
    case 'kusuri-guard':
      return importProjectList(text);
    case 'domains':
      if (!options.meta)
        return fail('wrong-format', 'a plain list needs metadata from its subscription');
      return importDomainList(text, { meta: options.meta, category: options.category });
    case 'ublacklist':
      if (!options.meta)
        return fail(
          'wrong-format',
          'a uBlacklist subscription needs metadata from its subscription',
        );
      return importUblacklist(text, { meta: options.meta, category: options.category });
    case 'hibp':
      if (!options.meta)
        return fail('wrong-format', 'the HIBP list needs metadata from its subscription');
      return importHibpBreaches(text, options.meta);
  }
}
