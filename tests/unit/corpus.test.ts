// The training corpus (data/corpus): format, classes, URLs, sources, no duplicates, and a README
// that says what it holds. Also the importer's duplicate handling, on a scratch copy.
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CLASSES, parseTextPage, readIndex } from '../../tools/lib/corpus';
import { checkFolder, main, narrationHits } from '../../tools/corpus-check';
import { corpusReadme, importCorpus, sourceKind } from '../../tools/corpus-import';
import { NEAR_DUPLICATE, shingle, similarity, urlKey } from '../../tools/lib/near-dup';
import { hostOfUrl, registrableDomain } from '../../utils/core/hostname';

const TRAINING = 'data/corpus';
/** Pages kept out of training, to measure the model on sites nobody tuned it on. */
const HELD = 'data/holdout';

for (const [DIR, held] of [
  [TRAINING, false],
  [HELD, true],
] as const) {
  describe(DIR, () => {
    const index = readIndex(DIR);

    it('has one page file per index entry and nothing else', () => {
      // An emptied held-out folder has no pages/ (git keeps no empty folder).
      const files = existsSync(join(DIR, 'pages')) ? readdirSync(join(DIR, 'pages')).sort() : [];
      expect(files).toEqual(index.map((e) => `${e.slug}.txt`).sort());
    });

    it('gives every page a real URL, a known class, a language, a source and a reason', () => {
      for (const entry of index) {
        const page = parseTextPage(readFileSync(join(DIR, 'pages', `${entry.slug}.txt`), 'utf8'));
        expect(page.url, entry.slug).toBe(entry.url);
        expect(entry.url, entry.slug).toMatch(/^https?:\/\//);
        expect(['domain', 'ipv4', 'ipv6'], entry.slug).toContain(hostOfUrl(entry.url)?.kind);
        expect(CLASSES, entry.slug).toContain(entry.class);
        expect(['ja', 'en'], entry.slug).toContain(entry.lang);
        expect(page.header.class, entry.slug).toBe(entry.class);
        expect(page.header.lang, entry.slug).toBe(entry.lang);
        expect(entry.source?.length, `${entry.slug} names no source`).toBeGreaterThan(0);
        expect(entry.origin?.length, `${entry.slug} names no origin`).toBeGreaterThan(0);
        expect(page.text.trim().length, entry.slug).toBeGreaterThanOrEqual(80);
      }
    });

    it('holds no page twice, by URL or by near-identical text', { timeout: 120_000 }, () => {
      const keys = index.map((e) => urlKey(e.url));
      expect(new Set(keys).size).toBe(keys.length);
      const shingled = index.map((e) =>
        shingle(parseTextPage(readFileSync(join(DIR, 'pages', `${e.slug}.txt`), 'utf8')).text),
      );
      // One assertion over the list of close pairs: an expect() per pair (2.9 million at 2,421
      // pages) took most of two minutes on a loaded machine.
      const close: string[] = [];
      for (let i = 0; i < shingled.length; i += 1)
        for (let j = i + 1; j < shingled.length; j += 1)
          if (similarity(shingled[i]!, shingled[j]!) >= NEAR_DUPLICATE)
            close.push(`${index[i]!.slug} ~ ${index[j]!.slug}`);
      expect(close).toEqual([]);
    });

    it('has a README generated from its index', () => {
      expect(readFileSync(join(DIR, 'README.md'), 'utf8')).toBe(corpusReadme(index, held));
    });
  });
}

describe('data/holdout', () => {
  it('shares no site with the training corpus (its figures are on sites the model never saw)', () => {
    const site = (url: string) => registrableDomain(hostOfUrl(url)?.host ?? url);
    const trained = new Set(readIndex(TRAINING).map((e) => site(e.url)));
    const shared = readIndex(HELD).filter((e) => trained.has(site(e.url)));
    expect(shared.map((e) => e.slug)).toEqual([]);
  });
});

/** A page of a scratch folder in the reference format: a Japanese rogue page unless told. */
interface Draft {
  slug: string;
  url: string;
  text: string;
  source?: string;
  note?: string;
  /** Line 2 as written, when a test needs one that disagrees with the index. */
  header?: string;
}

/** Writes a scratch folder (index.json + pages/) for the importer's and the checker's tests. */
function writeFolder(root: string, name: string, pages: Draft[]): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'pages'), { recursive: true });
  const entries = pages.map((p) => ({
    slug: p.slug,
    url: p.url,
    class: 'rogue',
    lang: 'ja',
    source: p.source ?? `paraphrase of a public page excerpt (stored page ${p.url})`,
    note: p.note ?? 'shop product page: 処方箋不要, カートに入れる',
  }));
  writeFileSync(join(dir, 'index.json'), JSON.stringify(entries));
  for (const [i, p] of pages.entries()) {
    const e = entries[i]!;
    const header = p.header ?? `# class: rogue | lang: ja | source: ${e.source} | note: ${e.note}`;
    writeFileSync(join(dir, 'pages', `${p.slug}.txt`), `${p.url}\n${header}\n\n${p.text}`);
  }
  return dir;
}

describe('corpus:import', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'kg-corpus-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  const folder = (name: string, pages: Draft[]) => writeFolder(scratch, name, pages);
  const text = (n: number) =>
    Array.from(
      { length: 40 },
      (_, i) => `第${i}項 商品${n * 1000 + i}番は処方箋なしでお届けします。`,
    ).join('\n');

  it('adds new pages, drops URL and near-text duplicates, and is idempotent', () => {
    const target = join(scratch, 'corpus');
    const a = folder('a', [
      { slug: 'one', url: 'https://one.example/a', text: text(1) },
      { slug: 'two', url: 'https://two.example/b', text: text(2) },
    ]);
    expect(importCorpus(a, target)).toMatchObject({ added: 2, dropped: [] });
    const b = folder('b', [
      { slug: 'one-again', url: 'http://www.one.example/a/', text: text(3) },
      { slug: 'two-copy', url: 'https://copy.example/b', text: `${text(2)}\nおまけ` },
      { slug: 'one', url: 'https://three.example/c', text: text(4) },
    ]);
    const result = importCorpus(b, target);
    expect(result.added).toBe(1);
    expect(result.dropped.map((d) => d.slug).sort()).toEqual(['one-again', 'two-copy']);
    // A slug already taken by another page gets a suffix.
    expect(readIndex(target).map((e) => e.slug)).toEqual(['one', 'one-2', 'two']);
    const before = readFileSync(join(target, 'index.json'), 'utf8');
    expect(importCorpus(a, target)).toMatchObject({ added: 0, replaced: 0, unchanged: 2 });
    expect(importCorpus(b, target)).toMatchObject({ added: 0, replaced: 0, unchanged: 1 });
    expect(readFileSync(join(target, 'index.json'), 'utf8')).toBe(before);
  });

  it('keeps the origin a page already names (a held-out page folded into training)', () => {
    const target = join(scratch, 'corpus3');
    const held = folder('holdout', [
      { slug: 'kept', url: 'https://kept.example/a', text: text(7) },
      { slug: 'plain', url: 'https://plain.example/b', text: text(8) },
    ]);
    const index = JSON.parse(readFileSync(join(held, 'index.json'), 'utf8')) as object[];
    writeFileSync(
      join(held, 'index.json'),
      JSON.stringify([{ ...index[0], origin: 's10-ja' }, index[1]]),
    );
    expect(importCorpus(held, target)).toMatchObject({ added: 2, dropped: [] });
    expect(readIndex(target).map((e) => [e.slug, e.origin])).toEqual([
      ['kept', 's10-ja'],
      ['plain', 'holdout'],
    ]);
    // Folding the same folder in again finds each page under the origin it kept.
    expect(importCorpus(held, target)).toMatchObject({ added: 0, replaced: 0, unchanged: 2 });
  });

  it('rejects pages without a public URL or with too little text', () => {
    const target = join(scratch, 'corpus2');
    const bad = folder('bad', [
      { slug: 'local', url: 'http://localhost/x', text: text(5) },
      { slug: 'short', url: 'https://short.example/', text: '短い' },
      { slug: 'ftp', url: 'ftp://files.example/x', text: text(6) },
    ]);
    const result = importCorpus(bad, target);
    expect(result.added).toBe(0);
    expect(result.dropped).toHaveLength(3);
  });
});

describe('corpus README sources', () => {
  it('counts sources by kind, leaving out the address each page was read from', () => {
    expect(
      sourceKind('paraphrase of a public page excerpt (stored page https://a.example/x)'),
    ).toBe('paraphrase of a public page excerpt');
    expect(sourceKind('paraphrase of a public page excerpt')).toBe(
      'paraphrase of a public page excerpt',
    );
    expect(sourceKind(undefined)).toBe('(none)');
  });
});

describe('corpus check (tools/corpus-check.ts), before an import', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'kg-corpus-check-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const long = (n: number) =>
    Array.from(
      { length: 16 },
      (_, i) => `第${i}項 商品${n * 100 + i}は処方箋なしで発送します。`,
    ).join('\n');

  const folder = (name: string, pages: Draft[]) => writeFolder(scratch, name, pages);

  const corpus = folder('corpus', [
    { slug: 'known', url: 'https://known.example/a', text: long(1) },
  ]);
  const holdout = folder('holdout', [
    { slug: 'held', url: 'https://held.example/a', text: long(2) },
  ]);

  it('passes a clean folder of new sites, and notes a page of a site already known', () => {
    const dir = folder('clean', [
      { slug: 'ja-rogue-new-a', url: 'https://new.example/a', text: long(3) },
      { slug: 'ja-rogue-known-b', url: 'https://known.example/b', text: long(4) },
    ]);
    const result = checkFolder(dir, { corpus, holdout });
    expect(result.problems).toEqual([]);
    expect(result.notes).toHaveLength(1);
    expect(result.notes[0]).toContain('known.example');
    expect(result.summary).toMatch(/^2 pages, 2 sites; rogue\/ja 2; 0 problems$/);
  });

  it('names every problem an import would hide: repeats, short text, source, header, narration', () => {
    const dir = folder('bad', [
      { slug: 'dup-url', url: 'http://www.known.example/a/', text: long(5) },
      { slug: 'dup-text', url: 'https://other.example/x', text: `${long(2)}\nおまけ` },
      { slug: 'short', url: 'https://short.example/', text: '短い本文' },
      { slug: 'nosource', url: 'https://nosource.example/', text: long(6), source: 'memory' },
      {
        slug: 'header',
        url: 'https://header.example/',
        text: long(7),
        header: '# class: info | lang: ja',
      },
      {
        slug: 'narrated',
        url: 'https://narrated.example/',
        text: `${long(9)}\n記事はまず効果を説明しています。副作用もあると筆者は書いています。`,
      },
      { slug: 'ftp', url: 'ftp://files.example/a', text: long(11) },
      { slug: 'local', url: 'http://intranet/a', text: long(12) },
    ]);
    const problems = checkFolder(dir, { corpus, holdout }).problems;
    const about = (slug: string) => problems.filter((p) => p.startsWith(`${slug}:`)).join(' ');
    expect(about('dup-url')).toContain('URL already in corpus:known');
    expect(about('dup-text')).toContain('near-duplicate of holdout:held');
    expect(about('short')).toMatch(/text \d+ chars/);
    expect(about('nosource')).toContain('source must name');
    expect(about('header')).toContain('header disagrees');
    expect(about('narrated')).toContain("in the page's own voice");
    // The importer's own URL rule (urlProblem), so that a page the checker passes is imported.
    expect(about('ftp')).toContain('URL is not http(s)');
    expect(about('local')).toContain('URL has no public host');
  });

  it('keeps training and held-out sites apart, both ways, siblings included', () => {
    // A training page from a held-out site: a problem without --held-out.
    const training = folder('training', [
      { slug: 'ja-rogue-held-b', url: 'https://held.example/b', text: long(10) },
    ]);
    expect(checkFolder(training, { corpus, holdout }).problems.join(' ')).toContain(
      'site held.example is in the held-out pages',
    );
    // A held-out page from a training site (data/corpus or a training sibling in --others).
    const sibling = folder('sibling', [
      { slug: 'ja-rogue-sib', url: 'https://sibling.example/a', text: long(11) },
    ]);
    const held = folder('held-new', [
      { slug: 'ja-rogue-known-d', url: 'https://known.example/d', text: long(12) },
      { slug: 'ja-rogue-sib-b', url: 'https://sibling.example/b', text: long(13) },
      { slug: 'ja-rogue-held-c', url: 'https://held.example/c', text: long(14) },
    ]);
    const result = checkFolder(held, { corpus, holdout, others: [sibling], heldOut: true });
    expect(result.problems.filter((p) => p.includes('is in the training pages'))).toHaveLength(2);
    // Another held-out page of a held-out site is fine there: only a note.
    expect(result.problems.join(' ')).not.toContain('held.example');
    expect(result.notes.join(' ')).toContain('held.example');
    // Without --held-out, the known site is a note and the sibling's site a problem.
    const asTraining = checkFolder(held, { corpus, holdout, others: [sibling] });
    expect(asTraining.problems.join(' ')).toContain('site sibling.example is in the held-out');
    expect(asTraining.problems.join(' ')).toContain('site held.example is in the held-out');
  });

  it('refuses to pass a folder it could not compare with anything, and a folder against itself', () => {
    const dir = folder('lonely', [{ slug: 'a', url: 'https://lonely.example/', text: long(15) }]);
    expect(() => checkFolder(dir, { corpus: join(scratch, 'missing'), holdout })).toThrow(
      /index\.json not found/,
    );
    // Checking the held-out folder in place does not find each page a repeat of itself.
    expect(checkFolder(holdout, { corpus, holdout, heldOut: true }).problems).toEqual([]);
  });

  it('answers bad arguments with its usage and exit code 2', () => {
    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((m: string) => errors.push(m));
    try {
      expect(main(['some-dir', '--others'])).toBe(2);
      expect(main(['some-dir', '--bogus'])).toBe(2);
      expect(main([])).toBe(2);
      expect(main(['a', 'b'])).toBe(2);
    } finally {
      spy.mockRestore();
    }
    expect(errors.every((e) => e.includes('usage:'))).toBe(true);
  });
});

describe('narration (a description of the page instead of its own voice)', () => {
  it('finds a writer describing the page, in both languages, once a sentence', () => {
    expect(
      narrationHits('記事はまず効果を説明しています。副作用もあると筆者は書いています。'),
    ).toHaveLength(2);
    expect(narrationHits('治療薬だと説明している。当院で処方できると紹介した。')).toHaveLength(2);
    expect(
      narrationHits(
        'The shop also says no prescription is needed. The sellers claim stock is low. In its telling, it ships fast.',
      ),
    ).toEqual(['The shop also says', 'The sellers claim', 'In its telling']);
    // Two patterns in one sentence are one hit: one such sentence is a note, not a problem.
    expect(narrationHits('サイトは安全だと説明しています。')).toHaveLength(1);
  });

  it('leaves a page’s own voice and what real pages quote alone', () => {
    for (const text of [
      '当院では医師が丁寧に説明しています。',
      '当サイトでは、安全な通販サイトをご紹介しています。',
      'この記事は日本の法令について説明しています。',
      '厚生労働省は個人輸入に注意を呼びかけています。',
      '担当者は「輸入は危険だ」と述べています。',
      '添付文書には1日1回と書かれています。',
      'Add to cart. We ship discreetly within 24 hours.',
      'This page explains how to order.',
      'The FDA says these pills may contain hidden ingredients.',
    ])
      expect(narrationHits(text), text).toEqual([]);
  });
});

describe('data/corpus and data/holdout in their pages’ own voice', () => {
  it('have no page that describes its page in two sentences or more', () => {
    const narrated: string[] = [];
    for (const dir of [TRAINING, HELD])
      for (const e of readIndex(dir)) {
        const text = parseTextPage(readFileSync(join(dir, 'pages', `${e.slug}.txt`), 'utf8')).text;
        if (narrationHits(text).length >= 2) narrated.push(e.slug);
      }
    expect(narrated).toEqual([]);
  });
});
