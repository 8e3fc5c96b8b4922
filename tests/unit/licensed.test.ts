// The licensed-seller allowlist: the packaged data is valid and sourced, bad entries are refused
// (never guessed), and a licensed host is not warned on because of a warn-level list or the
// detector, while a block-level listing stays and is reported as a conflict.
import { describe, expect, it } from 'vitest';
import {
  LicensedIndex,
  packagedLicensed,
  parseLicensed,
  type LicensedEntry,
} from '../../utils/lists/licensed';
import { ListIndex } from '../../utils/verdicts/list-index';
import { verdictForUrl } from '../../utils/verdicts/compute';
import licensedData from '../../data/licensed.json';
import { listContent } from './list-fixture';
import type { SiteEntry } from '../../utils/lists/model';

const valid: LicensedEntry = {
  domain: 'licensed-pharmacy.example',
  name: 'Licensed Pharmacy',
  country: 'GB',
  kind: 'pharmacy',
  register: { id: 'gphc', ja: 'GPhC 登録薬局', en: 'GPhC registered pharmacy' },
  licence: 'GPhC 1234567',
  source: { url: 'https://licensed-pharmacy.example/terms' },
  date: '2026-12',
};

describe('the packaged allowlist', () => {
  it('parses with no rejected entry and names its register for each', () => {
    const { entries, rejected } = parseLicensed(licensedData);
    expect(rejected).toEqual([]);
    expect(entries.length).toBe((licensedData as unknown[]).length);
    expect(entries.length).toBeGreaterThanOrEqual(150);
    for (const e of entries) expect(e.register.ja && e.register.en, e.domain).toBeTruthy();
  });

  it('covers the two sites the Block List Project subset wrongly names', () => {
    const index = packagedLicensed();
    expect(index.lookup('www.pharmacy2u.co.uk')).toMatchObject({
      domain: 'pharmacy2u.co.uk',
      register: { id: 'gphc' },
      licence: 'GPhC 9010146',
    });
    expect(index.lookup('rxlist.com')?.kind).toBe('reference');
    expect(index.lookup('pharmacy2u.co.uk.evil.example')).toBeNull();
    expect(index.lookup('xpharmacy2u.co.uk')).toBeNull();
  });
});

describe('bad allowlist entries', () => {
  it('are refused with a reason, never normalised into something else', () => {
    const bad = [
      { ...valid, domain: 'co.jp' },
      { ...valid, domain: 'blogspot.com' },
      { ...valid, domain: 'wixsite.com' },
      { ...valid, domain: 'hxxp://licensed-pharmacy.example' },
      { ...valid, domain: 'licensed-pharmacy[.]example' },
      { ...valid, domain: 'licensed-pharmacy.example/shop' },
      { ...valid, domain: '192.168.1.1' },
      { ...valid, source: {} },
      { ...valid, kind: 'casino' },
      'licensed-pharmacy.example',
      valid,
      { ...valid, domain: 'LICENSED-pharmacy.example.' }, // the same host: a duplicate
    ];
    const { entries, rejected } = parseLicensed(bad);
    expect(entries.map((e) => e.domain)).toEqual(['licensed-pharmacy.example']);
    expect(rejected.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11]);
    expect(rejected.map((r) => r.reason)).toEqual([
      'public-suffix', // co.jp
      'public-suffix', // blogspot.com: a private suffix of the PSL
      'public-suffix', // wixsite.com
      'schema',
      'schema',
      'schema',
      'schema',
      'schema',
      'schema',
      'schema',
      'duplicate',
    ]);
    expect(parseLicensed({}).rejected).toEqual([
      { index: -1, reason: 'schema', detail: 'not a list', input: '' },
    ]);
  });
});

describe('verdicts for a licensed seller', () => {
  const evidence = [{ source: { url: 'https://evidence.example/' }, date: '2026-11' }];
  const allow = new LicensedIndex([valid]);
  const index = ListIndex.fromContents([
    {
      id: 'project',
      action: 'block',
      content: listContent('project', [], {
        sites: [
          { domain: 'rogue.example', category: 'rogue-pharmacy', evidence } as SiteEntry,
          { domain: 'blocked.licensed-pharmacy.example', category: 'rogue-pharmacy', evidence },
        ],
      }),
    },
    {
      id: 'community',
      action: 'warn',
      content: listContent('community', ['licensed-pharmacy.example', 'rogue.example']),
    },
  ]);
  const page = {
    score: 80,
    level: 'danger' as const,
    at: 1,
    signals: [
      {
        code: 'import-agency' as const,
        weight: 40,
        evidence: '個人輸入代行',
        terms: ['個人輸入代行'],
      },
    ],
  };

  it('are not warned on because of a warn-level list or the detector; the conflict is kept', async () => {
    const v = await verdictForUrl(
      'https://www.licensed-pharmacy.example/',
      index,
      new Set(),
      1,
      page,
      null,
      allow,
    );
    expect(v).toMatchObject({ level: 'none', blocked: false, page: null, reasons: [] });
    expect(v.licensed).toMatchObject({ name: 'Licensed Pharmacy', licence: 'GPhC 1234567' });
    expect(v.overridden!.map((r) => r.code)).toEqual(['list.warn', 'page.import-agency']);
  });

  it('still block on a block-level listing, with the allowlist entry shown beside it', async () => {
    const v = await verdictForUrl(
      'https://blocked.licensed-pharmacy.example/',
      index,
      new Set(),
      1,
      null,
      null,
      allow,
    );
    expect(v).toMatchObject({ level: 'danger', blocked: true });
    expect(v.licensed?.domain).toBe('licensed-pharmacy.example');
    expect(v.reasons.map((r) => r.code)).toEqual(['list.block']);
    expect(v.overridden!.map((r) => r.code)).toEqual(['list.warn']);
  });

  it('leave other sites as they were', async () => {
    const v = await verdictForUrl('https://rogue.example/', index, new Set(), 1, page, null, allow);
    expect(v.licensed).toBeUndefined();
    expect(v.reasons.map((r) => r.code)).toEqual(['list.block', 'list.warn', 'page.import-agency']);
  });
});
