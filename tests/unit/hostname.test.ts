import { describe, expect, it } from 'vitest';
import {
  displayHost,
  hostOfUrl,
  hostSuffixes,
  normalizeHost,
  normalizeListedHost,
  parseTarget,
  registrableDomain,
} from '../../utils/core/hostname';

describe('normalizeHost', () => {
  it.each([
    ['Example.COM', 'example.com', 'domain'],
    ['example.com.', 'example.com', 'domain'],
    ['  shop.example.com  ', 'shop.example.com', 'domain'],
    ['ＥＸＡＭＰＬＥ．ｃｏｍ', 'example.com', 'domain'], // full-width letters and dot
    ['ばいあぐらジェネリック通販.net', 'xn--l8jd1b8h6emh4bwd2epetpy238ghmja.net', 'domain'],
    [
      'XN--L8JD1B8H6EMH4BWD2EPETPY238GHMJA.NET',
      'xn--l8jd1b8h6emh4bwd2epetpy238ghmja.net',
      'domain',
    ],
    ['お薬通販比較.com', 'xn--t8ju60pchqqmgb6c01b.com', 'domain'],
    ['192.168.0.1', '192.168.0.1', 'ipv4'],
    ['0x7f.1', '127.0.0.1', 'ipv4'], // the URL parser canonicalises odd IPv4 forms
    ['[::1]', '::1', 'ipv6'],
    ['2001:DB8::1', '2001:db8::1', 'ipv6'],
    ['localhost', 'localhost', 'local'],
    ['LOCALHOST.', 'localhost', 'local'],
    ['printer.local', 'printer.local', 'local'],
    ['intranet', 'intranet', 'local'],
  ])('%s -> %s (%s)', (input, host, kind) => {
    expect(normalizeHost(input)).toEqual({ ok: true, value: { host, kind } });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['exa mple.com', 'invalid'],
    ['example.com/path', 'invalid'],
    ['user@example.com', 'invalid'],
    ['a..b.com', 'invalid'],
    ['-bad-.com', 'invalid'],
    ['example.123', 'invalid'],
    [`${'a'.repeat(64)}.com`, 'label-too-long'],
    [`${'abcdefghi.'.repeat(26)}com`, 'too-long'], // 263 characters
    ['x'.repeat(2000), 'too-long'],
  ])('rejects an invalid host (case %#)', (input, error) => {
    expect(normalizeHost(input)).toEqual({ ok: false, error });
  });

  it('rejects a 300-character hostname', () => {
    const host = `${'a'.repeat(60)}.`.repeat(5) + 'com';
    expect(host.length).toBeGreaterThan(300);
    expect(normalizeHost(host)).toEqual({ ok: false, error: 'too-long' });
  });
});

describe('normalizeListedHost', () => {
  it('refuses public suffixes, which would block everything below them', () => {
    expect(normalizeListedHost('com')).toEqual({ ok: false, error: 'public-suffix' });
    expect(normalizeListedHost('co.jp')).toEqual({ ok: false, error: 'public-suffix' });
    expect(normalizeListedHost('blogspot.com')).toEqual({ ok: false, error: 'public-suffix' });
    expect(normalizeListedHost('shop.co.jp').ok).toBe(true);
  });

  it('refuses local names and IPv6, accepts IPv4', () => {
    expect(normalizeListedHost('localhost').ok).toBe(false);
    expect(normalizeListedHost('::1').ok).toBe(false);
    expect(normalizeListedHost('203.0.113.9')).toEqual({
      ok: true,
      value: { host: '203.0.113.9', kind: 'ipv4' },
    });
  });
});

describe('registrable domain and suffixes', () => {
  it('uses the Public Suffix List, private suffixes included', () => {
    expect(registrableDomain('a.b.example.co.jp')).toBe('example.co.jp');
    expect(registrableDomain('shop.example.com')).toBe('example.com');
    expect(registrableDomain('someone.blogspot.com')).toBe('someone.blogspot.com');
    expect(registrableDomain('10.0.0.1')).toBe('10.0.0.1');
  });

  it('lists suffixes down to the registrable domain, most specific first', () => {
    expect(hostSuffixes('a.b.example.com')).toEqual([
      'a.b.example.com',
      'b.example.com',
      'example.com',
    ]);
    expect(hostSuffixes('example.co.jp')).toEqual(['example.co.jp']);
    expect(hostSuffixes('198.51.100.7')).toEqual(['198.51.100.7']);
  });
});

describe('display and URLs', () => {
  it('turns punycode back into Unicode for display', () => {
    expect(displayHost('xn--l8jd1b8h6emh4bwd2epetpy238ghmja.net')).toBe(
      'ばいあぐらジェネリック通販.net',
    );
    expect(displayHost('example.com')).toBe('example.com');
    expect(displayHost('xn--zz.com')).toBe('xn--zz.com'); // undecodable stays as is
  });

  it('reads the host of http(s) URLs only', () => {
    expect(hostOfUrl('https://Shop.Example.com:8443/x?y#z')).toEqual({
      host: 'shop.example.com',
      kind: 'domain',
    });
    expect(hostOfUrl('http://[::1]:8080/')).toEqual({ host: '::1', kind: 'ipv6' });
    expect(hostOfUrl('chrome://settings')).toBeNull();
    expect(hostOfUrl('not a url')).toBeNull();
    expect(hostOfUrl('file:///etc/passwd')).toBeNull();
  });

  it("reads a site seen through Google Translate's proxy or the AMP cache as that site", () => {
    const site = (url: string) => hostOfUrl(url)?.host;
    // Each "." of the host a "-", each "-" doubled, under translate.goog.
    expect(site('https://www-joa2020-jp.translate.goog/shop?_x_tr_sl=ja&_x_tr_tl=en')).toBe(
      'www.joa2020.jp',
    );
    expect(site('https://my--shop-co-jp.translate.goog/')).toBe('my-shop.co.jp');
    expect(site('https://xn----l8jd1b8h6emh4bwd2epetpy238ghmja-net.translate.goog/')).toBe(
      'xn--l8jd1b8h6emh4bwd2epetpy238ghmja.net',
    );
    // The AMP cache names the site in its path (`s/` for https), in Unicode or punycode.
    expect(site('https://www-joa2020-jp.cdn.ampproject.org/c/s/www.joa2020.jp/page')).toBe(
      'www.joa2020.jp',
    );
    expect(site('https://x.cdn.ampproject.org/v/shop.example.com/a')).toBe('shop.example.com');
    expect(site('https://x.cdn.ampproject.org/c/s/%E3%81%8F%E3%81%99%E3%82%8A.jp/')).toBe(
      'xn--y8jua1m.jp',
    );
    // Anything that does not decode to a public host stays the proxy's own.
    for (const url of [
      'https://translate.goog/',
      'https://a.b.translate.goog/',
      'https://localhost-1.translate.goog/',
      'https://intranet.translate.goog/', // a single label: no public site
      'https://x.cdn.ampproject.org/',
      'https://x.cdn.ampproject.org/c/s/evil@joa2020.jp/',
      'https://x.cdn.ampproject.org/c/s/joa2020.jp:8080/',
      'https://x.cdn.ampproject.org/c/s/%E0%A4%A/',
    ])
      expect(site(url)).toBe(new URL(url).hostname);
    // "Check a site" reads a pasted proxy address the same way.
    expect(parseTarget('www-joa2020-jp.translate.goog/x')).toMatchObject({
      ok: true,
      host: { host: 'www.joa2020.jp' },
    });
  });

  it('parses what a user types into "check a site"', () => {
    expect(parseTarget('example.com')).toMatchObject({ ok: true, host: { host: 'example.com' } });
    expect(parseTarget('example.com:8080/path')).toMatchObject({
      ok: true,
      host: { host: 'example.com' },
    });
    expect(parseTarget('https://ばいあぐらジェネリック通販.net/')).toMatchObject({
      ok: true,
      host: { host: 'xn--l8jd1b8h6emh4bwd2epetpy238ghmja.net' },
    });
    expect(parseTarget('localhost:3000')).toMatchObject({ ok: true, host: { kind: 'local' } });
    expect(parseTarget('javascript:alert(1)')).toEqual({ ok: false, error: 'unsupported-scheme' });
    expect(parseTarget('data:text/html,<b>x</b>')).toEqual({
      ok: false,
      error: 'unsupported-scheme',
    });
    expect(parseTarget('https://user:pass@example.com/')).toEqual({
      ok: false,
      error: 'credentials',
    });
    expect(parseTarget('')).toEqual({ ok: false, error: 'empty' });
    expect(parseTarget('!!!')).toEqual({ ok: false, error: 'invalid' });
  });
});
