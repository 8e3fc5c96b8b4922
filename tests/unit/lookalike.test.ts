// Host names that imitate a licensed seller's domain (issue 13): the pure matcher, the detector
// signal it becomes, and its reason in both languages.
import { describe, expect, it } from 'vitest';
import { domainToASCII } from 'node:url';
import { editDistance, findLookalike, skeleton } from '../../utils/detector/lookalike';
import { scoreDetected } from '../../utils/detector/shipped';
import { pageReasons } from '../../utils/verdicts/compute';
import { renderReason } from '../../utils/verdicts/render';
import { pageSample } from './page-sample';

const ALLOW = [
  'chemist4u.co.uk',
  'n-clinic.jp',
  'e-pharmacy.co.uk',
  'pharmacy2u.co.uk',
  'boots.com',
  'walgreens.com',
  'rx.costco.com',
  'cvs.com',
  'www.gov.uk',
  'nishimura-pharmacy-ec.myshopify.com',
  'co.uk', // a public suffix on the list by mistake is ignored
  '',
];

describe('findLookalike', () => {
  it.each([
    ['pharmacy2u-rx.com', 'pharmacy2u.co.uk', 'added-word'],
    ['rx-pharmacy2u.jp', 'pharmacy2u.co.uk', 'added-word'],
    ['pharmacy2ushop.net', 'pharmacy2u.co.uk', 'added-word'],
    ['www.pharrnacy2u.co.uk', 'pharmacy2u.co.uk', 'homoglyph'],
    ['b00ts.com', 'boots.com', 'homoglyph'],
    ['boots-online.com', 'boots.com', 'added-word'],
    ['BOOTS-SHOP.COM.', 'boots.com', 'added-word'],
    ['walgreen.com', 'walgreens.com', 'edit'],
    ['wallgreens.shop', 'walgreens.com', 'edit'],
    ['vvalgreens.com', 'walgreens.com', 'homoglyph'],
    ['costco-rx.com', 'rx.costco.com', 'added-word'],
  ])('%s imitates %s (%s)', (host, imitates, kind) => {
    expect(findLookalike(host, ALLOW)).toEqual({ imitates, kind });
  });

  it('reads IDN confusables: a Cyrillic о in boots, given as punycode', () => {
    const host = domainToASCII('bооts.com'); // two Cyrillic о
    expect(host.startsWith('xn--')).toBe(true);
    expect(findLookalike(host, ALLOW)).toEqual({ imitates: 'boots.com', kind: 'homoglyph' });
  });

  it.each([
    'pharmacy2u.co.uk',
    'www.pharmacy2u.co.uk',
    'shop.boots.com',
    'boots.com',
    'rx.costco.com',
    'costco.com', // the allowlisted entry's own site
    'nishimura-pharmacy-ec.myshopify.com',
  ])('never flags the licensed seller itself or its own hosts: %s', (host) => {
    expect(findLookalike(host, ALLOW)).toBeNull();
  });

  it.each([
    ['', 'empty'],
    ['com', 'a bare TLD'],
    ['co.uk', 'a public suffix'],
    ['gov.uk', 'a public suffix'],
    ['myshopify.com', 'a private public suffix'],
    ['other-shop.myshopify.com', 'another shop on the same platform'],
    ['localhost', 'a single label'],
    ['192.168.0.1', 'an IPv4 address'],
    ['[::1]', 'an IPv6 address'],
    ['cvs-rx.com', 'a three-letter brand (too short to tell)'],
    ['cbs.com', 'one letter from a three-letter brand'],
    ['www.gov.uk.example.com', 'the brand in a subdomain only'],
    ['kusuri-shop.com', 'an unrelated shop'],
    ['walgreeeeens.com', 'three edits away'],
    ['xn--zz.com', 'broken punycode'],
    ['pharmacy2u.com', 'the same name under another suffix (sellers own several)'],
    ['pharmacy2yu.co.uk', 'an edit of a name whose distinctive part is short'],
    // Licensed sellers and clinics of data/corpus that an edit distance alone would flag:
    ['chemist2u.com.au', 'not chemist4u.co.uk'],
    ['on-clinic.jp', 'not n-clinic.jp'],
    ['sdpharmacy.jp', 'not e-pharmacy.co.uk'],
    ['www.pharmacy.biz', 'not e-pharmacy.co.uk'],
    [`${'a'.repeat(250)}.com`, 'over-long'],
  ])('%s is not a look-alike (%s)', (host) => {
    expect(findLookalike(host, ALLOW)).toBeNull();
  });

  it('skeletons and distances', () => {
    expect(skeleton('ｂ０ｏｔｓ')).toBe('boots'); // full-width and a zero
    expect(skeleton('rnedics')).toBe('medlcs');
    expect(editDistance('walgreens', 'walgreen')).toBe(1);
    expect(editDistance('abc', 'xyzxyz', 2)).toBe(3);
  });
});

const page = (url: string, text: string) => pageSample(text, url);

describe('the look-alike signal', () => {
  const text =
    'Buy Viagra and Cialis online. Add to cart. Free shipping on every order. Our pharmacy ships fast.';

  it('warns on a medicine page whose host imitates a licensed seller, naming the seller first', () => {
    const scored = scoreDetected(page('https://boots-online.com/viagra', text));
    expect(scored.level === 'warning' || scored.level === 'danger').toBe(true);
    expect(scored.signals[0]).toMatchObject({ code: 'lookalike', evidence: 'boots.com' });
  });

  it('does not fire on the licensed seller itself, nor on a page about something else', () => {
    const own = scoreDetected(page('https://www.boots.com/viagra', text));
    expect(own.signals.some((s) => s.code === 'lookalike')).toBe(false);
    const garden = scoreDetected(
      page('https://boots-online.com/', 'Walking boots for every trail. Add to cart.'),
    );
    expect(garden.level).toBe('none');
  });

  it('is a reason in Japanese and English that names the imitated domain', () => {
    const scored = scoreDetected(page('https://pharmacy2u-rx.com/', text));
    const reason = pageReasons(scored).find((r) => r.code === 'page.lookalike')!;
    expect(renderReason('en', reason).title).toBe(
      'Its address imitates that of a licensed seller, pharmacy2u.co.uk: this is a different site.',
    );
    expect(renderReason('ja', reason).title).toBe(
      '許可を受けた販売者（pharmacy2u.co.uk）のアドレスに似せたアドレスです。その販売者とは別のサイトです。',
    );
  });
});
