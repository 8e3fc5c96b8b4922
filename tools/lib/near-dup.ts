// Near-duplicate text: Jaccard similarity of character 5-gram shingles of the normalised text
// (whitespace dropped, so re-wrapped copies match), estimated with MinHash and confirmed exactly.
import { normalizeText } from '../../utils/content/normalize';

const SHINGLE = 5;
const PERMUTATIONS = 64;
/** Pages at least this similar count as one page. */
export const NEAR_DUPLICATE = 0.8;

export interface Shingled {
  /** Distinct shingle hashes, sorted. */
  shingles: Uint32Array;
  signature: Uint32Array;
}

function fnv1a(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit mix (murmur3's finaliser) of a hash and a seed: one "permutation" per seed. */
function mix(h: number, seed: number): number {
  let x = (h ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

export function shingle(text: string): Shingled {
  const flat = normalizeText(text).replace(/\s+/g, '');
  const set = new Set<number>();
  if (flat.length > 0 && flat.length < SHINGLE) set.add(fnv1a(flat, 0, flat.length));
  for (let i = 0; i + SHINGLE <= flat.length; i += 1) set.add(fnv1a(flat, i, i + SHINGLE));
  const shingles = Uint32Array.from(set).sort();
  const signature = new Uint32Array(PERMUTATIONS).fill(0xffffffff);
  for (const h of shingles)
    for (let p = 0; p < PERMUTATIONS; p += 1) {
      const v = mix(h, p + 1);
      if (v < signature[p]!) signature[p] = v;
    }
  return { shingles, signature };
}

export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let both = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      both += 1;
      i += 1;
      j += 1;
    } else if (a[i]! < b[j]!) i += 1;
    else j += 1;
  }
  return both / (a.length + b.length - both);
}

/** Exact Jaccard similarity, or 0 when MinHash says the pages are clearly apart. */
export function similarity(a: Shingled, b: Shingled): number {
  let same = 0;
  for (let p = 0; p < PERMUTATIONS; p += 1) if (a.signature[p] === b.signature[p]) same += 1;
  // MinHash's estimate has a standard error of about 0.06 with 64 permutations.
  if (same / PERMUTATIONS < NEAR_DUPLICATE - 0.25) return 0;
  return jaccard(a.shingles, b.shingles);
}

/**
 * The URL as compared for duplicates: http and https, "www." or not, a trailing slash or not and
 * the fragment do not make another page.
 */
export function urlKey(url: string): string {
  try {
    const u = new URL(url);
    const host = u.host.toLowerCase().replace(/^www\./, '');
    return `${host}${u.pathname.replace(/\/+$/, '')}${u.search}`;
  } catch {
    return url.trim();
  }
}
