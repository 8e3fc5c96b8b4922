// Issue 14, item 1: one site-name rule for every block and allowance the user makes, and for
// stored entries when the rules are built.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Background } from '../../utils/background/root';
import { addAllowEntry } from '../../utils/decisions/allowlist';
import { addUserBlock } from '../../utils/decisions/user-blocks';
import { isValidUserSite, userSiteOf } from '../../utils/core/site-name';
import { isNonPublicAddress } from '../../utils/core/ip-range';
import { pageSender, type TestPlatform } from './fakes';
import { installedBackground } from './installed';

let platform: TestPlatform;
let background: Background;

beforeEach(async () => {
  ({ platform, background } = await installedBackground());
});

describe('the site-name rule', () => {
  it('accepts a registrable domain, a host under one (as its site) and a public IPv4 address', () => {
    expect(userSiteOf('rogue-shop.co.jp')).toEqual({ ok: true, site: 'rogue-shop.co.jp' });
    expect(userSiteOf('https://www.Yahoo.co.jp/news')).toEqual({ ok: true, site: 'yahoo.co.jp' });
    expect(userSiteOf('someone.github.io')).toEqual({ ok: true, site: 'someone.github.io' });
    expect(userSiteOf('ｋｕｓｕｒｉ.jp')).toEqual({ ok: true, site: 'kusuri.jp' });
    expect(userSiteOf('93.184.216.34')).toEqual({ ok: true, site: '93.184.216.34' });
  });

  it.each([
    ['co.jp', 'public-suffix'],
    ['ne.jp', 'public-suffix'],
    ['github.io', 'public-suffix'],
    ['blogspot.com', 'public-suffix'],
    ['https://co.jp/', 'public-suffix'],
    ['com', 'local'],
    ['*', 'invalid'],
    ['*.example.com', 'invalid'],
    ['<b>shop</b>.com', 'invalid'],
    ['javascript:alert(1)', 'invalid'],
    ['', 'invalid'],
    ['localhost', 'local'],
    ['router.local', 'local'],
    ['192.168.1.1', 'private-address'],
    ['http://169.254.169.254/latest', 'private-address'],
    ['10.0.0.1', 'private-address'],
    ['127.0.0.1', 'private-address'],
    ['100.64.0.1', 'private-address'],
    ['[::1]', 'private-address'],
  ])('refuses %s (%s)', (input, error) => {
    expect(userSiteOf(input)).toEqual({ ok: false, error });
  });

  it('accepts a stored entry only in the exact form the rule gives', () => {
    expect(isValidUserSite('rogue-shop.co.jp')).toBe(true);
    expect(isValidUserSite('www.rogue-shop.co.jp')).toBe(false); // not its own site
    expect(isValidUserSite('co.jp')).toBe(false);
    expect(isValidUserSite('*')).toBe(false);
  });

  it('knows the non-public address ranges', () => {
    for (const ip of [
      '0.0.0.0',
      '10.1.2.3',
      '127.0.0.1',
      '169.254.169.254',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.0.1',
      '100.64.0.1',
      '100.127.255.255',
      '224.0.0.1',
      '255.255.255.255',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
    ])
      expect(isNonPublicAddress(ip), ip).toBe(true);
    for (const ip of [
      '8.8.8.8',
      '172.32.0.1',
      '100.128.0.1',
      '93.184.216.34',
      '2001:db8::1',
      '2606:4700::1111',
    ])
      expect(isNonPublicAddress(ip), ip).toBe(false);
  });
});

describe('blocks and allowances the user makes', () => {
  it('a block on co.jp is refused and www.yahoo.co.jp still loads', async () => {
    expect(await background.decisions.blockSite('co.jp', '', 'options')).toEqual({
      ok: false,
      error: 'public-suffix',
    });
    expect(await background.decisions.userBlocks()).toEqual([]);
    expect(platform.dnr.decide('https://www.yahoo.co.jp/')?.action.type).not.toBe('redirect');
    expect((await background.verdicts.verdictFor('https://www.yahoo.co.jp/')).blocked).toBe(false);
  });

  it('an allowance for co.jp is refused: a listed shop under it stays blocked', async () => {
    expect(await background.decisions.allowSite('co.jp')).toBe('public-suffix');
    expect(await background.decisions.allowSite('192.168.1.1')).toBe('private-address');
    expect(await background.decisions.allowSite('*')).toBe('invalid');
    expect(await background.decisions.allowlist()).toEqual([]);
    expect(await background.decisions.allowSite('https://www.kusuri-ok.example/a')).toBeNull();
    expect((await background.decisions.allowlist()).map((a) => a.site)).toEqual([
      'kusuri-ok.example',
    ]);
  });

  it('the same rule answers through the message handlers the pages use', async () => {
    const ask = (message: Record<string, unknown>) =>
      background.handleMessage(message, pageSender('/options.html'));
    expect(await ask({ type: 'userBlocks.add', site: 'github.io', note: '' })).toEqual({
      ok: true,
      data: { added: false, error: 'public-suffix' },
    });
    expect(await ask({ type: 'allowlist.add', site: 'localhost' })).toEqual({
      ok: true,
      data: { added: false, error: 'local' },
    });
  });

  it('"always allow" on the warning page for a private address opens it once, never stores it', async () => {
    await background.tabs.continueTo('http://192.168.1.1/', 'always', 7);
    expect(await background.decisions.allowlist()).toEqual([]);
  });

  it('stored entries failing the rule (an older version wrote them) are ignored by the rules', async () => {
    await addUserBlock({ site: 'co.jp', addedAt: 1, note: '', via: 'options' });
    await addUserBlock({ site: 'my-block.example', addedAt: 1, note: '', via: 'options' });
    await addAllowEntry({ site: 'co.jp', addedAt: 1, listedAs: null, via: 'options' });
    await background.lists.changed();
    await background.decisions.announceAllowChanged();
    background.decisions.importedDecisions();
    expect((await background.verdicts.verdictFor('https://www.yahoo.co.jp/')).blocked).toBe(false);
    expect((await background.verdicts.verdictFor('https://my-block.example/')).blocked).toBe(true);
    expect(await background.decisions.allowSites()).toEqual(new Set());
    const domains = platform.dnr.dynamic.flatMap((r) => r.condition.requestDomains ?? []);
    expect(domains).toContain('my-block.example');
    expect(domains).not.toContain('co.jp');
    expect(platform.dnr.decide('https://www.yahoo.co.jp/')?.action.type).not.toBe('redirect');
  });
});
