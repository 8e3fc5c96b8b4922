// 64-bit fingerprints of hostnames, as two 32-bit lanes computed together over the host read right
// to left: lane A is FNV-1a 32, lane B a rotate-xor-multiply by the golden ratio; at the end the
// lanes are crossed and each is finished with MurmurHash3's fmix32, so every bit of both halves
// depends on every character (the index buckets by the top bits of `hi` and keeps `lo`).
//
// Why this and not FNV-1a 64 (the first layout): 64-bit arithmetic in JavaScript numbers needs
// 16-bit limbs and a float division per character; two Math.imul lanes cost two multiplications
// and stay in 32-bit integers, which made the hashing about half of what it was (`npm run bench`).
// Reading right to left lets one pass over a host give the fingerprint of each of its suffixes
// (`example.com`, `shop.example.com`) at the dots. A hit is only a candidate: the exact entry is
// always checked.

/** A fingerprint as two unsigned 32-bit halves. */
export interface Fingerprint {
  hi: number;
  lo: number;
}

const A_OFFSET = 0x811c9dc5;
const A_PRIME = 0x01000193;
const B_OFFSET = 0x9747b28c;
const B_PRIME = 0x9e3779b1;
/** Crosses lane B into lane A before finishing (so `hi` depends on both). */
const CROSS = 0x27d4eb2d;

/** MurmurHash3's fmix32: a bijection that spreads every input bit over the whole result. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The finished high half from the two lanes' states. */
const finishHi = (a: number, b: number) => fmix32(a ^ Math.imul(b, CROSS));
/** The finished low half. */
const finishLo = (a: number, b: number) => fmix32((b + a) | 0);

/**
 * Fingerprints of the suffixes of `host` that start after a dot, least specific first (the last
 * label alone first, the whole host last), written as hi/lo pairs into `out`; `starts[i]` receives
 * where suffix i starts in `host`. Returns how many were written (at most `starts.length`; a host
 * with more labels loses its most specific suffixes). A host is canonical ASCII (lower case,
 * punycode), so each character is one byte.
 */
export function suffixFingerprints(host: string, out: Uint32Array, starts: Int32Array): number {
  let a = A_OFFSET;
  let b = B_OFFSET;
  let count = 0;
  const max = Math.min(starts.length, out.length >>> 1);
  for (let i = host.length - 1; i >= 0; i -= 1) {
    const c = host.charCodeAt(i);
    if (c === 46 /* . */) {
      // The suffix after this dot is complete: emit it before the dot joins the state.
      if (count === max) return count;
      out[count * 2] = finishHi(a, b);
      out[count * 2 + 1] = finishLo(a, b);
      starts[count] = i + 1;
      count += 1;
    }
    a = Math.imul(a ^ c, A_PRIME);
    b = Math.imul(((b << 5) | (b >>> 27)) ^ c, B_PRIME);
  }
  if (count === max) return count;
  out[count * 2] = finishHi(a, b);
  out[count * 2 + 1] = finishLo(a, b);
  starts[count] = 0;
  return count + 1;
}

/**
 * The fingerprint of one whole host (what a list entry is stored under): the same steps as the
 * last suffix of suffixFingerprints, without the bookkeeping at the dots.
 */
export function hostFingerprint(host: string): Fingerprint {
  let a = A_OFFSET;
  let b = B_OFFSET;
  for (let i = host.length - 1; i >= 0; i -= 1) {
    const c = host.charCodeAt(i);
    a = Math.imul(a ^ c, A_PRIME);
    b = Math.imul(((b << 5) | (b >>> 27)) ^ c, B_PRIME);
  }
  return { hi: finishHi(a, b), lo: finishLo(a, b) };
}

/**
 * hostFingerprint into `out[at]` (hi) and `out[at + 1]` (lo), allocating nothing (index builds).
 * Returns the host's number of labels (the index records which occur).
 */
export function hostFingerprintInto(host: string, out: Uint32Array, at: number): number {
  let a = A_OFFSET;
  let b = B_OFFSET;
  let labels = 1;
  for (let i = host.length - 1; i >= 0; i -= 1) {
    const c = host.charCodeAt(i);
    if (c === 46 /* . */) labels += 1;
    a = Math.imul(a ^ c, A_PRIME);
    b = Math.imul(((b << 5) | (b >>> 27)) ^ c, B_PRIME);
  }
  out[at] = finishHi(a, b);
  out[at + 1] = finishLo(a, b);
  return labels;
}
