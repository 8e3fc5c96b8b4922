// Imports that keep the worker answering (issue 14, case 5): a list of hundreds of thousands of
// junk lines is read in steps, and a message that arrives meanwhile is answered before the import
// ends, not after. How long an answer waits is measured by `npm run bench`, never asserted here.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { importByFormat, importByFormatYielding } from '../../utils/lists/import';
import { MAX_SLICE_MS, Pacer, YIELD_EVERY } from '../../utils/lists/import-common';
import type { Background } from '../../utils/background/root';
import { LIST_FORMAT, LIST_SCHEMA_VERSION } from '../../utils/lists/model';
import { pageSender, type TestPlatform } from './fakes';
import { installedBackground } from './installed';
import { listMeta } from './list-fixture';

/** When an import starts and ends, whichever entry point the background uses. */
const importEvents = vi.hoisted(() => [] as string[]);
vi.mock('../../utils/lists/import', async (original) => {
  const real = await original<typeof import('../../utils/lists/import')>();
  return {
    ...real,
    importByFormat: (...args: Parameters<typeof real.importByFormat>) => {
      importEvents.push('import start');
      const result = real.importByFormat(...args);
      importEvents.push('import end');
      return result;
    },
    importByFormatYielding: async (...args: Parameters<typeof real.importByFormatYielding>) => {
      importEvents.push('import start');
      const result = await real.importByFormatYielding(...args);
      importEvents.push('import end');
      return result;
    },
  };
});

const options = { meta: listMeta('junk'), category: 'rogue-pharmacy' as const };
const LINES = 4 * YIELD_EVERY + 10;

function junkList(): string {
  const lines = Array.from({ length: LINES }, (_, i) => `junk line ${i} <script>`);
  for (let i = 0; i < 5; i += 1) lines[i * YIELD_EVERY + 7] = `rogue-${i}.example`;
  return lines.join('\n');
}

describe('importing in steps', () => {
  it('gives the event loop a turn about every 50,000 lines, with the same result', async () => {
    const text = junkList();
    let pauses = 0;
    const stepped = await importByFormatYielding('domains', text, options, async () => {
      pauses += 1;
    });
    // Every 50,000 lines, or sooner on a slow or busy machine (MAX_SLICE_MS).
    expect(pauses).toBeGreaterThanOrEqual(Math.floor(LINES / YIELD_EVERY));
    expect(stepped).toEqual(importByFormat('domains', text, options));
    if (!stepped.ok) throw new Error(stepped.error);
    expect(stepped.content.domains).toHaveLength(5);
    expect(stepped.summary.total).toBe(LINES - 5);
  });

  it('steps through uBlacklist rules and the project format’s entries too', async () => {
    let pauses = 0;
    const count = async () => {
      pauses += 1;
    };
    const rules = Array.from({ length: YIELD_EVERY + 1 }, (_, i) => `*://*.s${i}.example/*`);
    await importByFormatYielding('ublacklist', rules.join('\n'), options, count);
    expect(pauses).toBeGreaterThanOrEqual(1);
    const evidence = [{ source: { url: 'https://e.example/' }, date: '2026' }];
    const project = JSON.stringify({
      format: LIST_FORMAT,
      schemaVersion: LIST_SCHEMA_VERSION,
      meta: listMeta('proj'),
      sites: [{ domain: 'rogue.example', category: 'rogue-pharmacy', evidence }],
      groups: [
        {
          id: 'net',
          category: 'rogue-pharmacy',
          evidence,
          domains: Array.from({ length: 2 * YIELD_EVERY }, (_, i) => `g${i}.example`),
        },
      ],
    });
    pauses = 0;
    const result = await importByFormatYielding('kusuri-guard', project, options, count);
    expect(pauses).toBeGreaterThanOrEqual(2);
    expect(result.ok).toBe(true);
    expect(result).toEqual(importByFormat('kusuri-guard', project, options));
  });
});

describe('the pace', () => {
  it('is every 50,000 items on a fast machine, and sooner once 100 ms have gone by', () => {
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => clock);
    try {
      const fast = new Pacer();
      const dueAt: number[] = [];
      for (let i = 1; i <= 2 * YIELD_EVERY; i += 1) if (fast.due()) dueAt.push(i);
      expect(dueAt).toEqual([YIELD_EVERY, 2 * YIELD_EVERY]);
      const slow = new Pacer();
      dueAt.length = 0;
      for (let i = 1; i <= 5000; i += 1) {
        clock = (i * MAX_SLICE_MS) / 2000; // 2,000 items take the whole slice
        if (slow.due()) dueAt.push(i);
      }
      expect(dueAt).toEqual([2000, 4000]);
    } finally {
      now.mockRestore();
    }
  });
});

describe('the background while it imports', () => {
  let platform: TestPlatform;
  let background: Background;
  beforeEach(async () => {
    ({ platform, background } = await installedBackground());
  });

  it('answers messages while it imports a 200,000-line junk download, not only after', async () => {
    const url = 'https://lists.example/junk.txt';
    platform.net.route(url, () => new Response(junkList(), { status: 200 }));
    importEvents.length = 0;
    // A page asking something at every turn of the event loop, as the popup or a tab would.
    let asking = true;
    const ask = () => {
      if (!asking) return;
      void background
        .handleMessage({ type: 'settings.get' }, pageSender('/popup.html'))
        .then(() => importEvents.push('answered'));
      setTimeout(ask, 0);
    };
    ask();
    const result = await background.refresher.subscribe({
      url,
      format: 'domains',
      action: 'block',
      name: 'junk',
    });
    asking = false;
    const start = importEvents.indexOf('import start');
    const end = importEvents.indexOf('import end');
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    const during = importEvents.slice(start, end).filter((e) => e === 'answered').length;
    expect(during).toBeGreaterThan(0);
    expect(result.outcome).toBe('updated');
    if (result.outcome !== 'updated') return;
    expect(result.record.counts.domains).toBe(5);
    expect(result.record.status.rejected).toEqual({
      total: LINES - 5,
      kinds: { 'invalid-host': LINES - 5 },
    });
  });
});
