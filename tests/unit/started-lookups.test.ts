// One verdict's lookups asked for early (utils/verdicts/started-lookups.ts): the host's reads are
// asked for once, at once, and handed to whoever asks for that host or its site; anything else is
// asked of the index as before, and a failed read fails whoever asks for it.
import { describe, expect, it } from 'vitest';
import { withStartedLookups } from '../../utils/verdicts/started-lookups';
import type { ListLookup } from '../../utils/verdicts/list-index';

function countingIndex(fail = false) {
  const asked: string[] = [];
  const answer = <T>(what: string, value: T) => {
    asked.push(what);
    return fail ? Promise.reject(new Error(what)) : Promise.resolve(value);
  };
  const index: ListLookup = {
    lookup: (host) => answer(`lookup ${host}`, []),
    licensedFor: (host) => answer(`licensed ${host}`, null),
    breachesFor: (site) => answer(`breaches ${site}`, []),
    registrar: () => null,
  };
  return { index, asked };
}

describe('a verdict’s lookups started early', () => {
  it('asks for the host’s reads at once, licensed seller first, and only once', async () => {
    const { index, asked } = countingIndex();
    const started = withStartedLookups(index, 'www.shop.example.co.uk');
    expect(asked).toEqual([
      'licensed www.shop.example.co.uk',
      'lookup www.shop.example.co.uk',
      'breaches example.co.uk',
    ]);
    await started.lookup('www.shop.example.co.uk');
    await started.licensedFor('www.shop.example.co.uk');
    await started.breachesFor('example.co.uk');
    expect(asked).toHaveLength(3);
  });

  it('asks the index for any other host or site', async () => {
    const { index, asked } = countingIndex();
    const started = withStartedLookups(index, 'a.example');
    await started.lookup('b.example');
    await started.licensedFor('b.example');
    await started.breachesFor('b.example');
    expect(asked.slice(3)).toEqual([
      'lookup b.example',
      'licensed b.example',
      'breaches b.example',
    ]);
  });

  it('fails whoever asks when a read failed, and nothing else meanwhile', async () => {
    const { index } = countingIndex(true);
    const started = withStartedLookups(index, 'a.example');
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(started.lookup('a.example')).rejects.toThrow('lookup a.example');
    await expect(started.breachesFor('a.example')).rejects.toThrow('breaches a.example');
  });
});
