// A compact set of 64-bit host fingerprints: about 6 bytes per domain instead of the ~60–100 a
// Set<string> costs, stored as three typed arrays that IndexedDB keeps as binary and that load
// without any rebuild.
//
// Layout: entries are sorted by fingerprint. The top `bucketBits` bits pick a bucket; `offsets`
// says where each bucket starts. Inside a bucket, an entry keeps the next 48 bits: 16 in `hi` and
// 32 in `lo`. With 16 bucket bits (lists of a million) that is the whole 64-bit fingerprint; small
// lists keep fewer bits, which only makes a (checked) false candidate slightly more likely.
// Entries are also grouped in `2^chunkBits` chunks of consecutive buckets: the exact hosts are
// stored per chunk, in the same order, so a candidate's position leads straight to its host.

/** Version of this layout; stored with the data, a different one is rebuilt. */
export const COMPACT_INDEX_FORMAT = 1;
const MAX_BUCKET_BITS = 16;
/** About this many entries per bucket. */
const BUCKET_TARGET = 16;
/** About this many hosts per stored chunk. */
const CHUNK_TARGET = 4096;

export interface CompactIndexData {
  format: number;
  count: number;
  bucketBits: number;
  chunkBits: number;
  /** `2^bucketBits + 1` start positions. */
  offsets: Uint32Array;
  /** Bits 32–47 of each fingerprint. */
  hi: Uint16Array;
  /** Bits 0–31 of each fingerprint. */
  lo: Uint32Array;
}

function bitsFor(count: number, target: number, max: number): number {
  let bits = 0;
  while (bits < max && count / 2 ** bits > target) bits += 1;
  return bits;
}

/**
 * Build the index for fingerprints given as hi/lo pairs. Returns the data and `order`: for each
 * position in the index, which input it came from (the caller stores hosts in that order).
 * Duplicates are kept (distinct hosts can share a fingerprint; the exact check tells them apart).
 */
export function buildCompactIndex(pairs: Uint32Array): {
  data: CompactIndexData;
  order: Uint32Array;
} {
  const count = pairs.length >>> 1;
  const bucketBits = bitsFor(count, BUCKET_TARGET, MAX_BUCKET_BITS);
  const chunkBits = Math.min(bucketBits, bitsFor(count, CHUNK_TARGET, MAX_BUCKET_BITS));
  const buckets = 2 ** bucketBits;
  const shift = 32 - bucketBits;
  const bucketOf = (hi: number) => (bucketBits === 0 ? 0 : hi >>> shift);

  // Counting sort by bucket, then sort each (small) bucket by its remaining 48 bits.
  const offsets = new Uint32Array(buckets + 1);
  for (let i = 0; i < count; i += 1) offsets[bucketOf(pairs[i * 2]!) + 1]! += 1;
  for (let b = 0; b < buckets; b += 1) offsets[b + 1]! += offsets[b]!;
  const fill = offsets.slice(0, buckets);
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i += 1) order[fill[bucketOf(pairs[i * 2]!)]!++] = i;

  const hi = new Uint16Array(count);
  const lo = new Uint32Array(count);
  const key = (i: number) => (pairs[i * 2]! & 0xffff) * 4294967296 + pairs[i * 2 + 1]!;
  for (let b = 0; b < buckets; b += 1) {
    const start = offsets[b]!;
    const end = offsets[b + 1]!;
    if (end - start > 64) {
      // A crowded bucket (a list crafted to collide in the top bits): a real sort, not O(n²).
      const sorted = Array.from(order.subarray(start, end)).sort((a, b) => key(a) - key(b));
      order.set(sorted, start);
    }
    // Insertion sort: buckets hold about 16 entries (and a sorted run costs one pass).
    for (let i = start + 1; i < end; i += 1) {
      const item = order[i]!;
      const k = key(item);
      let j = i - 1;
      while (j >= start && key(order[j]!) > k) {
        order[j + 1] = order[j]!;
        j -= 1;
      }
      order[j + 1] = item;
    }
    for (let i = start; i < end; i += 1) {
      hi[i] = pairs[order[i]! * 2]! & 0xffff;
      lo[i] = pairs[order[i]! * 2 + 1]!;
    }
  }
  return {
    data: { format: COMPACT_INDEX_FORMAT, count, bucketBits, chunkBits, offsets, hi, lo },
    order,
  };
}

export class CompactDomainIndex {
  private readonly shift: number;

  constructor(readonly data: CompactIndexData) {
    this.shift = 32 - data.bucketBits;
  }

  get size(): number {
    return this.data.count;
  }

  /** Bytes held by the typed arrays. */
  get bytes(): number {
    return this.data.offsets.byteLength + this.data.hi.byteLength + this.data.lo.byteLength;
  }

  get chunkCount(): number {
    return 2 ** this.data.chunkBits;
  }

  /** The position of the first entry with this fingerprint, or -1. */
  find(fpHi: number, fpLo: number): number {
    const { offsets, hi, lo, bucketBits } = this.data;
    const bucket = bucketBits === 0 ? 0 : fpHi >>> this.shift;
    let low = offsets[bucket]!;
    let high = offsets[bucket + 1]!;
    const wantHi = fpHi & 0xffff;
    // Binary search for the first entry >= (wantHi, fpLo).
    while (low < high) {
      const mid = (low + high) >>> 1;
      const h = hi[mid]!;
      if (h < wantHi || (h === wantHi && lo[mid]! < fpLo)) low = mid + 1;
      else high = mid;
    }
    return low < offsets[bucket + 1]! && hi[low] === wantHi && lo[low] === fpLo ? low : -1;
  }

  /** Whether the entry at `position` has this fingerprint (for scanning past equal ones). */
  same(position: number, fpHi: number, fpLo: number): boolean {
    const { hi, lo, bucketBits, offsets, count } = this.data;
    if (position >= count) return false;
    const bucket = bucketBits === 0 ? 0 : fpHi >>> this.shift;
    return (
      position < offsets[bucket + 1]! && hi[position] === (fpHi & 0xffff) && lo[position] === fpLo
    );
  }

  /** The chunk a fingerprint's entries are stored in. */
  chunkOf(fpHi: number): number {
    return this.data.chunkBits === 0 ? 0 : fpHi >>> (32 - this.data.chunkBits);
  }

  /** Where chunk `c` starts in the index (its first entry's position). */
  chunkStart(c: number): number {
    return this.data.offsets[c << (this.data.bucketBits - this.data.chunkBits)]!;
  }

  /** Where chunk `c` ends (exclusive). */
  chunkEnd(c: number): number {
    return this.data.offsets[(c + 1) << (this.data.bucketBits - this.data.chunkBits)]!;
  }
}

/** Whether stored data has this layout's shape (anything else is rebuilt from the entries). */
export function isCompactIndexData(value: unknown): value is CompactIndexData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<CompactIndexData>;
  return (
    v.format === COMPACT_INDEX_FORMAT &&
    typeof v.count === 'number' &&
    typeof v.bucketBits === 'number' &&
    typeof v.chunkBits === 'number' &&
    v.bucketBits >= 0 &&
    v.bucketBits <= MAX_BUCKET_BITS &&
    v.chunkBits >= 0 &&
    v.chunkBits <= v.bucketBits &&
    v.offsets instanceof Uint32Array &&
    v.hi instanceof Uint16Array &&
    v.lo instanceof Uint32Array &&
    v.offsets.length === 2 ** v.bucketBits + 1 &&
    v.hi.length === v.count &&
    v.lo.length === v.count &&
    v.offsets[v.offsets.length - 1] === v.count
  );
}
