// The report store at scale (issue 14, case 7): a save (stored, queued for the endpoint, the
// outbox pass that sends it) with 1,000 stored reports against the same save with one stored,
// measured in the same run on fake-indexeddb through the background's own ReportsService; and the
// time "My reports" takes to list them. Before the v6 layout every save read every stored report
// with its screenshot (1,000 saves took 133–446 s in the run).
import 'fake-indexeddb/auto';
import { cpuMs, row, type BenchRow } from './common';
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
 * Median CPU time of `saves` saves, each stored, queued and sent by the outbox (fake-indexeddb
 * runs in this process, so CPU time is the cost without the other processes' share of the machine).
 */
async function saveTimes(background: Background, saves: number): Promise<number> {
  const times: number[] = [];
  for (let n = 0; n < saves + 3; n += 1) {
    const start = cpuMs();
    await background.reports.save(input(n));
    await background.reports.processOutbox();
    if (n >= 3) times.push(cpuMs() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function listTime(background: Background): Promise<number> {
  await background.reports.list();
  const start = cpuMs();
  await background.reports.list();
  return cpuMs() - start;
}

export async function reportStoreRows(stored: number, saves: number): Promise<BenchRow[]> {
  try {
    // A first round warms the JIT up, so the baseline is not charged for compiling.
    await saveTimes(await setUp(1), saves);
    const many = await setUp(stored);
    const large = await saveTimes(many, saves);
    const listMany = await listTime(many);
    const one = await setUp(1);
    const small = await saveTimes(one, saves);
    const listOne = await listTime(one);
    return [
      row(
        `report save with ${stored.toLocaleString('en')} stored vs 1 (ratio)`,
        large / small,
        '×',
        2,
        `median save + send ${large.toFixed(1)} ms vs ${small.toFixed(1)} ms CPU (fake-indexeddb, ` +
          `${saves} saves); My reports lists ${stored.toLocaleString('en')} in ` +
          `${listMany.toFixed(0)} ms (1 in ${listOne.toFixed(1)} ms)`,
      ),
    ];
  } finally {
    await closeSharedDb();
  }
}
