// Rewrites the "ja" strings of data/*.json with full-width （ ）：？ where they touch Japanese
// text (tools/lib/ja-punctuation.ts), keeping the files' layout: only the string values change.
// data/drug-lexicon.json is left out: it belongs to the detector's data (see the data test).
// Usage: npx tsx tools/ja-punctuation.ts [--check]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fullWidthJapanese } from './lib/ja-punctuation';

export const JA_PUNCTUATION_EXCLUDED = ['drug-lexicon.json'];

const check = process.argv.includes('--check');
let changed = 0;
for (const name of readdirSync('data').filter((f) => f.endsWith('.json'))) {
  if (JA_PUNCTUATION_EXCLUDED.includes(name)) continue;
  const path = join('data', name);
  const raw = readFileSync(path, 'utf8');
  const next = raw.replace(
    /("ja"\s*:\s*)"((?:[^"\\]|\\.)*)"/g,
    (whole, key: string, body: string) => {
      const value = JSON.parse(`"${body}"`) as string;
      const fixed = fullWidthJapanese(value);
      if (fixed === value) return whole;
      changed++;
      return `${key}${JSON.stringify(fixed)}`;
    },
  );
  if (next !== raw && !check) writeFileSync(path, next);
}
console.log(`${changed} ja strings ${check ? 'need' : 'got'} full-width punctuation`);
if (check && changed > 0) process.exitCode = 1;
