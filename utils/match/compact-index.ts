// A compact set of host fingerprints: about 4.3 bytes per domain instead of the ~90 a Set<string>
// costs, stored as two typed arrays that IndexedDB keeps as binary and that load without any
// rebuild.
//
// Layout (format 2): the top `bucketBits` bits of a fingerprint's `hi` half pick a bucket (a
// quotient: they are not stored); `offsets` says where each bucket starts in `keys`; `keys` holds
// each entry's `lo` half, sorted within its bucket. With 16 bucket bits (lists of a million) an
// entry is known by 48 bits of its fingerprint for 4 bytes; a visited host that is not listed
// matches one of them with a chance of about count / 2^48 per suffix, and such a false candidate
// only costs reading one chunk, whose exact hosts decide (`npm run bench` prints the rate). Buckets
// hold about 16 entries: a lookup reads two neighbouring offsets and scans one or two cache lines.
// Entries are also grouped in `2^chunkBits` chunks of consecutive buckets: the exact hosts are
// stored per chunk, in the same order, so a candidate's position leads straight to its host.
//
// Format 1 (until issue 15) kept 48 bits per entry in two arrays (6.3 bytes per domain) under a
// 64-bit FNV-1a fingerprint; lists stored in it are rebuilt from their chunks (store/lists.ts).

/**
 * `depths` when nothing is known of the entries' label counts (lists stored before it existed,
 * indexes built from fingerprints alone): every suffix of a visited host is looked up.
 */
export const ALL_DEPTHS = 0xffffffff;

/** The `depths` bit of a host of `labels` labels (31 or more share the last bit). */
export const depthBit = (labels: number) => (1 << Math.min(labels, 31)) >>> 0;

/** Version of this layout; stored with the data, a different one is rebuilt. */
export const COMPACT_INDEX_FORMAT = 2;
const MAX_BUCKET_BITS = 16;
/** About this many entries per bucket. */
const BUCKET_TARGET = 16;
/**
 * About this many hosts per stored chunk (at most this many on average): a chunk of a million-
 * domain list is about 25 KB as IndexedDB stores it. Chromium moves a stored value over 64 KB
 * (IDBValueWrapper::kWrapThreshold) into a blob file of its own, and reading it back costs a
 * file read and more round trips: with 4,096 hosts (75–104 KB) every chunk a waking worker's
 * first lookup read was such a file.
 */
export const CHUNK_TARGET = 1024;
/** A bucket longer than this (a list crafted to collide in the top bits) gets a real sort. */
const INSERTION_SORT_MAX = 64;

export interface CompactIndexData {
  format: number;
  count: number;
  bucketBits: number;
  chunkBits: number;
  /** `2^bucketBits + 1` start positions. */
  offsets: Uint32Array;
  /** The `lo` half of each fingerprint, sorted within its bucket. */
  keys: Uint32Array;
  /**
   * Which label counts the entries have: bit d when some entry has d labels (depthBit). A lookup
   * skips the suffixes of a visited host whose depth no entry has (a list of registrable
   * domains is not searched for `cdn.img.shop.example.com` and its three-label parent). Absent
   * in indexes stored before it: ALL_DEPTHS.
   */
  depths?: number;
}

function bitsFor(count: number, target: number, max: number): number {
  let bits = 0;
  while (bits < max && count / 2 ** bits > target) bits += 1;
  return bits;
}

/**
 * Build the index for fingerprints given as hi/lo pairs. Returns the data and `order`: for each
 * position in the index, which input it came from (the caller stores hosts in that order).
 * Duplicates are kept (distinct hosts can share a fingerprint; the exact check tells them apart),
 * and equal keys keep their input order.
 */
export function buildCompactIndex(
  pairs: Uint32Array,
  /** The entries' depthBit()s, or'ed together (ALL_DEPTHS when unknown). */
  depths: number = ALL_DEPTHS,
): {
  data: CompactIndexData;
  order: Uint32Array;
} {
  const count = pairs.length >>> 1;
  const bucketBits = bitsFor(count, BUCKET_TARGET, MAX_BUCKET_BITS);
  const chunkBits = Math.min(bucketBits, bitsFor(count, CHUNK_TARGET, MAX_BUCKET_BITS));
  const buckets = 2 ** bucketBits;
  const shift = 32 - bucketBits;

  // Counting sort by bucket (stable), then sort each (small) bucket by key.
  const offsets = new Uint32Array(buckets + 1);
  if (bucketBits === 0) offsets[1] = count;
  else for (let i = 0; i < count; i += 1) offsets[(pairs[i * 2]! >>> shift) + 1]! += 1;
  for (let b = 0; b < buckets && bucketBits > 0; b += 1) offsets[b + 1]! += offsets[b]!;
  const fill = offsets.slice(0, buckets);
  const order = new Uint32Array(count);
  const keys = new Uint32Array(count);
  for (let i = 0; i < count; i += 1) {
    const at = fill[bucketBits === 0 ? 0 : pairs[i * 2]! >>> shift]!++;
    order[at] = i;
    keys[at] = pairs[i * 2 + 1]!;
  }
  for (let b = 0; b < buckets; b += 1) {
    const start = offsets[b]!;
    const end = offsets[b + 1]!;
    if (end - start > INSERTION_SORT_MAX) {
      // A crowded bucket: O(n log n), stable (ties keep input order).
      const sorted = Array.from(order.subarray(start, end)).sort(
        (x, y) => pairs[x * 2 + 1]! - pairs[y * 2 + 1]! || x - y,
      );
      order.set(sorted, start);
      for (let p = start; p < end; p += 1) keys[p] = pairs[order[p]! * 2 + 1]!;
      continue;
    }
    // Insertion sort: buckets hold about 16 entries.
    for (let i = start + 1; i < end; i += 1) {
      const key = keys[i]!;
      const item = order[i]!;
      let j = i - 1;
      while (j >= start && keys[j]! > key) {
        keys[j + 1] = keys[j]!;
        order[j + 1] = order[j]!;
        j -= 1;
      }
      keys[j + 1] = key;
      order[j + 1] = item;
    }
  }
  return {
    data: {
      format: COMPACT_INDEX_FORMAT,
      count,
      bucketBits,
      chunkBits,
      offsets,
      keys,
      depths: depths >>> 0,
    },
    order,
  };
}

export class CompactDomainIndex {
  private readonly shift: number;
  private readonly offsets: Uint32Array;
  private readonly keys: Uint32Array;
  private readonly oneBucket: boolean;
  private readonly depths: number;

  constructor(readonly data: CompactIndexData) {
    this.shift = 32 - data.bucketBits;
    this.offsets = data.offsets;
    this.keys = data.keys;
    this.oneBucket = data.bucketBits === 0;
    this.depths = data.depths ?? ALL_DEPTHS;
  }

  get size(): number {
    return this.data.count;
  }

  /** Bytes held by the typed arrays. */
  get bytes(): number {
    return this.data.offsets.byteLength + this.data.keys.byteLength;
  }

  get chunkCount(): number {
    return 2 ** this.data.chunkBits;
  }

  /** The position of the first entry with this fingerprint, or -1. */
  find(fpHi: number, fpLo: number): number {
    const offsets = this.offsets;
    const keys = this.keys;
    const bucket = this.oneBucket ? 0 : fpHi >>> this.shift;
    let low = offsets[bucket]!;
    const end = offsets[bucket + 1]!;
    if (end - low > INSERTION_SORT_MAX) {
      // Only a crafted list crowds a bucket: binary search for the first key >= fpLo.
      let high = end;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (keys[mid]! < fpLo) low = mid + 1;
        else high = mid;
      }
      return low < end && keys[low] === fpLo ? low : -1;
    }
    // A scan of about 16 sorted keys beats a binary search's unpredictable branches.
    for (; low < end; low += 1) {
      const key = keys[low]!;
      if (key >= fpLo) return key === fpLo ? low : -1;
    }
    return -1;
  }

  /**
   * find() for the suffix fingerprints `fps[2k]`/`fps[2k + 1]` with k from `last` down to `least`
   * (suffixFingerprints's layout), writing each position or -1 to `positions[k]`; returns how many
   * were found. Suffix k has k + 1 labels: a depth no entry has is not looked up. One loop over
   * locals instead of a call per suffix: a lookup walks every suffix of the visited host, and most
   * find nothing.
   */
  findSuffixes(fps: Uint32Array, last: number, least: number, positions: Int32Array): number {
    const offsets = this.offsets;
    const keys = this.keys;
    const shift = this.shift;
    const oneBucket = this.oneBucket;
    const depths = this.depths;
    let found = 0;
    for (let k = last; k >= least; k -= 1) {
      if (((depths >>> Math.min(k + 1, 31)) & 1) === 0) {
        positions[k] = -1;
        continue;
      }
      const hi = fps[k * 2]!;
      const lo = fps[k * 2 + 1]!;
      const bucket = oneBucket ? 0 : hi >>> shift;
      let p = offsets[bucket]!;
      const end = offsets[bucket + 1]!;
      let at = -1;
      if (end - p > INSERTION_SORT_MAX) {
        at = this.find(hi, lo);
      } else {
        for (; p < end; p += 1) {
          const key = keys[p]!;
          if (key >= lo) {
            if (key === lo) at = p;
            break;
          }
        }
      }
      positions[k] = at;
      if (at >= 0) found += 1;
    }
    return found;
  }

  /** Whether the entry at `position` has this fingerprint (for scanning past equal ones). */
  same(position: number, fpHi: number, fpLo: number): boolean {
    const bucket = this.oneBucket ? 0 : fpHi >>> this.shift;
    return position < this.offsets[bucket + 1]! && this.keys[position] === fpLo;
  }

  /** The chunk a fingerprint's entries are stored in. */
  chunkOf(fpHi: number): number {
    return this.data.chunkBits === 0 ? 0 : fpHi >>> (32 - this.data.chunkBits);
  }

  /** Where chunk `c` starts in the index (its first entry's position). */
  chunkStart(c: number): number {
    return this.offsets[c << (this.data.bucketBits - this.data.chunkBits)]!;
  }

  /** Where chunk `c` ends (exclusive). */
  chunkEnd(c: number): number {
    return this.offsets[(c + 1) << (this.data.bucketBits - this.data.chunkBits)]!;
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
    v.keys instanceof Uint32Array &&
    (v.depths === undefined ||
      (Number.isInteger(v.depths) && v.depths >= 0 && v.depths <= ALL_DEPTHS)) &&
    v.offsets.length === 2 ** v.bucketBits + 1 &&
    v.keys.length === v.count &&
    v.offsets[0] === 0 &&
    v.offsets[v.offsets.length - 1] === v.count &&
    ascending(v.offsets)
  );
}

/** Offsets never decrease (a damaged record could otherwise send a lookup far past its bucket). */
function ascending(offsets: Uint32Array): boolean {
  for (let i = 1; i < offsets.length; i += 1) if (offsets[i]! < offsets[i - 1]!) return false;
  return true;
}
