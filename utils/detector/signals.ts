// Page signals: each is a small pure function with a named weight. Positive weights point to a
// rogue shop, negative ones to a licensed seller, a clinic or an information page; negative
// evidence counts as much as positive. Dependency-free.
import licensed from '../../data/licensed.json';
import { normalizeText } from '../content/normalize';
import { displayHost } from '../core/hostname';
import { findLookalike } from './lookalike';
import { DOMAIN_WORDS, DRUGS } from './lexicon';
import {
  ASCII_WORD,
  SENTENCE_LIMIT,
  findAll,
  inWarningContext,
  sameSentence,
  type Match,
} from './matchers';
import type { Fact } from './structure';
import { snippet, type Evidence, type Prepared } from './evidence';

// The page, its preparation and the matchers live in their own files; importers keep one entry.
export { compileTerms } from './matchers';
export { gather, prepare, type Evidence, type PageSample } from './evidence';

export type SignalCode =
  | 'unapproved-drug'
  | 'rx-drug'
  | 'no-prescription'
  | 'import-agency'
  | 'personal-import'
  | 'abroad'
  | 'payment'
  | 'legality'
  | 'discreet'
  | 'self-responsibility'
  | 'quantity-rules'
  | 'drug-domain'
  | 'lookalike'
  | 'rx-mail-order'
  | 'cheap-bulk'
  | 'paid-prescription'
  | 'shop-context'
  | 'licence-missing'
  | 'licence-contradiction'
  | 'licence-present'
  | 'clinic'
  | 'info'
  | 'priced'
  | 'cart-form'
  | 'product-drug'
  | 'drug-links'
  | 'legal-link'
  | 'footer-licence';

/**
 * Weights. `side` is the meaning of a learned-only signal (no hand-set weight): 1 points to a
 * rogue shop, -1 to a licensed seller; otherwise the sign of `first` says it. A signal with several distinct pieces of evidence earns its weight once plus
 * `extra` per further piece, up to `max`; negative signals work the same way downwards.
 */
export const WEIGHTS: Record<
  SignalCode,
  { first: number; extra: number; max: number; side?: 1 | -1 }
> = {
  'unapproved-drug': { first: 30, extra: 5, max: 40 },
  'rx-drug': { first: 10, extra: 3, max: 16 },
  'no-prescription': { first: 30, extra: 5, max: 35 },
  'import-agency': { first: 32, extra: 4, max: 36 },
  'personal-import': { first: 12, extra: 3, max: 15 },
  abroad: { first: 10, extra: 4, max: 18 },
  payment: { first: 15, extra: 8, max: 31 },
  legality: { first: 12, extra: 4, max: 20 },
  discreet: { first: 18, extra: 6, max: 24 },
  'rx-mail-order': { first: 15, extra: 0, max: 15 },
  'cheap-bulk': { first: 10, extra: 5, max: 20 },
  'paid-prescription': { first: 12, extra: 0, max: 12 },
  'shop-context': { first: 5, extra: 0, max: 5 },
  'self-responsibility': { first: 8, extra: 2, max: 10 },
  'quantity-rules': { first: 8, extra: 2, max: 10 },
  'drug-domain': { first: 8, extra: 6, max: 20 },
  // Not learned (no corpus page imitates a licensed seller): the scorer floors such pages at warning.
  lookalike: { first: 40, extra: 0, max: 40 },
  'licence-missing': { first: 15, extra: 0, max: 15 },
  'licence-contradiction': { first: 25, extra: 0, max: 25 },
  'licence-present': { first: -12, extra: -12, max: -40 },
  clinic: { first: -10, extra: -12, max: -35 },
  info: { first: -5, extra: -10, max: -35 },
  // Structural facts (utils/detector/structure.ts): learned-only, no hand-set weight.
  priced: { first: 0, extra: 0, max: 0, side: 1 },
  'cart-form': { first: 0, extra: 0, max: 0, side: 1 },
  'product-drug': { first: 0, extra: 0, max: 0, side: 1 },
  'drug-links': { first: 0, extra: 0, max: 0, side: 1 },
  'legal-link': { first: 0, extra: 0, max: 0, side: -1 },
  'footer-licence': { first: 0, extra: 0, max: 0, side: -1 },
};

/** Whether a signal's meaning points to a rogue shop. */
export function meansRogue(code: SignalCode): boolean {
  const w = WEIGHTS[code];
  return (w.side ?? Math.sign(w.first)) > 0;
}

export interface SignalHit {
  code: SignalCode;
  weight: number;
  /** The page's own words around the first match. */
  evidence: string;
  /** Distinct matched terms (normalised), for tests and the CLI. */
  terms: string[];
  /** For drug signals: the first drug's display names. */
  drug?: { en: string; ja: string };
}

function weigh(code: SignalCode, distinct: number): number {
  const w = WEIGHTS[code];
  if (distinct <= 0) return 0;
  const raw = w.first + w.extra * (distinct - 1);
  return w.first >= 0 ? Math.min(raw, w.max) : Math.max(raw, w.max);
}

function hit(
  page: Prepared,
  code: SignalCode,
  matches: Match[],
  extra?: Partial<SignalHit>,
): SignalHit | null {
  if (matches.length === 0) return null;
  const terms = [...new Set(matches.map((m) => m.term))];
  return {
    code,
    weight: weigh(code, terms.length),
    evidence: snippet(page, matches[0]!),
    terms,
    ...extra,
  };
}

type SignalFn = (e: Evidence) => SignalHit | null;

const drugDisplay = (id: string) => {
  const drug = DRUGS.find((d) => d[0] === id)!;
  return { en: drug[1], ja: drug[2] };
};

export const SIGNALS: Record<SignalCode, SignalFn> = {
  'unapproved-drug': (e) =>
    hit(
      e.page,
      'unapproved-drug',
      e.drugs.unapproved,
      e.drugs.unapproved[0] && { drug: drugDisplay(e.drugs.unapproved[0].term) },
    ),
  'rx-drug': (e) =>
    hit(e.page, 'rx-drug', e.drugs.rx, e.drugs.rx[0] && { drug: drugDisplay(e.drugs.rx[0].term) }),
  'no-prescription': (e) => hit(e.page, 'no-prescription', e.claims.noPrescription),
  'import-agency': (e) => hit(e.page, 'import-agency', e.claims.importAgency),
  'personal-import': (e) => hit(e.page, 'personal-import', e.claims.personalImport),
  abroad: (e) => hit(e.page, 'abroad', e.scan.abroad),
  payment: (e) => hit(e.page, 'payment', e.scan.payment),
  legality: (e) => hit(e.page, 'legality', e.claims.legality),
  discreet: (e) => hit(e.page, 'discreet', e.scan.discreet),
  'self-responsibility': (e) => hit(e.page, 'self-responsibility', e.scan.selfResponsibility),
  'quantity-rules': (e) => hit(e.page, 'quantity-rules', e.scan.quantity),
  'drug-domain': (e) => domainSignal(e.page),
  lookalike: (e) => lookalikeSignal(e.page),
  // A prescription drug and "mail order" in one sentence: offering Rx drugs by post.
  'rx-mail-order': (e) => {
    const drugs = e.drugs.rx.concat(e.drugs.unapproved);
    // The sentence around a drug reaches at most SENTENCE_LIMIT characters past it: drugs farther
    // from the mail-order words are not read (a 40,000-character page has hundreds of each).
    const near = (d: Match, m: Match) =>
      m.index >= d.index - SENTENCE_LIMIT && m.end <= d.end + SENTENCE_LIMIT;
    const mail = e.scan.mailOrder.filter(
      (m) =>
        drugs.some((d) => near(d, m) && sameSentence(e.text, d, m)) && !inWarningContext(e.text, m),
    );
    return hit(e.page, 'rx-mail-order', mail.slice(0, 1));
  },
  'cheap-bulk': (e) => hit(e.page, 'cheap-bulk', e.scan.cheapBulk),
  'paid-prescription': (e) => hit(e.page, 'paid-prescription', e.scan.paidPrescription),
  // Prices, a cart, ordering: the page sells, it does not only inform.
  'shop-context': (e) => (e.medicine ? hit(e.page, 'shop-context', e.shop) : null),
  // Selling medicines (a shop, and drugs or medicine words) with no licence details at all.
  'licence-missing': (e) =>
    e.licence.length === 0 && e.shop.length > 0 && e.medicine
      ? hit(e.page, 'licence-missing', e.shop.slice(0, 1))
      : null,
  // Licence details next to things no licensed seller in Japan may sell online: copied licence text.
  'licence-contradiction': (e) =>
    e.licence.length > 0 && (e.drugs.unapproved.length > 0 || e.claims.noPrescription.length > 0)
      ? hit(e.page, 'licence-contradiction', e.licence.slice(0, 1))
      : null,
  'licence-present': (e) =>
    e.drugs.unapproved.length > 0 || e.claims.noPrescription.length > 0
      ? null
      : hit(e.page, 'licence-present', e.licence),
  clinic: (e) => (e.claims.noPrescription.length > 0 ? null : hit(e.page, 'clinic', e.scan.clinic)),
  info: (e) => infoSignal(e),
  // Prices with their currency, in the page's text (text and DOM pages alike).
  priced: (e) => (e.medicine ? hit(e.page, 'priced', findAll(PRICE, e.text, 20)) : null),
  'cart-form': (e) => factHit('cart-form', e.structure.cart),
  'product-drug': (e) => factHit('product-drug', e.structure.productDrugs),
  'drug-links': (e) => factHit('drug-links', e.structure.drugLinks),
  'legal-link': (e) => factHit('legal-link', e.structure.legalLinks),
  'footer-licence': (e) => factHit('footer-licence', e.structure.footerLicence),
};

/** A price with its currency, normalised (full-width digits and ￥ folded). */
const PRICE =
  /[¥$£€] ?\d[\d,]*(?:\.\d+)?|\d[\d,]*(?:\.\d+)? ?(?:円|(?:yen|jpy|usd|gbp|eur)(?![a-z]))/g;

function factHit(code: SignalCode, fact: Fact | null): SignalHit | null {
  return (
    fact && {
      code,
      weight: weigh(code, fact.terms.length),
      evidence: fact.words,
      terms: fact.terms,
    }
  );
}

const GOVERNMENT_HOST =
  /(^|\.)(go\.jp|lg\.jp|gov|gov\.uk|gov\.au|europa\.eu|who\.int|mhlw\.go\.jp)$/;
const REGULATOR_HOSTS = [
  'pharmacyregulation.org',
  'yakubutsu.com',
  'pmda.go.jp',
  'legitscript.com',
  'nabp.pharmacy',
];

function infoSignal(e: Evidence): SignalHit | null {
  const result = hit(e.page, 'info', [...e.scan.info, ...e.quotedClaims]);
  const host = e.page.sample.host;
  const official =
    GOVERNMENT_HOST.test(host) || REGULATOR_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
  if (!official) return result;
  // A regulator's or government's own site: information whatever it quotes.
  return {
    code: 'info',
    weight: WEIGHTS.info.max,
    evidence: result?.evidence ?? e.page.sample.hostUnicode,
    terms: [...(result?.terms ?? []), `host:${host}`],
  };
}

/** DOMAIN_WORDS normalised once (not for every page), each with whether it counts only as a whole token. */
let domainWords: { word: string; token: boolean }[] | null = null;

/** Drug words in the host name, per label: ASCII words of 3 letters or fewer only as whole tokens. */
function domainSignal(page: Prepared): SignalHit | null {
  domainWords ??= DOMAIN_WORDS.map((word) => {
    const w = normalizeText(word);
    return { word: w, token: w.length <= 3 && ASCII_WORD.test(w) };
  });
  const host = normalizeText(page.sample.hostUnicode);
  const labels = host.split('.').slice(0, -1); // the TLD says nothing
  const found = new Set<string>();
  for (const label of labels) {
    const tokens: string[] = label.match(/[a-z]+|[^\x00-\x7f]+/g) ?? [];
    for (const { word, token } of domainWords)
      if (token ? tokens.includes(word) : label.includes(word)) found.add(word);
  }
  if (found.size === 0) return null;
  const terms = [...found];
  return {
    code: 'drug-domain',
    weight: weigh('drug-domain', terms.length),
    evidence: page.sample.hostUnicode,
    terms,
  };
}

/** The licensed sellers' domains (data/licensed.json), whose look-alikes are a reason to warn. */
const LICENSED_DOMAINS: readonly string[] = licensed.map((entry) => entry.domain);

/** A host that imitates a licensed seller's domain: the evidence is the domain it imitates. */
function lookalikeSignal(page: Prepared): SignalHit | null {
  const found = findLookalike(page.sample.host, LICENSED_DOMAINS);
  if (!found) return null;
  return {
    code: 'lookalike',
    weight: WEIGHTS.lookalike.first,
    evidence: displayHost(found.imitates),
    terms: [found.imitates, found.kind],
  };
}
