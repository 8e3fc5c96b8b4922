// `npx tsx tools/corpus-check.ts <dir> [--held-out] [--others dir,dir]`: checks a folder of new
// corpus pages (the reference format) before it is imported, so that the people gathering pages
// see every problem while they can still fix it: index and page files that disagree, headers,
// short pages, a source that does not name the stored page, URLs and near-duplicate texts that
// data/corpus, data/holdout or the --others folders already have, and sites on the wrong side of
// the line between training and held-out pages: a training folder's page from a held-out site,
// or (with --held-out) a held-out page from a training site. --others names folders bound for the
// other side (a held-out folder's training siblings, or a training folder's held-out siblings).
// Prints one line per problem and a summary; exits 1 when there is a problem, 2 on bad arguments.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  CLASSES,
  parseTextPage,
  readIndex,
  siteOfUrl,
  urlProblem,
  type IndexEntry,
} from './lib/corpus';
import { NEAR_DUPLICATE, shingle, similarity, urlKey, type Shingled } from './lib/near-dup';

/** Paraphrases shorter than this carry too little of the page to learn from. */
const MIN_CHARS = 300;

/**
 * Words of a description of the page rather than of the page itself ("the shop says…",
 * 「記事は…と説明しています」). A paraphrase must speak in the page's own voice: the model learns
 * from n-grams, and phrases no real page contains would become evidence for whichever class the
 * describing writer happened to gather, and never fire in a browser. The patterns leave out what
 * real pages say of themselves or quote: 当サイト/本記事/この記事 (a page's own words), "this page
 * explains", news phrasing such as 「…と述べています」「…と呼びかけています」 and package inserts'
 * 「…と書かれています」.
 */
const NARRATION: readonly RegExp[] = [
  /\b(?:the|this) (?:shop|seller|store|vendor|writer|author|blogger|article|post|page)(?:'s (?:page|site|text))? (?:also |then |further )?(?:says|said|writes|wrote|tells|claims|calls|lists|names|goes on|adds|boasts|urges|insists|asserts|argues|mentions|promises|stresses)\b/i,
  /\b(?:the )?(?:shops|sellers|vendors|authors|writers) (?:also )?(?:say|claim|write|list|boast)\b/i,
  /\b(?:in its telling|according to the (?:page|shop|seller|store|article|post|author|writer))\b/i,
  /(?<![当本弊の])(?:記事|筆者|著者|ページ|サイト|ショップ|販売者|投稿者|ブログ)(?:は|では|側は)[^。\n]{0,60}(?:説明|紹介|案内|強調|主張|解説)(?:し(?:て|てい)(?:いる|います|いた|おり)|した|する)/,
  /と(?:説明し|紹介し|案内し|強調し|主張し|解説し|うたっ|付け加え|書い)て(?:いる|います|いた|おり)/,
  /と(?:説明|紹介|解説)(?:した|する)(?:。|$)/,
  /(?:と筆者|次の見出し|という整理です)/,
];

/**
 * The sentences of a text that describe its page instead of speaking as it: one hit (the words
 * matched) per such sentence, however many patterns match it.
 */
export function narrationHits(text: string): string[] {
  const hits: string[] = [];
  for (const sentence of text.split(/(?<=[。！？!?])|\n|(?<=\.)\s+/)) {
    for (const pattern of NARRATION) {
      const m = pattern.exec(sentence);
      if (m) {
        hits.push(m[0]);
        break;
      }
    }
  }
  return hits;
}

interface Known {
  urls: Map<string, string>;
  sites: Map<string, string>;
  texts: { slug: string; shingled: Shingled }[];
}

function pageText(dir: string, slug: string): string | null {
  const file = join(dir, 'pages', `${slug}.txt`);
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

function learn(known: Known, dir: string, label: string): void {
  if (!existsSync(join(dir, 'index.json'))) return;
  for (const entry of readIndex(dir)) {
    known.urls.set(urlKey(entry.url), `${label}:${entry.slug}`);
    const site = siteOfUrl(entry.url);
    if (site && !known.sites.has(site)) known.sites.set(site, `${label}:${entry.slug}`);
    const raw = pageText(dir, entry.slug);
    if (raw)
      known.texts.push({
        slug: `${label}:${entry.slug}`,
        shingled: shingle(parseTextPage(raw).text),
      });
  }
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DEFAULT_CORPUS = join(ROOT, 'data/corpus');
export const DEFAULT_HOLDOUT = join(ROOT, 'data/holdout');

export interface CheckOptions {
  /** The folder is (part of) a held-out set: no page may come from a training site. */
  heldOut?: boolean;
  /** The training corpus (data/corpus). */
  corpus?: string;
  /** The held-out set (data/holdout). */
  holdout?: string;
  /** Folders bound for the other side of the line (see the header): URLs, texts and sites. */
  others?: readonly string[];
}

export interface CheckResult {
  problems: string[];
  notes: string[];
  summary: string;
}

export function checkFolder(dir: string, options: CheckOptions = {}): CheckResult {
  const heldOut = options.heldOut ?? false;
  const corpusDir = options.corpus ?? DEFAULT_CORPUS;
  const holdoutDir = options.holdout ?? DEFAULT_HOLDOUT;
  for (const required of [corpusDir, holdoutDir])
    if (!existsSync(join(required, 'index.json')))
      throw new Error(`${required}/index.json not found: nothing to check the folder against`);
  const self = resolve(dir);
  const fresh = (): Known => ({ urls: new Map(), sites: new Map(), texts: [] });
  // The folder's own side (sites shared with it are only a note) and the other side (a shared
  // site is a problem); URLs and texts may not repeat anywhere. A folder is never checked
  // against itself (checking data/holdout in place).
  const same = fresh();
  const other = fresh();
  const learnUnlessSelf = (known: Known, folder: string, label: string) => {
    if (resolve(folder) !== self) learn(known, folder, label);
  };
  learnUnlessSelf(heldOut ? other : same, corpusDir, 'corpus');
  learnUnlessSelf(heldOut ? same : other, holdoutDir, 'holdout');
  for (const folder of options.others ?? []) learnUnlessSelf(other, folder, folder);
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
    const where = e.slug;
    if (!(CLASSES as readonly string[]).includes(e.class))
      problems.push(`${where}: class ${e.class}`);
    if (e.lang !== 'ja' && e.lang !== 'en') problems.push(`${where}: lang ${e.lang} (ja or en)`);
    if (!e.note || e.note.length < 15)
      problems.push(`${where}: note missing or too short (say why this class)`);
    if (!e.source || !/https?:\/\//.test(e.source))
      problems.push(
        `${where}: source must name the stored page or repository file read (its address)`,
      );
    const site = siteOfUrl(e.url);
    const url = urlProblem(e.url);
    if (url) problems.push(`${where}: ${url}`);
    const key = urlKey(e.url);
    if (seenUrls.has(key)) problems.push(`${where}: same URL as ${seenUrls.get(key)}`);
    seenUrls.set(key, e.slug);
    if (same.urls.has(key)) problems.push(`${where}: URL already in ${same.urls.get(key)}`);
    if (other.urls.has(key)) problems.push(`${where}: URL already in ${other.urls.get(key)}`);
    if (site && other.sites.has(site))
      problems.push(
        heldOut
          ? `${where}: site ${site} is in the training pages (${other.sites.get(site)}); a held-out page must come from a new site`
          : `${where}: site ${site} is in the held-out pages (${other.sites.get(site)}); a training page must not come from a held-out site`,
      );
    else if (site && same.sites.has(site))
      notes.push(
        `${where}: site ${site} already has pages (${same.sites.get(site)})${heldOut ? '' : '; new sites teach more'}`,
      );
    const raw = pageText(dir, e.slug);
    if (raw === null) {
      problems.push(`${where}: pages/${e.slug}.txt missing`);
      continue;
    }
    // The importer's own parser: what it reads as the URL and the header is what is compared.
    const page = parseTextPage(raw);
    if (page.url !== e.url) problems.push(`${where}: line 1 (${page.url}) is not the index URL`);
    if (page.header.class !== e.class || page.header.lang !== e.lang)
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
    for (const known of [...mine, ...same.texts, ...other.texts])
      if (similarity(shingled, known.shingled) >= NEAR_DUPLICATE) {
        problems.push(`${where}: near-duplicate of ${known.slug}`);
        break;
      }
    mine.push({ slug: e.slug, shingled });
    const k = `${e.class}/${e.lang}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const sites = new Set(entries.map((e) => siteOfUrl(e.url)).filter(Boolean));
  const perClass = [...counts].map(([k, n]) => `${k} ${n}`).join(', ');
  const summary = `${entries.length} pages, ${sites.size} sites; ${perClass}; ${problems.length} problems`;
  return { problems, notes, summary };
}

const USAGE = 'usage: npx tsx tools/corpus-check.ts <dir> [--held-out] [--others dir,dir]';

export function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { 'held-out': { type: 'boolean' }, others: { type: 'string' } },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const [dir, ...rest] = parsed.positionals;
  if (!dir || rest.length > 0 || parsed.values.others === '') {
    console.error(USAGE);
    return 2;
  }
  let result: CheckResult;
  try {
    result = checkFolder(dir, {
      heldOut: parsed.values['held-out'] ?? false,
      others: parsed.values.others?.split(',').filter(Boolean) ?? [],
    });
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  for (const line of result.problems) console.log(`PROBLEM ${line}`);
  for (const line of result.notes) console.log(`note    ${line}`);
  console.log(result.summary);
  return result.problems.length > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  process.exitCode = main(process.argv.slice(2));
