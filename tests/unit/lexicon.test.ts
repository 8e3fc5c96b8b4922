// The detector's lexicon: generated from data/drug-lexicon.json, and every entry sourced.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { domainToUnicode } from 'node:url';
import { normalizeText } from '../../utils/content/normalize';
import { DRUGS, PHRASES } from '../../utils/detector/lexicon';
import {
  LEXICON_TS,
  LexiconSchema,
  readLexicon,
  renderLexicon,
  type Lexicon,
} from '../../tools/gen-lexicon';

const lexicon = readLexicon();
const sites = new Set(
  (JSON.parse(readFileSync('data/sites.json', 'utf8')) as { domain: string }[]).map(
    (s) => s.domain,
  ),
);
const pageText = new Map<string, string>();
function corpusText(slug: string): string | null {
  const path = `data/corpus/pages/${slug}.txt`;
  if (!existsSync(path)) return null;
  if (!pageText.has(slug)) pageText.set(slug, normalizeText(readFileSync(path, 'utf8')));
  return pageText.get(slug)!;
}

/** Why a source reference does not hold up for a term, or null when it does. */
export function sourceProblem(lex: Lexicon, term: string, ref: string): string | null {
  const t = normalizeText(term);
  if (ref.startsWith('corpus:')) {
    const text = corpusText(ref.slice('corpus:'.length));
    if (text === null) return `${ref}: no such corpus page`;
    return text.includes(t) ? null : `${ref}: the page does not contain ${JSON.stringify(term)}`;
  }
  if (ref.startsWith('site:')) {
    const domain = ref.slice('site:'.length);
    if (!sites.has(domain)) return `${ref}: not in data/sites.json`;
    return normalizeText(domainToUnicode(domain)).includes(t)
      ? null
      : `${ref}: the domain does not contain ${JSON.stringify(term)}`;
  }
  return lex.sources[ref] ? null : `${ref}: no such entry in "sources"`;
}

function problems(lex: Lexicon): string[] {
  const out: string[] = [];
  const check = (term: string, ref: string) => {
    const p = sourceProblem(lex, term, ref);
    if (p) out.push(p);
  };
  for (const d of lex.drugs) {
    for (const n of d.names) check(n.term, n.source);
    // A status source must exist; a corpus page must at least name the drug.
    for (const ref of d.statusSources) {
      const named = d.names.some((n) => sourceProblem(lex, n.term, ref) === null);
      if (!named && !lex.sources[ref]) out.push(`${d.id}: ${ref} does not name the drug`);
    }
  }
  for (const w of [...lex.medicineWords, ...lex.cueNegations, ...lex.domainWords])
    check(w.term, w.source);
  for (const terms of Object.values(lex.phrases)) for (const t of terms) check(t.term, t.source);
  for (const o of lex.otcControls)
    for (const ref of o.sources) if (!lex.sources[ref]) out.push(ref);
  return out;
}

describe('data/drug-lexicon.json', () => {
  it('is valid', () => {
    expect(() => LexiconSchema.parse(lexicon)).not.toThrow();
  });

  it('names a source for every entry, and every source holds up', () => {
    expect(problems(lexicon)).toEqual([]);
  });

  it('rejects an entry whose source does not hold up', () => {
    const bad = structuredClone(lexicon);
    const page = bad.medicineWords.find((w) => w.source.startsWith('corpus:'))!.source;
    bad.phrases.payment.push({ term: 'ビットコイン', source: page });
    bad.domainWords.push({ term: 'viagra', source: 'site:example-not-listed.com' });
    bad.medicineWords.push({ term: 'tablets', source: 'no-such-source' });
    bad.drugs.push({ ...bad.drugs[0]!, id: 'made-up', statusSources: ['corpus:no-such-page'] });
    expect(problems(bad)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('does not contain "ビットコイン"'),
        'site:example-not-listed.com: not in data/sites.json',
        'no-such-source: no such entry in "sources"',
        'made-up: corpus:no-such-page does not name the drug',
      ]),
    );
  });

  it('has no terms that are not in a source (an entry without a source field fails the schema)', () => {
    const bad = structuredClone(lexicon) as unknown as { medicineWords: { term: string }[] };
    bad.medicineWords.push({ term: 'pills' });
    expect(LexiconSchema.safeParse(bad).success).toBe(false);
  });

  it('never flags the OTC control terms (topical minoxidil) as a drug', () => {
    const names = new Set(DRUGS.flatMap((d) => (d.slice(4) as string[]).map(normalizeText)));
    for (const o of lexicon.otcControls)
      for (const name of o.ja) expect(names.has(normalizeText(name)), name).toBe(false);
  });
});

describe('utils/detector/lexicon.ts', () => {
  it('is the module tools/gen-lexicon.ts renders from the JSON (run npm run gen-lexicon)', async () => {
    expect(readFileSync(LEXICON_TS, 'utf8')).toBe(await renderLexicon(lexicon));
  });

  it('holds every drug, status and phrase of the JSON', () => {
    expect(DRUGS.map((d) => [d[0], d[3], ...d.slice(4)])).toEqual(
      lexicon.drugs.map((d) => [d.id, d.status, ...d.names.map((n) => n.term)]),
    );
    for (const [group, terms] of Object.entries(lexicon.phrases))
      expect(PHRASES[group as keyof typeof PHRASES], group).toEqual(terms.map((t) => t.term));
  });

  it('changes when the JSON changes', async () => {
    const changed = structuredClone(lexicon);
    changed.phrases.payment.push({ term: 'wire transfer only', source: 'x' });
    expect(await renderLexicon(changed)).not.toBe(await renderLexicon(lexicon));
    expect(await renderLexicon(changed)).toContain("'wire transfer only'");
  });
});
