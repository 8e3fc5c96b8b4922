// Features for drug spam on hosts that have nothing to do with medicines (hacked sites, forum and
// blog spam, doorway pages), and a host-name signal that does not take a pharmacy's or a
// drug-information site's own name as evidence by itself (issue 12, session 8). Each is optional
// (FeatureOptions in features.ts) and was measured alone and combined in the grouped
// cross-validation (docs/detection-history.md, session 8). All read the page's text sample, its
// host and its address only: the corpus pages are text, so nothing structural is learned here.
// - hostTyped: instead of the host's raw tokens (labels, letter runs, 4-grams), what kind of word
//   the host holds — a drug name, a pharmacy or health word, neither — and its TLD.
// - shape: how the page uses drug names — their density per 1,000 characters, the most repeated
//   name, how many distinct ones (a list of drug names), link-like text (addresses, "buy X
//   online"), and the mismatch of a host with no drug or pharmacy word carrying a page full of
//   drug names.
// - pathWords: drug names and shop words in the address's path (`/cenforce-100-online/`).
import { bucket, hashString } from './feature-space';
import type { Evidence } from './evidence';
import { scanDrugTerms } from './matchers';
import { normalizeText } from '../content/normalize';

export const NS_SHAPE = 0x73; // 's'

/** Host and path words that name a pharmacy, a shop of medicines or health, not a drug. */
const PHARMACY_WORDS = [
  'pharm',
  'apothe',
  'chemist',
  'drug',
  'meds',
  'medic',
  'health',
  'clinic',
  'rx',
  'pill',
  'tablet',
  'kusuri',
  'yakkyoku',
  'yakuhin',
  'care',
  'doctor',
  'hospital',
  '薬',
  'くすり',
  '医',
];

/** Path words of a shop's or a doorway's address. */
const SHOP_PATH_WORDS = new Set([
  'buy',
  'order',
  'purchase',
  'cheap',
  'online',
  'generic',
  'price',
  'prices',
  'cost',
  'discount',
  'sale',
  'shop',
  'store',
  'without',
  'prescription',
  'overnight',
  'otc',
]);

export interface ShapeFeature {
  /** Hashed bucket (feature index). */
  index: number;
  value: number;
}

function feature(name: string, value = 1): ShapeFeature {
  return { index: bucket(hashString(NS_SHAPE, name)), value };
}

/** Drug names in a short text (host label, path), by the lexicon's drug names. */
function drugsIn(text: string): number {
  // Separators as spaces, so `buy-viagra` and `viagra100` read as words.
  const spaced = text.replace(/[-_./0-9]+/g, ' ');
  return scanDrugTerms(normalizeText(spaced)).drug.length;
}

function hasPharmacyWord(text: string): boolean {
  return PHARMACY_WORDS.some((w) => text.includes(w));
}

export interface HostKind {
  drug: boolean;
  pharmacy: boolean;
}

/** What kind of words the host's registrable part and subdomains hold (the TLD says nothing). */
export function hostKind(hostUnicode: string): HostKind {
  const labels = normalizeText(hostUnicode).split('.').slice(0, -1);
  const text = labels.join(' ');
  return { drug: drugsIn(text) > 0, pharmacy: hasPharmacyWord(text) };
}

/** The host's top-level domain (at a host token's value). */
export function tldFeature(host: string): ShapeFeature {
  const labels = host.toLowerCase().split('.');
  return feature(`tld:${labels[labels.length - 1] ?? ''}`, 0.5);
}

/** The host as typed features: its TLD and what kind of words it holds. */
export function typedHostFeatures(host: string, hostUnicode: string): ShapeFeature[] {
  const kind = hostKind(hostUnicode);
  const out = [tldFeature(host)];
  if (kind.drug) out.push(feature('host:drug'));
  if (kind.pharmacy) out.push(feature('host:pharmacy'));
  if (!kind.drug && !kind.pharmacy) out.push(feature('host:plain'));
  return out;
}

const ADDRESS =
  /(?:https?:\/\/|www\.)[a-z0-9.-]+|[a-z0-9-]+\.(?:com|net|org|ru|su|biz|info|top|xyz|shop|online|store|in|to)(?![a-z0-9])/g;
const BUY_ONLINE =
  /(?<![a-z])(?:buy|order|purchase|cheap|get)\s+(?:[a-z0-9-]+\s+){0,3}?(?:online|without (?:a )?(?:prescription|rx)|no (?:prescription|rx)|overnight)(?![a-z])/g;

function count(regex: RegExp, text: string, limit = 50): number {
  regex.lastIndex = 0;
  let n = 0;
  while (n < limit && regex.exec(text) !== null) n += 1;
  return n;
}

/** min(2, log2(1 + x) / 2): a count's value, growing slowly. */
function soft(x: number): number {
  return Math.min(2, Math.log2(1 + x) / 2);
}

/** How the page uses drug names, and drug pages on hosts with no drug or pharmacy word. */
export function shapeFeatures(evidence: Evidence, hostUnicode: string): ShapeFeature[] {
  const { text } = evidence;
  const drugs = evidence.scan.drug;
  const out: ShapeFeature[] = [];
  if (drugs.length > 0) {
    const perK = (drugs.length * 1000) / Math.max(200, text.length);
    out.push(feature('density', soft(perK)));
    const bin = perK < 1 ? 'low' : perK < 4 ? 'mid' : perK < 12 ? 'high' : 'spam';
    out.push(feature(`density:${bin}`));
    const each = new Map<string, number>();
    for (const m of drugs) each.set(m.term, (each.get(m.term) ?? 0) + 1);
    const most = Math.max(...each.values());
    out.push(feature('repeat', soft(most - 1)));
    if (each.size >= 4) out.push(feature('drug-list', soft(each.size - 3)));
    const kind = hostKind(hostUnicode);
    if (!kind.drug && !kind.pharmacy) {
      out.push(feature('planted'));
      out.push(feature(`planted:${bin}`));
    }
  }
  const addresses = count(ADDRESS, text);
  if (addresses > 0) out.push(feature('addresses', soft(addresses)));
  const buy = count(BUY_ONLINE, text);
  if (buy > 0) out.push(feature('buy-online', soft(buy)));
  return out;
}

/** Path words of the page's address: drug names, shop words, both. */
export function pathFeatures(url: string): ShapeFeature[] {
  let path = '';
  try {
    const u = new URL(url);
    path = decodeURIComponent(u.pathname + u.search).toLowerCase();
  } catch {
    return [];
  }
  const out: ShapeFeature[] = [];
  const drug = drugsIn(path) > 0;
  if (drug) out.push(feature('path:drug'));
  let shop = false;
  for (const word of path.split(/[^a-z]+/)) if (SHOP_PATH_WORDS.has(word)) shop = true;
  if (shop) out.push(feature('path:shop'));
  if (drug && shop) out.push(feature('path:drug-shop'));
  return out;
}
