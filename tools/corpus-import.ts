// `npm run corpus:import -- <dir> [<dir> …]`: folds corpora in the reference format
// (index.json + pages/<slug>.txt) into data/corpus and regenerates data/corpus/README.md.
// A page whose URL is already there from another folder, or whose text is a near-duplicate of a
// page already there, is dropped; a page re-imported from the folder it came from replaces its
// earlier version (its author may have fixed it). Importing the same folder twice changes nothing.
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, join, resolve } from 'node:path';
import {
  CLASSES,
  NEGATIVE,
  POSITIVE,
  parseTextPage,
  readIndex,
  siteOfUrl,
  urlProblem,
  type IndexEntry,
} from './lib/corpus';
import { NEAR_DUPLICATE, shingle, similarity, urlKey, type Shingled } from './lib/near-dup';

export const CORPUS_DIR = 'data/corpus';
/** Pages shorter than this say too little to learn from or to judge. */
const MIN_TEXT = 80;

interface Page {
  entry: IndexEntry;
  text: string;
  shingled: Shingled;
}

export interface ImportResult {
  added: number;
  replaced: number;
  unchanged: number;
  dropped: { slug: string; why: string }[];
}

const FIELDS = ['slug', 'url', 'class', 'lang', 'source', 'note', 'origin'] as const;

function sameEntry(a: IndexEntry, b: IndexEntry): boolean {
  return FIELDS.every((f) => a[f] === b[f]);
}

function pageFile(dir: string, slug: string): string {
  return join(dir, 'pages', `${slug}.txt`);
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/\|/g, '/').trim();
}

export function formatPage(entry: IndexEntry, text: string): string {
  const header = [`class: ${entry.class}`, `lang: ${entry.lang}`];
  if (entry.source) header.push(`source: ${oneLine(entry.source)}`);
  if (entry.note) header.push(`note: ${oneLine(entry.note)}`);
  return `${entry.url}\n# ${header.join(' | ')}\n\n${text.trim()}\n`;
}

function readPages(dir: string): Page[] {
  if (!existsSync(join(dir, 'index.json'))) return [];
  return readIndex(dir).map((entry) => {
    const text = parseTextPage(readFileSync(pageFile(dir, entry.slug), 'utf8')).text.trim();
    return { entry, text, shingled: shingle(text) };
  });
}

/** Why an incoming page cannot enter the corpus, or null. */
function invalid(entry: IndexEntry, text: string): string | null {
  const url = urlProblem(entry.url);
  if (url) return url;
  if (!/^[a-z]{2}$/.test(entry.lang)) return `language is not a two-letter code: ${entry.lang}`;
  if (text.length < MIN_TEXT) return `text shorter than ${MIN_TEXT} characters`;
  return null;
}

export function importCorpus(from: string, to = CORPUS_DIR): ImportResult {
  const folder = basename(resolve(from));
  const corpus = readPages(to);
  const result: ImportResult = { added: 0, replaced: 0, unchanged: 0, dropped: [] };
  const incoming = readIndex(from);
  for (const raw of incoming) {
    const file = pageFile(from, raw.slug);
    if (!existsSync(file)) {
      result.dropped.push({ slug: raw.slug, why: 'no .txt page' });
      continue;
    }
    const parsed = parseTextPage(readFileSync(file, 'utf8'));
    const text = parsed.text.trim();
    // A page that already names its origin (one of data/holdout's, folded into training) keeps
    // it: the folder it was written in says which helper and session it came from, and which
    // held-out set it was measured in; "holdout" alone would merge every set ever folded in.
    const origin = raw.origin ?? folder;
    const entry: IndexEntry = {
      slug: raw.slug,
      url: raw.url,
      class: raw.class,
      lang: raw.lang,
      origin,
    };
    const source = raw.source ?? parsed.header.source;
    const note = raw.note ?? parsed.header.note;
    if (source) entry.source = oneLine(source);
    if (note) entry.note = oneLine(note);
    const why = invalid(entry, text);
    if (why) {
      result.dropped.push({ slug: raw.slug, why });
      continue;
    }
    const key = urlKey(entry.url);
    const same = corpus.findIndex((p) => urlKey(p.entry.url) === key);
    if (same >= 0 && corpus[same]!.entry.origin !== origin) {
      result.dropped.push({
        slug: raw.slug,
        why: `URL already in the corpus as ${corpus[same]!.entry.slug}`,
      });
      continue;
    }
    const shingled = shingle(text);
    const twin = corpus.find(
      (p, i) => i !== same && similarity(p.shingled, shingled) >= NEAR_DUPLICATE,
    );
    if (twin) {
      result.dropped.push({
        slug: raw.slug,
        why: `near-duplicate of ${twin.entry.slug} (Jaccard ≥ ${NEAR_DUPLICATE})`,
      });
      continue;
    }
    if (same >= 0) {
      const old = corpus[same]!;
      entry.slug = old.entry.slug; // a page keeps its name once imported
      if (sameEntry(old.entry, entry) && old.text === text) {
        result.unchanged += 1;
        continue;
      }
      corpus[same] = { entry, text, shingled };
      result.replaced += 1;
      continue;
    }
    // A slug another page already has gets a suffix.
    const taken = new Set(corpus.map((p) => p.entry.slug));
    let slug = entry.slug;
    for (let n = 2; taken.has(slug); n += 1) slug = `${entry.slug}-${n}`;
    entry.slug = slug;
    corpus.push({ entry, text, shingled });
    result.added += 1;
  }
  writeCorpus(to, corpus);
  return result;
}

function writeCorpus(dir: string, pages: Page[]): void {
  mkdirSync(join(dir, 'pages'), { recursive: true });
  pages.sort((a, b) => (a.entry.slug < b.entry.slug ? -1 : a.entry.slug > b.entry.slug ? 1 : 0));
  const slugs = new Set(pages.map((p) => p.entry.slug));
  for (const name of readdirSync(join(dir, 'pages')))
    if (!slugs.has(name.replace(/\.txt$/, ''))) unlinkSync(join(dir, 'pages', name));
  for (const page of pages) {
    const file = pageFile(dir, page.entry.slug);
    const body = formatPage(page.entry, page.text);
    if (!existsSync(file) || readFileSync(file, 'utf8') !== body) writeFileSync(file, body);
  }
  writeFileSync(
    join(dir, 'index.json'),
    `${JSON.stringify(
      pages.map((p) =>
        Object.fromEntries(
          FIELDS.filter((f) => p.entry[f] !== undefined).map((f) => [f, p.entry[f]]),
        ),
      ),
      null,
      1,
    )}\n`,
  );
  const held = resolve(dir) !== resolve(CORPUS_DIR);
  writeFileSync(
    join(dir, 'README.md'),
    corpusReadme(
      pages.map((p) => p.entry),
      held,
    ),
  );
}

function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * What an empty held-out folder says: where its last pages went and that a new set follows (the
 * set is emptied because the data test keeps held-out sites out of the training corpus).
 */
const FOLDED_IN = `Empty for now: session 12's set (117 pages from 84 sites, \`s12-en\` and \`s12-ja\`), measured
twice (session 12's and session 13's models), was folded into data/corpus in session 14, 2026-12-03,
keeping those origins there; session 10's set (218 pages from 218 sites, \`s10-en\` and \`s10-ja\`) in
session 12; the set before it (523 pages from 523 sites, sessions 8 and 9's \`s8-en\`, \`s8-ja\`,
\`s9-en\`, \`s9-ja\` and \`s9-train-en\`) in session 10, 2026-12-02 (\`origin\` \`holdout\` there). A new
held-out set, written from sites in none of these folders, follows.`;

/** data/corpus/README.md: what the corpus holds, computed from its index. */
export function corpusReadme(entries: readonly IndexEntry[], held = false): string {
  const langs = [...new Set(entries.map((e) => e.lang))].sort();
  const count = (f: (e: IndexEntry) => boolean) => entries.filter(f).length;
  const sites = (list: readonly IndexEntry[]) =>
    new Set(list.map((e) => siteOfUrl(e.url) ?? e.url)).size;
  const byClass = CLASSES.map((cls) => [
    cls,
    ...langs.map((lang) => count((e) => e.class === cls && e.lang === lang)),
    count((e) => e.class === cls),
    sites(entries.filter((e) => e.class === cls)),
  ]);
  const origins = [...new Set(entries.map((e) => e.origin ?? '(none)'))].sort();
  const byOrigin = origins.map((o) => {
    const list = entries.filter((e) => (e.origin ?? '(none)') === o);
    return [o, list.length, ...langs.map((lang) => list.filter((e) => e.lang === lang).length)];
  });
  // Grouped by the kind of source: a page's own address in parentheses (where it was read) is in
  // index.json and its header; one row per address would make this table as long as the corpus.
  const sources = new Map<string, number>();
  for (const e of entries) {
    const kind = sourceKind(e.source);
    sources.set(kind, (sources.get(kind) ?? 0) + 1);
  }
  const bySource = [...sources].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const scored = entries.filter((e) => e.class !== 'unsure');
  const positives = count((e) => POSITIVE.includes(e.class));
  const negatives = count((e) => NEGATIVE.includes(e.class));
  const title = held
    ? `# Held-out pages

Pages the shipped model was never trained on, from sites that are not in data/corpus (a data test
keeps the two apart): \`npm run eval -- data/holdout\` measures the model as on sites nobody tuned
it on. Fold them into the training corpus (\`npm run corpus:import -- data/holdout\`, then
\`npm run train\`) only when a newer held-out set replaces them.

Generated by \`npm run corpus:import -- --to data/holdout\` (tools/corpus-import.ts) — do not edit by hand.${
        entries.length === 0 ? `\n\n${FOLDED_IN}\n` : ''
      }`
    : `# Training corpus

Generated by \`npm run corpus:import\` (tools/corpus-import.ts) — do not edit by hand.`;
  return `${title}
Format: ../../../shared/reference/README.md's — \`index.json\` and \`pages/<slug>.txt\` (line 1 the
real page's URL, line 2 \`# class: … | lang: … | source: … | note: …\`, then the paraphrased text).
Every page names the folder it was imported from (\`origin\` in index.json), its source and the
one-line reason for its class. Duplicates by URL and near-duplicates (Jaccard ≥ ${NEAR_DUPLICATE}
of character 5-gram shingles) are dropped on import.

- ${entries.length} pages (${scored.length} scored, ${entries.length - scored.length} \`unsure\`), ${sites(entries)} distinct registrable domains
- ${positives} to warn on (rogue + affiliate), ${negatives} to stay quiet on (licensed + clinic + info + other)
- ${langs.map((l) => `${l}: ${count((e) => e.lang === l)} (${((count((e) => e.lang === l) / Math.max(1, entries.length)) * 100).toFixed(0)}%)`).join(', ')}

## Pages per class and language

${table(['class', ...langs, 'total', 'sites'], byClass)}

## Pages per imported folder

${table(['folder', 'pages', ...langs], byOrigin)}

## Pages per declared source

Each page's own source (the stored page or repository file it was read from) is in its header and
in index.json; here they are counted by kind.

${table(['source', 'pages'], bySource)}
`;
}

/** A declared source without the address in parentheses that names where the page was read. */
export function sourceKind(source: string | undefined): string {
  if (!source) return '(none)';
  const open = source.indexOf(' (');
  return open > 0 ? source.slice(0, open).trim() : source.trim();
}

function main(argv: string[]): number {
  // --to DIR: import into another corpus folder (data/holdout) instead of the training corpus.
  const to = argv.includes('--to') ? argv[argv.indexOf('--to') + 1] : undefined;
  const dirs = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--to');
  if (dirs.length === 0) {
    console.error('usage: npm run corpus:import -- <corpus-dir> [<corpus-dir> …]');
    return 2;
  }
  for (const dir of dirs) {
    if (!existsSync(join(dir, 'index.json'))) {
      console.error(`${dir}: no index.json, skipped`);
      continue;
    }
    const r = importCorpus(dir, to);
    console.log(
      `${dir}: ${r.added} added, ${r.replaced} replaced, ${r.unchanged} unchanged, ${r.dropped.length} dropped`,
    );
    for (const d of r.dropped) console.log(`  dropped ${d.slug}: ${d.why}`);
  }
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));
