// The licensed-seller allowlist as a list kind of its own (issue 13, item 2): packaged, and
// refreshed like the other lists (signed, atomic swap, rollback and shrink guards); what it holds
// is what the verdicts use (turned off, it overrides nothing); entries that are public suffixes or
// free-hosting platforms are refused with a reason; a user can subscribe to one by URL.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { composeBackground, type Background } from '../../utils/background/root';
import { defaultCatalog, LICENSED_LIST_ID } from '../../utils/lists/catalog';
import { getListRecord } from '../../utils/lists/store';
import { db } from '../../utils/core/db';
import { importLicensedList, LICENSED_FORMAT } from '../../utils/lists/import-licensed';
import { freeHostingSuffixes } from '../../utils/lists/licensed';
import { ListRecordSchema } from '../../utils/lists/record';
import { bundledLicensedList } from '../../tools/lib/bundled-data';
import { signText } from '../../tools/sign-list';
import { newSigningKey } from './signing-key';
import { fakePlatform, pageSender, type TestPlatform } from './fakes';

const LICENSED_URL = 'https://lists.example/licensed.json';
const WARN_URL = 'https://lists.example/keywords.txt';

let keyPair: JsonWebKey;
let publicKey: string;
beforeAll(async () => {
  ({ privateKey: keyPair, publicKey } = await newSigningKey());
});

let platform: TestPlatform;
let background: Background;

beforeEach(async () => {
  platform = fakePlatform({ listPublicKey: publicKey });
  background = composeBackground(platform, defaultCatalog(null, LICENSED_URL));
  await background.lifecycle.onInstalled();
});

type Entry = Record<string, unknown> & { domain: string };

function licensedList(change: (entries: Entry[]) => Entry[], version = 2): string {
  const list = bundledLicensedList() as { meta: { version: number }; entries: Entry[] };
  list.meta.version = version;
  list.entries = change(list.entries);
  return JSON.stringify(list);
}

const newSeller = (domain: string): Entry => ({
  domain,
  name: 'New Licensed Pharmacy',
  country: 'JP',
  kind: 'pharmacy',
  register: { id: 'company-disclosure', ja: '許可の表示', en: 'licence display' },
  licence: '第R0000号',
  source: { url: `https://${domain}/company` },
  date: '2026-12',
});

async function serveSigned(text: string) {
  const signature = await signText(text, keyPair);
  platform.net.route(LICENSED_URL, () => new Response(text, { status: 200 }));
  platform.net.route(`${LICENSED_URL}.sig`, () => new Response(signature, { status: 200 }));
}

/** A warn-level keyword list naming a licensed seller and a new seller, and a rogue shop. */
async function subscribeWarnList(hosts: string[]) {
  platform.net.route(WARN_URL, () => new Response(hosts.join('\n'), { status: 200 }));
  const result = await background.refresher.subscribe({
    url: WARN_URL,
    format: 'domains',
    action: 'warn',
    name: 'keywords',
  });
  expect(result.outcome).toBe('updated');
}

const verdict = (url: string) => background.verdicts.verdictFor(url);

describe('the packaged licensed-seller list', () => {
  it('is installed as a list of its own that allows, with every seller counted', async () => {
    const record = (await getListRecord(LICENSED_LIST_ID))!;
    expect(record).toMatchObject({
      format: 'licensed',
      action: 'allow',
      enabled: true,
      signed: true,
      contentFrom: 'bundled',
      counts: { licensed: 160, sites: 0, domains: 0 },
      status: { rejected: { total: 0, kinds: {} } },
    });
  });

  it('is what the verdicts use: turned off, it no longer overrides a warn-level entry', async () => {
    await subscribeWarnList(['www.pharmacy2u.co.uk', 'rogue-shop.example']);
    const on = await verdict('https://www.pharmacy2u.co.uk/');
    expect(on.licensed?.domain).toBe('pharmacy2u.co.uk');
    expect(on.level).toBe('none');
    expect(on.overridden?.length).toBe(1);
    expect((await verdict('https://rogue-shop.example/')).level).not.toBe('none');
    await background.lists.setEnabled(LICENSED_LIST_ID, false);
    const off = await verdict('https://www.pharmacy2u.co.uk/');
    expect(off.licensed).toBeUndefined();
    expect(off.level).not.toBe('none');
  });

  it('cannot be re-levelled to block or warn', async () => {
    await background.lists.setAction(LICENSED_LIST_ID, 'block');
    expect((await getListRecord(LICENSED_LIST_ID))!.action).toBe('allow');
  });
});

describe('refreshing it', () => {
  it('takes a signed new version: a seller added on the server stops being warned on', async () => {
    await subscribeWarnList(['new-licensed-pharmacy.example']);
    expect((await verdict('https://new-licensed-pharmacy.example/')).level).not.toBe('none');
    await serveSigned(licensedList((e) => [...e, newSeller('new-licensed-pharmacy.example')]));
    const result = await background.refresher.refresh(LICENSED_LIST_ID);
    expect(result.outcome).toBe('updated');
    const record = (await getListRecord(LICENSED_LIST_ID))!;
    expect(record).toMatchObject({ contentFrom: 'download', meta: { version: 2 } });
    expect(record.counts.licensed).toBe(161);
    const after = await verdict('https://new-licensed-pharmacy.example/');
    expect(after.licensed).toMatchObject({
      licence: '第R0000号',
      register: { id: 'company-disclosure' },
    });
    expect(after.level).toBe('none');
  });

  it('refuses an unsigned list, an older version and a list that drops more than half', async () => {
    const unsigned = licensedList((e) => [...e, newSeller('forged-allow.example')]);
    platform.net.route(LICENSED_URL, () => new Response(unsigned, { status: 200 }));
    platform.net.route(`${LICENSED_URL}.sig`, () => new Response('', { status: 404 }));
    expect(await background.refresher.refresh(LICENSED_LIST_ID)).toMatchObject({
      outcome: 'failed',
      code: 'missing-signature',
    });
    await serveSigned(licensedList((e) => e, 0));
    expect(await background.refresher.refresh(LICENSED_LIST_ID)).toMatchObject({
      outcome: 'failed',
      code: 'older-version',
    });
    await serveSigned(licensedList((e) => e.slice(0, 20)));
    expect(await background.refresher.refresh(LICENSED_LIST_ID)).toMatchObject({
      outcome: 'shrink-pending',
    });
    const record = (await getListRecord(LICENSED_LIST_ID))!;
    expect(record.counts.licensed).toBe(160);
    expect(record.contentFrom).toBe('bundled');
  });

  it('refuses public suffixes and free-hosting platforms in a download, with a reason', async () => {
    await serveSigned(
      licensedList((e) => [
        ...e,
        newSeller('co.jp'),
        newSeller('wordpress.com'),
        newSeller('shop-pro.jp'),
        newSeller('new-licensed-pharmacy.example'),
      ]),
    );
    const result = await background.refresher.refresh(LICENSED_LIST_ID);
    expect(result.outcome).toBe('updated');
    const record = (await getListRecord(LICENSED_LIST_ID))!;
    expect(record.counts.licensed).toBe(161);
    expect(record.status.rejected).toEqual({
      total: 3,
      kinds: { 'public-suffix': 1, 'free-hosting': 2 },
    });
  });
});

describe('the importer', () => {
  it('reports every refused entry with its reason and keeps the rest', () => {
    const text = licensedList((e) => [
      ...e.slice(0, 2),
      newSeller('blogspot.com'),
      newSeller('wixsite.com'),
      newSeller('fc2.com'),
      newSeller('rakuten.co.jp'),
      newSeller('hxxp://defanged.example'),
      e[0]!,
    ]);
    const result = importLicensedList(text);
    if (!result.ok) throw new Error(result.error);
    expect(result.content.licensed).toHaveLength(2);
    expect(result.rejected.map((r) => [r.input, r.reason])).toEqual([
      ['blogspot.com', 'public-suffix'],
      ['wixsite.com', 'public-suffix'],
      ['fc2.com', 'free-hosting'],
      ['rakuten.co.jp', 'free-hosting'],
      ['hxxp://defanged.example', 'schema'],
      [e0Domain(), 'duplicate'],
    ]);
  });

  it('refuses what is not a licensed-seller list', () => {
    expect(importLicensedList('{"format":"kusuri-guard-list"}')).toMatchObject({
      ok: false,
      error: 'wrong-format',
    });
    expect(importLicensedList(`{"format":"${LICENSED_FORMAT}","schemaVersion":1}`)).toMatchObject({
      ok: false,
      error: 'wrong-schema',
    });
    expect(importLicensedList('<html><body>502</body></html>')).toMatchObject({
      ok: false,
      error: 'html-page',
    });
  });

  it('bundles its free-hosting set from the PSL and the observed platforms', () => {
    for (const host of ['blogspot.com', 'wixsite.com', 'github.io', 'shop-pro.jp', 'thebase.in'])
      expect(freeHostingSuffixes().has(host), host).toBe(true);
    expect(freeHostingSuffixes().size).toBeGreaterThan(2000);
  });
});

function e0Domain(): string {
  return (bundledLicensedList() as { entries: Entry[] }).entries[0]!.domain;
}

describe('a licensed list added by URL', () => {
  it('allows, whatever level the form sent, and the options page lists its sellers', async () => {
    const url = 'https://lists.example/my-licensed.json';
    const text = licensedList(() => [newSeller('my-licensed-pharmacy.example')]);
    platform.net.route(url, () => new Response(text, { status: 200 }));
    const result = await background.refresher.subscribe({
      url,
      format: 'licensed',
      action: 'block',
      name: 'mine',
    });
    if (result.outcome !== 'updated') throw new Error(result.outcome);
    expect(result.record).toMatchObject({ action: 'allow', counts: { licensed: 1 } });
    const view = await background.handleMessage({ type: 'lists.get' }, pageSender('/options.html'));
    if (!view.ok) throw new Error('lists.get failed');
    const domains = (view.data as { licensed: { entries: { domain: string }[] } }).licensed.entries;
    expect(domains.map((e) => e.domain)).toContain('my-licensed-pharmacy.example');
    expect(domains).toHaveLength(161);
  });
});

describe('records stored before the licensed kind existed', () => {
  it('read with no licensed sellers counted, and an update installs the licensed list', async () => {
    const database = await db();
    const project = (await getListRecord('kusuri-guard'))!;
    const { licensed: _dropped, ...oldCounts } = project.counts;
    await database.put('lists', { ...project, counts: oldCounts });
    expect((await getListRecord('kusuri-guard'))!.counts.licensed).toBe(0);
    expect(ListRecordSchema.safeParse({ ...project, counts: oldCounts }).success).toBe(true);
    // An older version had no licensed list: the extension update adds it.
    await database.delete('lists', LICENSED_LIST_ID);
    await background.lifecycle.onInstalled('update');
    expect((await getListRecord(LICENSED_LIST_ID))?.counts.licensed).toBe(160);
  });
});
