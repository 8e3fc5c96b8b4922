// The popup's "main reasons": the three strongest reasons against the site, a list entry before
// the page's words at the same level, never a sign of a legitimate site or a neutral fact.
import { describe, expect, it } from 'vitest';
import { countsAgainst, topReasons } from '../../components/popup/top-reasons';
import type { Level, Reason } from '../../utils/verdicts/model';

const page = (code: string, level: Level, weight: number): Reason => ({
  group: 'page',
  code: `page.${code}` as Extract<Reason, { group: 'page' }>['code'],
  level,
  weight,
  evidence: code,
});
const registrar = (code: string, level: Level): Reason => ({
  group: 'registrar',
  code: code as Extract<Reason, { group: 'registrar' }>['code'],
  level,
  registrar: { ianaId: 49, name: 'GMO' },
});
const list: Reason = {
  group: 'list',
  code: 'list.warn',
  level: 'warning',
  list: { id: 'l', title: { ja: 'l', en: 'l' }, attribution: [] },
  listed: 'shop.example',
  category: 'rogue-pharmacy',
  evidence: [],
};
const age: Reason = {
  group: 'age',
  code: 'age.new',
  level: 'caution',
  registered: '2026-11-01',
  days: 30,
  expiration: null,
};

describe('main reasons in the popup', () => {
  it('takes the three strongest, highest level first, a list entry first at equal level', () => {
    const reasons = [
      registrar('registrar.identity', 'none'),
      page('payment', 'caution', 10),
      age,
      page('no-prescription', 'warning', 30),
      page('licence-missing', 'warning', 40),
      list,
      registrar('registrar.noncooperation', 'caution'),
      page('licence', 'none', -20),
    ];
    expect(topReasons(reasons).map((r) => r.code)).toEqual([
      'list.warn',
      'page.licence-missing',
      'page.no-prescription',
    ]);
    expect(topReasons(reasons, 5).map((r) => r.code)).toEqual([
      'list.warn',
      'page.licence-missing',
      'page.no-prescription',
      'page.payment',
      'age.new',
    ]);
  });

  it('never lists a sign of a legitimate site or a neutral registrar fact', () => {
    expect(countsAgainst(page('licence', 'none', -20))).toBe(false);
    expect(countsAgainst(registrar('registrar.identity', 'none'))).toBe(false);
    expect(countsAgainst(registrar('registrar.breach', 'caution'))).toBe(true);
    expect(
      topReasons([page('licence', 'none', -20), registrar('registrar.identity', 'none')]),
    ).toEqual([]);
  });

  it('keeps the original order among equals and copes with fewer than three', () => {
    const a = page('a', 'caution', 5);
    const b = page('b', 'caution', 5);
    expect(topReasons([a, b])).toEqual([a, b]);
    expect(topReasons([])).toEqual([]);
  });
});
