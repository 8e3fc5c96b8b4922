// Scale benchmarks in Node: host lookups against a million listed domains (compared with a Set in
// the same run), the index's memory (in a process of its own, with --expose-gc), building it, and
// what list updates cost on the wire against a static file server (a 304 for an unchanged list,
// a delta for a changed one, a full download for comparison).
import 'fake-indexeddb/auto';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { importByFormat } from '../../utils/lists/import';
import { ListIndex } from '../../utils/verdicts/list-index';
import { composeBackground } from '../../utils/background/root';
import { defaultCatalog, PROJECT_LIST_ID } from '../../utils/lists/catalog';
import { closeSharedDb } from '../../utils/core/db';
import { fakePlatform } from '../../tests/unit/fakes';
import { bundledProjectList } from '../lib/bundled-data';
import { publishFiles } from '../lib/publish';
import { publicKeyOf } from '../sign-list';
import { percentile, row, type BenchRow } from './common';
import { BENCH_META, syntheticDomains, syntheticVisits } from './domains';
import { StaticServer, toLoopback } from './static-server';

export const LOOKUP_MEDIAN_BUDGET_US = 1;
export const LOOKUP_P99_BUDGET_US = 5;
export const MEMORY_BUDGET_BYTES = 8;
export const BUILD_BUDGET_MS = 5000;
export const UNCHANGED_BUDGET_BYTES = 1024;
export const DELTA_BUDGET_BYTES = 16;

const label = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`);

/** Per-lookup times in µs, each measured alone, minus the timer's own cost. */
function timeEach(hosts: string[], fn: (host: string) => unknown): number[] {
  for (let round = 0; round < 3; round += 1) for (const host of hosts) fn(host); // warm up
  const overhead: number[] = [];
  for (let i = 0; i < 10_000; i += 1) {
    const start = process.hrtime.bigint();
    overhead.push(Number(process.hrtime.bigint() - start));
  }
  const timer = percentile(overhead, 50);
  return hosts.map((host) => {
    const start = process.hrtime.bigint();
    fn(host);
    return Math.max(0, Number(process.hrtime.bigint() - start) - timer) / 1000;
  });
}

export function lookupRows(count: number): BenchRow[] {
  const listed = syntheticDomains(count);
  const imported = importByFormat('domains', listed.join('\n'), {
    meta: BENCH_META,
    category: 'rogue-pharmacy',
  });
  if (!imported.ok) throw new Error(imported.detail);
  const index = ListIndex.fromContents([
    { id: 'bench', action: 'block', content: imported.content },
  ]);
  // Mostly ordinary sites, some listed ones and their subdomains: what browsing looks like.
  const visits = [
    ...syntheticVisits(90_000, 5),
    ...listed.slice(0, 5000),
    ...listed.slice(5000, 10_000).map((h) => `www.${h}`),
  ];
  const ours = timeEach(visits, (host) => index.candidates(host));
  const set = new Set(listed);
  const setLookup = (host: string) => {
    for (let h = host; ;) {
      if (set.has(h)) return h;
      const dot = h.indexOf('.');
      if (dot < 0) return null;
      h = h.slice(dot + 1);
    }
  };
  const theirs = timeEach(visits, setLookup);
  const [m, p] = [percentile(ours, 50), percentile(ours, 99)];
  const [sm, sp] = [percentile(theirs, 50), percentile(theirs, 99)];
  const compare = `Set<string>: median ${sm.toFixed(2)} µs, p99 ${sp.toFixed(2)} µs (ours ${(m / sm).toFixed(2)}× / ${(p / sp).toFixed(2)}× the Set's)`;
  return [
    row(
      `host lookup median, ${label(count)} listed domains`,
      m,
      'µs',
      LOOKUP_MEDIAN_BUDGET_US,
      compare,
    ),
    row(
      `host lookup p99, ${label(count)} listed domains`,
      p,
      'µs',
      LOOKUP_P99_BUDGET_US,
      `${visits.length} lookups, suffixes included`,
    ),
  ];
}

function child(what: string, count: number): Record<string, number> {
  const script = fileURLToPath(new URL('./child.ts', import.meta.url));
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', script, what, String(count)],
    {
      encoding: 'utf8',
      maxBuffer: 1024 * 1024,
    },
  );
  if (run.status !== 0) throw new Error(`bench child ${what} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Record<string, number>;
}

export function memoryRows(count: number): BenchRow[] {
  const index = child('memory-index', count);
  const set = child('memory-set', count);
  const ours = index.bytes! / index.size!;
  const theirs = set.bytes! / set.size!;
  return [
    row(
      `domain index memory, ${label(count)} domains`,
      ours,
      'bytes/domain',
      // Fixed costs dominate small lists; the budget is for a million.
      count >= 1_000_000 ? MEMORY_BUDGET_BYTES : null,
      `Set<string>: ${theirs.toFixed(1)} bytes/domain (${(theirs / ours).toFixed(1)}× more); heap + buffers after gc`,
    ),
  ];
}

export function buildRows(count: number): BenchRow[] {
  const build = child('build', count);
  const total = build.importMs! + build.packMs!;
  const peak = (build.peakRss! - build.baseRss!) / 1024 / 1024;
  return [
    row(
      `building the index from a ${label(count)}-domain list (Node)`,
      total,
      'ms',
      BUILD_BUDGET_MS,
      `import ${build.importMs!.toFixed(0)} ms + index ${build.packMs!.toFixed(0)} ms; memory peak +${peak.toFixed(0)} MB over the list text (${(build.textBytes! / 1024 / 1024).toFixed(1)} MB)`,
    ),
  ];
}

/** The project's list with a network group of `domains`, as version `version`. */
function projectListText(version: number, domains: string[]): string {
  const list = bundledProjectList() as Record<string, unknown> & { meta: Record<string, unknown> };
  return JSON.stringify({
    ...list,
    meta: { ...list.meta, version },
    groups: [
      {
        id: 'network',
        category: 'rogue-pharmacy',
        network: 'Benchmark network',
        evidence: [{ source: { citation: 'generated for the benchmark' }, date: '2026-11' }],
        domains,
      },
    ],
  });
}

export async function transferRows(count: number, changed: number): Promise<BenchRow[]> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const privateKey = await crypto.subtle.exportKey('jwk', pair.privateKey);
  const server = await new StaticServer().start();
  await closeSharedDb();
  globalThis.indexedDB = new (await import('fake-indexeddb')).IDBFactory();
  try {
    const listUrl = server.namedUrl('/lists/kusuri-guard.json');
    const platform = fakePlatform({ listPublicKey: publicKeyOf(privateKey) });
    platform.fetch = toLoopback;
    platform.config.refreshTimeoutMs = 120_000;
    const background = composeBackground(platform, defaultCatalog(listUrl));
    await background.lifecycle.onInstalled();
    const all = syntheticDomains(count + changed / 2, 31);
    const v2 = projectListText(2, all.slice(0, count));
    const publish = async (text: string, previous: string[]) =>
      server.put(
        '/lists/',
        await publishFiles({ text, previous, keep: 5, privateKey, name: 'kusuri-guard.json' }),
      );
    const refresh = async () => {
      const before = server.bytesSent();
      const result = await background.refresher.refresh(PROJECT_LIST_ID);
      if (result.outcome === 'failed') throw new Error(`refresh failed: ${result.detail}`);
      return { result, bytes: server.bytesSent() - before };
    };
    await publish(v2, []);
    const full = await refresh();
    const unchanged = await refresh();
    // Version 3: half of the changes removed domains, half added ones.
    const v3 = projectListText(3, all.slice(changed / 2, count + changed / 2));
    await publish(v3, [v2]);
    const update = await refresh();
    if (update.result.outcome !== 'updated' || update.result.via !== 'delta') {
      throw new Error(`expected a delta update, got ${JSON.stringify(update.result)}`);
    }
    return [
      row(
        `unchanged list on refresh, ${label(count)} domains`,
        unchanged.bytes,
        'bytes',
        UNCHANGED_BUDGET_BYTES,
        `a 304 for the head; a full download is ${full.bytes.toLocaleString('en')} bytes (gzip)`,
      ),
      row(
        `changed list, per added or removed domain (${changed.toLocaleString('en')} changes in ${label(count)})`,
        update.bytes / changed,
        'bytes',
        DELTA_BUDGET_BYTES,
        `${update.bytes.toLocaleString('en')} bytes for head, signature and delta (gzip); the full list is ${full.bytes.toLocaleString('en')} bytes`,
      ),
    ];
  } finally {
    await server.stop();
    await closeSharedDb();
  }
}
