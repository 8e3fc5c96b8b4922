// On a fresh profile the install event and a first verdict both make sure the packaged lists are
// installed, at the same moment. Each list must be imported and stored once, not once per asker
// (session 9's import trace in Chromium showed every packaged list written twice).
import { describe, expect, it, vi } from 'vitest';
import { composeBackground } from '../../utils/background/root';
import { defaultCatalog } from '../../utils/lists/catalog';
import { fakePlatform } from './fakes';

describe('packaged lists on a fresh profile', () => {
  it('the install event and a first verdict at once store each list once', async () => {
    const platform = fakePlatform();
    const background = composeBackground(platform, defaultCatalog(null));
    const stored = vi.spyOn(background.lists, 'storeImported');
    await Promise.all([
      background.lifecycle.onInstalled('install'),
      background.lifecycle.listsReady(),
      background.verdicts.checkSite('https://example.com/'),
    ]);
    const ids = stored.mock.calls.map(([source]) => source.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).toEqual([...new Set(ids)]);
    const catalogIds = defaultCatalog(null).map((entry) => entry.id);
    expect([...ids].sort()).toEqual([...catalogIds].sort());
    // Every list is there and answers: the queued install did not skip what it had to do.
    const records = await background.lists.records();
    expect(records.map((r) => r.id).sort()).toEqual([...catalogIds].sort());
  });

  it('an install that fails does not stop the next one from running', async () => {
    const platform = fakePlatform();
    const background = composeBackground(platform, defaultCatalog(null));
    const read = platform.readPackaged.bind(platform);
    let fail = true;
    platform.readPackaged = async (path: string) => {
      if (fail) {
        fail = false;
        throw new Error('disk read failed');
      }
      return read(path);
    };
    await expect(background.lists.installBundled(false)).rejects.toThrow('disk read failed');
    await background.lists.installBundled(false);
    const records = await background.lists.records();
    expect(records.length).toBe(defaultCatalog(null).length);
  });
});
