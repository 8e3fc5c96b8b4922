// `npx tsx tools/bench/wake-floor.ts [wakes] [worker …]`: what each piece of a worker costs a wake
// (issue 15, the wake row). Small MV3 extensions are loaded beside the built one, each a blank
// worker plus one thing ours has, and woken in turns exactly as `npm run bench -- --only-wake`
// wakes ours against the blank worker (wakeTimes: every worker stopped before each wake). It
// prints each one's wake → first reply median and p95 and its p95 against the blank worker's, so
// that a piece's cost is read as a ratio measured in the same run (docs/performance-history.md,
// "Where a wake's time goes, session 20"). Nothing here is a budget: it says where one could go.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchExtension } from '../../tests/e2e/browser';
import { percentile } from './common';
import { wakeTimes, type WakeTarget } from './scale-chromium';
import { hasIndexedDb, leveldbFiles } from './leveldb-files';

const DIST = process.env.KG_DIST ?? '.output/chrome-mv3';

/** Fills an IndexedDB of about 4.4 MB (1,030 rows of 4.3 KB, as a 1M-domain index's parts). */
const FILL = `
function upgrade(request) { request.onupgradeneeded = () => request.result.createObjectStore('p'); }
function fill(reply) {
  const request = indexedDB.open('x', 1); upgrade(request);
  request.onsuccess = () => {
    const db = request.result; const tx = db.transaction('p', 'readwrite'); const store = tx.objectStore('p');
    for (let i = 0; i < 1030; i++) { const b = new Uint8Array(4300); for (let j = 0; j < b.length; j++) b[j] = (i * 31 + j * 7) & 255; store.put(b.buffer, i); }
    store.put({ small: true }, 'record');
    tx.oncomplete = () => { db.close(); reply({ ok: true }); };
  };
}
`;
const BLANK = `chrome.runtime.onMessage.addListener((m, s, reply) => { reply({ ok: true }); });`;
/** The events our first script listens to, registered as ours does at its top level. */
const LISTENERS = `chrome.runtime.onInstalled.addListener(() => {}); chrome.runtime.onStartup.addListener(() => {});
for (const e of ['onBeforeNavigate', 'onErrorOccurred', 'onCommitted', 'onHistoryStateUpdated', 'onReferenceFragmentUpdated']) chrome.webNavigation[e].addListener(() => {});
chrome.tabs.onUpdated.addListener(() => {}); chrome.tabs.onRemoved.addListener(() => {}); chrome.alarms.onAlarm.addListener(() => {}); chrome.contextMenus.onClicked.addListener(() => {});\n`;
/** The database asked for at the first statement, as ours does; the answer after two reads. */
const IDB_EARLY = `${FILL}
const opened = new Promise((resolve) => { const request = indexedDB.open('x', 1); upgrade(request); request.onsuccess = () => resolve(request.result); });
chrome.runtime.onMessage.addListener((m, s, reply) => {
  if (m.type === 'fill') { fill(reply); return true; }
  opened.then((db) => { const store = db.transaction('p').objectStore('p'); store.get('record'); store.get(517).onsuccess = () => reply({ ok: true }); });
  return true;
});`;
/** The same, opening the database only when the message comes. */
const IDB_LATE = `${FILL}
chrome.runtime.onMessage.addListener((m, s, reply) => {
  if (m.type === 'fill') { fill(reply); return true; }
  const request = indexedDB.open('x', 1); upgrade(request);
  request.onsuccess = () => { const store = request.result.transaction('p').objectStore('p'); store.get('record'); store.get(517).onsuccess = () => reply({ ok: true }); };
  return true;
});`;
const STORAGE = `chrome.runtime.onMessage.addListener((m, s, reply) => {
  if (m.type === 'fill') { chrome.storage.local.set({ record: { small: true }, part: 'x'.repeat(4300) }).then(() => reply({ ok: true })); return true; }
  chrome.storage.local.get(['record', 'part']).then((v) => reply({ ok: Boolean(v.record) })); return true;
});`;

/**
 * IndexedDB with about 2.6 MB left in LevelDB's write-ahead log (600 rows of 4.3 KB, under its
 * 4 MB write buffer, as our packaged lists leave it), asked for at the first statement.
 */
const IDB_LOG = IDB_EARLY.replace('i < 1030', 'i < 600').replace('get(517)', 'get(317)');
/** The same, then a scratch database made and deleted, as utils/core/db-log.ts does. */
const IDB_LOG_FLUSHED = IDB_LOG.replace(
  'tx.oncomplete = () => { db.close(); reply({ ok: true }); };',
  `tx.oncomplete = () => { db.close();
      const s = indexedDB.open('scratch');
      s.onsuccess = () => { s.result.close(); indexedDB.deleteDatabase('scratch').onsuccess = () => reply({ ok: true }); };
    };`,
);
/** chrome.storage.local holding as much (600 keys of 4.3 KB as base64 text), two keys read. */
const STORAGE_BIG = `chrome.runtime.onMessage.addListener((m, s, reply) => {
  if (m.type === 'fill') {
    const items = { record: { small: true } };
    for (let i = 0; i < 600; i++) { let t = ''; for (let j = 0; j < 4300; j++) t += String.fromCharCode((i * 31 + j * 7) & 255); items['c' + i] = btoa(t); }
    chrome.storage.local.set(items).then(() => reply({ ok: true })); return true;
  }
  chrome.storage.local.get(['record', 'c317']).then((v) => reply({ ok: Boolean(v.record) && v.c317.length > 5000 })); return true;
});`;

/** Our first script's text inside a function never called: its bytes read and pre-parsed, not run. */
const ours = (): string =>
  `function neverCalled() {\n${readFileSync(join(DIST, 'background.js'), 'utf8')}\n}\n`;
const literal = (bytes: number) => `var text = ${JSON.stringify('a,b(c),d'.repeat(bytes / 8))};\n`;

const WORKERS: Record<string, () => string> = {
  blank: () => BLANK,
  'storage.local': () => STORAGE,
  'idb-late': () => IDB_LATE,
  'idb-early': () => IDB_EARLY,
  'idb-log': () => IDB_LOG,
  'idb-log-flushed': () => IDB_LOG_FLUSHED,
  'storage-big': () => STORAGE_BIG,
  listeners: () => LISTENERS + IDB_EARLY,
  'string-100k': () => literal(100_000) + BLANK,
  'string-235k': () => literal(235_000) + BLANK,
  'our-bytes': () => ours() + BLANK,
  'our-bytes+listeners+idb': () => ours() + LISTENERS + IDB_EARLY,
  // Our extension as built (manifest, content scripts, pre-load rules' permissions, pages) with
  // the worker above in place of ours: what our extension's surroundings add.
  'our-extension+that-worker': () => ours() + LISTENERS + IDB_EARLY,
};

function writeExtension(name: string, code: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kg-floor-'));
  const manifest: Record<string, unknown> = {
    manifest_version: 3,
    name: `floor ${name}`,
    version: '1.0',
    permissions: ['storage', 'unlimitedStorage', 'webNavigation', 'alarms', 'contextMenus'],
    background: { service_worker: 'w.js' },
  };
  if (name.startsWith('our-extension')) {
    cpSync(DIST, dir, { recursive: true });
    const ourManifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<
      string,
      unknown
    > & { permissions: string[]; background: { service_worker: string } };
    Object.assign(manifest, ourManifest, {
      name: manifest.name,
      permissions: [...ourManifest.permissions, 'unlimitedStorage'],
    });
  }
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  const worker = (manifest.background as { service_worker: string }).service_worker;
  writeFileSync(join(dir, worker), code);
  writeFileSync(join(dir, 'floor.html'), '<!doctype html><title>floor</title>');
  return dir;
}

async function main(argv: string[]): Promise<void> {
  const wakes = Number(argv.find((a) => /^\d+$/.test(a)) ?? 30);
  const asked = argv.filter((a) => !/^\d+$/.test(a));
  const names = [
    'blank',
    ...Object.keys(WORKERS).filter(
      (n) => n !== 'blank' && (asked.length === 0 || asked.includes(n)),
    ),
  ];
  const dirs = new Map(names.map((n) => [n, writeExtension(n, WORKERS[n]!())]));
  const ext = await launchExtension({ bigList: false, alsoLoad: [...dirs.values()] });
  try {
    await new Promise((r) => setTimeout(r, 2000));
    const ids = new Map<string, string>();
    for (const worker of ext.context.serviceWorkers()) {
      const name = await worker.evaluate(() => chrome.runtime.getManifest().name).catch(() => '');
      ids.set(name, new URL(worker.url()).host);
    }
    const targets: WakeTarget[] = [];
    for (const name of names) {
      const id = ids.get(`floor ${name}`);
      if (!id) throw new Error(`no worker started for ${name}`);
      const page = await ext.context.newPage();
      await page.goto(`chrome-extension://${id}/floor.html`);
      await page.evaluate(() => chrome.runtime.sendMessage({ type: 'fill' }));
      targets.push({ page, extensionId: id, message: { type: 'ping' } });
    }
    // What each database left in LevelDB once filled (an open replays the log, not the tables).
    await new Promise((r) => setTimeout(r, 3000));
    for (const [name, id] of ids)
      if (name.startsWith('floor ') && hasIndexedDb(ext.profileDir, id))
        console.log(`${name.slice(6)}: ${leveldbFiles(ext.profileDir, id)}`);
    const times = await wakeTimes(ext, targets, wakes);
    const floor = percentile(times[0]!, 95);
    console.log(`${wakes} wakes each, taking turns; ms from the page's message to its answer`);
    console.log("| worker | median | p95 | p95 × the blank worker's |");
    console.log('|---|---|---|---|');
    for (const [i, name] of names.entries()) {
      const p95 = percentile(times[i]!, 95);
      console.log(
        `| ${name} | ${percentile(times[i]!, 50).toFixed(1)} | ${p95.toFixed(1)} | ${(p95 / floor).toFixed(2)}× |`,
      );
    }
  } finally {
    await ext.close();
    for (const dir of dirs.values()) rmSync(dir, { recursive: true, force: true });
  }
}

await main(process.argv.slice(2));
