// `npx tsx tools/bench/flush-stall.ts [domains]`: does writing the database's log out after a list
// change hold up reads of the extension's database? (issue 15; utils/core/db-log.ts). After every
// change of the lists, the worker makes and deletes a scratch database, which makes Chromium
// compact the origin's LevelDB. This adds a list of `domains` generated hosts (default 1,000,000)
// to the built extension (KG_DIST) by URL, as a user does, while one of the extension's own pages,
// holding the database open, reads one stored part of a packaged list every 5 ms and times each
// read. It prints how long reads took before the list was added, while it was imported and
// stored, and in the 20 s after the answer (when the write-out runs), with the longest read and
// when it fell (seconds from the moment the list was added); then the LevelDB log and table files'
// sizes every second, and the lines LevelDB's own LOG file gained meanwhile (its flushes and
// compactions, where Chromium keeps that file). It measures reads on an open connection only, not
// a database opened while the compaction runs.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { addBlockListByUrl, launchExtension } from '../../tests/e2e/browser';
import { syntheticDomains } from './domains';
import { StaticServer } from './static-server';
import { percentile } from './common';
import { leveldbDir, leveldbSizes } from './leveldb-files';

const PROBE_MS = 5;
const AFTER_MS = 20_000;

interface Probe {
  /** Start, ms on the probing page's clock. */
  at: number;
  ms: number;
  ok: boolean;
}

/** One table row; `zero` is the page-clock time the list was added, which "longest at" counts from. */
function summary(name: string, probes: Probe[], zero: number): string {
  if (probes.length === 0) return `| ${name} | 0 | | | | | |`;
  const ms = probes.map((p) => p.ms);
  const worst = probes.reduce((a, b) => (b.ms > a.ms ? b : a));
  const failed = probes.filter((p) => !p.ok).length;
  return `| ${name} | ${probes.length} | ${failed} | ${percentile(ms, 50).toFixed(1)} | ${percentile(ms, 99).toFixed(1)} | ${worst.ms.toFixed(0)} | ${((worst.at - zero) / 1000).toFixed(2)} s |`;
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
    // A string, not a function: tsx names the inner functions with a helper the page lacks. A
    // read that fails, or finds nothing, is kept as failed; a throw ends the probing and says so.
    await prober.evaluate(`(() => {
      window.probes = [];
      window.stopProbes = false;
      window.probeError = null;
      const open = indexedDB.open('kusuri-guard');
      open.onerror = () => { window.probeError = 'open: ' + open.error; };
      open.onsuccess = () => {
        const db = open.result;
        // A stored part of a packaged list, read again and again as a verdict reads parts.
        const first = db.transaction('listParts').objectStore('listParts').getAllKeys(null, 1);
        first.onsuccess = () => {
          const key = first.result[0];
          const next = () => {
            if (window.stopProbes) return db.close();
            try {
              const at = performance.now();
              const request = db.transaction('listParts').objectStore('listParts').get(key);
              request.onsuccess = request.onerror = () => {
                const ok = request.error === null && request.result !== undefined;
                window.probes.push({ at, ms: performance.now() - at, ok });
                setTimeout(next, ${PROBE_MS});
              };
            } catch (error) {
              window.probeError = 'read: ' + error;
            }
          };
          next();
        };
      };
    })()`);
    const now = () => prober.evaluate(() => performance.now());
    const dir = leveldbDir(ext.profileDir, ext.extensionId);
    const logFile = join(dir, 'LOG');
    const sizes: string[] = [];
    const sizeTimer = setInterval(() => {
      try {
        const { log, tables } = leveldbSizes(ext.profileDir, ext.extensionId);
        sizes.push(`log ${(log / 1024).toFixed(0)} KB, tables ${(tables / 1024).toFixed(0)} KB`);
      } catch {
        sizes.push('(the folder changed while it was read)');
      }
    }, 1000);
    await new Promise((r) => setTimeout(r, 2000));
    const adder = await ext.extensionPage('options.html');
    const logBefore = existsSync(logFile) ? statSync(logFile).size : 0;
    const sizesBefore = sizes.length;
    // Both on the probing page's clock, as the probes' start times are.
    const asked = await now();
    const outcome = await addBlockListByUrl(adder, url, 'Generated big list');
    const answered = await now();
    await new Promise((r) => setTimeout(r, AFTER_MS));
    clearInterval(sizeTimer);
    const { probes, error } = await prober.evaluate(() => {
      const w = window as unknown as { probes: Probe[]; stopProbes: boolean; probeError: string };
      w.stopProbes = true;
      return { probes: w.probes, error: w.probeError };
    });
    const after = probes.filter((p) => p.at >= answered);
    console.log(
      `${domains.toLocaleString('en')} domains added (${outcome}); the answer came ${((answered - asked) / 1000).toFixed(2)} s after the list was added; a read of one stored part every ${PROBE_MS} ms from an extension page${error ? `; probing stopped: ${error}` : ''}`,
    );
    console.log('| when | reads | failed | median ms | p99 ms | longest ms | longest at |');
    console.log('|---|---|---|---|---|---|---|');
    console.log(
      summary(
        '2 s before the list was added',
        probes.filter((p) => p.at < asked),
        asked,
      ),
    );
    console.log(
      summary(
        'while it was imported and stored',
        probes.filter((p) => p.at >= asked && p.at < answered),
        asked,
      ),
    );
    console.log(summary(`${AFTER_MS / 1000} s after the answer`, after, asked));
    for (const s of [1000, 3000, 10_000])
      console.log(
        summary(
          `  of which the first ${s / 1000} s`,
          after.filter((p) => p.at < answered + s),
          asked,
        ),
      );
    const slow = after.filter((p) => p.ms > 50);
    console.log(
      `reads over 50 ms after the answer: ${slow.map((p) => `${p.ms.toFixed(0)} ms at ${((p.at - asked) / 1000).toFixed(2)} s`).join(', ') || 'none'}`,
    );
    console.log(
      `LevelDB files, every second from the list's addition:\n  ${sizes.slice(sizesBefore).join('\n  ')}`,
    );
    if (existsSync(logFile)) {
      const gained = readFileSync(logFile).subarray(logBefore).toString('utf8').trim();
      console.log(`LevelDB's LOG since the list was added:\n${gained || '(nothing)'}`);
    } else console.log("LevelDB's LOG: no such file in this profile");
  } finally {
    await ext.close();
  }
}

await main(process.argv.slice(2));
