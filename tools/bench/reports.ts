// The report store at scale (issue 14, case 7): a save (stored, queued for the endpoint, the
// outbox pass that sends it) with 1,000 stored reports against the same save with one stored,
// measured in the same run on fake-indexeddb through the background's own ReportsService; and the
// time "My reports" takes to list them. Before the v6 layout every save read every stored report
// with its screenshot (1,000 saves took 133–446 s in the run).
//
// The measurement runs in a process of its own (this file run as a script, with --expose-gc), and
// each side's saves start on a collected heap. In the bench's own process, after the rows before
// it, the heap holds the million-domain lookup rows' Set and index and whatever the Chromium rows
// left to collect (0.3–1 GB): a major collection's helper threads then run for seconds, and the
// process CPU time of whichever side they overlap grew by their work (session 9: 0.57×, 1.66× and
// 1.91× in one process holding a million-domain Set; run 18: 7.0×; alone: 1.00–1.12×). Setting up
// 1,000 reports writes about 50 MB, whose collection fell on the 1,000 side's saves.
import 'fake-indexeddb/auto';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cpuMs, median, row, type BenchRow } from './common';
import { closeSharedDb } from '../../utils/core/db';
import { composeBackground, type Background } from '../../utils/background/root';
import { defaultCatalog } from '../../utils/lists/catalog';
import type { Report, ReportInput } from '../../utils/reports/model';
import { fakePlatform, TINY_JPEG } from '../../tests/unit/fakes';
import { sampleEvidence, sampleReport } from '../../tests/unit/report-fixture';
import { saveReport } from '../../utils/reports/store';

const ENDPOINT = 'https://reports.example/api/reports';
/** Screenshots of the stored reports: a realistic JPEG of a tab is 100–300 kB as a data URL. */
const SHOT_BYTES = 150 * 1024;

function id(n: number, salt: string): string {
  return `${salt}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** A stored report as months of use leave them: delivered, every third with a screenshot. */
function storedReport(n: number, shot: string): Report {
  const base = sampleReport();
  return sampleReport({
    id: id(n, '0f8fad5b-d9cb'),
    idempotencyKey: id(n, '7c9e6679-7425'),
    createdAt: Date.parse('2026-01-01T00:00:00Z') + n * 3600_000,
    evidence: sampleEvidence({
      site: `shop-${n}.example`,
      screenshot: n % 3 === 0 ? shot : null,
    }),
    channels: {
      ...base.channels,
      endpoint: { ...base.channels.endpoint, state: 'delivered', deliveredAt: 1 },
    },
  });
}

function input(n: number): ReportInput {
  const report = sampleReport();
  return {
    id: id(n, 'aaaaaaaa-bbbb'),
    idempotencyKey: id(n, 'cccccccc-dddd'),
    createdAt: Date.parse('2026-11-21T00:00:00Z') + n,
    lang: 'ja',
    kind: 'no-prescription',
    comment: '',
    evidence: { ...report.evidence, site: `new-${n}.example`, screenshot: TINY_JPEG },
    channels: { maintainers: true, registrar: false, authorities: true, endpoint: true },
    blockSite: false,
  };
}

async function setUp(stored: number): Promise<Background> {
  await closeSharedDb();
  globalThis.indexedDB = new (await import('fake-indexeddb')).IDBFactory();
  const platform = fakePlatform();
  platform.net.route(ENDPOINT, () => new Response(null, { status: 201 }));
  const background = composeBackground(platform, defaultCatalog(null));
  await background.lifecycle.onInstalled();
  await background.settings.set({ reportEndpoint: ENDPOINT });
  const shot = TINY_JPEG + 'A'.repeat(SHOT_BYTES);
  for (let n = 0; n < stored; n += 1) await saveReport(storedReport(n, shot));
  return background;
}

/**
 * CPU times of `saves` saves, each stored, queued and sent by the outbox (fake-indexeddb
 * runs in this process, so CPU time is the cost without the other processes' share of the machine).
 */
async function saveTimes(background: Background, saves: number): Promise<number[]> {
  const times: number[] = [];
  for (let n = 0; n < saves + 3; n += 1) {
    const start = cpuMs();
    await background.reports.save(input(n));
    await background.reports.processOutbox();
    if (n >= 3) times.push(cpuMs() - start);
  }
  return times;
}

async function listTime(background: Background): Promise<number> {
  await background.reports.list();
  const start = cpuMs();
  await background.reports.list();
  return cpuMs() - start;
}

declare const gc: (() => void) | undefined;

/**
 * Collect the heap and let the collector's helper threads finish, so that a side's saves are not
 * charged for garbage made before them (setting up 1,000 reports writes about 50 MB).
 */
async function settle(): Promise<void> {
  if (typeof gc === 'function') {
    gc();
    gc();
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
}

export interface ReportStoreTimes {
  /** Median CPU ms of a save + send with `stored` reports stored, and with one. */
  large: number;
  small: number;
  /** CPU ms to list them. */
  listMany: number;
  listOne: number;
}

/**
 * Both sides in this process, taking turns (1,000 stored, then 1, twice), each on a settled heap;
 * the medians are over both turns' saves.
 */
export async function measureReportStore(stored: number, saves: number): Promise<ReportStoreTimes> {
  try {
    // A first round warms the JIT up, so the baseline is not charged for compiling.
    await saveTimes(await setUp(1), saves);
    const large: number[] = [];
    const small: number[] = [];
    let [listMany, listOne] = [Infinity, Infinity];
    for (let turn = 0; turn < 2; turn += 1) {
      const many = await setUp(stored);
      await settle();
      large.push(...(await saveTimes(many, saves)));
      listMany = Math.min(listMany, await listTime(many));
      const one = await setUp(1);
      await settle();
      small.push(...(await saveTimes(one, saves)));
      listOne = Math.min(listOne, await listTime(one));
    }
    return { large: median(large), small: median(small), listMany, listOne };
  } finally {
    await closeSharedDb();
  }
}

/** The row, measured in a child process (see the top of this file). */
export function reportStoreRows(stored: number, saves: number): BenchRow[] {
  const run = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      String(stored),
      String(saves),
    ],
    { encoding: 'utf8', maxBuffer: 1024 * 1024 },
  );
  if (run.status !== 0) throw new Error(`report store bench failed: ${run.stderr}`);
  const { large, small, listMany, listOne } = JSON.parse(
    run.stdout.trim().split('\n').at(-1)!,
  ) as ReportStoreTimes;
  return [
    row(
      `report save with ${stored.toLocaleString('en')} stored vs 1 (ratio)`,
      large / small,
      '×',
      2,
      `median save + send ${large.toFixed(1)} ms vs ${small.toFixed(1)} ms CPU (fake-indexeddb, ` +
        `${saves} saves × 2 turns, own process, heap collected before each side); My reports ` +
        `lists ${stored.toLocaleString('en')} in ${listMany.toFixed(0)} ms (1 in ${listOne.toFixed(1)} ms)`,
    ),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [stored, saves] = process.argv.slice(2).map(Number) as [number, number];
  measureReportStore(stored, saves).then((times) => console.log(JSON.stringify(times)));
}
