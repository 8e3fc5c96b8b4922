// The zod/mini trial (issue 16) is only worth its figure if the two schemas check the same
// things: same records accepted with the same defaults filled in, same records refused.
import { describe, expect, it } from 'vitest';
import * as zm from 'zod/mini';
import * as classic from '../../tools/bench/zod-trial/classic';
import * as mini from '../../tools/bench/zod-trial/mini';

const GOOD = {
  id: 'kusuri-guard-default',
  origin: 'bundled',
  action: 'block',
  enabled: true,
  url: null,
  meta: { title: { ja: '標準リスト', en: 'Default list' }, version: 3 },
  counts: { sites: 10, domains: 12 },
  generation: 4,
  contentFrom: 'bundled',
  status: { lastSuccess: 1, rejected: { total: 2, kinds: { 'bare-tld': 2 } } },
};

const BAD: [string, (r: Record<string, unknown>) => void][] = [
  ['an empty id', (r) => (r.id = '')],
  ['an unknown origin', (r) => (r.origin = 'elsewhere')],
  ['an unknown action', (r) => (r.action = 'redirect')],
  ['a negative count', (r) => (r.counts = { sites: -1, domains: 0 })],
  ['a fractional generation', (r) => (r.generation = 1.5)],
  ['a string for a number', (r) => (r.generation = '4')],
  ['a zero interval', (r) => (r.intervalMs = 0)],
  ['a held host longer than a DNS name', (r) => (r.confirmedHeld = ['a'.repeat(254)])],
  ['an empty held host', (r) => (r.confirmedHeld = [''])],
  ['a negative rejected count', (r) => (r.status = { rejected: { total: 1, kinds: { x: -1 } } })],
  [
    'more held hosts than the cap',
    (r) => (r.status = { rejected: { total: 0, kinds: {}, held: Array(1001).fill('a.jp') } }),
  ],
  ['a missing field', (r) => delete r.contentFrom],
  ['a title without its Japanese', (r) => (r.meta = { title: { en: 'x' }, version: 1 })],
];

describe('the zod/mini trial schema checks what the classic one does', () => {
  it('accepts a stored record and fills the same defaults', () => {
    const a = classic.Record.parse(GOOD);
    const b = zm.parse(mini.Record, GOOD);
    expect(b).toEqual(a);
    expect(a.intervalMs).toBe(24 * 3600_000);
    expect(a.status.failures).toBe(0);
    expect(a.confirmedHeld).toEqual([]);
  });

  it.each(BAD)('refuses %s in both', (_what, spoil) => {
    const record = structuredClone(GOOD) as Record<string, unknown>;
    spoil(record);
    expect(classic.readRecord(record)).toBe(false);
    expect(mini.readRecord(record)).toBe(false);
  });
});
