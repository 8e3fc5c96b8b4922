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
import { afterAll, describe, expect, it } from 'vitest';
import { CLASSES, parseTextPage, readIndex } from '../../tools/lib/corpus';
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

describe('corpus:import', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'kg-corpus-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  function folder(name: string, pages: { slug: string; url: string; text: string }[]): string {
    const dir = join(scratch, name);
    mkdirSync(join(dir, 'pages'), { recursive: true });
    writeFileSync(
      join(dir, 'index.json'),
      JSON.stringify(pages.map((p) => ({ slug: p.slug, url: p.url, class: 'rogue', lang: 'ja' }))),
    );
    for (const p of pages)
      writeFileSync(
        join(dir, 'pages', `${p.slug}.txt`),
        `${p.url}\n# class: rogue | lang: ja | source: test page | note: sells without prescription\n\n${p.text}`,
      );
    return dir;
  }
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
