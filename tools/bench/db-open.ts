// `KG_AB=<another build> npx tsx tools/bench/db-open.ts [opens]`: how long the extension's
// database takes to open cold, as a worker woken after Chrome's idle stop finds it (issue 15, the
// wake row). The built extension (KG_DIST, default .output/chrome-mv3) and any other builds named
// in KG_AB are loaded side by side with their packaged lists; then, in turns, every worker is
// stopped, 3 s pass (Chromium closes an origin's database a moment after its last connection),
// and one of the extension's own pages opens `kusuri-guard` and times it. It also prints the
// sizes of each database's LevelDB log and table files, which an open replays and does not
// (docs/performance-history.md, "Where a wake's time goes", session 21).
import { launchExtension } from '../../tests/e2e/browser';
import { percentile } from './common';
import { leveldbFiles } from './leveldb-files';

const GAP_MS = 3000;

async function main(argv: string[]): Promise<void> {
  const opens = Number(argv.find((a) => /^\d+$/.test(a)) ?? 10);
  const others = (process.env.KG_AB ?? '').split(',').filter(Boolean);
  const ext = await launchExtension({ bigList: false, alsoLoad: others });
  try {
    // Every build installs its packaged lists on install; wait for them and what follows.
    await new Promise((r) => setTimeout(r, 8000));
    const workers = ext.context.serviceWorkers().filter((w) => w.url().endsWith('/background.js'));
    const ids = workers.map((w) => new URL(w.url()).host);
    const pages = await Promise.all(
      ids.map(async (id) => {
        const page = await ext.context.newPage();
        await page.goto(`chrome-extension://${id}/privacy.html`);
        return page;
      }),
    );
    const cdp = await ext.context.newCDPSession(pages[0]!);
    await cdp.send('ServiceWorker.enable');
    const times: number[][] = ids.map(() => []);
    for (let i = 0; i < opens; i += 1) {
      for (const [n, page] of pages.entries()) {
        await cdp.send('ServiceWorker.stopAllWorkers');
        await new Promise((r) => setTimeout(r, GAP_MS));
        times[n]!.push(
          await page.evaluate(
            () =>
              new Promise<number>((resolve, reject) => {
                const started = performance.now();
                const request = indexedDB.open('kusuri-guard');
                request.onerror = () => reject(request.error);
                request.onsuccess = () => {
                  const ms = performance.now() - started;
                  request.result.close();
                  resolve(ms);
                };
              }),
          ),
        );
      }
    }
    console.log(`${opens} cold opens each, taking turns, ${GAP_MS} ms after stopping the workers`);
    console.log('| build | median ms | p95 ms | LevelDB files |');
    console.log('|---|---|---|---|');
    for (const [n, id] of ids.entries()) {
      const name =
        id === ext.extensionId ? `KG_DIST (${id.slice(0, 6)})` : `KG_AB ${id.slice(0, 6)}`;
      console.log(
        `| ${name} | ${percentile(times[n]!, 50).toFixed(1)} | ${percentile(times[n]!, 95).toFixed(1)} | ${leveldbFiles(ext.profileDir, id)} |`,
      );
    }
  } finally {
    await ext.close();
  }
}

await main(process.argv.slice(2));
