// The refresh state machine against a fake network, one test per fault: the active list never
// changes on a fault, the status says what happened, the next try is scheduled sensibly.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { gzipSync } from 'node:zlib';
import { composeBackground, type Background } from '../../utils/background/root';
import {
  defaultCatalog,
  PROJECT_LIST_ID,
  BLOCKLISTPROJECT_LIST_ID,
  type CatalogEntry,
} from '../../utils/lists/catalog';
import { getListRecord } from '../../utils/lists/store';
import { getListContent } from '../../utils/lists/store-content';
import { MIN_RETRY_MS, nextCheck, isDue } from '../../utils/lists/schedule';
import { parseRetryAfter } from '../../utils/lists/fetch-list';
import { verifyListSignature } from '../../utils/lists/signature';
import { signText, publicKeyOf } from '../../tools/sign-list';
import { bundledProjectList } from '../../tools/lib/bundled-data';
import { newSigningKey } from './signing-key';
import { fakePlatform, type TestPlatform } from './fakes';

const LIST_URL = 'https://lists.example/kusuri-guard.json';
const BLP_URL = 'https://blocklistproject.github.io/Lists/drugs.txt';
const HOUR = 3600_000;

let keyPair: JsonWebKey;
let publicKey: string;
beforeAll(async () => {
  ({ privateKey: keyPair, publicKey } = await newSigningKey());
});

let platform: TestPlatform;
let background: Background;

function projectList(extraDomains: string[] = [], version = 2): string {
  const list = bundledProjectList() as { meta: { version: number }; sites: object[] };
  list.meta.version = version;
  list.sites = [
    ...list.sites,
    ...extraDomains.map((domain) => ({
      domain,
      category: 'rogue-pharmacy',
      evidence: [{ source: { url: `https://${domain}/` }, date: '2026-11' }],
    })),
  ];
  return JSON.stringify(list);
}

async function serveSigned(text: string, headers: Record<string, string> = {}) {
  const signature = await signText(text, keyPair);
  platform.net.route(LIST_URL, () => new Response(text, { status: 200, headers }));
  platform.net.route(`${LIST_URL}.sig`, () => new Response(signature, { status: 200 }));
}

async function projectRecord() {
  return (await getListRecord(PROJECT_LIST_ID))!;
}

/** Every domain the redirect rules stop (each block-level list has rules of its own). */
function blockedDomains(): string[] {
  return platform.dnr.dynamic
    .filter((r) => r.action.type === 'redirect')
    .flatMap((r) => r.condition.requestDomains ?? []);
}

beforeEach(async () => {
  platform = fakePlatform({ listPublicKey: publicKey });
  const catalog: CatalogEntry[] = defaultCatalog(LIST_URL);
  background = composeBackground(platform, catalog);
  await background.lifecycle.onInstalled();
});

describe('a good update', () => {
  it('applies a signed new version atomically and rebuilds the pre-load rules', async () => {
    await serveSigned(projectList(['new-rogue-shop.example']), {
      etag: '"v2"',
      'last-modified': 'Sat, 21 Nov 2026 00:00:00 GMT',
    });
    const result = await background.refresher.refresh(PROJECT_LIST_ID);
    expect(result.outcome).toBe('updated');
    expect(blockedDomains()).toContain('new-rogue-shop.example');
    const record = await projectRecord();
    expect(record).toMatchObject({ contentFrom: 'download', meta: { version: 2 } });
    expect(record.status).toMatchObject({
      etag: '"v2"',
      failures: 0,
      lastError: null,
      lastSuccess: platform.clock.now,
    });
    expect(record.status.nextCheck).toBeGreaterThan(platform.clock.now + 5 * HOUR);
  });

  it('writes the list record once, with the import time the scale benchmark reads', async () => {
    await serveSigned(projectList(['new-rogue-shop.example']));
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    try {
      const result = await background.refresher.refresh(PROJECT_LIST_ID);
      expect(result.outcome).toBe('updated');
      const listWrites = put.mock.contexts.filter(
        (store) => (store as IDBObjectStore).name === 'lists',
      );
      expect(listWrites).toHaveLength(1);
    } finally {
      put.mockRestore();
    }
    const { lastImportMs } = (await projectRecord()).status;
    expect(lastImportMs).toEqual(expect.any(Number));
    expect(lastImportMs).toBeGreaterThanOrEqual(0);
  });

  it('sends validators next time, and a 304 costs no body and changes nothing', async () => {
    await serveSigned(projectList(['new-rogue-shop.example']), { etag: '"v2"' });
    await background.refresher.refresh(PROJECT_LIST_ID);
    const generation = (await projectRecord()).generation;
    platform.net.route(LIST_URL, (init) => {
      const headers = init?.headers as Record<string, string>;
      return headers['if-none-match'] === '"v2"'
        ? new Response(null, { status: 304 })
        : new Response('unexpected', { status: 500 });
    });
    platform.clock.now += 7 * HOUR;
    expect(await background.refresher.refresh(PROJECT_LIST_ID)).toEqual({
      outcome: 'unchanged',
      how: 'not-modified',
    });
    const record = await projectRecord();
    expect(record.generation).toBe(generation);
    expect(record.status).toMatchObject({
      lastSuccess: platform.clock.now,
      lastBytes: 0,
      failures: 0,
    });
    expect(platform.net.requests.at(-1)!.headers['if-none-match']).toBe('"v2"');
  });

  it('a 200 with the same content is recorded as unchanged, not re-applied', async () => {
    await serveSigned(projectList(['a-shop.example']));
    await background.refresher.refresh(PROJECT_LIST_ID);
    const generation = (await projectRecord()).generation;
    expect(await background.refresher.refresh(PROJECT_LIST_ID)).toEqual({
      outcome: 'unchanged',
      how: 'same-content',
    });
    expect((await projectRecord()).generation).toBe(generation);
  });

  it('accepts a gzip-compressed list', async () => {
    const text = projectList(['gz-shop.example']);
    const signature = await signText(text, keyPair);
    platform.net.route(LIST_URL, () => new Response(gzipSync(text), { status: 200 }));
    platform.net.route(`${LIST_URL}.sig`, () => new Response(signature));
    expect((await background.refresher.refresh(PROJECT_LIST_ID)).outcome).toBe('updated');
    expect(blockedDomains()).toContain('gz-shop.example');
  });

  it('never runs two refreshes of one list at once', async () => {
    await serveSigned(projectList(['x-shop.example']));
    const [a, b] = await Promise.all([
      background.refresher.refresh(PROJECT_LIST_ID),
      background.refresher.refresh(PROJECT_LIST_ID),
    ]);
    expect(a).toBe(b);
    expect(platform.net.count(LIST_URL)).toBe(1);
  });
});

describe('faults: the active list stays, the status explains, the next try is sensible', () => {
  async function expectUnchanged(before: { generation: number; contentHash: string }) {
    const record = await projectRecord();
    expect(record.generation).toBe(before.generation);
    expect(record.contentHash).toBe(before.contentHash);
    expect(blockedDomains()).toContain('joa2020.jp');
    return record;
  }

  const faults: [string, () => void | Promise<void>, string][] = [
    [
      'HTTP 500',
      () => void platform.net.route(LIST_URL, () => new Response('oops', { status: 500 })),
      'http',
    ],
    [
      'HTTP 404',
      () => void platform.net.route(LIST_URL, () => new Response('gone', { status: 404 })),
      'http',
    ],
    [
      'a redirect loop (fetch gives up)',
      () =>
        void platform.net.route(LIST_URL, () => {
          throw new TypeError('Failed to fetch: redirect loop');
        }),
      'network',
    ],
    [
      'a time-out',
      () =>
        void platform.net.route(
          LIST_URL,
          (init) =>
            new Promise<Response>((_r, reject) =>
              init?.signal?.addEventListener('abort', () =>
                reject(new DOMException('aborted', 'AbortError')),
              ),
            ),
        ),
      'timeout',
    ],
    [
      'a connection dropped mid-body',
      () =>
        void platform.net.route(LIST_URL, () => {
          const stream = new ReadableStream<Uint8Array>({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"format":"kusuri-guard-list",'));
              controller.error(new TypeError('network error: connection reset'));
            },
          });
          return new Response(stream, { status: 200 });
        }),
      'dropped',
    ],
    [
      'an HTML error page with status 200',
      () => serveSigned('<!DOCTYPE html><html><body>Service unavailable</body></html>'),
      'html-page',
    ],
    ['invalid JSON', () => serveSigned('{"format": "kusuri-guard-list", '), 'not-json'],
    [
      'the wrong schema',
      () =>
        serveSigned(
          JSON.stringify({ format: 'kusuri-guard-list', schemaVersion: 1, meta: {}, sites: [] }),
        ),
      'wrong-schema',
    ],
    [
      'a 100 MB body',
      () =>
        void platform.net.route(
          LIST_URL,
          () =>
            new Response(new Uint8Array(100 * 1024 * 1024), {
              status: 200,
              headers: { 'content-length': String(100 * 1024 * 1024) },
            }),
        ),
      'too-large',
    ],
    [
      'a 100 MB body with no declared length',
      () =>
        void platform.net.route(LIST_URL, () => {
          let sent = 0;
          const chunk = new Uint8Array(1024 * 1024).fill(0x61);
          return new Response(
            new ReadableStream({
              pull(c) {
                if (sent >= 100) c.close();
                else {
                  sent += 1;
                  c.enqueue(chunk);
                }
              },
            }),
            { status: 200 },
          );
        }),
      'too-large',
    ],
    [
      'a bad signature',
      async () => {
        // Signed before it is served: signing the whole list inside the handler could outlast the
        // short fetch timeout of these tests and turn up as a missing signature instead.
        const signature = await signText(projectList(['original.example']), keyPair);
        platform.net.route(LIST_URL, () => new Response(projectList(['tampered.example'])));
        platform.net.route(`${LIST_URL}.sig`, () => new Response(signature));
      },
      'bad-signature',
    ],
    [
      'a missing signature',
      () => {
        platform.net.route(LIST_URL, () => new Response(projectList(['unsigned.example'])));
        platform.net.route(`${LIST_URL}.sig`, () => new Response('not found', { status: 404 }));
      },
      'missing-signature',
    ],
    [
      'an older version (rollback)',
      () => serveSigned(projectList(['old.example'], 0)),
      'older-version',
    ],
  ];

  it.each(faults)(
    '%s',
    async (_name, arrange, code) => {
      const before = await projectRecord();
      await arrange();
      const result = await background.refresher.refresh(PROJECT_LIST_ID);
      expect(result).toMatchObject({ outcome: 'failed', code });
      const record = await expectUnchanged(before);
      expect(record.status.lastError).toMatchObject({ code, at: platform.clock.now });
      expect(record.status.failures).toBe(1);
      // First retry after a few minutes, not at once and not after a whole interval.
      const delay = record.status.nextCheck! - platform.clock.now;
      expect(delay).toBeGreaterThanOrEqual(MIN_RETRY_MS * 0.5);
      expect(delay).toBeLessThanOrEqual(MIN_RETRY_MS * 1.5);
    },
    20_000,
  );

  it('503 with Retry-After: waits at least that long', async () => {
    platform.net.route(
      LIST_URL,
      () => new Response('busy', { status: 503, headers: { 'retry-after': '7200' } }),
    );
    expect(await background.refresher.refresh(PROJECT_LIST_ID)).toMatchObject({
      outcome: 'failed',
      code: 'http',
    });
    expect((await projectRecord()).status.nextCheck! - platform.clock.now).toBeGreaterThanOrEqual(
      2 * HOUR,
    );
  });

  it('backs off exponentially, never beyond the interval, and recovers on success', async () => {
    platform.net.route(LIST_URL, () => new Response('oops', { status: 500 }));
    const delays: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      await background.refresher.refresh(PROJECT_LIST_ID);
      const record = await projectRecord();
      delays.push(record.status.nextCheck! - platform.clock.now);
      platform.clock.now = record.status.nextCheck!;
    }
    expect(delays[1]!).toBeGreaterThan(delays[0]!);
    expect(delays[2]!).toBeGreaterThan(delays[1]!);
    expect(Math.max(...delays)).toBeLessThanOrEqual(6 * HOUR);
    await serveSigned(projectList(['back.example']));
    expect((await background.refresher.refresh(PROJECT_LIST_ID)).outcome).toBe('updated');
    expect((await projectRecord()).status.failures).toBe(0);
  });

  it('a list that would remove more than half of the entries waits for the user', async () => {
    const tiny = bundledProjectList() as {
      meta: { version: number };
      sites: object[];
      groups: object[];
    };
    tiny.meta.version = 3;
    tiny.sites = tiny.sites.slice(0, 2);
    tiny.groups = [];
    const before = await projectRecord();
    await serveSigned(JSON.stringify(tiny));
    const result = await background.refresher.refresh(PROJECT_LIST_ID);
    expect(result).toMatchObject({ outcome: 'shrink-pending', to: 2 + before.counts.breaches });
    const record = await expectUnchanged(before);
    expect(record.status.pendingShrink).toMatchObject({
      to: 2 + before.counts.breaches,
      version: 3,
    });
    // The user accepts it.
    expect(
      (await background.refresher.refresh(PROJECT_LIST_ID, { acceptShrink: true })).outcome,
    ).toBe('updated');
    expect(blockedDomains()).toHaveLength(2);
    expect((await projectRecord()).status.pendingShrink).toBeNull();
  });

  it('a clock in the past: a stored next check far in the future counts as due', async () => {
    await serveSigned(projectList(['a.example']));
    await background.refresher.refresh(PROJECT_LIST_ID);
    const record = await projectRecord();
    expect(isDue(record.status.nextCheck, platform.clock.now, record.intervalMs)).toBe(false);
    // The clock is set back a month: the check written "in the future" must not wait a month.
    const past = platform.clock.now - 30 * 24 * HOUR;
    expect(isDue(record.status.nextCheck, past, record.intervalMs)).toBe(true);
    platform.clock.now = past;
    platform.net.route(LIST_URL, () => new Response(null, { status: 304 }));
    const due = await background.refresher.refreshDue();
    expect(due.get(PROJECT_LIST_ID)).toEqual({ outcome: 'unchanged', how: 'not-modified' });
  });
});

describe('schedules and other lists', () => {
  it('refreshDue skips lists without a URL or not due yet', async () => {
    const noUrl = composeBackground(fakePlatform(), defaultCatalog(null));
    await noUrl.lifecycle.onInstalled();
    const results = await noUrl.refresher.refreshDue();
    expect(results.has(PROJECT_LIST_ID)).toBe(false);
  });

  it('imports the Block List Project plain list at warn level', async () => {
    platform.net.route(
      BLP_URL,
      () =>
        new Response(
          '# drugs\n0.0.0.0 fresh-pills.example\n0.0.0.0 0rx.ru\n'.repeat(1) +
            Array.from({ length: 6000 }, (_, i) => `0.0.0.0 pill-${i}.example`).join('\n'),
        ),
    );
    expect((await background.refresher.refresh(BLOCKLISTPROJECT_LIST_ID)).outcome).toBe('updated');
    expect((await getListContent(BLOCKLISTPROJECT_LIST_ID))?.domains).toContain(
      'fresh-pills.example',
    );
    expect(blockedDomains()).not.toContain('fresh-pills.example'); // warn level: no pre-load block
  });

  it('schedules with jitter and parses Retry-After', () => {
    const base = { now: 0, intervalMs: 24 * HOUR, failures: 0 };
    expect(nextCheck({ ...base, random: 0 })).toBe(Math.round(24 * HOUR * 0.9));
    expect(nextCheck({ ...base, random: 0.999999 })).toBeGreaterThan(26 * HOUR);
    expect(nextCheck({ ...base, failures: 3, random: 0.5 })).toBe(MIN_RETRY_MS * 4);
    expect(nextCheck({ ...base, failures: 3, random: 0.5, retryAfterMs: 10 * HOUR })).toBe(
      10 * HOUR,
    );
    expect(parseRetryAfter('120', 0)).toBe(120_000);
    expect(
      parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:00 GMT')),
    ).toBe(60_000);
    expect(parseRetryAfter('soon', 0)).toBeNull();
  });
});

describe('list signatures', () => {
  it('verifies good signatures and rejects tampered lists, wrong keys and garbage', async () => {
    const text = projectList(['signed.example']);
    const signature = await signText(text, keyPair);
    expect(await verifyListSignature(text, signature, publicKey)).toBe(true);
    expect(await verifyListSignature(`${text} `, signature, publicKey)).toBe(false);
    const other = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    expect(
      await verifyListSignature(
        text,
        signature,
        publicKeyOf(await crypto.subtle.exportKey('jwk', other.privateKey)),
      ),
    ).toBe(false);
    expect(await verifyListSignature(text, 'not base64!', publicKey)).toBe(false);
    expect(await verifyListSignature(text, 'AAAA', publicKey)).toBe(false);
  });
});

describe('interruptions, administration, export and import', () => {
  it('a refresh cut off by the worker stopping leaves the list intact and runs again later', async () => {
    const before = await projectRecord();
    // Built and signed beforehand: with the whole bundled list this takes longer than the dying
    // download's timeout, which would then record a failure and move the next check.
    const next = projectList(['after-restart.example']);
    const signature = await signText(next, keyPair);
    platform.net.route(LIST_URL, () => new Promise<Response>(() => undefined)); // never answers
    void background.refresher.refresh(PROJECT_LIST_ID); // the worker dies during this download
    await new Promise((r) => setTimeout(r, 20));
    expect((await projectRecord()).generation).toBe(before.generation);
    // A new worker: the check is still due and now succeeds.
    platform.net.route(LIST_URL, () => new Response(next, { status: 200 }));
    platform.net.route(`${LIST_URL}.sig`, () => new Response(signature, { status: 200 }));
    const restarted = composeBackground(platform, defaultCatalog(LIST_URL));
    const results = await restarted.refresher.refreshDue();
    expect(results.get(PROJECT_LIST_ID)?.outcome).toBe('updated');
    expect(blockedDomains()).toContain('after-restart.example');
  });

  it('adds, disables, re-levels and removes a list added by URL', async () => {
    const url = 'https://community.example/scams.txt';
    platform.net.route(
      url,
      () => new Response('*://*.scam-shop.example/*\n*://fake-kusuri.example/*\n'),
    );
    const added = await background.refresher.subscribe({
      url,
      format: 'ublacklist',
      action: 'warn',
      name: 'Community',
    });
    expect(added.outcome).toBe('updated');
    const view = await background.listsView();
    const custom = view.lists.find((l) => l.origin === 'custom')!;
    expect(custom).toMatchObject({
      action: 'warn',
      meta: { title: { en: 'Community' } },
      counts: { domains: 2 },
    });
    expect((await background.verdicts.verdictFor('https://www.scam-shop.example/')).level).toBe(
      'warning',
    );
    // Adding the same address again checks it for news; it does not start it over empty.
    platform.net.route(url, () => new Response('', { status: 503 }));
    const again = await background.refresher.subscribe({
      url,
      format: 'ublacklist',
      action: 'warn',
      name: 'x',
    });
    expect(again).toMatchObject({ outcome: 'failed', code: 'http' });
    expect((await background.verdicts.verdictFor('https://www.scam-shop.example/')).level).toBe(
      'warning',
    );
    await background.lists.setAction(custom.id, 'block');
    expect(blockedDomains()).toContain('scam-shop.example');
    await background.lists.setEnabled(custom.id, false);
    expect(blockedDomains()).not.toContain('scam-shop.example');
    expect(await background.lists.remove(custom.id)).toBe(true);
    expect(await background.lists.remove(PROJECT_LIST_ID)).toBe(false); // packaged lists are disabled, not removed
    expect((await background.listsView()).lists.map((l) => l.id)).toEqual([
      'kusuri-guard',
      'licensed-sellers',
      'blocklistproject-drugs',
      'hibp-breaches',
    ]);
  });

  it('a list added by URL whose first download fails is kept, empty, with the problem shown', async () => {
    const url = 'https://broken.example/list.txt';
    platform.net.route(url, () => new Response('<html><body>Login</body></html>', { status: 200 }));
    expect(
      await background.refresher.subscribe({ url, format: 'domains', action: 'block', name: '' }),
    ).toMatchObject({ outcome: 'failed', code: 'html-page' });
    const custom = (await background.listsView()).lists.find((l) => l.origin === 'custom')!;
    expect(custom.status.lastError?.code).toBe('html-page');
    expect(custom.counts.domains).toBe(0);
  });

  it("exports the user's decisions and imports them into a fresh browser", async () => {
    await background.decisions.allowSite('https://allowed-shop.example/x');
    await background.decisions.blockSite('my-block.example', 'fake pills', 'options');
    await background.lists.setAction(BLOCKLISTPROJECT_LIST_ID, 'block');
    const url = 'https://community.example/scams.txt';
    platform.net.route(url, () => new Response('*://*.scam-shop.example/*\n'));
    await background.refresher.subscribe({
      url,
      format: 'ublacklist',
      action: 'warn',
      name: 'Community',
    });
    const file = await background.backup.exportData();
    expect(file).toMatchObject({ format: 'kusuri-guard-settings', version: 1 });
    expect(JSON.stringify(file)).not.toContain('joa2020.jp'); // no list contents

    const { closeSharedDb } = await import('../../utils/core/db');
    const { IDBFactory } = await import('fake-indexeddb');
    await closeSharedDb();
    globalThis.indexedDB = new IDBFactory();
    const other = fakePlatform({ listPublicKey: publicKey });
    other.net.route(url, () => new Response('*://*.scam-shop.example/*\n'));
    const fresh = composeBackground(other, defaultCatalog(LIST_URL));
    await fresh.lifecycle.onInstalled();
    const summary = await fresh.backup.importData(JSON.stringify(file));
    // The list added by URL is proposed, not downloaded: the user confirms it on the options page.
    expect(summary).toEqual({
      ok: true,
      allowlist: 1,
      userBlocks: 1,
      dismissals: 0,
      proposedLists: [{ url, format: 'ublacklist', action: 'warn', name: 'Community' }],
    });
    expect(other.net.count(url)).toBe(0);
    await fresh.refresher.subscribe(summary.ok ? summary.proposedLists[0]! : ({} as never));
    const view = await fresh.listsView();
    expect(view.allowlist.map((a) => [a.site, a.via])).toEqual([
      ['allowed-shop.example', 'import'],
    ]);
    expect(view.userBlocks.map((b) => [b.site, b.note])).toEqual([
      ['my-block.example', 'fake pills'],
    ]);
    expect(view.lists.find((l) => l.id === BLOCKLISTPROJECT_LIST_ID)?.action).toBe('block');
    expect(view.lists.filter((l) => l.origin === 'custom').map((l) => l.counts.domains)).toEqual([
      1,
    ]);
  });

  it('a damaged import file changes nothing', async () => {
    expect(await background.backup.importData('not json')).toEqual({
      ok: false,
      problem: { kind: 'not-json' },
    });
    expect(
      await background.backup.importData(
        JSON.stringify({ format: 'kusuri-guard-settings', version: 1, allowlist: [{ site: 5 }] }),
      ),
    ).toEqual({
      ok: false,
      problem: { kind: 'wrong-schema', detail: 'exportedAt' },
    });
    expect((await background.listsView()).allowlist).toEqual([]);
  });
});
