// Character 3–5-grams of the Latin-script words of a page (digits folded to one "0", each word
// padded with a space at both ends), hashed into the feature space. English word n-grams miss
// what rogue shops' English shares below the word: inflections and misspellings ("pills",
// "pil1s"), brand-name fragments ("-gra", "tada"), glued words of spam pages ("buyviagraonline"),
// and the drug names Japanese pages write in Latin letters. Words of more than 40 characters
// (base64, hashes) are skipped.
import { FNV_OFFSET, NS_ASCII, bucket, step } from './feature-space';
import type { Collector } from './ngrams';

export const ASCII_GRAM_MIN = 3;
export const ASCII_GRAM_MAX = 5;
const LONGEST_WORD = 40;

function isWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

const word = new Int32Array(LONGEST_WORD + 2);

/** Adds the page's character 3–5-grams of Latin-script words to `out`. */
export function asciiGrams(text: string, out: Collector): void {
  let i = 0;
  while (i < text.length) {
    if (!isWordChar(text.charCodeAt(i))) {
      i += 1;
      continue;
    }
    let n = 0;
    word[n++] = 0x20;
    let long = false;
    let lastDigit = false;
    for (; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      if (!isWordChar(c)) break;
      if (isDigit(c)) {
        if (lastDigit) continue;
        lastDigit = true;
      } else lastDigit = false;
      if (n > LONGEST_WORD) long = true;
      else word[n++] = isDigit(c) ? 0x30 : c;
    }
    if (long) continue;
    word[n++] = 0x20;
    for (let s = 0; s + ASCII_GRAM_MIN <= n; s += 1) {
      let h = step(FNV_OFFSET, NS_ASCII);
      for (let k = 0; k < ASCII_GRAM_MAX && s + k < n; k += 1) {
        h = step(h, word[s + k]!);
        if (k + 1 >= ASCII_GRAM_MIN) out.add(bucket(h));
      }
    }
  }
}
