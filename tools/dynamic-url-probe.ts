// `npx tsx tools/dynamic-url-probe.ts` (after `npm run build`): would `use_dynamic_url` on
// warning.html keep the pre-load redirect working while pages can no longer load warning.html to
// tell that Kusuri Guard is installed? (README, "Hostile pages".) The built extension (which ships
// `use_dynamic_url: true`) is copied twice, one copy's manifest without it (the static address
// web-accessible, as before issue 11's last point); Chromium then loads both, and each kind
// of navigation to a listed site is tried in both. Prints where each one ended, what a page's
// probes of the static URL found, and click → warning page times side by side (median of 8).
// An experiment, not a test: it records what this Chromium does, so the question can be asked
// again when Chromium changes.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DIST, launchExtension, waitForRules, type ExtensionBrowser } from '../tests/e2e/browser';
import { FixtureServer, simplePage } from '../tests/e2e/fixture-server';

const LISTED = 'joa2020.jp'; // in the bundled default list
const RUNS = Number(process.env.KG_PROBE_RUNS ?? 8);

/** A copy of the build whose warning.html is web-accessible at the per-session URL only, or not. */
function copyWith(useDynamicUrl: boolean): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'kg-dyn-')), 'chrome-mv3');
  cpSync(DIST, dir, { recursive: true });
  const path = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as {
    web_accessible_resources: { use_dynamic_url?: boolean }[];
  };
  for (const entry of manifest.web_accessible_resources)
    if (useDynamicUrl) entry.use_dynamic_url = true;
    else delete entry.use_dynamic_url;
  writeFileSync(path, JSON.stringify(manifest));
  return dir;
}

type Navigate = (page: Page, url: string, ext: ExtensionBrowser) => Promise<unknown>;

/** How a user (or a page) reaches a listed site. */
const NAVIGATIONS: Record<string, Navigate> = {
  'link in a page': (page, url) => page.evaluate((u) => (location.href = u), url),
  'link with target=_blank': (page, url) =>
    page.evaluate((u) => {
      const a = Object.assign(document.createElement('a'), { href: u, target: '_blank' });
      document.body.append(a);
      a.click();
    }, url),
  'form POST': (page, url) =>
    page.evaluate((u) => {
      const form = Object.assign(document.createElement('form'), { method: 'POST', action: u });
      document.body.append(form);
      form.submit();
    }, url),
  'sandboxed frame navigating the top (opaque initiator)': (page, url) =>
    page.evaluate((u) => {
      const frame = document.createElement('iframe');
      frame.setAttribute('sandbox', 'allow-scripts allow-top-navigation');
      frame.srcdoc = `<script>top.location.href = ${JSON.stringify(u)}</script>`;
      document.body.append(frame);
    }, url),
  'iframe in an unlisted page (sub_frame)': (page, url) =>
    page.evaluate((u) => {
      const frame = Object.assign(document.createElement('iframe'), { src: u });
      document.body.append(frame);
    }, url),
  'address typed by the browser (CDP Page.navigate, no initiator)': (page, url) =>
    page.goto(url).catch(() => undefined),
  'tabs.update from the extension': async (page, url, ext) => {
    const worker = await ext.worker();
    await worker.evaluate(async (u) => {
      const [tab] = await chrome.tabs.query({ url: 'http://plain.example/*' });
      await chrome.tabs.update(tab!.id!, { url: u });
    }, url);
  },
};

/** Where a navigation ended: a warning page (top or frame), Chromium's error page, or else. */
async function outcome(ext: ExtensionBrowser, page: Page): Promise<string> {
  await new Promise((r) => setTimeout(r, 2500));
  const urls = ext.context.pages().flatMap((p) => p.frames().map((f) => f.url()));
  if (urls.some((u) => u.includes('/warning.html#'))) return 'warning page';
  if (urls.some((u) => u.startsWith('chrome-error:'))) {
    const text = await page
      .locator('body')
      .innerText()
      .catch(() => '');
    return `Chromium error page (${/ERR_[A-Z_]+/.exec(text)?.[0] ?? 'blocked frame'})`;
  }
  return `ended at ${page.url()}`;
}

/** What a web page's probes of the extension's static warning.html URL find. */
async function probes(page: Page, url: string): Promise<Record<string, string>> {
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  const found = await page.evaluate(async (url) => {
    const fetched = await fetch(url).then(
      (r) => `loaded (${r.status})`,
      () => 'refused',
    );
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: url });
    const linked = await new Promise<string>((resolve) => {
      link.onload = () => resolve('loaded');
      link.onerror = () => resolve('refused');
      document.head.append(link);
      setTimeout(() => resolve('no answer in 3 s'), 3000);
    });
    return { fetch: fetched, '<link>': linked };
  }, url);
  return { ...found, '<iframe>': await framed(page, url) };
}

/** Whether `url` loads in a frame of `page`, as the frame's real address shows (not the page). */
async function framed(page: Page, url: string): Promise<string> {
  await page.evaluate((u) => {
    const frame = Object.assign(document.createElement('iframe'), { src: u });
    document.body.append(frame);
  }, url);
  await new Promise((r) => setTimeout(r, 2000));
  const frames = page
    .frames()
    .slice(1)
    .map((f) => f.url());
  if (frames.some((f) => f.startsWith('chrome-error:'))) return 'refused (error page)';
  return frames.some((f) => f.includes('/warning.html')) ? 'loaded' : `? ${frames.join(' ')}`;
}

/** Milliseconds from a link click to the warning page's URL, and to its headline on screen. */
async function clickToWarning(ext: ExtensionBrowser, server: FixtureServer): Promise<number[]> {
  const page = await ext.context.newPage();
  await page.goto(server.url('plain.example'));
  const started = Date.now();
  await page.evaluate((u) => (location.href = u), server.url(LISTED, '/shop'));
  await page.waitForURL(/\/warning\.html#/, { timeout: 20_000 });
  const atUrl = Date.now() - started;
  await page.locator('#headline').waitFor({ timeout: 20_000 });
  const atHeadline = Date.now() - started;
  await page.close();
  return [atUrl, atHeadline];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

const server = await new FixtureServer()
  .page('*', '/', simplePage('Plain', '<p>A plain page.</p>'))
  .page('*', '/shop', simplePage('Shop', '<p>A shop.</p>'))
  .start();
const staticDist = copyWith(false);
const dynamicDist = copyWith(true);
const builds = {
  'static (before)': await launchExtension({ bigList: false, dist: staticDist }),
  'use_dynamic_url (as shipped)': await launchExtension({ bigList: false, dist: dynamicDist }),
};
try {
  for (const [name, ext] of Object.entries(builds)) {
    await waitForRules(ext);
    const worker = await ext.worker();
    const url = await worker.evaluate(() => chrome.runtime.getURL('/warning.html'));
    console.log(`\n${name}: runtime.getURL('warning.html') = ${url}`);
    for (const [how, navigate] of Object.entries(NAVIGATIONS)) {
      const page = await ext.context.newPage();
      await page.goto(server.url('plain.example'));
      await navigate(page, server.url(LISTED, '/shop'), ext);
      console.log(`  ${how}: ${await outcome(ext, page)}`);
      for (const p of ext.context.pages()) await p.close();
    }
    const page = await ext.context.newPage();
    await page.goto(server.url('prober.example'));
    const staticUrl = `chrome-extension://${ext.extensionId}/warning.html`;
    console.log(`  a page probing ${staticUrl}:`);
    for (const [probe, result] of Object.entries(await probes(page, staticUrl)))
      console.log(`    ${probe}: ${result}`);
    await page.evaluate((u) => (location.href = `${u}#https://www.amazon.co.jp/`), staticUrl);
    console.log(`    navigation: ${await outcome(ext, page)}`);
    await page.close();
  }
  const times: Record<string, number[][]> = Object.fromEntries(
    Object.keys(builds).map((name) => [name, []]),
  );
  for (let i = 0; i < RUNS; i += 1)
    for (const [name, ext] of Object.entries(builds))
      times[name]!.push(await clickToWarning(ext, server));
  console.log(`\nlink click → warning page (median of ${RUNS}, turns alternating):`);
  for (const [name, runs] of Object.entries(times))
    console.log(
      `  ${name}: URL ${median(runs.map((r) => r[0]!))} ms, headline ${median(runs.map((r) => r[1]!))} ms`,
    );
} finally {
  for (const ext of Object.values(builds)) await ext.close();
  await server.stop();
  for (const dist of [staticDist, dynamicDist])
    rmSync(join(dist, '..'), { recursive: true, force: true });
}
