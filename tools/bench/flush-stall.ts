// `npx tsx tools/bench/flush-stall.ts [domains]`: does writing the database's log out after a list
// change hold up the extension's own database requests? (issue 15; utils/core/db-log.ts). After
// every change of the lists, the worker makes and deletes a scratch database so that Chromium
// compacts the origin's LevelDB; with a million listed domains that compaction rewrites every
// table file. This adds a list of `domains` generated hosts (default 1,000,000) to the built
// extension (KG_DIST) by URL, as a user does, while one of the extension's own pages reads one
// stored part of a packaged list every 5 ms and times each read; it prints how long reads took before
// the list was added, while it was imported, and in the 20 s after the answer (when the flush
// runs), with the longest read and when it fell, and the LevelDB log's size over that time.
import { addBlockListByUrl, launchExtension } from '../../tests/e2e/browser';
import { syntheticDomains } from './domains';
import { StaticServer } from './static-server';
import { percentile } from './common';
import { leveldbSizes } from './leveldb-files';

const PROBE_MS = 5;
const AFTER_MS = 20_000;

interface Probe {
  /** Start, ms since the page's time origin. */
  at: number;
  ms: number;
}

function summary(name: string, probes: Probe[]): string {
  if (probes.length === 0) return `| ${name} | 0 | | | | |`;
  const ms = probes.map((p) => p.ms);
  const worst = probes.reduce((a, b) => (b.ms > a.ms ? b : a));
  return `| ${name} | ${probes.length} | ${percentile(ms, 50).toFixed(1)} | ${percentile(ms, 99).toFixed(1)} | ${worst.ms.toFixed(0)} | ${(worst.at / 1000).toFixed(2)} s |`;
}

async function main(argv: string[]): Promise<void> {
  const domains = Number(argv.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
  const server = (await new StaticServer().start()).unref();
  server.put('/', new Map([['big-list.txt', syntheticDomains(domains, 77).join('\n')]]));
  const url = server.namedUrl('/big-list.txt');
  const ext = await launchExtension({ bigList: false });
  try {
    // The packaged lists are installed (and their log written out) on install: let that finish.
    await new Promise((r) => setTimeout(r, 8000));
    const prober = await ext.extensionPage('privacy.html');
    // A string, not a function: tsx names the inner functions with a helper the page lacks.
    await prober.evaluate(`(() => {
      window.probes = [];
      window.stopProbes = false;
      const open = indexedDB.open('kusuri-guard');
      open.onsuccess = () => {
        const db = open.result;
        // A stored part of a packaged list, read again and again as a verdict reads parts.
        const first = db.transaction('listParts').objectStore('listParts').getAllKeys(null, 1);
        first.onsuccess = () => {
          const key = first.result[0];
          const next = () => {
            if (window.stopProbes) return db.close();
            const at = performance.now();
            const request = db.transaction('listParts').objectStore('listParts').get(key);
            request.onsuccess = request.onerror = () => {
              window.probes.push({ at, ms: performance.now() - at });
              setTimeout(next, ${PROBE_MS});
            };
          };
          next();
        };
      };
    })()`);
    const origin = await prober.evaluate(() => performance.timeOrigin);
    const sizes: string[] = [];
    const sizeTimer = setInterval(() => {
      try {
        const { log, tables } = leveldbSizes(ext.profileDir, ext.extensionId);
        const t = (Date.now() - origin) / 1000;
        sizes.push(
          `${t.toFixed(1)} s log ${(log / 1024).toFixed(0)} KB tables ${(tables / 1024).toFixed(0)} KB`,
        );
      } catch {
        // The directory is written while we read it; the next tick reads it again.
      }
    }, 500);
    await new Promise((r) => setTimeout(r, 2000));
    const adder = await ext.extensionPage('options.html');
    const asked = Date.now();
    const outcome = await addBlockListByUrl(adder, url);
    const answered = Date.now();
    await new Promise((r) => setTimeout(r, AFTER_MS));
    clearInterval(sizeTimer);
    const probes = await prober.evaluate(() => {
      const w = window as unknown as { probes: Probe[]; stopProbes: boolean };
      w.stopProbes = true;
      return w.probes;
    });
    const a = asked - origin;
    const b = answered - origin;
    console.log(
      `${domains.toLocaleString('en')} domains added (${outcome}) at ${(a / 1000).toFixed(2)} s, answered at ${(b / 1000).toFixed(2)} s; a read of one stored part every ${PROBE_MS} ms from an extension page`,
    );
    console.log('| when | reads | median ms | p99 ms | longest ms | longest at |');
    console.log('|---|---|---|---|---|---|');
    console.log(
      summary(
        'before the list was added',
        probes.filter((p) => p.at < a),
      ),
    );
    console.log(
      summary(
        'while it was imported and stored',
        probes.filter((p) => p.at >= a && p.at < b),
      ),
    );
    console.log(
      summary(
        `${AFTER_MS / 1000} s after the answer`,
        probes.filter((p) => p.at >= b),
      ),
    );
    for (const s of [1000, 3000, 10_000])
      console.log(
        summary(
          `  of which the first ${s / 1000} s`,
          probes.filter((p) => p.at >= b && p.at < b + s),
        ),
      );
    const slow = probes.filter((p) => p.at >= b && p.ms > 50);
    console.log(
      `reads over 50 ms after the answer: ${slow.map((p) => `${p.ms.toFixed(0)} ms at +${((p.at - b) / 1000).toFixed(2)} s`).join(', ') || 'none'}`,
    );
    console.log(
      `LevelDB files (s since the page opened):\n  ${sizes.filter((_, i) => i % 2 === 0).join('\n  ')}`,
    );
  } finally {
    await ext.close();
  }
}

await main(process.argv.slice(2));
