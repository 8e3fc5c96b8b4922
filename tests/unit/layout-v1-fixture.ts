// A list as the first stored layout (compact index format 1: 64-bit FNV-1a fingerprints, 48 bits
// per entry in `hi` and `lo`) wrote it to IndexedDB: the parts `packContent` produced at commit
// c2907ae for a site entry, a group of two and three bare domains, copied from its output. Tests
// write these rows as they were and check that a load converts them to the current layout.
const evidence = [{ source: { citation: 'fixture' }, date: '2026' }];

export const LAYOUT_V1 = {
  index: {
    format: 1,
    count: 6,
    bucketBits: 0,
    chunkBits: 0,
    offsets: new Uint32Array([0, 6]),
    hi: new Uint16Array([2910, 15929, 24323, 24496, 34077, 36722]),
    lo: new Uint32Array([2987994312, 408185163, 499654417, 1777191948, 1618602211, 2200380647]),
  },
  groups: [{ id: 'net', category: 'rogue-pharmacy', network: 'Net', evidence }],
  chunks: [
    {
      hosts:
        'site.example\nshop.bare-two.example\ngroup-b.example\nbare-two.example\ngroup-a.example\nbare-one.example',
      refs: new Int32Array([-2, -1, 0, -1, 0, -1]),
      sites: [{ domain: 'site.example', category: 'scam', evidence }],
    },
  ],
} as const;
