import { describe, expect, it } from 'vitest';
import { SetMatcher } from '../oracles/set-matcher';
import { ListIndex } from '../../utils/verdicts/list-index';
import { verdictForUrl } from '../../utils/verdicts/compute';
import type { ListContent, SiteEntry } from '../../utils/lists/model';
import { listContent } from './list-fixture';

const evidence = [{ source: { url: 'https://evidence.example/' }, date: '2026-11' }];
function list(id: string, sites: Partial<SiteEntry>[], domains: string[] = []): ListContent {
  return listContent(id, domains, {
    sites: sites.map((s) => ({ category: 'rogue-pharmacy', evidence, ...s }) as SiteEntry),
  });
}

describe('SetMatcher', () => {
  const matcher = new SetMatcher([
    'example.com',
    'shop.example.net',
    'xn--l8jd1b8h6e.net',
    '203.0.113.7',
  ]);

  it('matches the host and every subdomain of a listing', () => {
    expect(matcher.match('example.com')).toBe('example.com');
    expect(matcher.match('a.b.example.com')).toBe('example.com');
    expect(matcher.match('shop.example.net')).toBe('shop.example.net');
    expect(matcher.match('x.shop.example.net')).toBe('shop.example.net');
  });

  it('does not match parents, siblings or look-alikes', () => {
    expect(matcher.match('example.net')).toBeNull();
    expect(matcher.match('other.example.net')).toBeNull();
    expect(matcher.match('notexample.com')).toBeNull();
    expect(matcher.match('example.com.evil.test')).toBeNull();
  });

  it('matches IDN listings in punycode and IPs exactly', () => {
    expect(matcher.match('www.xn--l8jd1b8h6e.net')).toBe('xn--l8jd1b8h6e.net');
    expect(matcher.match('203.0.113.7')).toBe('203.0.113.7');
    expect(matcher.match('203.0.113.70')).toBeNull();
  });

  it('prefers the most specific listing', () => {
    const both = new SetMatcher(['example.com', 'shop.example.com']);
    expect(both.match('a.shop.example.com')).toBe('shop.example.com');
  });
});

describe('ListIndex and verdicts', () => {
  const index = ListIndex.fromContents([
    {
      id: 'project',
      action: 'block',
      content: list('project', [
        { domain: 'rogue.example', network: 'Net' },
        { domain: 'leaky.example', category: 'breached-service' },
      ]),
    },
    {
      id: 'community',
      action: 'warn',
      content: list('community', [], ['maybe.example', 'rogue.example']),
    },
  ]);

  it('reports every list that names a host, blocking lists first', async () => {
    const hits = await index.lookup('www.rogue.example');
    expect(hits.map((h) => [h.listId, h.blocks, h.reason.code, h.reason.level])).toEqual([
      ['project', true, 'list.block', 'danger'],
      ['community', false, 'list.warn', 'warning'],
    ]);
    expect(hits[0]!.reason.network).toBe('Net');
    expect(hits[1]!.reason.evidence).toEqual([]);
  });

  it('never blocks for a breach listing', async () => {
    expect((await index.lookup('leaky.example')).map((h) => [h.blocks, h.reason.level])).toEqual([
      [false, 'caution'],
    ]);
    expect(await index.blockHosts()).toEqual([{ listId: 'project', hosts: ['rogue.example'] }]);
  });

  it('turns URLs into verdicts', async () => {
    const now = 1;
    expect(
      await verdictForUrl('https://shop.rogue.example/x', index, new Set(), now),
    ).toMatchObject({
      status: 'checked',
      level: 'danger',
      blocked: true,
      site: 'rogue.example',
      allowlisted: false,
    });
    expect(
      await verdictForUrl('https://shop.rogue.example/x', index, new Set(['rogue.example']), now),
    ).toMatchObject({
      level: 'danger',
      blocked: false,
      allowlisted: true,
    });
    expect(await verdictForUrl('https://maybe.example/', index, new Set(), now)).toMatchObject({
      level: 'warning',
      blocked: false,
    });
    expect(await verdictForUrl('https://fine.example/', index, new Set(), now)).toMatchObject({
      level: 'none',
      reasons: [],
    });
    expect((await verdictForUrl('http://localhost:3000/', index, new Set(), now)).status).toBe(
      'local',
    );
    expect((await verdictForUrl('chrome://settings/', index, new Set(), now)).status).toBe(
      'unsupported',
    );
    expect((await verdictForUrl('https://ex%ample.com/', index, new Set(), now)).status).toBe(
      'unsupported',
    );
  });
});
