// Scale benchmarks in real Chromium with the built extension: a list of a million domains added
// by URL (downloaded, imported, indexed, stored, pre-load rules installed), then the service
// worker stopped again and again and the time from waking it to its first verdict; and, in a
// fresh browser, how long Chrome takes to install pre-load rules of 10k, 100k and 1M domains.
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionBrowser } from '../../tests/e2e/browser';
import { tabIdOf } from '../../tests/e2e/helpers';
import type { ListsView } from '../../utils/lists/view';
import type { RefreshResult } from '../../utils/lists/refresher';
import { percentile, row, type BenchRow } from './common';
import { syntheticDomains } from './domains';
import { StaticServer } from './static-server';

export const WAKE_BUDGET_MS = 100;
export const STORE_BUDGET_MS = 5000;
/** Chrome's limits on dynamic rules (see STACK.md). */
export const CHROME_LIMITS = { dynamic: 30_000, unsafeDynamic: 5_000, regex: 1_000 };

const label = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`);

/** Serve a plain domain list of `count` domains and an ordinary page. */
export async function serveBigList(
  count: number,
): Promise<{ server: StaticServer; domains: string[] }> {
  const domains = syntheticDomains(count, 77);
  const server = await new StaticServer().start();
  server.put(
    '/',
    new Map([
      ['big-list.txt', domains.join('\n')],
      [
        'page.html',
        '<!doctype html><html lang="en"><head><title>An ordinary page</title></head><body><h1>Hello</h1><p>Nothing to see.</p></body></html>',
      ],
    ]),
  );
  return { server, domains };
}

/** Add the list by URL from an extension page, as the options page does; resolves when installed. */
export async function addBigList(
  ext: ExtensionBrowser,
  url: string,
): Promise<{ result: RefreshResult; ms: number; view: ListsView; page: Page }> {
  const page = await ext.extensionPage('options.html');
  const { result, ms } = await page.evaluate(async (listUrl) => {
    const started = performance.now();
    const answer = (await chrome.runtime.sendMessage({
      type: 'lists.add',
      url: listUrl,
      format: 'domains',
      action: 'block',
      name: 'A million domains',
    })) as { ok: boolean; data: unknown };
    return { result: answer.data, ms: performance.now() - started };
  }, url);
  const view = await page.evaluate(
    async () =>
      ((await chrome.runtime.sendMessage({ type: 'lists.get' })) as { data: unknown }).data,
  );
  return { result: result as RefreshResult, ms, view: view as ListsView, page };
}

/** Stop the worker (as Chrome does when idle), then time one request until its answer. */
export async function wakeTimes(
  ext: ExtensionBrowser,
  page: Page,
  tabId: number,
  runs: number,
): Promise<number[]> {
  const cdp = await ext.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  let status = 'running';
  cdp.on(
    'ServiceWorker.workerVersionUpdated',
    (event: { versions: { scriptURL: string; runningStatus: string }[] }) => {
      const ours = event.versions.find((v) =>
        v.scriptURL.startsWith(`chrome-extension://${ext.extensionId}/`),
      );
      if (ours) status = ours.runningStatus;
    },
  );
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    await cdp.send('ServiceWorker.stopAllWorkers');
    const deadline = Date.now() + 10_000;
    while (status !== 'stopped' && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 200));
    const ms = await page.evaluate(async (id) => {
      const started = performance.now();
      const answer = (await chrome.runtime.sendMessage({ type: 'verdict.get', tabId: id })) as {
        ok: boolean;
      };
      if (!answer.ok) throw new Error('no verdict');
      return performance.now() - started;
    }, tabId);
    times.push(ms);
  }
  await cdp.detach();
  return times;
}

export async function scaleChromiumRows(
  count: number,
  wakeRuns: number,
  ruleSizes: number[],
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const { server } = await serveBigList(count);
  const ext = await launchExtension({ bigList: false });
  try {
    const { result, ms, view, page } = await addBigList(ext, server.namedUrl('/big-list.txt'));
    if (result.outcome !== 'updated')
      throw new Error(`the big list was not added: ${JSON.stringify(result)}`);
    const record = view.lists.find((l) => l.id === result.record.id)!;
    rows.push(
      row(
        `building and storing the index from a ${label(count)}-domain list (Chromium)`,
        record.status.lastImportMs ?? NaN,
        'ms',
        STORE_BUDGET_MS,
        `import, index, IndexedDB write; with download and pre-load rules ${(ms / 1000).toFixed(1)} s in all`,
      ),
    );
    const dnr = view.dnr!;
    rows.push(
      row(
        `block-level domains without a pre-load rule, ${label(count)} list (Chromium)`,
        dnr.totalBlockDomains - dnr.blockDomains,
        'domains',
        0,
        `${dnr.blockDomains.toLocaleString('en')} covered by ${dnr.ruleCount} rules, installed in ${dnr.installMs} ms (limits: ${CHROME_LIMITS.unsafeDynamic} redirect, ${CHROME_LIMITS.regex} regex, ${CHROME_LIMITS.dynamic} dynamic rules)`,
      ),
    );
    const tab = await ext.context.newPage();
    await tab.goto(`http://ordinary-site.example:${server.port}/page.html`);
    const tabId = await tabIdOf(ext, tab);
    const times = await wakeTimes(ext, page, tabId, wakeRuns);
    rows.push(
      row(
        `service worker wake → first verdict p95, ${label(count)} domains (Chromium)`,
        percentile(times, 95),
        'ms',
        WAKE_BUDGET_MS,
        `median ${percentile(times, 50).toFixed(0)} ms over ${times.length} wakes`,
      ),
    );
  } finally {
    await ext.close();
    await server.stop();
  }
  // Installing rules of each size, in a fresh browser (nothing else installed).
  const fresh = await launchExtension({ bigList: false });
  try {
    const worker = await fresh.worker();
    for (const size of ruleSizes) {
      const ms = await worker.evaluate(async (n) => {
        const domains: string[] = [];
        for (let i = 0; i < n; i += 1) domains.push(`shop${i.toString(36)}-kusuri${i % 97}.com`);
        const rule = {
          id: 900,
          priority: 1,
          action: {
            type: 'redirect',
            redirect: { regexSubstitution: `${chrome.runtime.getURL('/warning.html')}#\\0` },
          },
          condition: {
            regexFilter: '^https?://.*$',
            requestDomains: domains,
            resourceTypes: ['main_frame'],
          },
        } as never;
        const started = performance.now();
        await chrome.declarativeNetRequest.updateDynamicRules({
          removeRuleIds: [900],
          addRules: [rule],
        });
        const took = performance.now() - started;
        await chrome.declarativeNetRequest.updateDynamicRules({
          removeRuleIds: [900],
          addRules: [],
        });
        return took;
      }, size);
      rows.push(
        row(
          `pre-load rule install, ${label(size)} domains (Chromium)`,
          ms,
          'ms',
          null,
          '1 redirect rule',
        ),
      );
    }
  } finally {
    await fresh.close();
  }
  return rows;
}
