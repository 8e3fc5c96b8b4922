// Delta updates of the project's list: diff and apply give exactly the next version (by canonical
// hash); the refresher uses the signed head (a 304 when nothing changed), applies a delta from the
// version it holds, and falls back to the whole list whenever a delta is missing, tampered with or
// does not produce the announced list. A bad head changes nothing.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { composeBackground, type Background } from '../../utils/background/root';
import { defaultCatalog, PROJECT_LIST_ID } from '../../utils/lists/catalog';
import { applyDelta, canonicalHash, diffLists } from '../../utils/lists/delta';
import { importProjectList } from '../../utils/lists/import-json';
import type { ListContent } from '../../utils/lists/model';
import { getListRecord } from '../../utils/lists/store';
import { getListContent } from '../../utils/lists/store-content';
import { publicKeyOf } from '../../tools/sign-list';
import { bundledProjectList } from '../../tools/lib/bundled-data';
import { publishFiles } from '../../tools/lib/publish';
import { syntheticDomains } from '../../tools/bench/domains';
import { random } from '../../tools/bench/common';
import { newSigningKey } from './signing-key';
import { fakePlatform, type TestPlatform } from './fakes';

const BASE = 'https://lists.example/kusuri/';
const LIST_URL = `${BASE}kusuri-guard.json`;

let privateKey: JsonWebKey;
beforeAll(async () => {
  ({ privateKey } = await newSigningKey());
});

const evidence = [{ source: { url: 'https://www.legitscript.com/' }, date: '2016-05' }];

/**
 * The bundled list as version `version`, with a network group of `domains`. The bundled groups
 * (44,000 domains, most of them NABP's) are replaced unless `keepGroups`: a refresh from the
 * installed bundled list needs them, or the shrink guard holds the new version back.
 */
function listText(
  version: number,
  domains: string[],
  extra: Record<string, unknown> = {},
  keepGroups = false,
): string {
  const list = bundledProjectList() as Record<string, unknown> & {
    meta: { version: number };
    groups: unknown[];
  };
  list.meta = { ...list.meta, version };
  return JSON.stringify({
    ...list,
    groups: [
      ...(keepGroups ? list.groups : []),
      { id: 'bestkenko', category: 'rogue-pharmacy', network: 'BestKenko', evidence, domains },
    ],
    ...extra,
  });
}

function content(text: string): ListContent {
  const result = importProjectList(text);
  if (!result.ok) throw new Error(result.detail);
  return result.content;
}

describe('diff and apply', { timeout: 60_000 }, () => {
  it('turn one version into the next exactly, whatever changed', async () => {
    const next = random(5);
    const domains = syntheticDomains(3000, 9);
    let before = content(listText(1, domains.slice(0, 2000)));
    for (let version = 2; version < 8; version += 1) {
      const kept = domains.filter(() => next() < 0.9).slice(0, 2500);
      const list = bundledProjectList() as { sites: { domain: string }[]; registrars: unknown[] };
      const after = content(
        listText(version, kept, {
          sites: list.sites.filter(() => next() < 0.8),
          registrars: list.registrars.filter(() => next() < 0.9),
        }),
      );
      const delta = diffLists(before, after);
      const applied = applyDelta(before, JSON.parse(JSON.stringify(delta)));
      expect(applied.ok).toBe(true);
      if (!applied.ok) return;
      expect(await canonicalHash(applied.content)).toBe(await canonicalHash(after));
      before = applied.content;
    }
  });

  it('refuses a delta made for another version', () => {
    const v1 = content(listText(1, ['a.example']));
    const v2 = content(listText(2, ['b.example']));
    const v3 = content(listText(3, ['c.example']));
    expect(applyDelta(v1, diffLists(v2, v3))).toMatchObject({ ok: false });
  });

  it('is small: about the changed domains and nothing else', () => {
    const domains = syntheticDomains(20_000, 4);
    const v1 = content(listText(1, domains.slice(0, 19_000)));
    const v2 = content(listText(2, domains.slice(1000)));
    const text = JSON.stringify(diffLists(v1, v2));
    const changed = 2000;
    expect(text.length / changed).toBeLessThan(25); // before compression
  });
});

/** A version the server publishes: the whole bundled list, groups kept, plus the test's group. */
function servedListText(version: number, domains: string[]): string {
  return listText(version, domains, {}, true);
}

// Each step carries the whole bundled list (44,000 domains): slower than the 5 s default under load.
describe('refreshing through the head and deltas', { timeout: 60_000 }, () => {
  let platform: TestPlatform;
  let background: Background;
  let requested: string[];
  const domains = syntheticDomains(5000, 12);

  async function publish(text: string, previous: string[]) {
    const files = await publishFiles({
      text,
      previous,
      keep: 5,
      privateKey,
      name: 'kusuri-guard.json',
    });
    for (const [path, body] of files) {
      const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
      platform.net.route(`${BASE}${path}`, (init) => {
        requested.push(path);
        const sent = (init?.headers as Record<string, string>)['if-none-match'];
        return sent === etag
          ? new Response(null, { status: 304 })
          : new Response(body, { status: 200, headers: { etag } });
      });
    }
    return files;
  }

  beforeEach(async () => {
    platform = fakePlatform({ listPublicKey: publicKeyOf(privateKey) });
    background = composeBackground(platform, defaultCatalog(LIST_URL));
    await background.lifecycle.onInstalled();
    requested = [];
  });

  /** Version 2 installed the usual way (the whole list), as if published earlier. */
  async function holdVersion2(): Promise<string> {
    const v2 = servedListText(2, domains.slice(0, 4000));
    await publish(v2, []);
    expect(await background.refresher.refresh(PROJECT_LIST_ID)).toMatchObject({
      outcome: 'updated',
      via: 'full',
    });
    requested = [];
    return v2;
  }

  it('takes a delta from the version held, checks it, and swaps it in', async () => {
    const v2 = await holdVersion2();
    const v3 = servedListText(3, domains.slice(500, 5000));
    await publish(v3, [v2]);
    const result = await background.refresher.refresh(PROJECT_LIST_ID);
    expect(result).toMatchObject({ outcome: 'updated', via: 'delta' });
    expect(requested).toEqual([
      'kusuri-guard.json.head',
      'kusuri-guard.json.head.sig',
      'deltas/2-3.json',
    ]);
    const record = (await getListRecord(PROJECT_LIST_ID))!;
    expect(record.meta.version).toBe(3);
    expect(record.status.lastUpdate).toBe('delta');
    expect(await canonicalHash((await getListContent(PROJECT_LIST_ID))!)).toBe(
      await canonicalHash(content(v3)),
    );
    const verdict = (host: string) => background.verdicts.verdictFor(`https://${host}/`);
    expect((await verdict(domains[4500]!)).blocked).toBe(true); // added
    expect((await verdict(domains[100]!)).blocked).toBe(false); // removed

    // Nothing new: the head answers 304, and nothing else is asked for.
    requested = [];
    expect(await background.refresher.refresh(PROJECT_LIST_ID)).toEqual({
      outcome: 'unchanged',
      how: 'not-modified',
    });
    expect(requested).toEqual(['kusuri-guard.json.head']);
  });

  it('falls back to the whole list when a delta was tampered with', async () => {
    const v2 = await holdVersion2();
    const v3 = servedListText(3, domains.slice(500, 5000));
    const files = await publish(v3, [v2]);
    const tampered = files.get('deltas/2-3.json')!.replace(domains[4500]!, 'evil.example');
    platform.net.route(`${BASE}deltas/2-3.json`, () => new Response(tampered));
    expect(await background.refresher.refresh(PROJECT_LIST_ID)).toMatchObject({
      outcome: 'updated',
      via: 'full',
    });
    expect((await background.verdicts.verdictFor('https://evil.example/')).blocked).toBe(false);
    expect((await getListRecord(PROJECT_LIST_ID))!.meta.version).toBe(3);
  });

  it('falls back to the whole list when the delta does not give the announced list', async () => {
    await holdVersion2(); // domains 0–3999
    // The publisher's archive of version 2 differs from what clients got (a publishing mistake):
    // the delta only removes 0–499, so applied here it keeps 3000–3999 and the hash cannot match.
    const v3 = servedListText(3, domains.slice(500, 3000));
    await publish(v3, [servedListText(2, domains.slice(0, 3000))]);
    expect(await background.refresher.refresh(PROJECT_LIST_ID)).toMatchObject({
      outcome: 'updated',
      via: 'full',
    });
    expect(requested).toContain('deltas/2-3.json');
    expect(await canonicalHash((await getListContent(PROJECT_LIST_ID))!)).toBe(
      await canonicalHash(content(v3)),
    );
  });

  it('takes the whole list when there is no delta from the version held', async () => {
    await holdVersion2();
    // Without the bundled groups: far fewer than half the domains held, so the guard holds it back.
    const v4 = listText(4, domains.slice(0, 100));
    await publish(v4, [servedListText(3, domains)]); // deltas only from version 3
    expect(await background.refresher.refresh(PROJECT_LIST_ID)).toMatchObject({
      outcome: 'shrink-pending', // and the usual guards still apply
    });
    expect(requested).toContain('kusuri-guard.json');
  });

  it('changes nothing when the head is not signed by the pinned key, or goes back in time', async () => {
    const v2 = await holdVersion2();
    await publish(servedListText(3, domains), [v2]);
    platform.net.route(`${BASE}kusuri-guard.json.head.sig`, () => new Response('AAAA'));
    expect(await background.refresher.refresh(PROJECT_LIST_ID)).toMatchObject({
      outcome: 'failed',
      code: 'bad-signature',
    });
    expect((await getListRecord(PROJECT_LIST_ID))!.meta.version).toBe(2);

    await publish(servedListText(1, domains), []);
    expect(await background.refresher.refresh(PROJECT_LIST_ID)).toMatchObject({
      outcome: 'failed',
      code: 'older-version',
    });
    expect((await getListRecord(PROJECT_LIST_ID))!.meta.version).toBe(2);
  });

  it('reads a server without a head as a list without deltas', async () => {
    const v2 = servedListText(2, domains.slice(0, 10));
    await publish(v2, []);
    platform.net.route(`${BASE}kusuri-guard.json.head`, () => new Response('', { status: 404 }));
    expect(await background.refresher.refresh(PROJECT_LIST_ID)).toMatchObject({
      outcome: 'updated',
      via: 'full',
    });
  });
});
