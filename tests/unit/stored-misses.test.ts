// The registrar cache and the page scores answer a miss (nothing stored) without parsing, and
// still check whatever is stored: a damaged row or record is a miss, a valid one is returned as
// stored (utils/intel/rdap-cache.ts, utils/verdicts/page-scores.ts).
import { describe, expect, it } from 'vitest';
import { db } from '../../utils/core/db';
import { idbRdapCache } from '../../utils/intel/rdap-cache';
import type { RdapResult } from '../../utils/intel/rdap-client';
import { PageScores } from '../../utils/verdicts/page-scores';
import { fakePlatform } from './fakes';

const NOT_FOUND: RdapResult = { status: 'not-found', fetchedAt: 1_000 };

describe('the registrar cache', () => {
  it('answers a domain never looked up with null', async () => {
    expect(await idbRdapCache.get('never-looked-up.example')).toBeNull();
  });

  it('returns a stored answer and refuses a damaged row', async () => {
    await idbRdapCache.put('stored.example', NOT_FOUND, 5_000);
    expect(await idbRdapCache.get('stored.example')).toEqual({
      result: NOT_FOUND,
      expiresAt: 5_000,
    });
    const store = await db();
    for (const damaged of [
      { domain: 'damaged.example', result: { status: 'not-found' }, expiresAt: 5_000 },
      { domain: 'damaged.example', result: NOT_FOUND, expiresAt: '5000' },
      { domain: 'damaged.example', result: { status: 'ok', fetchedAt: 1 }, expiresAt: 5_000 },
    ]) {
      await store.put('rdapCache', damaged as never);
      expect(await idbRdapCache.get('damaged.example'), JSON.stringify(damaged)).toBeNull();
    }
  });
});

describe('the page scores', () => {
  const record = {
    url: 'https://shop.example/a',
    score: 42,
    level: 'caution' as const,
    at: 7,
    signals: [{ code: 'rx-drug' as const, weight: 1, evidence: 'x', terms: ['x'] }],
  };

  it('has no record before anything is stored', async () => {
    const scores = new PageScores(fakePlatform().session);
    expect(await scores.get(3, 'https://shop.example/a')).toBeNull();
  });

  it('returns a stored record and treats damaged records as none', async () => {
    const platform = fakePlatform();
    const scores = new PageScores(platform.session);
    platform.sessionData.set('pageScores', { '3': record });
    expect(await scores.get(3, 'https://shop.example/a#top')).toEqual(record);
    for (const damaged of [{ '3': { ...record, score: 'high' } }, [record], 'records', null]) {
      platform.sessionData.set('pageScores', damaged);
      expect(await scores.get(3, 'https://shop.example/a'), JSON.stringify(damaged)).toBeNull();
    }
  });
});
