// Every lexicon term once (phrases, medicine words, drug names), for tests that feed the term
// scanner hostile arrangements of the whole vocabulary.
import { DRUGS, MEDICINE_WORDS, PHRASES } from '../../utils/detector/lexicon';

export const LEXICON_TERMS_FOR_TEST: readonly string[] = [
  ...new Set([
    ...Object.values(PHRASES).flat(),
    ...MEDICINE_WORDS,
    ...DRUGS.flatMap((d) => d.slice(4) as string[]),
  ]),
];
