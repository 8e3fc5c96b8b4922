// Guarded lists (issue 14): an entry on the packaged never-block set is not imported as a block,
// it is held with the list; the user may confirm it on the options page ("Block anyway"), and only
// then does it become an entry of that list like the others (rules, verdicts). Confirmations
// outlive refreshes while the list still names the host; only extension pages may send them.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Background } from '../../utils/background/root';
import { getListRecord } from '../../utils/lists/store';
import { importDomainList } from '../../utils/lists/import-domains';
import { importProjectListValue } from '../../utils/lists/import-json';
import { LIST_FORMAT, LIST_SCHEMA_VERSION, MAX_HELD } from '../../utils/lists/model';
import { confirmedHosts, ListRecordSchema } from '../../utils/lists/record';
import { contentSender, pageSender, type TestPlatform } from './fakes';
import { installedBackground } from './installed';
import { listMeta } from './list-fixture';

const URL_ = 'https://lists.example/rogue.txt';
const ROGUE = 'rogue-held-test-pharmacy.example';

let platform: TestPlatform;
let background: Background;
let body: string;

beforeEach(async () => {
  ({ platform, background } = await installedBackground());
  body = ['github.com', ROGUE].join('\n');
  platform.net.route(URL_, () => new Response(body, { status: 200 }));
});

async function subscribe(action: 'block' | 'warn' = 'block'): Promise<string> {
  const result = await background.refresher.subscribe({
    url: URL_,
    format: 'domains',
    action,
    name: 'rogue',
  });
  expect(result.outcome).toBe('updated');
  const id = (await background.lists.records()).find((r) => r.url === URL_)!.id;
  return id;
}

const options = pageSender('/options.html');
const confirm = (id: string, host: string, confirmed: boolean, sender: object = options) =>
  background.handleMessage({ type: 'lists.setHeldConfirmed', id, host, confirmed }, sender);

/** Every domain the installed browser rules stop before the page loads. */
function ruleDomains(): string[] {
  return platform.dnr.dynamic.flatMap((r) =>
    r.action.type === 'redirect' ? (r.condition.requestDomains ?? []) : [],
  );
}

const verdict = (url: string) => background.verdicts.verdictFor(url);

describe('import', () => {
  it('holds never-block and popular-site hosts (canonical, unique, bounded), not private addresses', () => {
    const text = ['GitHub.com', 'github.com', '0.0.0.0 www.google.com', '192.168.1.1', ROGUE];
    const result = importDomainList(text.join('\n'), {
      meta: listMeta('held'),
      category: 'rogue-pharmacy',
    });
    if (!result.ok) throw new Error(result.error);
    expect(result.content.domains).toEqual([ROGUE]);
    expect(result.summary.held).toEqual(['github.com', 'www.google.com']);
    expect(result.summary.kinds).toMatchObject({ 'never-block': 2, 'popular-site': 1 });

    const many = Array.from({ length: MAX_HELD + 20 }, (_, i) => `h${i}.github.com`).join('\n');
    const big = importDomainList(`${many}\n${ROGUE}`, {
      meta: listMeta('held'),
      category: 'rogue-pharmacy',
    });
    if (!big.ok) throw new Error(big.error);
    expect(big.summary.held).toHaveLength(MAX_HELD);
  });

  it('holds them in the project format too (sites and groups)', () => {
    const evidence = [{ source: { url: 'https://evidence.example/' }, date: '2026-11' }];
    const value = importProjectListValue({
      format: LIST_FORMAT,
      schemaVersion: LIST_SCHEMA_VERSION,
      meta: listMeta('held-json'),
      sites: [
        { domain: 'www.google.com', category: 'rogue-pharmacy', evidence },
        { domain: ROGUE, category: 'rogue-pharmacy', evidence },
      ],
      groups: [
        { id: 'g', category: 'rogue-pharmacy', evidence, domains: ['github.com', 'b.example'] },
      ],
    });
    if (!value.ok) throw new Error(value.error);
    expect(value.summary.held).toEqual(['www.google.com', 'github.com']);
  });
});

describe('a block-level list naming github.com', () => {
  it('keeps github.com held: no rule, no verdict, shown on the record', async () => {
    const id = await subscribe();
    const record = (await getListRecord(id))!;
    expect(record.status.rejected?.held).toEqual(['github.com']);
    expect(record.confirmedHeld).toEqual([]);
    expect(ruleDomains()).toContain(ROGUE);
    expect(ruleDomains()).not.toContain('github.com');
    expect((await verdict('https://github.com/')).level).toBe('none');
  });

  it('blocks it once confirmed from the options page, and holds it again on undo', async () => {
    const id = await subscribe();
    expect(await confirm(id, 'github.com', true)).toEqual({ ok: true, data: { changed: true } });
    expect(ruleDomains()).toContain('github.com');
    expect(ruleDomains()).toContain(ROGUE);
    expect(await verdict('https://gist.github.com/x')).toMatchObject({ blocked: true });

    expect(await confirm(id, 'github.com', false)).toEqual({ ok: true, data: { changed: true } });
    expect(ruleDomains()).not.toContain('github.com');
    expect((await verdict('https://github.com/')).level).toBe('none');
  });

  it('warns (no rule) when the list is warn-level', async () => {
    const id = await subscribe('warn');
    await confirm(id, 'github.com', true);
    expect(ruleDomains()).not.toContain('github.com');
    expect((await verdict('https://github.com/')).level).not.toBe('none');
  });

  it('refuses a content script, a host the list does not hold, and bad input', async () => {
    const id = await subscribe();
    const fromPage = await confirm(id, 'github.com', true, contentSender('https://evil.example/'));
    expect(fromPage).toMatchObject({ ok: false });
    expect(await confirm(id, 'www.google.com', true)).toEqual({
      ok: true,
      data: { changed: false },
    });
    expect(await confirm(id, 'x'.repeat(300), true)).toMatchObject({ ok: false });
    expect((await getListRecord(id))!.confirmedHeld).toEqual([]);
    expect(ruleDomains()).not.toContain('github.com');
  });

  it('keeps a confirmation across refreshes while the list still names the host', async () => {
    const id = await subscribe();
    await confirm(id, 'github.com', true);
    body = ['github.com', ROGUE, `second-${ROGUE}`].join('\n');
    expect((await background.refresher.refresh(id)).outcome).toBe('updated');
    expect((await getListRecord(id))!.confirmedHeld).toEqual(['github.com']);
    expect(ruleDomains()).toContain('github.com');

    // Dropped from the list: the confirmation goes with it, and does not come back by itself.
    body = [ROGUE, `second-${ROGUE}`].join('\n');
    expect((await background.refresher.refresh(id)).outcome).toBe('updated');
    expect((await getListRecord(id))!.confirmedHeld).toEqual([]);
    body = ['github.com', ROGUE, `second-${ROGUE}`].join('\n');
    expect((await background.refresher.refresh(id)).outcome).toBe('updated');
    expect((await getListRecord(id))!.status.rejected?.held).toEqual(['github.com']);
    expect(ruleDomains()).not.toContain('github.com');
  });
});

describe('stored records from before held hosts', () => {
  it('read with nothing held and nothing confirmed', async () => {
    const id = await subscribe();
    const stored = structuredClone(await getListRecord(id)) as Record<string, unknown> & {
      status: { rejected: Record<string, unknown> };
    };
    delete stored.confirmedHeld;
    delete stored.status.rejected.held;
    const old = ListRecordSchema.parse(stored);
    expect(old.confirmedHeld).toEqual([]);
    expect(old.status.rejected?.held).toBeUndefined();
    expect(confirmedHosts(old)).toEqual([]);
    // A tampered record cannot smuggle in an unbounded confirmation list.
    expect(
      ListRecordSchema.safeParse({ ...stored, confirmedHeld: Array(MAX_HELD + 1).fill('a.b') })
        .success,
    ).toBe(false);
  });
});
