// Synthetic blocklists for the scale benchmarks and tests: real-looking registrable domains and
// subdomains under a mix of TLDs (including multi-label public suffixes such as .co.jp), in the
// shapes rogue-pharmacy networks use (drug words, shop words, digits, hyphens), from a fixed seed.
import { random } from './common';
import type { ListMeta } from '../../utils/lists/model';

/** The meta of the generated lists. */
export const BENCH_META: ListMeta = {
  id: 'bench',
  title: { ja: 'ベンチマーク', en: 'Benchmark' },
  version: 1,
  updated: '2026-11-21',
  licence: 'generated',
  attribution: [],
};

const WORDS = [
  'kusuri',
  'yakkyoku',
  'pharma',
  'pills',
  'meds',
  'rx',
  'kamagra',
  'cialis',
  'viagra',
  'levitra',
  'cenforce',
  'finasteride',
  'minoxidil',
  'ed',
  'aga',
  'diet',
  'health',
  'care',
  'shop',
  'store',
  'online',
  'direct',
  'japan',
  'tokyo',
  'osaka',
  'best',
  'kenko',
  'cheap',
  'generic',
  'express',
  'import',
  'daiko',
  'support',
  'clinic',
  'beauty',
  'life',
  'plus',
  'net',
  'mart',
  'world',
  'oasis',
  'star',
  'sun',
  'green',
  'blue',
  'happy',
  'smile',
  'gold',
  'silver',
  'premium',
];
const TLDS = [
  'com',
  'com',
  'com',
  'com',
  'net',
  'net',
  'org',
  'jp',
  'co.jp',
  'ne.jp',
  'info',
  'biz',
  'xyz',
  'shop',
  'online',
  'site',
  'store',
  'top',
  'club',
  'life',
  'cc',
  'tv',
  'me',
  'io',
  'co.uk',
  'com.au',
];
const SUBS = ['www', 'shop', 'm', 'jp', 'store', 'ja', 'order', 'cart'];

/** One label made of 1–3 words, sometimes with digits or a hyphen. */
function label(next: () => number): string {
  const count = 1 + Math.floor(next() * 3);
  const parts: string[] = [];
  for (let i = 0; i < count; i += 1) parts.push(WORDS[Math.floor(next() * WORDS.length)]!);
  let text = parts.join(next() < 0.25 ? '-' : '');
  if (next() < 0.5) text += String(Math.floor(next() * 10_000));
  return text;
}

/** `count` distinct hosts: about 90% registrable domains, 10% subdomains of them. */
export function syntheticDomains(count: number, seed = 7): string[] {
  const next = random(seed);
  const out = new Set<string>();
  const sites: string[] = [];
  while (out.size < count) {
    if (sites.length > 0 && next() < 0.1) {
      const site = sites[Math.floor(next() * sites.length)]!;
      out.add(`${SUBS[Math.floor(next() * SUBS.length)]}.${site}`);
      continue;
    }
    const site = `${label(next)}.${TLDS[Math.floor(next() * TLDS.length)]}`;
    if (!out.has(site)) sites.push(site);
    out.add(site);
  }
  return [...out];
}

/** Hosts that are not on the list but look like it (for miss lookups and collision tests). */
export function syntheticVisits(count: number, seed = 11): string[] {
  return syntheticDomains(count, seed).map((host, i) => (i % 3 === 0 ? `www.${host}` : host));
}

/**
 * Hostile shapes for the index (bad-input rows): `count` hosts that all sit under one long suffix
 * of many labels (every host shares the same hash state for its last 48 characters and differs
 * only in its first label), and `count` single labels directly under a TLD (short strings: little
 * for a hash to work with). Both within a list's size limit (64 MB).
 */
export const LONG_SUFFIX = 'cdn.img.jp.shop.rx.meds.pharma.kusuri.net.example.co.jp';

export type DomainShape = 'synthetic' | 'long-suffix' | 'single-label';

/** How a shape is named in a bench row (after the domain count). */
export const SHAPE_NAMES: Record<DomainShape, string> = {
  synthetic: '',
  'long-suffix': ' (all under one 55-character suffix)',
  'single-label': ' (all single labels under .com)',
};

/** A domain count as bench rows write it: 20k, 1M. */
export const countLabel = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`);

export function shapedDomains(shape: DomainShape, count: number, seed = 7): string[] {
  if (shape === 'synthetic') return syntheticDomains(count, seed);
  const next = random(seed);
  const out = new Set<string>();
  // Base-36 labels from a shuffled counter: distinct, short, and not in order.
  const offset = Math.floor(next() * 1e9);
  for (let i = 0; out.size < count; i += 1) {
    const label = ((i * 2654435761 + offset) % 4294967291).toString(36);
    out.add(shape === 'long-suffix' ? `${label}.${LONG_SUFFIX}` : `${label}.com`);
  }
  return [...out];
}

/** Unlisted hosts of the same shape (visits that must miss), from another seed. */
export function shapedVisits(shape: DomainShape, count: number, seed = 11): string[] {
  if (shape === 'synthetic') return syntheticVisits(count, seed);
  return shapedDomains(shape, count, seed).map((h, i) => (i % 3 === 0 ? `www.${h}` : `q${h}`));
}
