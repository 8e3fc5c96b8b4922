import { describe, expect, it } from 'vitest';
import {
  ALLOW_RULE_ID,
  BLOCK_RULE_BASE,
  compileDynamicRules,
  compileSessionAllowRule,
  isDnrDomain,
} from '../../utils/preload/compile';
import { FakeDnr } from './fakes';

const WARNING = 'chrome-extension://abc/warning.html';

describe('pre-load rule compilation', () => {
  it('puts all block-level hosts in one redirect rule carrying the original URL', () => {
    const rules = compileDynamicRules(
      { blockHosts: ['b.example', 'a.example', 'a.example'], allowSites: [] },
      WARNING,
    );
    expect(rules).toEqual([
      {
        id: BLOCK_RULE_BASE,
        priority: 1,
        action: { type: 'redirect', redirect: { regexSubstitution: `${WARNING}#\\0` } },
        condition: {
          regexFilter: '^https?://.*$',
          requestDomains: ['b.example', 'a.example'], // once each, in the order given
          resourceTypes: ['main_frame', 'sub_frame'],
        },
      },
    ]);
  });

  it('lets the allowlist win over every block rule', () => {
    const rules = compileDynamicRules(
      { blockHosts: ['shop.example'], allowSites: ['shop.example'] },
      WARNING,
    );
    expect(rules[0]).toMatchObject({ id: ALLOW_RULE_ID, action: { type: 'allow' }, priority: 2 });
    const dnr = new FakeDnr();
    dnr.dynamic = rules;
    expect(dnr.decide('https://www.shop.example/x')?.action.type).toBe('allow');
  });

  it('redirects listed hosts and their subdomains only', () => {
    const dnr = new FakeDnr();
    dnr.dynamic = compileDynamicRules({ blockHosts: ['shop.example'], allowSites: [] }, WARNING);
    expect(dnr.decide('http://shop.example/')?.action.type).toBe('redirect');
    expect(dnr.decide('https://a.b.shop.example/path?q')?.action.type).toBe('redirect');
    expect(dnr.decide('https://notshop.example/')).toBeNull();
    expect(dnr.decide('https://shop.example.evil.test/')).toBeNull();
  });

  it('never emits hosts Chrome would reject (non-ASCII, upper case, bare labels, trailing dots)', () => {
    const rules = compileDynamicRules(
      {
        blockHosts: [
          'ok.example',
          'ばいあぐら.net',
          'UPPER.example',
          'example',
          'trailing.example.',
          '*.wild.example',
        ],
        allowSites: [],
      },
      WARNING,
    );
    expect(rules[0]!.condition.requestDomains).toEqual(['ok.example']);
    expect(isDnrDomain('xn--l8jd1b8h6e.net')).toBe(true);
    expect(isDnrDomain('203.0.113.5')).toBe(true);
  });

  it('emits no block rule for an empty plan', () => {
    expect(compileDynamicRules({ blockHosts: [], allowSites: [] }, WARNING)).toEqual([]);
  });

  it('builds a session allow rule scoped to one tab', () => {
    const rule = compileSessionAllowRule(8, 7, 'shop.example');
    const dnr = new FakeDnr();
    dnr.dynamic = compileDynamicRules({ blockHosts: ['shop.example'], allowSites: [] }, WARNING);
    dnr.session = [rule];
    expect(dnr.decide('https://shop.example/', 7)?.action.type).toBe('allow');
    expect(dnr.decide('https://shop.example/', 9)?.action.type).toBe('redirect');
  });
});
