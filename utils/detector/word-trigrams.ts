// English word 3-grams (digits folded as in ngrams.ts's word 1–2-grams, reset at a line break, a
// full stop or non-ASCII text), hashed into the feature space: "buy viagra online", "no
// prescription needed", "with a valid". Optional (FeatureOptions.wordTrigrams); English pages
// only, scaled to their own length per page like the Latin-script grams.
import { FNV_OFFSET, bucket, step } from './feature-space';
import type { ShapeFeature } from './page-shape';
import { breaksPair, isAsciiWordChar } from './text-marks';

export const NS_TRIGRAM = 0x33; // '3'
/** Length of a page's vector of word 3-grams. */
export const TRIGRAM_SCALE = 5;
const WORD_SEED = step(FNV_OFFSET, 0x77);

/** The page's distinct word 3-grams, each at TRIGRAM_SCALE / √(their number). */
export function wordTrigrams(text: string): ShapeFeature[] {
  const seen = new Set<number>();
  const order: number[] = [];
  let a = 0;
  let b = 0;
  let have = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (!isAsciiWordChar(c)) {
      if (breaksPair(c)) have = 0;
      i += 1;
      continue;
    }
    let h = WORD_SEED;
    let lastDigit = false;
    for (; i < text.length && isAsciiWordChar(text.charCodeAt(i)); i += 1) {
      const d = text.charCodeAt(i);
      const digit = d >= 0x30 && d <= 0x39;
      if (!digit || !lastDigit) h = step(h, digit ? 0x30 : d);
      lastDigit = digit;
    }
    if (have >= 2) {
      const f = bucket(step(step(step(step(FNV_OFFSET, NS_TRIGRAM), a), b), h));
      if (!seen.has(f)) {
        seen.add(f);
        order.push(f);
      }
    }
    a = b;
    b = h;
    have = Math.min(2, have + 1);
  }
  const value = order.length > 0 ? TRIGRAM_SCALE / Math.sqrt(order.length) : 0;
  return order.map((index) => ({ index, value }));
}
