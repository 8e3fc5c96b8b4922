// The compact public suffix list (utils/core/psl.ts over utils/core/psl-data.ts) answers as tldts
// does: for every rule of the installed tldts (ICANN, private, wildcard, exception), with private
// rules on and off and with the options hostname.ts passes, on thousands of real hosts (the
// bundled lists, the corpus, IDNs in Unicode and punycode) and on malformed input. And the
// checked-in data is what tools/gen-psl.ts renders from the installed tldts.
import { readFileSync } from 'node:fs';
import { toASCII } from 'punycode/punycode.es6.js';
import * as tldts from 'tldts';
import * as trie from 'tldts/dist/es6/src/data/trie.js';
import { describe, expect, it } from 'vitest';
import * as ours from '../../utils/core/psl';
import {
  PSL_NODE_COUNT,
  PSL_TLDTS_VERSION,
  PSL_TOP_LEVEL,
  PSL_TREES,
} from '../../utils/core/psl-data';
import {
  PSL_TS,
  installedTldtsVersion,
  renderPslModule,
  renderPslTrees,
} from '../../tools/gen-psl';

/** Every rule of tldts's trie, walked here independently of the generator. */
function tldtsRules(root: number): { rule: string; flag: number }[] {
  const offsets: number[] = [];
  for (let e = 0, o = 0; e < trie.edgeLength.length; e += 1) {
    offsets.push(o);
    o += trie.edgeLength[e]!;
  }
  const out: { rule: string; flag: number }[] = [];
  const visit = (node: number, suffix: string) => {
    for (let e = trie.edgeStart[node]!; e < trie.edgeStart[node + 1]!; e += 1) {
      const label = trie.labelText.slice(offsets[e], offsets[e]! + trie.edgeLength[e]!);
      const rule = suffix === '' ? label : `${label}.${suffix}`;
      const child = trie.edgeChild[e]!;
      if (trie.nodeFlags[child] !== 0) out.push({ rule, flag: trie.nodeFlags[child]! });
      visit(child, rule);
    }
  };
  visit(root, '');
  return out;
}

const RULES = tldtsRules(trie.rulesRoot);
const EXCEPTIONS = tldtsRules(trie.exceptionsRoot);

/** The option sets the project passes (utils/core/hostname.ts) and tldts's defaults. */
const OPTION_SETS = [
  undefined,
  { allowPrivateDomains: true },
  { allowPrivateDomains: false },
  {
    allowPrivateDomains: true,
    extractHostname: false,
    validateHostname: false,
    detectIp: false,
    mixedInputs: false,
  },
] as const;

/** Hosts `host` under each option set where ours and tldts disagree (none expected). */
function disagreements(hosts: Iterable<string>): string[] {
  const out: string[] = [];
  for (const host of hosts) {
    for (const options of OPTION_SETS) {
      const want = [tldts.getDomain(host, options), tldts.getPublicSuffix(host, options)];
      const got = [ours.getDomain(host, options), ours.getPublicSuffix(host, options)];
      if (want[0] !== got[0] || want[1] !== got[1])
        out.push(`${host} ${JSON.stringify(options)}: tldts ${want}, ours ${got}`);
    }
  }
  return out;
}

/** A rule written as hosts: itself, one and two labels under it, `*` as a real label. */
function hostsOfRule(rule: string): string[] {
  const concrete = rule.replace(/\*/g, 'wild');
  return [concrete, `shop.${concrete}`, `www.shop.${concrete}`, `xn--9ckxbq.${concrete}`];
}

describe('the compact public suffix list', () => {
  it('is what tools/gen-psl.ts renders from the installed tldts (run npm run gen-psl)', async () => {
    expect(PSL_TLDTS_VERSION).toBe(installedTldtsVersion());
    expect(readFileSync(PSL_TS, 'utf8')).toBe(await renderPslModule());
  });

  it('holds every rule of tldts: ICANN, private, wildcard and exception', () => {
    // The kinds are all there (so the loops below test each of them).
    expect(RULES.filter((r) => r.flag === 1).length).toBeGreaterThan(5000);
    expect(RULES.filter((r) => r.flag === 2).length).toBeGreaterThan(2000);
    expect(RULES.filter((r) => r.rule.startsWith('*.')).length).toBeGreaterThan(100);
    expect(EXCEPTIONS.map((r) => r.rule)).toContain('www.ck');
    const { nodes } = renderPslTrees(trie);
    expect(PSL_NODE_COUNT).toBe(nodes);
    expect(disagreements(RULES.flatMap((r) => hostsOfRule(r.rule)))).toEqual([]);
    expect(disagreements(EXCEPTIONS.flatMap((r) => hostsOfRule(r.rule)))).toEqual([]);
  });

  it('answers the textbook cases', () => {
    const site = (host: string) => ours.getDomain(host, { allowPrivateDomains: true });
    expect(site('www.example.co.uk')).toBe('example.co.uk');
    expect(site('a.b.blogspot.com')).toBe('b.blogspot.com'); // private rule
    expect(ours.getDomain('a.b.blogspot.com', { allowPrivateDomains: false })).toBe('blogspot.com');
    expect(site('a.b.c.ck')).toBe('b.c.ck'); // *.ck
    expect(site('a.www.ck')).toBe('www.ck'); // !www.ck
    expect(site('shop.city.kawasaki.jp')).toBe('city.kawasaki.jp'); // !city.kawasaki.jp
    expect(site('shop.town.kawasaki.jp')).toBe('shop.town.kawasaki.jp'); // *.kawasaki.jp
    expect(ours.getPublicSuffix('co.uk', { allowPrivateDomains: true })).toBe('co.uk');
    expect(site('co.uk')).toBeNull();
  });

  it('answers as tldts on real hosts: the bundled lists, the corpus, IDNs', () => {
    const hosts = new Set<string>();
    for (const line of readFileSync('data/blocklistproject-drugs.txt', 'utf8').split('\n'))
      if (line !== '' && !line.startsWith('#')) hosts.add(line.trim());
    const text = ['data/licensed.json', 'data/hibp-breaches.json', 'data/corpus/index.json']
      .map((path) => readFileSync(path, 'utf8'))
      .join('\n');
    for (const [url] of text.matchAll(/https?:\/\/[^"\s/]+/g)) {
      hosts.add(url); // tldts extracts the host from a URL: so must we
      hosts.add(new URL(url).hostname);
    }
    for (const [, domain] of text.matchAll(/"(?:domain|Domain)":\s*"([^"]+)"/g)) hosts.add(domain!);
    // IDNs: every rule with a non-ASCII or punycode label, in Unicode and in punycode, and
    // Japanese shop names under common suffixes.
    for (const { rule } of RULES.filter((r) => /[^\x20-\x7e]|xn--/.test(r.rule))) {
      const unicode = `通販.${rule.replace(/\*/g, 'wild')}`;
      hosts.add(unicode);
      hosts.add(toASCII(unicode));
    }
    for (const name of ['お薬通販比較', 'ばいあぐらジェネリック通販', 'くすり屋'])
      for (const suffix of ['com', 'co.jp', 'jp', 'blogspot.com', '香港', 'xn--j6w193g']) {
        hosts.add(`${name}.${suffix}`);
        hosts.add(toASCII(`${name}.${suffix}`));
      }
    expect(hosts.size).toBeGreaterThan(5000);
    expect(disagreements(hosts)).toEqual([]);
  });

  it('answers as tldts on malformed and hostile input', () => {
    const hostile = [
      '',
      '.',
      '..',
      '...com',
      '.example.com',
      'example.com.',
      'example.com..',
      'a..b.example.com',
      'EXAMPLE.CO.UK',
      'Www.Example.Co.Uk.',
      '-bad.example.com',
      'bad-.example.com',
      'under_score.example.com',
      'com',
      'ck',
      '*.ck',
      'www.*.ck',
      '!www.ck',
      'a.b(c).com',
      'a,b.com',
      'a\nb.com',
      '127.0.0.1',
      '1.2.3',
      '[::1]',
      '::1',
      'http://[2001:db8::1]:8080/',
      'http://user:pass@shop.example.co.jp:8080/p?q#f',
      'mailto:someone@example.com',
      'javascript:alert(1)',
      'localhost',
      'a'.repeat(64) + '.com',
      `${'a.'.repeat(200)}com`,
      `${'x'.repeat(5000)}.co.uk`,
      '\u0000.com',
      '\ud800.com',
      'ｅｘａｍｐｌｅ．ｃｏｍ',
      'é.fr',
      'xn--.com',
      'xn--zz.com',
    ];
    expect(disagreements(hostile)).toEqual([]);
  });

  it('refuses broken data loudly, then reads the real data again', () => {
    // Two lines: the rules (every TLD at the top level), then the exceptions' paths.
    const [rules, exceptions, more] = PSL_TREES.split('\n');
    expect(rules).toMatch(/(^|,)com(,|\()/);
    expect(exceptions).toMatch(/^\?ck\(www\)/);
    expect(more).toBeUndefined();
    for (const [text, nodes] of [
      ['com(co', 2], // unclosed bracket
      ['com)', 1], // a bracket closed twice
      ['com,,net', 2], // an empty label
      ['com(co\n)', 2], // a line break inside a tree
      ['com,net', 1], // more nodes than counted
      ['com,net', 3], // fewer
    ] as const)
      expect(() => ours.readPslTrees(text, nodes), text).toThrow(/public suffix data/);
    expect(ours.getDomain('www.example.co.uk')).toBe('example.co.uk');
    ours.readPslTrees('uk(co)\n', 2);
    expect(ours.getDomain('www.example.co.uk')).toBe('example.co.uk');
    expect(ours.getDomain('www.example.com.au')).toBe('com.au'); // not in this two-rule list
    ours.readPslTrees(PSL_TREES, PSL_NODE_COUNT);
    expect(ours.getDomain('www.example.com.au')).toBe('example.com.au');
  });

  it("reads a TLD's rules only when a host ends in it, and then the same rules", () => {
    // The packaged data as a waking worker reads it: the top level now, subtrees on first use.
    ours.readPslTrees(PSL_TREES, PSL_NODE_COUNT, true);
    const topLevel = ours.pslNodesRead();
    expect(topLevel).toBeGreaterThan(1000); // every TLD
    expect(topLevel).toBeLessThan(PSL_NODE_COUNT / 4);
    expect(ours.getDomain('www.example.co.uk')).toBe('example.co.uk');
    const withUk = ours.pslNodesRead();
    expect(withUk).toBeGreaterThan(topLevel);
    expect(withUk).toBeLessThan(topLevel + 100);
    // A wildcard, an exception and a private rule, each in a subtree read on this lookup.
    for (const host of ['a.b.kawasaki.jp', 'www.city.kawasaki.jp', 'x.www.ck', 'foo.github.io'])
      for (const allowPrivateDomains of [false, true])
        expect(ours.getDomain(host, { allowPrivateDomains }), host).toBe(
          tldts.getDomain(host, { allowPrivateDomains }),
        );
    // Reading what is left counts every rule the data declares: none lost, none twice.
    expect(ours.readAllPslSubtrees()).toBe(PSL_NODE_COUNT);
    expect(ours.getDomain('www.example.com.au')).toBe('example.com.au');
    // A broken subtree is refused when it is read (the brackets were checked at once).
    ours.readPslTrees('uk(co,,ac),com', 4, true);
    expect(ours.getDomain('www.example.com')).toBe('example.com');
    expect(() => ours.getDomain('www.example.co.uk')).toThrow(/public suffix data/);
    for (const [text, nodes] of [
      ['com(co', 2],
      ['com)', 1],
      ['com(co\n)', 2],
    ] as const)
      expect(() => ours.readPslTrees(text, nodes, true), text).toThrow(/public suffix data/);
    ours.readPslTrees(PSL_TREES, PSL_NODE_COUNT);
    expect(ours.getDomain('www.example.co.uk')).toBe('example.co.uk');
  });

  it("reads only the host's TLD through the top-level index, and every rule's answer is tldts's", () => {
    // As a waking worker reads the packaged data: no TLD yet, only the exceptions' few paths.
    ours.readPslTrees(PSL_TREES, PSL_NODE_COUNT, true, PSL_TOP_LEVEL);
    const atStart = ours.pslNodesRead();
    expect(atStart).toBeLessThan(20);
    expect(ours.getDomain('www.example.co.uk')).toBe('example.co.uk');
    const withUk = ours.pslNodesRead();
    expect(withUk).toBeGreaterThan(atStart + 1); // uk and its second-level rules
    expect(withUk).toBeLessThan(atStart + 100);
    // Each kind of rule, its TLD read on this lookup: wildcard (*.ck, *.kawasaki.jp), exception
    // (!www.ck, !city.kawasaki.jp), private (github.io, blogspot.com), an IDN TLD in Unicode and
    // punycode, a TLD the list lacks, the first and the last TLD of the index.
    const first = PSL_TREES.slice(0, PSL_TREES.search(/[,(]/)).replace(/^[?+&]/, '');
    const rulesLine = PSL_TREES.split('\n')[0]!;
    const lastEntry = rulesLine.slice(parseInt(PSL_TOP_LEVEL.slice(-4), 36));
    const last = lastEntry.replace(/^[?+&]/, '').replace(/\(.*$/, '');
    for (const host of [
      'a.b.kawasaki.jp',
      'www.city.kawasaki.jp',
      'x.www.ck',
      'a.b.c.ck',
      'foo.github.io',
      'a.b.blogspot.com',
      'shop.example.公司.cn',
      'shop.example.xn--55qx5d.cn',
      'shop.みんな',
      'shop.example.notatld',
      `shop.example.${first}`,
      `shop.example.${last}`,
      'shop.example.com',
    ]) {
      expect(disagreements([host]), host).toEqual([]);
    }
    // Every rule of every kind, read TLD by TLD as hosts need them: the answers are tldts's.
    expect(disagreements(RULES.flatMap((r) => hostsOfRule(r.rule)))).toEqual([]);
    expect(disagreements(EXCEPTIONS.flatMap((r) => hostsOfRule(r.rule)))).toEqual([]);
    // What is left, counted: every node the data declares, none lost, none twice.
    expect(ours.readAllPslSubtrees()).toBe(PSL_NODE_COUNT);
  });

  it('refuses an index that does not fit the rules, when it is used', () => {
    // Private rules on: tldts answers .com and .org without a lookup otherwise.
    const site = (host: string) => ours.getDomain(host, { allowPrivateDomains: true });
    // An entry that points into the middle of a label, or past the rules' line.
    const shifted = (parseInt(PSL_TOP_LEVEL.slice(4, 8), 36) + 1).toString(36).padStart(4, '0');
    ours.readPslTrees(PSL_TREES, PSL_NODE_COUNT, true, PSL_TOP_LEVEL.slice(0, 4) + shifted);
    expect(() => site('www.example.co.uk')).toThrow(/public suffix data/);
    expect(() => {
      ours.readPslTrees('com,net(co)\n', 3, true, 'zzzz0004');
      site('www.example.net');
    }).toThrow(/public suffix data/);
    // A ragged index, or a text without the exceptions' line.
    expect(() => ours.readPslTrees('com,net\n', 2, true, '00000')).toThrow(/public suffix data/);
    expect(() => ours.readPslTrees('com,net', 2, true, '00000004')).toThrow(/public suffix data/);
    // A TLD the index lost is not found, and counting the data then comes up short.
    ours.readPslTrees('com,net(co),org\n', 4, true, '0000000c');
    expect(site('www.example.co.net')).toBe('co.net');
    expect(site('www.example.org')).toBe('example.org');
    expect(() => ours.readAllPslSubtrees()).toThrow(/public suffix data/);
    // The last TLD it lost: the entry before it runs on past its brackets.
    ours.readPslTrees('com,net(co),org\n', 4, true, '00000004');
    expect(() => site('www.example.co.net')).toThrow(/public suffix data/);
    // The right index for the same text reads it whole.
    ours.readPslTrees('com,net(co),org\n', 4, true, '00000004000c');
    expect(site('www.example.org')).toBe('example.org');
    expect(ours.readAllPslSubtrees()).toBe(4);
    ours.readPslTrees(PSL_TREES, PSL_NODE_COUNT);
    expect(ours.getDomain('www.example.co.uk')).toBe('example.co.uk');
  });
});
