// One entry point for all importers, chosen by the list's declared format.
import type { ImportResult, ListMeta, SiteCategory } from './model';
import type { ListFormat } from './record';
import { projectListTextSteps } from './import-json';
import { domainListSteps } from './import-domains';
import { importHibpBreaches } from './import-hibp';
import { importLicensedList } from './import-licensed';
import { ublacklistSteps } from './import-ublacklist';
import { fail, runSteps, runStepsYielding, type ImportSteps } from './import-common';
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
  const result = runSteps(importSteps(format, text, options));
  // The hosts were sliced out of `text`; let go of the last ones the parsers keep (see there).
  releaseParsedHost();
  return result;
}

/**
 * importByFormat for the background: the event loop gets a turn about every 50,000 lines, so a
 * million-line list does not keep the worker from answering messages (pages, the popup) while it
 * is read. The result is the same as importByFormat's.
 */
export async function importByFormatYielding(
  format: ListFormat,
  text: string,
  options: ImportOptions,
  pause?: () => Promise<void>,
): Promise<ImportResult> {
  const result = await runStepsYielding(importSteps(format, text, options), pause);
  releaseParsedHost();
  return result;
}

function* importSteps(format: ListFormat, text: string, options: ImportOptions): ImportSteps {
  switch (format) {
    case 'kusuri-guard':
      return yield* projectListTextSteps(text);
    case 'domains':
      if (!options.meta)
        return fail('wrong-format', 'a plain list needs metadata from its subscription');
      return yield* domainListSteps(text, { meta: options.meta, category: options.category });
    case 'ublacklist':
      if (!options.meta)
        return fail(
          'wrong-format',
          'a uBlacklist subscription needs metadata from its subscription',
        );
      return yield* ublacklistSteps(text, { meta: options.meta, category: options.category });
    case 'hibp':
      // Breach lists are a few hundred records: read at once.
      if (!options.meta)
        return fail('wrong-format', 'the HIBP list needs metadata from its subscription');
      return importHibpBreaches(text, options.meta);
    case 'licensed':
      // An allowlist of a few thousand sellers at most: read at once.
      return importLicensedList(text);
  }
}
