// 64-bit fingerprints of hostnames: FNV-1a 64 over the host read right to left, finished with
// MurmurHash3's fmix64 so every bit of the result depends on every character (the index buckets by
// the top bits). Reading right to left lets one pass over a host give the fingerprint of each of its
// suffixes (`com`, `example.com`, `shop.example.com`) at the dots. Everything is done in 32-bit
// halves: no BigInt on the hot path. A hit is only a candidate: the exact entry is always checked.

/** A fingerprint as two unsigned 32-bit halves. */
export interface Fingerprint {
  hi: number;
  lo: number;
}

const FNV_OFFSET_HI = 0xcbf29ce4;
const FNV_OFFSET_LO = 0x84222325;
/** The FNV-1a 64 prime is 2^40 + 0x1b3. */
const FNV_PRIME_LOW = 0x1b3;
const TWO_32 = 4294967296;

// fmix64 constants, as 32-bit halves.
const C1_HI = 0xff51afd7;
const C1_LO = 0xed558ccd;
const C2_HI = 0xc4ceb9fe;
const C2_LO = 0x1a85ec53;

// Scratch for mul64 (module-level so the hot path allocates nothing).
let mulHi = 0;
let mulLo = 0;

/** (ah:al × bh:bl) mod 2^64 into mulHi:mulLo, in 16-bit limbs so every product is exact. */
function mul64(ah: number, al: number, bh: number, bl: number): void {
  const a48 = ah >>> 16;
  const a32 = ah & 0xffff;
  const a16 = al >>> 16;
  const a00 = al & 0xffff;
  const b48 = bh >>> 16;
  const b32 = bh & 0xffff;
  const b16 = bl >>> 16;
  const b00 = bl & 0xffff;
  let c00 = a00 * b00;
  let c16 = c00 >>> 16;
  c00 &= 0xffff;
  c16 += a16 * b00;
  let c32 = c16 >>> 16;
  c16 &= 0xffff;
  c16 += a00 * b16;
  c32 += c16 >>> 16;
  c16 &= 0xffff;
  c32 += a32 * b00;
  let c48 = c32 >>> 16;
  c32 &= 0xffff;
  c32 += a16 * b16;
  c48 += c32 >>> 16;
  c32 &= 0xffff;
  c32 += a00 * b32;
  c48 += c32 >>> 16;
  c32 &= 0xffff;
  c48 += a48 * b00 + a32 * b16 + a16 * b32 + a00 * b48;
  c48 &= 0xffff;
  mulHi = ((c48 << 16) | c32) >>> 0;
  mulLo = ((c16 << 16) | c00) >>> 0;
}

// Output of finish().
let outHi = 0;
let outLo = 0;

/** fmix64: a bijection that spreads every input bit over the whole result. */
function finish(hi: number, lo: number): void {
  lo = (lo ^ (hi >>> 1)) >>> 0; // k ^= k >>> 33
  mul64(hi, lo, C1_HI, C1_LO);
  hi = mulHi;
  lo = (mulLo ^ (mulHi >>> 1)) >>> 0;
  mul64(hi, lo, C2_HI, C2_LO);
  hi = mulHi;
  lo = (mulLo ^ (mulHi >>> 1)) >>> 0;
  outHi = hi;
  outLo = lo;
}

/**
 * Fingerprints of the suffixes of `host` that start after a dot, most specific (the whole host)
 * first, written as hi/lo pairs into `out`; `starts[i]` receives where suffix i starts in `host`.
 * Returns how many were written (at most `starts.length`). A host is canonical ASCII (lower case,
 * punycode), so each character is one byte.
 */
export function suffixFingerprints(host: string, out: Uint32Array, starts: Int32Array): number {
  let hi = FNV_OFFSET_HI;
  let lo = FNV_OFFSET_LO;
  let count = 0;
  const max = Math.min(starts.length, out.length >>> 1);
  // Walk from the right and emit at each dot (the suffix after it) and at the start: least
  // specific first. Reversed below.
  for (let i = host.length - 1; i >= 0 && count < max; i -= 1) {
    lo = (lo ^ host.charCodeAt(i)) >>> 0;
    // × (2^40 + 0x1b3): the low half times 0x1b3 carries into the high half; × 2^40 moves the
    // low half's bits up by 8 into the high half; the high half's own × 2^40 falls off the top.
    const product = lo * FNV_PRIME_LOW;
    const carry = Math.floor(product / TWO_32);
    hi = (hi * FNV_PRIME_LOW + carry + ((lo << 8) >>> 0)) >>> 0;
    lo = product >>> 0;
    if (i === 0 || host.charCodeAt(i - 1) === 46 /* . */) {
      finish(hi, lo);
      out[count * 2] = outHi;
      out[count * 2 + 1] = outLo;
      starts[count] = i;
      count += 1;
    }
  }
  for (let a = 0, b = count - 1; a < b; a += 1, b -= 1) {
    const h = out[a * 2]!;
    const l = out[a * 2 + 1]!;
    out[a * 2] = out[b * 2]!;
    out[a * 2 + 1] = out[b * 2 + 1]!;
    out[b * 2] = h;
    out[b * 2 + 1] = l;
    const s = starts[a]!;
    starts[a] = starts[b]!;
    starts[b] = s;
  }
  return count;
}

/**
 * The fingerprint of one whole host (what a list entry is stored under). The byte step is the
 * same as in suffixFingerprints, written out again: with the state in locals it runs about half
 * again as fast as with a shared helper (measured with `npm run bench`).
 */
export function hostFingerprint(host: string): Fingerprint {
  let hi = FNV_OFFSET_HI;
  let lo = FNV_OFFSET_LO;
  for (let i = host.length - 1; i >= 0; i -= 1) {
    lo = (lo ^ host.charCodeAt(i)) >>> 0;
    const product = lo * FNV_PRIME_LOW;
    const carry = Math.floor(product / TWO_32);
    hi = (hi * FNV_PRIME_LOW + carry + ((lo << 8) >>> 0)) >>> 0;
    lo = product >>> 0;
  }
  finish(hi, lo);
  return { hi: outHi, lo: outLo };
}
