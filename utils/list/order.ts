// The canonical order of list entries. Published lists are kept in this order (the data lint
// checks it) so that diffs between versions stay small and reviewable.
import type { Breach, Registrar } from './model';

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Accredited registrars by IANA ID, then unaccredited groups by name. */
export function compareRegistrars(a: Registrar, b: Registrar): number {
  if (a.ianaId !== null && b.ianaId !== null) return a.ianaId - b.ianaId;
  if (a.ianaId !== null) return -1;
  if (b.ianaId !== null) return 1;
  return compareStrings(a.names[0]!, b.names[0]!);
}

/** Breaches by domain, then by date, then by name. */
export function compareBreaches(a: Breach, b: Breach): number {
  return (
    compareStrings(a.domain, b.domain) ||
    compareStrings(a.breachDate, b.breachDate) ||
    compareStrings(a.name, b.name)
  );
}
