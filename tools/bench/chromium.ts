// Benchmarks in real Chromium with the built extension. The content script's main-thread tasks
// are measured exactly from a DevTools trace: every top-level task (RunTask) on the page's main
// thread that runs code from page-guard.js counts as ours.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { launchExtension } from '../../tests/e2e/browser';
import { row, type BenchRow } from './common';
import { syntheticPage } from './pages';

export const LONG_TASK_BUDGET_MS = 50;

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { data?: { url?: string; scriptName?: string; name?: string }; name?: string };
}

export async function contentScriptTasks(pageBytes = 2 * 1024 * 1024): Promise<BenchRow[]> {
  const page = syntheticPage(pageBytes);
  const server = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page.html),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const ext = await launchExtension({ bigList: false });
  try {
    const tab = await ext.context.newPage();
    const cdp = await ext.context.newCDPSession(tab);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (data) => {
      events.push(...(data.value as unknown as TraceEvent[]));
    });
    const done = new Promise<void>((resolve) =>
      cdp.once('Tracing.tracingComplete', () => resolve()),
    );
    await cdp.send('Tracing.start', {
      categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute',
      transferMode: 'ReportEvents',
    });
    await tab.goto(`http://bench-rogue-shop.example:${port}/`, { timeout: 60_000 });
    // Wait for the content script's verdict: the banner appears in the page.
    await tab.waitForFunction(
      // The banner's host is a plain element in the top layer, the last child of <html>.
      () => document.documentElement.lastElementChild?.matches('[popover]:popover-open') === true,
      undefined,
      { timeout: 30_000 },
    );
    await new Promise((r) => setTimeout(r, 1000));
    await cdp.send('Tracing.end');
    await done;
    // The page may render in a different process than the blank tab it started in: take the
    // threads where page-guard.js ran.
    const ours = events.filter((e) => JSON.stringify(e.args?.data ?? {}).includes('page-guard.js'));
    const threads = new Set(ours.map((e) => `${e.pid}:${e.tid}`));
    const tasks = events.filter(
      (e) =>
        e.name === 'RunTask' &&
        e.ph === 'X' &&
        e.dur !== undefined &&
        threads.has(`${e.pid}:${e.tid}`),
    );
    const ourTasks = tasks.filter((task) =>
      ours.some(
        (e) =>
          e.pid === task.pid &&
          e.tid === task.tid &&
          e.ts >= task.ts &&
          e.ts <= task.ts + task.dur!,
      ),
    );
    const durations = ourTasks.map((t) => t.dur! / 1000);
    const longest = durations.length > 0 ? Math.max(...durations) : 0;
    const total = durations.reduce((a, b) => a + b, 0);
    return [
      row(
        `longest content-script task, ${pageBytes >= 1024 * 1024 ? `${pageBytes / 1024 / 1024} MB` : `${pageBytes / 1024} KB`} page (Chromium)`,
        longest,
        'ms',
        LONG_TASK_BUDGET_MS,
        `${ourTasks.length} tasks, ${total.toFixed(0)} ms in all`,
      ),
    ];
  } finally {
    await ext.close();
    server.close();
  }
}
