// The first-run page opens on a first install only: not on an update, not on a browser update,
// and not in builds that turn it off (the end-to-end build, whose tests open it themselves).
import { describe, expect, it } from 'vitest';
import { composeBackground } from '../../utils/background/root';
import { defaultCatalog } from '../../utils/lists/catalog';
import { fakePlatform, ORIGIN } from './fakes';

const welcomeOpened = (opened: { url: string }[]) =>
  opened.filter((o) => o.url === `${ORIGIN}/welcome.html`).length;

describe('first-run page', () => {
  it('opens once on install', async () => {
    const platform = fakePlatform();
    await composeBackground(platform, defaultCatalog(null)).lifecycle.onInstalled('install');
    expect(welcomeOpened(platform.tabs.opened)).toBe(1);
  });

  it('does not open on an update or a browser update', async () => {
    const platform = fakePlatform();
    const bg = composeBackground(platform, defaultCatalog(null));
    await bg.lifecycle.onInstalled('update');
    await bg.lifecycle.onInstalled('other');
    await bg.lifecycle.onStartup();
    expect(welcomeOpened(platform.tabs.opened)).toBe(0);
  });

  it('does not open when the build turns it off', async () => {
    const platform = fakePlatform();
    platform.config.welcomeOnInstall = false;
    await composeBackground(platform, defaultCatalog(null)).lifecycle.onInstalled('install');
    expect(welcomeOpened(platform.tabs.opened)).toBe(0);
  });
});
