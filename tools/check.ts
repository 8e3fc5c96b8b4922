// `npm run check -- <url> [--text FILE | --html FILE] [--json] [--lang ja|en] [--no-fetch]`
// Prints Kusuri Guard's verdict for a URL with the extension's own engine: the bundled lists
// (pre-load blocks, warn-level lists) and the page detector on the page's text. Without --text or
// --html the page is fetched (the URL is what you asked to check); --no-fetch checks lists only.
import { readFileSync } from 'node:fs';
import { packagedFiles } from './lib/bundled-data';
import { defaultCatalog } from '../utils/lists/catalog';
import { importByFormat } from '../utils/lists/import';
import { ListIndex, type IndexedListInput } from '../utils/verdicts/list-index';
import { verdictForUrl } from '../utils/verdicts/compute';
import { packagedLicensed } from '../utils/lists/licensed';
import { renderReason } from '../utils/verdicts/render';
import { scoreDetected } from '../utils/detector/shipped';
import { decodeHtml, pageOfHtml } from './lib/corpus';
import type { TextSample } from '../utils/content/sample';
import type { PageStructure } from '../utils/content/structure';
import type { DetectedPage } from '../utils/detector/model-score';
import { listedLinks, withListedLinks } from '../utils/page/listed-links';
import { sampleMentionsMedicines } from '../utils/content/medicine-gate';
import { displayHost, hostOfUrl, parseTarget } from '../utils/core/hostname';
import { t, type Lang } from '../utils/i18n';
import type { Verdict } from '../utils/verdicts/model';

const FETCH_TIMEOUT_MS = 10_000;
const FETCH_MAX_BYTES = 5 * 1024 * 1024;

export function bundledIndex(): ListIndex {
  const files = Object.fromEntries(packagedFiles());
  const inputs: IndexedListInput[] = [];
  for (const entry of defaultCatalog(null)) {
    const result = importByFormat(entry.format, files[entry.bundledPath]!, {
      meta: entry.meta,
      category: entry.category,
    });
    if (result.ok)
      inputs.push({
        id: entry.id,
        action: entry.action,
        content: result.content,
        format: entry.format,
      });
  }
  return ListIndex.fromContents(inputs);
}

/**
 * A page's HTML over HTTP, decoded by its declared charset: the BOM, the Content-Type header's
 * charset, then <meta charset> / http-equiv (Shift_JIS and EUC-JP pages are still common in Japan,
 * the MHLW's among them).
 */
export async function fetchPage(
  url: string,
  fetchImpl: typeof fetch = fetch,
): Promise<{ html: string; url: string }> {
  const response = await fetchImpl(url, {
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    headers: { 'user-agent': 'KusuriGuard-check/0.1 (+https://github.com/kusuri-guard)' },
    redirect: 'follow',
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const body = await response.arrayBuffer();
  if (body.byteLength > FETCH_MAX_BYTES)
    throw new Error(`the page is larger than ${FETCH_MAX_BYTES} bytes`);
  return {
    html: decodeHtml(new Uint8Array(body), response.headers.get('content-type')),
    // Where the page came from after redirects (a Response made by hand has no url): its links
    // resolve against that address, as the browser's would.
    url: response.url || url,
  };
}

/** An HTML file given with --html, decoded like a fetched page without a header. */
export function readHtmlFile(path: string): string {
  return decodeHtml(readFileSync(path));
}

/** The URL as `check` reads it (a scheme added when typed without one), else as given. */
function canonicalUrl(url: string): string {
  const target = parseTarget(url);
  return target.ok && target.url !== null ? target.url : url;
}

export interface CheckResult {
  verdict: Verdict;
  page: DetectedPage | null;
}

/**
 * The verdict for `url` with the bundled lists and, given the page's sample (and its structural
 * facts, for an HTML page), the detector and the page's links to listed sites, as the extension's
 * page check gives them (utils/page/service.ts; no user allowlist here).
 */
export async function check(
  url: string,
  sample: TextSample | null,
  index = bundledIndex(),
  structure?: PageStructure,
): Promise<CheckResult> {
  const target = parseTarget(url);
  if (!target.ok || target.url === null)
    throw new Error(`not a checkable URL: ${target.ok ? url : target.error}`);
  const host = target.host.host;
  const scored = sample
    ? scoreDetected({
        url: target.url,
        host,
        hostUnicode: displayHost(host),
        ...sample,
        ...(structure && { structure }),
      })
    : null;
  // As the content script: the structure (and its links) only of a page that mentions medicines.
  const linked =
    scored && sample && structure?.hosts?.length && sampleMentionsMedicines(host, sample)
      ? await listedLinks(host, structure.hosts, index, new Set())
      : [];
  const page = withListedLinks(scored, linked);
  const verdict = await verdictForUrl(
    target.url,
    index,
    new Set(),
    Date.now(),
    page ? { ...page, at: Date.now() } : null,
    null,
    packagedLicensed(),
  );
  return { verdict, page };
}

export function formatVerdict(result: CheckResult, lang: Lang): string {
  const { verdict } = result;
  const lines: string[] = [];
  const level =
    verdict.status === 'checked' ? t(lang, `level.${verdict.level}`) : t(lang, 'level.unchecked');
  lines.push(
    `${verdict.displayHost ?? verdict.url ?? ''}: ${level} (score ${verdict.score}/100)${verdict.blocked ? ' — stopped before loading' : ''}`,
  );
  if (result.page)
    lines.push(`  page score ${result.page.score}/100 (${t(lang, `level.${result.page.level}`)})`);
  for (const reason of verdict.reasons) {
    const rendered = renderReason(lang, reason);
    const sign =
      reason.group === 'page' ? ` [${reason.weight >= 0 ? '+' : ''}${reason.weight}]` : '';
    lines.push(`  - ${rendered.title}${sign}`);
    for (const detail of rendered.details) lines.push(`      ${detail}`);
    for (const source of rendered.sources)
      lines.push(`      ${source.url ?? source.label}${source.date ? ` (${source.date})` : ''}`);
  }
  if (verdict.reasons.length === 0) lines.push(`  ${t(lang, 'popup.noReasons')}`);
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const flag = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const url = argv.find(
    (a, i) => !a.startsWith('--') && !['--text', '--html', '--lang'].includes(argv[i - 1] ?? ''),
  );
  if (!url) {
    console.error(
      'usage: npm run check -- <url> [--text FILE | --html FILE] [--json] [--lang ja|en] [--no-fetch]',
    );
    return 2;
  }
  const lang: Lang = flag('--lang') === 'ja' ? 'ja' : 'en';
  /** The address as checked (a scheme added when typed without one). */
  const asked = canonicalUrl(url);
  let sample: TextSample | null = null;
  let structure: PageStructure | undefined;
  /** Where a fetch ended when redirects took it to another host (a doorway sending visitors on). */
  let servedFrom: string | null = null;
  try {
    const textFile = flag('--text');
    const htmlFile = flag('--html');
    if (textFile)
      sample = {
        title: '',
        meta: '',
        headings: '',
        text: readFileSync(textFile, 'utf8').slice(0, 40_000),
      };
    else if (htmlFile)
      // Links resolve against the address as checked (`example.com` typed without a scheme).
      ({ sample, structure } = await pageOfHtml(readHtmlFile(htmlFile), asked));
    else if (!argv.includes('--no-fetch')) {
      const fetched = await fetchPage(asked);
      if (hostOfUrl(fetched.url)?.host !== hostOfUrl(asked)?.host) {
        servedFrom = fetched.url;
        console.error(`The page was served from ${fetched.url} after redirects.`);
      }
      ({ sample, structure } = await pageOfHtml(fetched.html, fetched.url));
    }
  } catch (error) {
    console.error(
      `Could not read the page: ${error instanceof Error ? error.message : String(error)} (checking lists only)`,
    );
  }
  let result: CheckResult;
  let served: CheckResult | null = null;
  try {
    // After a redirect to another host the page's words are that host's: the address asked for
    // is checked against the lists alone, and the address that served the page with the page,
    // as the browser would check the tab where the redirects ended.
    result = await check(
      url,
      servedFrom ? null : sample,
      undefined,
      servedFrom ? undefined : structure,
    );
    if (servedFrom) served = await check(servedFrom, sample, undefined, structure);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
  if (argv.includes('--json'))
    console.log(
      JSON.stringify(
        served ? { asked: result.verdict, servedFrom: served.verdict } : result.verdict,
        null,
        2,
      ),
    );
  else
    console.log(
      served
        ? `${formatVerdict(result, lang)}\n\n${formatVerdict(served, lang)}`
        : formatVerdict(result, lang),
    );
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`)
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
