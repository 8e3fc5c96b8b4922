// "N lines rejected (kinds)" (issue 14, case 4/5): every importer counts each refused line by
// reason, all of them (not only the first 200 it keeps to show), and the count of the active
// content is stored with the list's record, where the options page reads it. Records stored before
// the count existed read as "not recorded".
import { beforeEach, describe, expect, it } from 'vitest';
import { importDomainList } from '../../utils/lists/import-domains';
import { importUblacklist } from '../../utils/lists/import-ublacklist';
import { importProjectListValue } from '../../utils/lists/import-json';
import { LIST_FORMAT, LIST_SCHEMA_VERSION, MAX_REJECTED_KEPT } from '../../utils/lists/model';
import { ListRecordSchema } from '../../utils/lists/record';
import { getListRecord } from '../../utils/lists/store';
import { db } from '../../utils/core/db';
import type { Background } from '../../utils/background/root';
import { type TestPlatform } from './fakes';
import { installedBackground } from './installed';
import { listMeta } from './list-fixture';
import { rejectedText } from '../../components/options/rejected';
import { t } from '../../utils/i18n';
import type { RejectReason } from '../../utils/lists/model';

const options = { meta: listMeta('junk'), category: 'rogue-pharmacy' as const };

describe('rejections by kind', () => {
  it('names each kind a plain list or hosts file can have', () => {
    const text = [
      'com', // a bare TLD
      'co.jp', // a public suffix
      'github.io', // a private suffix
      '192.168.1.1', // a router's address
      '0.0.0.0 100.64.0.1', // CGNAT, in a hosts file
      'www.google.com', // a popular site
      'haveibeenpwned.com', // one of the extension's own update sources
      '*.rogue.example', // a wildcard
      '||rogue.example/path^', // not a whole-site rule
      '||jp^', // a whole-site rule for a bare TLD
      'not a host at all',
      'rogue-shop.example',
      'rogue-shop.example',
    ].join('\n');
    const result = importDomainList(text, options);
    if (!result.ok) throw new Error(result.error);
    expect(result.content.domains).toEqual(['rogue-shop.example']);
    expect(result.summary).toEqual({
      total: 12,
      kinds: {
        'bare-tld': 2,
        'public-suffix': 2,
        'private-address': 2,
        'popular-site': 1,
        'never-block': 1,
        'unsupported-rule': 2,
        'invalid-host': 1,
        duplicate: 1,
      },
      // Never-block hosts are also held for the user to confirm (held-hosts.test.ts).
      held: ['www.google.com', 'haveibeenpwned.com'],
    });
  });

  it('counts every rejected line of a million-line junk file, keeping only a few to show', () => {
    const junk = Array.from({ length: 20_000 }, (_, i) => `junk line ${i}`);
    const result = importDomainList([...junk, 'rogue-shop.example'].join('\n'), options);
    if (!result.ok) throw new Error(result.error);
    expect(result.rejected).toHaveLength(MAX_REJECTED_KEPT);
    expect(result.summary).toEqual({ total: 20_000, kinds: { 'invalid-host': 20_000 } });
  });

  it('counts uBlacklist rules and project-format entries the same way', () => {
    const ub = importUblacklist('*://*.com/*\n/regex/\n*://*.rogue.example/*\n', options);
    if (!ub.ok) throw new Error(ub.error);
    expect(ub.summary).toEqual({ total: 2, kinds: { 'bare-tld': 1, 'unsupported-rule': 1 } });
    const evidence = [{ source: { url: 'https://evidence.example/' }, date: '2026-11' }];
    const site = (domain: string) => ({ domain, category: 'rogue-pharmacy', evidence });
    const project = importProjectListValue({
      format: LIST_FORMAT,
      schemaVersion: LIST_SCHEMA_VERSION,
      meta: listMeta('proj'),
      sites: [site('jp'), site('co.jp'), site('10.0.0.1'), site('rogue.example')],
    });
    if (!project.ok) throw new Error(project.error);
    expect(project.summary).toEqual({
      total: 3,
      kinds: { 'bare-tld': 1, 'public-suffix': 1, 'private-address': 1 },
    });
  });

  it('are counted on a failed import too (nothing usable in the list)', () => {
    const result = importDomainList('com\nco.jp\n', options);
    expect(result).toMatchObject({
      ok: false,
      error: 'no-entries',
      summary: { total: 2, kinds: { 'bare-tld': 1, 'public-suffix': 1 } },
    });
  });
});

describe('the count stored with the list', () => {
  let platform: TestPlatform;
  let background: Background;
  beforeEach(async () => {
    ({ platform, background } = await installedBackground());
  });

  it('is the active content’s: set by a download, kept while a failed one changes nothing', async () => {
    const url = 'https://lists.example/junk.txt';
    platform.net.route(
      url,
      () => new Response('co.jp\n192.168.1.1\n*.x.example\nrogue.example\n', { status: 200 }),
    );
    const result = await background.refresher.subscribe({
      url,
      format: 'domains',
      action: 'block',
      name: 'junk',
    });
    expect(result.outcome).toBe('updated');
    if (result.outcome !== 'updated') return;
    const id = result.record.id;
    const expected = {
      total: 3,
      kinds: { 'public-suffix': 1, 'private-address': 1, 'unsupported-rule': 1 },
    };
    expect((await getListRecord(id))!.status.rejected).toEqual(expected);
    platform.net.route(url, () => new Response('<html><body>oops</body></html>', { status: 200 }));
    expect((await background.refresher.refresh(id)).outcome).toBe('failed');
    expect((await getListRecord(id))!.status.rejected).toEqual(expected);
  });

  it('is recorded for the packaged lists on install (the Block List Project subset is clean)', async () => {
    const blp = (await getListRecord('blocklistproject-drugs'))!;
    expect(blp.status.rejected).toEqual({ total: 0, kinds: {} });
  });

  it('reads as not recorded for a record stored before it existed (migration)', async () => {
    const stored = (await getListRecord('kusuri-guard'))!;
    const { rejected: _dropped, ...oldStatus } = stored.status;
    // The shape an older version wrote: no `rejected` in the status.
    await (await db()).put('lists', { ...stored, status: oldStatus });
    const read = (await getListRecord('kusuri-guard'))!;
    expect(read.status.rejected).toBeNull();
    expect(read.meta).toEqual(stored.meta);
    expect(ListRecordSchema.safeParse({ ...stored, status: oldStatus }).success).toBe(true);
  });
});

describe('the card’s words', () => {
  it('names the count and each kind, with English plural rules and Japanese counters', () => {
    const million = {
      total: 1_000_000,
      kinds: { 'invalid-host': 999_990, 'bare-tld': 4, 'private-address': 5, duplicate: 1 },
    };
    expect(rejectedText('en', million)).toBe(
      '1,000,000 lines rejected (unparsable: 999,990, bare top-level domain: 4, ' +
        'private, loopback, link-local or CGNAT address: 5, duplicate: 1)',
    );
    expect(rejectedText('en', { total: 1, kinds: { 'unsupported-rule': 1 } })).toBe(
      '1 line rejected (form not supported (*.x, paths, options…): 1)',
    );
    expect(rejectedText('ja', { total: 1, kinds: { 'popular-site': 1 } })).toBe(
      '1行を取り込みませんでした（よく使われる有名サイト：1行）',
    );
    expect(rejectedText('ja', million)).toContain(
      '1,000,000行を取り込みませんでした（解釈できない行：999,990行、',
    );
  });

  it('has a label for every reason an importer can give, in both languages', () => {
    const reasons: RejectReason[] = [
      'invalid-host',
      'public-suffix',
      'bare-tld',
      'private-address',
      'never-block',
      'popular-site',
      'free-hosting',
      'unsupported-host',
      'duplicate',
      'schema',
      'unsupported-rule',
      'skipped-breach',
      'too-many',
    ];
    for (const lang of ['en', 'ja'] as const) {
      for (const reason of reasons) {
        const text = rejectedText(lang, { total: 2, kinds: { [reason]: 2 } });
        expect(text, `${lang} ${reason}`).not.toContain('reject.');
        expect(text, `${lang} ${reason}`).toContain(t(lang, `reject.${reason}`));
      }
    }
  });
});
