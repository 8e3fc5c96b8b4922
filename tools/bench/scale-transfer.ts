// What list updates cost on the wire, against a static file server: a 304 for an unchanged list
// and a delta for a changed one, each next to a full download of the same list.
import 'fake-indexeddb/auto';
import { composeBackground } from '../../utils/background/root';
import { defaultCatalog, PROJECT_LIST_ID } from '../../utils/lists/catalog';
import { closeSharedDb } from '../../utils/core/db';
import { fakePlatform } from '../../tests/unit/fakes';
import { bundledProjectList } from '../lib/bundled-data';
import { publishFiles } from '../lib/publish';
import { publicKeyOf } from '../sign-list';
import { row, type BenchRow } from './common';
import { countLabel as label, syntheticDomains } from './domains';
import { StaticServer, toLoopback } from './static-server';

export const UNCHANGED_BUDGET_BYTES = 1024;
export const DELTA_BUDGET_BYTES = 16;

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
      // The synthetic list replaces the packaged one (about 44,600 domains) by design, smaller in
      // the --quick run: the shrink guard, which would hold it for the user's confirmation, is
      // not what this row measures.
      const result = await background.refresher.refresh(PROJECT_LIST_ID, { acceptShrink: true });
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
