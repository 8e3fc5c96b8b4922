// A list with more accepted hosts than a list may hold (repeats included) is read again with a Set
// in input order: which host is one too many depends on the repeats before it. The limit is made
// small here; it is MAX_LIST_ENTRIES (2,000,000) in the extension.
import { describe, expect, it, vi } from 'vitest';
import { importDomainList, importDomainListBySet } from '../../utils/lists/import-domains';
import { listMeta } from './list-fixture';

vi.mock('../../utils/lists/model', async (original) => ({
  ...(await original<typeof import('../../utils/lists/model')>()),
  MAX_LIST_ENTRIES: 20,
}));

const options = { meta: listMeta('limit'), category: 'rogue-pharmacy' as const };

describe('a list over the entry limit', () => {
  it('gives what a Set read in order gave: repeats, then one too many, then counted only', () => {
    const lines: string[] = [];
    for (let i = 0; i < 40; i += 1)
      lines.push(`shop-${i % 25}.example`, i % 3 === 0 ? 'junk line' : `shop-${i}.example`);
    const text = lines.join('\n');
    const late = importDomainList(text, options);
    expect(late).toEqual(importDomainListBySet(text, options));
    if (!late.ok) throw new Error(late.error);
    expect(late.content.domains).toHaveLength(20);
    expect(late.summary.kinds['too-many']).toBeGreaterThan(1);
    expect(late.summary.kinds.duplicate).toBeGreaterThan(1);
  });

  it('reads a list of repeats under the limit by fingerprint', () => {
    const text = Array.from({ length: 60 }, (_, i) => `shop-${i % 10}.example`).join('\n');
    const late = importDomainList(text, options);
    // 60 accepted lines are over the limit of 20, so this one is read again with the Set too.
    expect(late).toEqual(importDomainListBySet(text, options));
    const short = Array.from({ length: 19 }, (_, i) => `shop-${i % 10}.example`).join('\n');
    expect(importDomainList(short, options)).toEqual(importDomainListBySet(short, options));
  });
});
