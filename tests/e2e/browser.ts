// Launches Debian's Chromium with the built extension (see STACK.md for the flags).
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const DIST = resolve(process.env.KG_DIST ?? '.output/chrome-mv3');
/** The build made with `npm run build:e2e`: the production code plus a test-only RDAP override. */
export const E2E_DIST = resolve('.output/chrome-mv3-e2e');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = resolve('test-results');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  profileDir: string;
  worker(): Promise<Worker>;
  extensionPage(path: string): Promise<Page>;
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

export async function launchExtension(
  options: {
    lang?: 'en' | 'ja';
    profileDir?: string;
    extraArgs?: string[];
    dist?: string;
    /** Leave out the big list of KG_E2E_BIG_LIST (a relaunch of a profile that has it). */
    bigList?: boolean;
    /** Other unpacked extensions to load beside ours (the benchmarks' blank worker). */
    alsoLoad?: string[];
    /**
     * Run headed on this X display (see x-display.ts), the window filling the screen from its
     * top-left corner: headless Chromium draws no toolbar.
     */
    display?: string;
    /** Pin our toolbar button, as a user does from the extensions menu. */
    pinned?: boolean;
    /** Headed window size, "width,height" (default the 1280×800 of store screenshots). */
    windowSize?: string;
    /**
     * Keep Chrome's own navigation rate limit, as a user's browser has it (Playwright turns it off
     * with --disable-ipc-flooding-protection). Without it a page calling pushState every 10 ms
     * saturates Chromium's own browser thread, extension or not, and every CDP call queues.
     */
    navigationRateLimit?: boolean;
  } = {},
): Promise<ExtensionBrowser> {
  const dist = options.dist ?? DIST;
  if (!existsSync(join(dist, 'manifest.json'))) {
    throw new Error(
      `No built extension at ${dist}: run \`npm run build\` (and \`npm run build:e2e\`) first.`,
    );
  }
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'kg-e2e-'));
  const expectedId = unpackedExtensionId(dist);
  const headed = options.display !== undefined;
  writeFirstPreferences(profileDir, {
    ...(options.pinned ? { pinned: expectedId } : {}),
    headed,
  });
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: !headed,
    ...(options.navigationRateLimit
      ? { ignoreDefaultArgs: ['--disable-ipc-flooding-protection'] }
      : {}),
    ...(headed
      ? {
          // Chromium on Linux takes its own menus' and tooltips' language from LANGUAGE, not
          // from --lang (which sets the pages' navigator.language); the translations come from
          // chromium-l10n, installed by tools/ci/system-deps.sh.
          env: { ...process.env, DISPLAY: options.display, LANGUAGE: options.lang ?? 'en' },
          // The window's own size, not an emulated viewport inside it.
          viewport: null,
        }
      : {}),
    args: [
      `--disable-extensions-except=${[dist, ...(options.alsoLoad ?? [])].join(',')}`,
      `--load-extension=${[dist, ...(options.alsoLoad ?? [])].join(',')}`,
      '--host-resolver-rules=MAP * 127.0.0.1',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--lang=${options.lang ?? 'en'}`,
      ...(headed
        ? [
            '--window-position=0,0',
            `--window-size=${options.windowSize ?? '1280,800'}`,
            // No "unsupported command-line flag" bar over the page (--no-sandbox, resolver rules).
            '--test-type',
          ]
        : []),
      ...(options.extraArgs ?? []),
    ],
  });
  // Ours is background.js (another extension loaded beside it has a worker of its own).
  const ours = (w: Worker) =>
    w.url().startsWith('chrome-extension://') && w.url().endsWith('/background.js');
  const worker = async (): Promise<Worker> => {
    const existing = context.serviceWorkers().find(ours);
    if (existing) return existing;
    return context.waitForEvent('serviceworker', { predicate: ours, timeout: 20_000 });
  };
  const first = await worker();
  const extensionId = new URL(first.url()).host;
  if (options.pinned && extensionId !== expectedId) {
    await context.close();
    throw new Error(`pinned ${expectedId}, but Chromium loaded ${dist} as ${extensionId}`);
  }
  if (BIG_LIST > 0 && options.bigList !== false) await subscribeBigList(context, extensionId);
  return {
    context,
    extensionId,
    profileDir,
    worker,
    async extensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close(closeOptions = {}) {
      await context.close();
      if (!closeOptions.keepProfile) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/**
 * The id Chromium gives an unpacked extension without a manifest `key`: the first 128 bits of the
 * SHA-256 of its absolute path, each hex digit written as a letter a–p.
 */
export function unpackedExtensionId(dist: string): string {
  return [...createHash('sha256').update(resolve(dist)).digest('hex').slice(0, 32)]
    .map((digit) => String.fromCharCode(97 + parseInt(digit, 16)))
    .join('');
}

/**
 * Preferences for a new profile, written before Chromium starts (it reads them then).
 * `pinned`: Chromium keeps the pinned toolbar buttons in `extensions.pinned_extensions`. (The
 * managed policy `ExtensionSettings: { <id>: { toolbar_pin: 'force_pinned' } }` pins an unpacked
 * extension too, but needs a file under /etc/chromium that every Chromium on the machine reads.)
 * Headed, Chromium's translate bubble is turned off: it offers to translate the Japanese fixture
 * pages over the toolbar in the screenshots.
 */
function writeFirstPreferences(
  profileDir: string,
  options: { pinned?: string; headed: boolean },
): void {
  if (!options.pinned && !options.headed) return;
  const prefs = join(profileDir, 'Default', 'Preferences');
  if (existsSync(prefs)) throw new Error(`first preferences need a new profile; ${prefs} exists`);
  mkdirSync(join(profileDir, 'Default'), { recursive: true });
  writeFileSync(
    prefs,
    JSON.stringify({
      ...(options.pinned ? { extensions: { pinned_extensions: [options.pinned] } } : {}),
      ...(options.headed ? { translate: { enabled: false } } : {}),
    }),
  );
}

export interface InstalledRule {
  id: number;
  action: string;
  domains: number;
}

/** Wait until the background's pre-load rules satisfy `predicate` (they install asynchronously). */
export async function waitForRules(
  ext: ExtensionBrowser,
  predicate: (rules: InstalledRule[]) => boolean = (rules) =>
    rules.some((r) => r.action === 'redirect'),
): Promise<InstalledRule[]> {
  // A wait, not a timed check: on a 2-core machine under load the first install takes 20 s+.
  const deadline = Date.now() + 45_000;
  for (;;) {
    const worker = await ext.worker();
    const rules = await worker.evaluate(async () =>
      (await chrome.declarativeNetRequest.getDynamicRules()).map((r) => ({
        id: r.id,
        action: r.action.type as string,
        domains: r.condition.requestDomains?.length ?? 0,
      })),
    );
    if (predicate(rules)) return rules;
    if (Date.now() > deadline) throw new Error(`rules not as expected: ${JSON.stringify(rules)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Wait until a pre-load rule stops `domain` (rules install asynchronously). */
export async function waitForBlockedDomain(ext: ExtensionBrowser, domain: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const worker = await ext.worker();
    const found = await worker.evaluate(
      async (wanted) =>
        (await chrome.declarativeNetRequest.getDynamicRules()).some(
          (r) => r.action.type === 'redirect' && r.condition.requestDomains?.includes(wanted),
        ),
      domain,
    );
    if (found) return;
    if (Date.now() > deadline) throw new Error(`no pre-load rule for ${domain}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * KG_E2E_BIG_LIST=<n> runs every end-to-end test with a list of n generated domains subscribed
 * (the suite "with a million-domain list loaded"): each launch adds it by URL, as a user would,
 * and waits until it is installed.
 */
const BIG_LIST = Number(process.env.KG_E2E_BIG_LIST ?? 0);
let bigListServer: Promise<string> | null = null;

function bigListUrl(): Promise<string> {
  bigListServer ??= (async () => {
    const { syntheticDomains } = await import('../../tools/bench/domains');
    const { StaticServer } = await import('../../tools/bench/static-server');
    const server = (await new StaticServer().start()).unref();
    server.put('/', new Map([['big-list.txt', syntheticDomains(BIG_LIST, 77).join('\n')]]));
    return server.namedUrl('/big-list.txt');
  })();
  return bigListServer;
}

async function subscribeBigList(context: BrowserContext, extensionId: string): Promise<void> {
  const url = await bigListUrl();
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    const outcome = await addBlockListByUrl(page, url, 'Generated big list');
    if (outcome !== 'updated' && outcome !== 'unchanged')
      throw new Error(`the big list was not added: ${outcome}`);
  } finally {
    await page.close();
  }
}

/**
 * Subscribe to a block list of domains by URL from one of the extension's pages, as the options
 * page's form does; resolves with the first download's outcome ("updated", …) once it is stored,
 * or with the error the background answered.
 */
export function addBlockListByUrl(page: Page, url: string, name: string): Promise<string> {
  return page.evaluate(
    async ({ listUrl, listName }) => {
      const answer = (await chrome.runtime.sendMessage({
        type: 'lists.add',
        url: listUrl,
        format: 'domains',
        action: 'block',
        name: listName,
      })) as { ok: boolean; data?: { outcome: string }; error?: string; detail?: string };
      return answer.ok
        ? answer.data!.outcome
        : `error: ${answer.error}${answer.detail ? ` (${answer.detail})` : ''}`;
    },
    { listUrl: url, listName: name },
  );
}
