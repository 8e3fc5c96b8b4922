// `npx tsx tools/corpus-check.ts <dir> [--held-out] [--others dir,dir]`: checks a folder of new
// corpus pages (the reference format) before it is imported, so that the people gathering pages
// see every problem while they can still fix it: index and page files that disagree, headers,
// short pages, a source that does not name the stored page, URLs and near-duplicate texts that
// data/corpus or data/holdout already has, and (with --held-out) sites the training corpus
// already knows, which a held-out set must not contain. Prints one line per problem and a
// summary; exits 1 when a problem would make the importer drop or mislabel a page.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CLASSES, parseTextPage, readIndex, type IndexEntry } from './lib/corpus';
import { NEAR_DUPLICATE, shingle, similarity, urlKey, type Shingled } from './lib/near-dup';
import { hostOfUrl, registrableDomain } from '../utils/core/hostname';

/** Paraphrases shorter than this carry too little of the page to learn from. */
const MIN_CHARS = 300;

/**
 * Words of a description of the page rather than of the page itself ("the shop says…",
 * 「記事は…と説明しています」). A paraphrase must speak in the page's own voice: the model learns
 * from n-grams, and phrases no real page contains would become evidence for whichever class the
 * describing writer happened to gather, and never fire in a browser.
 */
const NARRATION: readonly RegExp[] = [
  /\b(?:the|this) (?:shop|page|site|store|article|post|author|blog|seller|pharmacy|writer|vendor|clinic)(?:'s)? (?:says|said|writes|tells|claims|calls|explains|describes|notes|warns|lists|names|goes on|adds|stresses|promises|boasts|urges|advises|insists|asserts|presents|reminds)\b/gi,
  /\b(?:in its telling|it claims|it says|it warns|it adds|it notes)\b/gi,
  /\baccording to the (?:page|shop|site|store|article|post|author|seller)\b/gi,
  /(?:記事|筆者|著者|ページ|サイト|ショップ|店舗|販売者|投稿者|ブログ)(?:は|では|側は)[^。\n]{0,60}(?:説明|紹介|案内|強調|主張|解説)し(?:て|てい)(?:いる|います|いた|おり)/g,
  /と(?:説明し|紹介し|案内し|強調し|主張し|解説し|述べ|書い|呼びかけ|うたっ|訴え|注意し|付け加え)て(?:いる|います|いた|おり)/g,
  /(?:と筆者|次の見出し|という整理です|と書かれて(?:いる|います))/g,
];

/** How many times a text describes its page instead of speaking as it. */
export function narrationHits(text: string): string[] {
  const hits: string[] = [];
  for (const pattern of NARRATION) for (const m of text.matchAll(pattern)) hits.push(m[0]);
  return hits;
}

interface Known {
  urls: Map<string, string>;
  sites: Map<string, string>;
  texts: { slug: string; shingled: Shingled }[];
}

function siteOf(url: string): string | null {
  const host = hostOfUrl(url);
  return host && host.kind !== 'local' ? registrableDomain(host.host) : null;
}

function pageText(dir: string, slug: string): string | null {
  const file = join(dir, 'pages', `${slug}.txt`);
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

function learn(known: Known, dir: string, label: string): void {
  if (!existsSync(join(dir, 'index.json'))) return;
  for (const entry of readIndex(dir)) {
    known.urls.set(urlKey(entry.url), `${label}:${entry.slug}`);
    const site = siteOf(entry.url);
    if (site && !known.sites.has(site)) known.sites.set(site, `${label}:${entry.slug}`);
    const raw = pageText(dir, entry.slug);
    if (raw)
      known.texts.push({
        slug: `${label}:${entry.slug}`,
        shingled: shingle(parseTextPage(raw).text),
      });
  }
}

export interface CheckOptions {
  /** The folder is (part of) a held-out set: no page may come from a training site. */
  heldOut?: boolean;
  /** The training corpus (data/corpus). */
  corpus?: string;
  /** Other folders whose URLs and texts must not be repeated (data/holdout, siblings). */
  others?: readonly string[];
}

export interface CheckResult {
  problems: string[];
  notes: string[];
  summary: string;
}

export function checkFolder(dir: string, options: CheckOptions = {}): CheckResult {
  const heldOut = options.heldOut ?? false;
  const corpus: Known = { urls: new Map(), sites: new Map(), texts: [] };
  learn(corpus, options.corpus ?? 'data/corpus', 'corpus');
  const holdout: Known = { urls: new Map(), sites: new Map(), texts: [] };
  for (const other of options.others ?? ['data/holdout']) learn(holdout, other, other);
  const problems: string[] = [];
  const notes: string[] = [];
  let entries: IndexEntry[] = [];
  try {
    entries = readIndex(dir);
  } catch (error) {
    return { problems: [`index.json: ${(error as Error).message}`], notes, summary: '' };
  }
  const files = existsSync(join(dir, 'pages'))
    ? readdirSync(join(dir, 'pages')).filter((f) => f.endsWith('.txt'))
    : [];
  const slugs = new Set(entries.map((e) => e.slug));
  for (const file of files)
    if (!slugs.has(file.slice(0, -4))) problems.push(`pages/${file}: not in index.json`);
  const mine: { slug: string; shingled: Shingled }[] = [];
  const seenUrls = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const e of entries) {
    const where = `${e.slug}`;
    if (!(CLASSES as readonly string[]).includes(e.class))
      problems.push(`${where}: class ${e.class}`);
    if (e.lang !== 'ja' && e.lang !== 'en') problems.push(`${where}: lang ${e.lang} (ja or en)`);
    if (!e.note || e.note.length < 15)
      problems.push(`${where}: note missing or too short (say why this class)`);
    if (!e.source || !/https?:\/\//.test(e.source))
      problems.push(
        `${where}: source must name the stored page or repository file read (its address)`,
      );
    const site = siteOf(e.url);
    if (!/^https?:\/\//.test(e.url) || !site) problems.push(`${where}: URL ${e.url}`);
    const key = urlKey(e.url);
    if (seenUrls.has(key)) problems.push(`${where}: same URL as ${seenUrls.get(key)}`);
    seenUrls.set(key, e.slug);
    if (corpus.urls.has(key)) problems.push(`${where}: URL already in ${corpus.urls.get(key)}`);
    if (holdout.urls.has(key)) problems.push(`${where}: URL already in ${holdout.urls.get(key)}`);
    if (site && heldOut && corpus.sites.has(site))
      problems.push(
        `${where}: site ${site} is in the training corpus (${corpus.sites.get(site)}); a held-out page must come from a new site`,
      );
    else if (site && corpus.sites.has(site))
      notes.push(
        `${where}: site ${site} already has pages (${corpus.sites.get(site)}); new sites teach more`,
      );
    const raw = pageText(dir, e.slug);
    if (raw === null) {
      problems.push(`${where}: pages/${e.slug}.txt missing`);
      continue;
    }
    let page;
    try {
      page = parseTextPage(raw);
    } catch (error) {
      problems.push(`${where}: ${(error as Error).message}`);
      continue;
    }
    const firstLine = raw.split('\n', 1)[0]!.trim();
    if (firstLine !== e.url) problems.push(`${where}: line 1 (${firstLine}) is not the index URL`);
    const header = raw.split('\n')[1] ?? '';
    if (!header.includes(`class: ${e.class}`) || !header.includes(`lang: ${e.lang}`))
      problems.push(`${where}: line 2 header disagrees with index.json`);
    const text = page.text.trim();
    if (text.length < MIN_CHARS)
      problems.push(`${where}: text ${text.length} chars (< ${MIN_CHARS})`);
    const narrated = narrationHits(text);
    if (narrated.length >= 2)
      problems.push(
        `${where}: written as a description of the page (${narrated
          .slice(0, 3)
          .map((h) => `"${h}"`)
          .join(
            ', ',
          )}${narrated.length > 3 ? ', …' : ''}): rewrite it in the page's own voice, as the page itself speaks`,
      );
    else if (narrated.length === 1)
      notes.push(
        `${where}: "${narrated[0]}" reads as a description of the page; keep the page's own voice`,
      );
    const shingled = shingle(text);
    for (const other of [...mine, ...corpus.texts, ...holdout.texts])
      if (similarity(shingled, other.shingled) >= NEAR_DUPLICATE) {
        problems.push(`${where}: near-duplicate of ${other.slug}`);
        break;
      }
    mine.push({ slug: e.slug, shingled });
    const k = `${e.class}/${e.lang}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const sites = new Set(entries.map((e) => siteOf(e.url)).filter(Boolean));
  const perClass = [...counts].map(([k, n]) => `${k} ${n}`).join(', ');
  const summary = `${entries.length} pages, ${sites.size} sites; ${perClass}; ${problems.length} problems`;
  return { problems, notes, summary };
}

function main(argv: string[]): number {
  const dir = argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--others');
  if (!dir) {
    console.error('usage: npx tsx tools/corpus-check.ts <dir> [--held-out] [--others dir,dir]');
    return 2;
  }
  const extra = argv.includes('--others') ? argv[argv.indexOf('--others') + 1]!.split(',') : [];
  const result = checkFolder(dir, {
    heldOut: argv.includes('--held-out'),
    others: ['data/holdout', ...extra],
  });
  for (const line of result.problems) console.log(`PROBLEM ${line}`);
  for (const line of result.notes) console.log(`note    ${line}`);
  console.log(result.summary);
  return result.problems.length > 0 ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));
