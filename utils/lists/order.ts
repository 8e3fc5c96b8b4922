// The canonical order of list entries. Published lists are kept in this order (the data lint
// checks it) so that diffs between versions stay small and reviewable.
import type { Breach, Registrar } from './model';

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Entries with a domain (sites), by domain. */
export function compareByDomain(a: { domain: string }, b: { domain: string }): number {
  return compareStrings(a.domain, b.domain);
}

/** Entries with an id (groups), by id. */
export function compareById(a: { id: string }, b: { id: string }): number {
  return compareStrings(a.id, b.id);
}

export function isSorted(values: readonly string[]): boolean {
  for (let i = 1; i < values.length; i += 1) if (values[i - 1]! > values[i]!) return false;
  return true;
}

/** Sort in place unless already sorted (published lists are; checking costs one pass). */
export function sortIfNeeded(values: string[]): string[] {
  return isSorted(values) ? values : values.sort();
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
