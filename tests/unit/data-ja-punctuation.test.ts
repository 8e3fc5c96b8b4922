// Japanese text in the bundled data takes full-width （ ）：？ (the ja review's rule): a half-width
// mark between Japanese words fails here with the file, the field's path and the text around it.
// data/drug-lexicon.json and data/corpus/ (and data/holdout/) are left out: they belong to the detector's data (its
// owner fixes them) and the corpus keeps pages' own words as published.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fullWidthJapanese, halfWidthInJapanese } from '../../tools/lib/ja-punctuation';

const EXCLUDED = ['drug-lexicon.json'];

/** Every string under a "ja" key, with where it is. */
function jaStrings(value: unknown, path: string, out: { path: string; text: string }[]) {
  if (Array.isArray(value)) value.forEach((v, i) => jaStrings(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'ja' && typeof v === 'string') out.push({ path: `${path}.ja`, text: v });
      else jaStrings(v, `${path}.${key}`, out);
    }
  }
  return out;
}

describe('half-width punctuation in Japanese text', () => {
  it('finds ( ) : ? that touch Japanese, and leaves URLs, domains and times alone', () => {
    expect(fullWidthJapanese('件数は公表されていない(CircleIDの報道)。')).toBe(
      '件数は公表されていない（CircleIDの報道）。',
    );
    expect(fullWidthJapanese('このサイト(宛先:www.example.com)に')).toBe(
      'このサイト（宛先：www.example.com）に',
    );
    expect(fullWidthJapanese('本当に安全?')).toBe('本当に安全？');
    // Nothing Japanese beside the mark: a URL, a time, an English aside stay as they are.
    const untouched = '出典 https://example.com/a?b=1 を参照、10:00 開始、 (see FDA) を参照';
    expect(halfWidthInJapanese(untouched)).toEqual([]);
    // A bracket pair changes as a pair even when only one side touches Japanese.
    expect(fullWidthJapanese('販売(OUR指定)')).toBe('販売（OUR指定）');
    expect(fullWidthJapanese('Tramadol shop(返金規定)')).toBe('Tramadol shop（返金規定）');
  });

  const files = readdirSync('data').filter((f) => f.endsWith('.json') && !EXCLUDED.includes(f));
  it.each(files)('data/%s: ja fields use full-width （ ）：？', (file) => {
    const strings = jaStrings(JSON.parse(readFileSync(join('data', file), 'utf8')), '', []);
    const bad = strings
      .filter((s) => halfWidthInJapanese(s.text).length > 0)
      .map((s) => {
        const at = halfWidthInJapanese(s.text)[0]!;
        return `${s.path}: …${[...s.text].slice(Math.max(0, at - 10), at + 10).join('')}…`;
      });
    expect(bad).toEqual([]);
  });

  it('the detector-owned lexicon is the only data file left out', () => {
    expect(readdirSync('data').filter((f) => EXCLUDED.includes(f))).toEqual(EXCLUDED);
  });
});
