// Scale benchmarks in real Chromium with the built extension: a list of a million domains added
// by URL (downloaded, imported, indexed, stored, pre-load rules installed; timed against the same
// build in Node), then the service worker stopped again and again and the time from waking it to
// its first verdict, against a blank MV3 worker's wake to its first reply in the same browser (the
// floor Chrome imposes); and, in a fresh browser, how long Chrome takes to install pre-load rules
// of 10k, 100k and 1M domains.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionBrowser } from '../../tests/e2e/browser';
import { tabIdOf } from '../../tests/e2e/helpers';
import type { ListsView } from '../../utils/lists/view';
import type { RefreshResult } from '../../utils/lists/refresher';
import { percentile, row, type BenchRow } from './common';
import { syntheticDomains } from './domains';
import { child } from './scale-build';
import { StaticServer } from './static-server';
import { WAKE_MARKS_GLOBAL } from '../../utils/core/wake-marks';
import { IMPORT_MARKS_GLOBAL } from '../../utils/lists/import-marks';

/** Wake → first verdict p95, against the blank worker's wake → first reply p95. */
export const WAKE_BUDGET = 2;
/** Build and store in Chromium, against the Node build of the same list. */
export const STORE_BUDGET = 1.5;
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

/**
 * Wait until a freshly installed extension has finished its first-run work: the packaged lists
 * imported and stored, the pre-load rules in place. `lists.get` waits for the lists and rules
 * (the handlers' ready()), but the install event's own pass over the packaged lists and its rules
 * rebuild may still be running: the lists' generations and the rules' marker are read again each
 * second until two reads agree. Returns how long that took.
 */
export async function settled(page: Page, limitMs = 60_000): Promise<number> {
  const started = Date.now();
  let last = '';
  while (Date.now() - started < limitMs) {
    const state = await page.evaluate(async () => {
      const view = (
        (await chrome.runtime.sendMessage({ type: 'lists.get' })) as { data: ListsView }
      ).data;
      return JSON.stringify([view.lists.map((l) => [l.id, l.generation]), view.dnr]);
    });
    if (state === last) break;
    last = state;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return Date.now() - started;
}

/**
 * Add the list by URL from an extension page, as the options page does; resolves when installed.
 * The extension's first-run work is let finish first (settled): the row times the big list's
 * import, index and write, not the packaged lists' installs running beside it on the same thread.
 */
export async function addBigList(
  ext: ExtensionBrowser,
  url: string,
): Promise<{ result: RefreshResult; ms: number; view: ListsView; page: Page }> {
  const page = await ext.extensionPage('options.html');
  if (process.env.KG_BENCH_NO_SETTLE === undefined) await settled(page);
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

/**
 * A blank MV3 extension: a worker that answers one message and a page to send it from. Written
 * to a temporary folder; loaded beside ours, its wake → first reply is the floor for ours.
 */
function writeBlankExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kg-blank-'));
  const files: Record<string, string> = {
    'manifest.json': JSON.stringify({
      manifest_version: 3,
      name: 'Blank worker (benchmark floor)',
      version: '1.0',
      background: { service_worker: 'floor-worker.js' },
    }),
    'floor-worker.js':
      'chrome.runtime.onMessage.addListener((message, _sender, reply) => { reply({ ok: true, data: message.type }); });\n',
    'page.html': '<!doctype html><title>floor</title>',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

export interface WakeTarget {
  /** A page of the extension (it sends the message). */
  page: Page;
  extensionId: string;
  message: unknown;
}

/**
 * How long after stopping the workers a wake is asked for: 200 ms by default, as the row has
 * always been measured. An origin's database is then still open in the browser (Chromium closes it
 * a few seconds after its last connection), as it is not for a worker woken after Chrome's 30 s
 * idle stop: KG_WAKE_GAP_MS=3000 measures wakes that open it cold (session 21).
 */
const WAKE_GAP_MS = Number(process.env.KG_WAKE_GAP_MS ?? 200);

/**
 * Stop every worker (as Chrome does when idle), then time one request from `target`'s page until
 * its answer; targets take turns, so both see the same moments of a shared machine.
 */
export async function wakeTimes(
  ext: ExtensionBrowser,
  targets: WakeTarget[],
  runs: number,
): Promise<number[][]> {
  // One DevTools session per page: each can see and stop its own extension's worker.
  const status = new Map<string, string>();
  const sessions = await Promise.all(
    targets.map(async (target) => {
      const cdp = await ext.context.newCDPSession(target.page);
      cdp.on(
        'ServiceWorker.workerVersionUpdated',
        (event: { versions: { scriptURL: string; runningStatus: string }[] }) => {
          for (const v of event.versions) status.set(new URL(v.scriptURL).host, v.runningStatus);
        },
      );
      await cdp.send('ServiceWorker.enable');
      return cdp;
    }),
  );
  const times: number[][] = targets.map(() => []);
  for (let i = 0; i < runs; i += 1) {
    for (const [t, target] of targets.entries()) {
      for (const cdp of sessions) await cdp.send('ServiceWorker.stopAllWorkers');
      const deadline = Date.now() + 10_000;
      while (status.get(target.extensionId) !== 'stopped' && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, WAKE_GAP_MS));
      const ms = await target.page.evaluate(async (message) => {
        const started = performance.now();
        const answer = (await chrome.runtime.sendMessage(message)) as { ok: boolean } | undefined;
        if (!answer?.ok) throw new Error('no answer');
        return performance.now() - started;
      }, target.message);
      times[t]!.push(ms);
    }
  }
  for (const cdp of sessions) await cdp.detach();
  return times;
}

/**
 * Where our wakes' time goes: `runs` more wakes of the first target, each followed by reading the
 * woken worker's trace (utils/core/wake-marks.ts). Returns each mark's median time since the
 * worker started, in the order the marks came, as "label median" text.
 */
export async function wakeTrace(
  ext: ExtensionBrowser,
  target: WakeTarget,
  runs: number,
): Promise<{ answeredMs: number; trace: string }> {
  const cdp = await ext.context.newCDPSession(target.page);
  await cdp.send('ServiceWorker.enable');
  const byLabel = new Map<string, number[]>();
  for (let i = 0; i < runs; i += 1) {
    await cdp.send('ServiceWorker.stopAllWorkers');
    await new Promise((r) => setTimeout(r, 400));
    const sent = await target.page.evaluate(async (message) => {
      const started = performance.now();
      await chrome.runtime.sendMessage(message);
      return performance.now() - started;
    }, target.message);
    const marks = await workerGlobal<[string, number][]>(ext, WAKE_MARKS_GLOBAL);
    if (!marks) continue;
    if (process.env.KG_WAKE_RAW)
      console.error(`wake ${i}: ${marks.map(([l, ms]) => `${l} ${ms.toFixed(0)}`).join(', ')}`);
    for (const [label, ms] of [...marks, ['answer received (page)', sent] as [string, number]]) {
      const key = label.replace(/\(\d+ hosts\)/, '');
      byLabel.set(key, [...(byLabel.get(key) ?? []), ms]);
    }
  }
  await cdp.detach();
  const answered = byLabel.get('answered');
  return {
    answeredMs: answered ? percentile(answered, 50) : NaN,
    trace: [...byLabel]
      .map(([label, values]) => `${label} ${percentile(values, 50).toFixed(0)}`)
      .join(', '),
  };
}

/** A value the worker keeps on its global (its wake or import marks); null if it cannot be read. */
async function workerGlobal<T>(ext: ExtensionBrowser, name: string): Promise<T | null> {
  const worker = await ext.worker();
  return (await worker
    .evaluate((key) => (globalThis as unknown as Record<string, unknown>)[key], name)
    .catch(() => null)) as T | null;
}

/**
 * The worker's trace of its last import (utils/lists/import-marks.ts) as "label +ms" steps, each
 * the time since the step before it.
 */
async function importSteps(ext: ExtensionBrowser): Promise<string> {
  const marks = await workerGlobal<[string, number][]>(ext, IMPORT_MARKS_GLOBAL);
  if (!marks || marks.length === 0) return 'no import trace (a build without import marks)';
  let before = 0;
  return `steps in the worker (ms): ${marks
    .map(([step, at]) => {
      const took = at - before;
      before = at;
      return `${step} +${took.toFixed(0)}`;
    })
    .join(', ')}`;
}

export async function scaleChromiumRows(
  count: number,
  wakeRuns: number,
  ruleSizes: number[],
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const { server } = await serveBigList(count);
  // The Node build of the same list, cold and by the wall clock like the extension's, measured
  // right before it so that both see the same load on a shared machine.
  const nodeBuildMs = child('build-once', count, 'synthetic').wallMs!;
  const blank = writeBlankExtension();
  const ext = await launchExtension({ bigList: false, alsoLoad: [blank] });
  try {
    const { result, ms, view, page } = await addBigList(ext, server.namedUrl('/big-list.txt'));
    if (result.outcome !== 'updated')
      throw new Error(`the big list was not added: ${JSON.stringify(result)}`);
    const record = view.lists.find((l) => l.id === result.record.id)!;
    const storeMs = record.status.lastImportMs ?? NaN;
    const steps = await importSteps(ext);
    rows.push(
      row(
        `building and storing the index from a ${label(count)}-domain list (Chromium), × the Node build`,
        storeMs / nodeBuildMs,
        '×',
        STORE_BUDGET,
        `${(storeMs / 1000).toFixed(1)} s (import, index, IndexedDB write) against ${(nodeBuildMs / 1000).toFixed(1)} s for a cold import and index of a list of the same size in Node, just before; with download and pre-load rules ${(ms / 1000).toFixed(1)} s in all; ${steps}`,
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
    // No wakes asked for: the build and store rows alone (`--only-build`).
    if (wakeRuns === 0) return rows;
    const tab = await ext.context.newPage();
    await tab.goto(`http://ordinary-site.example:${server.port}/page.html`);
    const tabId = await tabIdOf(ext, tab);
    const blankWorker = ext.context
      .serviceWorkers()
      .find((w) => w.url().endsWith('/floor-worker.js'));
    const blankId = new URL(
      (
        blankWorker ??
        (await ext.context.waitForEvent('serviceworker', {
          predicate: (w) => w.url().endsWith('/floor-worker.js'),
        }))
      ).url(),
    ).host;
    const blankPage = await ext.context.newPage();
    await blankPage.goto(`chrome-extension://${blankId}/page.html`);
    const [ours, floor] = await wakeTimes(
      ext,
      [
        { page, extensionId: ext.extensionId, message: { type: 'verdict.get', tabId } },
        { page: blankPage, extensionId: blankId, message: { type: 'ping' } },
      ],
      wakeRuns,
    );
    const [p95, floorP95] = [percentile(ours!, 95), percentile(floor!, 95)];
    rows.push(
      row(
        `service worker wake → first verdict p95, ${label(count)} domains (Chromium), × a blank worker's`,
        p95 / floorP95,
        '×',
        WAKE_BUDGET,
        `ours p95 ${p95.toFixed(0)} ms (median ${percentile(ours!, 50).toFixed(0)}), a blank MV3 worker's wake → first reply p95 ${floorP95.toFixed(0)} ms (median ${percentile(floor!, 50).toFixed(0)}), ${ours!.length} wakes each, taking turns`,
      ),
    );
    const { answeredMs, trace } = await wakeTrace(
      ext,
      { page, extensionId: ext.extensionId, message: { type: 'verdict.get', tabId } },
      Math.max(3, Math.round(wakeRuns / 3)),
    );
    rows.push(
      row(
        `service worker start → first verdict answered, ${label(count)} domains (Chromium, median; where the time goes)`,
        answeredMs,
        'ms',
        null,
        trace
          ? `ms since the worker started, medians of ${Math.max(3, Math.round(wakeRuns / 3))} more wakes: ${trace}`
          : 'no trace (a build without wake marks)',
      ),
    );
  } finally {
    await ext.close();
    await server.stop();
    rmSync(blank, { recursive: true, force: true });
  }
  // Installing rules of each size, in a fresh browser (nothing else installed).
  if (ruleSizes.length === 0) return rows;
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
