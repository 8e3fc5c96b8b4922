// Lints the curated data in data/: valid, canonical, sorted, no duplicates, every entry sourced,
// and every third-party source credited in the list's attribution.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { domainToUnicode } from 'node:url';
import { bundledProjectList, DATA_DIR } from '../../tools/lib/bundled-data';
import { importProjectListValue } from '../../utils/lists/import-json';
import { compareBreaches, compareRegistrars, compareStrings } from '../../utils/lists/order';
import { normalizeListedHost, registrableDomain, hostOfUrl } from '../../utils/core/hostname';
import type {
  Attribution,
  Breach,
  DomainGroup,
  Registrar,
  SiteEntry,
  Source,
} from '../../utils/lists/model';
import { packagedLicensed } from '../../utils/lists/licensed';
import { hygieneProblem } from '../../utils/lists/hygiene';

const raw = bundledProjectList() as {
  meta: { attribution: Attribution[] };
  sites: SiteEntry[];
  groups: DomainGroup[];
  registrars: Registrar[];
  breaches: Breach[];
};
const result = importProjectListValue(raw);

function isSorted<T>(items: T[], compare: (a: T, b: T) => number): boolean {
  return items.every((item, i) => i === 0 || compare(items[i - 1]!, item) < 0);
}

describe('bundled default data', () => {
  it('is a valid list with no rejected entry', () => {
    expect(result.ok).toBe(true);
    expect(result.rejected).toEqual([]);
  });

  it('has the shape the issue asks for', () => {
    if (!result.ok) throw new Error('invalid');
    const { sites, registrars, breaches } = result.content;
    expect(sites.filter((s) => s.category === 'rogue-pharmacy').length).toBeGreaterThanOrEqual(10);
    const gmo = registrars.find((r) => r.ianaId === 49)!;
    expect(gmo.incidents.map((i) => [i.kind, i.date, i.records])).toEqual([
      ['breach', '2014-12-04', 164650],
      ['noncooperation', '2016', null],
      ['noncooperation', '2016-01', null],
      ['breach', '2017-10-30', 14612],
    ]);
    expect(gmo.incidents[2]!.summary.en).toContain('66%');
    expect(breaches.find((b) => b.domain === 'onamae.com')?.pwnCount).toBe(164650);
  });

  it('names at least 1,000 sourced rogue-pharmacy or drug-ad domains, sites and groups together', () => {
    const listed = [
      ...raw.sites.filter((s) => s.category !== 'breached-service').map((s) => s.domain),
      ...raw.groups.flatMap((g) => g.domains),
    ];
    // 44,842 on 2026-12-05 (README, "The bundled default data"), 44,137 of them from NABP's Not
    // Recommended list; issue 13 asks for at least 1,000.
    expect(listed.length).toBeGreaterThanOrEqual(1000);
    expect(new Set(listed).size).toBe(listed.length);
    for (const group of raw.groups) {
      expect(group.evidence.length, group.id).toBeGreaterThan(0);
      expect(isSorted(group.domains, compareStrings), group.id).toBe(true);
    }
    expect(isSorted(raw.groups, (a, b) => compareStrings(a.id, b.id))).toBe(true);
  });

  // The offenders are collected and compared once: one expect per domain costs seconds at 44,000.
  it('blocks no licensed seller and nothing on the never-block set', () => {
    const licensed = packagedLicensed();
    const offenders = [
      ...raw.sites.map((s) => s.domain),
      ...raw.groups.flatMap((g) => g.domains),
    ].filter((domain) => licensed.lookup(domain) !== null || hygieneProblem(domain, 'domain'));
    expect(offenders).toEqual([]);
  });

  it('keeps hosts in canonical form (lower-case ASCII, punycode)', () => {
    const offenders = [
      ...raw.sites.map((s) => s.domain),
      ...raw.groups.flatMap((g) => g.domains),
    ].filter((domain) => {
      const normalized = normalizeListedHost(domain);
      return !normalized.ok || normalized.value.host !== domain;
    });
    expect(offenders).toEqual([]);
  });

  it("takes NABP's names from its links, not from the typography of the link text", () => {
    // NABP's page shows "24×7-pharmacy.com" and "buy–tramadol.com" (WordPress typography) while
    // the links behind them name 24x7-pharmacy.com and buy--tramadol.com: the links are used.
    const nabp = raw.groups.find((g) => g.id === 'nabp-not-recommended-2025-06');
    expect(nabp?.evidence[0]?.source.url).toBe('https://safe.pharmacy/not-recommended-sites/');
    expect(nabp?.domains).toEqual(
      expect.arrayContaining(['24x7-pharmacy.com', 'buy--tramadol.com']),
    );
    const typographic = /[\u00d7\u2013\u2014]/;
    const decoded = nabp!.domains.filter((d) => typographic.test(domainToUnicode(d)));
    expect(decoded).toEqual([]);
    // Left out for review though NABP lists them (data work's rejected.md gives the reasons).
    expect(nabp?.domains).not.toContain('pharmacychecker.com');
  });

  it('is sorted, so diffs between versions stay small', () => {
    expect(isSorted(raw.sites, (a, b) => compareStrings(a.domain, b.domain))).toBe(true);
    expect(isSorted(raw.registrars, compareRegistrars)).toBe(true);
    expect(isSorted(raw.breaches, compareBreaches)).toBe(true);
    for (const registrar of raw.registrars) {
      const dates = registrar.incidents.map((i) => i.date ?? '9999');
      expect([...dates].sort(), registrar.names[0]).toEqual(dates);
    }
  });

  it('has no duplicate sites, registrars or breaches', () => {
    const unique = <T>(values: T[]) => new Set(values).size === values.length;
    expect(unique(raw.sites.map((s) => s.domain))).toBe(true);
    expect(unique(raw.registrars.map((r) => r.ianaId ?? r.names[0]))).toBe(true);
    expect(unique(raw.breaches.map((b) => b.name))).toBe(true);
  });

  it('credits every third-party source in the attribution', () => {
    const attribution = raw.meta.attribution;
    const creditedDomains = new Set(
      attribution.filter((a) => a.url).map((a) => registrableDomain(hostOfUrl(a.url!)!.host)),
    );
    const credited = (source: Source, ownSite?: string): string | null => {
      if (source.url) {
        const site = registrableDomain(hostOfUrl(source.url)!.host);
        if (site === ownSite || creditedDomains.has(site)) return null;
        return `${source.url} is not credited`;
      }
      const citation = source.citation!.toLowerCase();
      return attribution.some((a) => citation.includes(a.name.toLowerCase()))
        ? null
        : `"${source.citation}" is not credited`;
    };
    const problems: string[] = [];
    for (const site of raw.sites) {
      for (const e of site.evidence) {
        const p = credited(e.source, registrableDomain(site.domain));
        if (p) problems.push(p);
      }
    }
    for (const group of raw.groups) {
      for (const e of group.evidence) {
        const p = credited(e.source);
        if (p) problems.push(p);
      }
    }
    for (const r of raw.registrars) {
      for (const i of r.incidents) {
        const p = credited(i.source);
        if (p) problems.push(p);
      }
      for (const n of [...(r.positiveNotes ?? []), ...(r.abuseStats ?? [])]) {
        const p = credited(n.source);
        if (p) problems.push(p);
      }
    }
    for (const b of raw.breaches) {
      const p = credited(b.source);
      if (p) problems.push(p);
    }
    expect(problems).toEqual([]);
  });

  it('credits the third-party snapshots it ships', () => {
    const provenance = readFileSync(`${DATA_DIR}PROVENANCE.md`, 'utf8');
    expect(provenance).toContain('hibp-breaches.json');
    expect(provenance).toContain('CC BY 4.0');
    expect(provenance).toContain('blocklistproject-drugs.txt');
    expect(provenance).toContain('Unlicense');
  });
});
