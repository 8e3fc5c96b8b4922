// Reports in the background: the draft's evidence, saving before anything is sent, "block this
// site for me", the HTTPS endpoint's queue (retries, idempotency, worker restarts mid-send, a
// second click on Save), the screenshot, who may ask for what, and the context menu.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { composeBackground, type Background } from '../../utils/background/root';
import { MENU_REPORT_LINK, MENU_REPORT_PAGE } from '../../utils/reports/menus';
import { OUTBOX_ALARM, type ReportDraft, type SavedReport } from '../../utils/reports/service';
import { defaultCatalog } from '../../utils/lists/catalog';
import { getReport, getReports } from '../../utils/reports/store';
import { getUserBlocks } from '../../utils/decisions/user-blocks';
import { getSettings } from '../../utils/settings/store';
import type { Report, ReportInput } from '../../utils/reports/model';
import type { Reply } from '../../utils/core/router';
import { contentSender, fakePlatform, pageSender, TINY_JPEG, type TestPlatform } from './fakes';
import { rdapFor } from './rdap-fixture';
import { SAMPLE_LIMITS } from '../../utils/content/sample';

const SITE = 'kusuri-rogue.com';
const PAGE = `https://www.${SITE}/kamagra?ref=mail&session=s3cr3t#buy`;
const ENDPOINT = 'https://reports.example/api/reports';
const ROGUE =
  '処方箋不要でカマグラゴールドをお届けします。個人輸入代行。お支払いはJCBのみ。カートに入れる';
const TAB = 7;

let platform: TestPlatform;
let background: Background;

beforeEach(async () => {
  platform = fakePlatform({ uiLanguage: 'ja' });
  platform.config.issuesUrl = 'https://tracker.example/issues/new';
  platform.config.reportTimeoutMs = 200;
  background = composeBackground(platform, defaultCatalog(null));
  await background.lifecycle.onInstalled();
  platform.net.route(`https://rdap.verisign.com/com/v1/domain/${SITE}`, () =>
    Response.json(
      rdapFor(SITE, 49, 'GMO Internet Group, Inc. d/b/a Onamae.com', 20, platform.clock.now),
    ),
  );
});

async function ask<T>(message: unknown, sender = pageSender('/report.html')): Promise<T> {
  const response = (await background.handleMessage(message, sender)) as Reply<T>;
  if (!response.ok) throw new Error(`${response.error}: ${response.detail ?? ''}`);
  return response.data;
}

/** A rogue page open in tab 7, read by its content script. */
async function openRoguePage(title = 'カマグラゴールド通販|最安値'): Promise<void> {
  platform.tabs.tabs.set(TAB, PAGE);
  platform.tabs.titles.set(TAB, title);
  await ask(
    // The content script sends a capped title; the report reads the tab's own, uncapped.
    {
      type: 'page.check',
      url: PAGE,
      sample: { title: title.slice(0, SAMPLE_LIMITS.title), meta: '', headings: '', text: ROGUE },
    },
    contentSender(PAGE, TAB),
  );
}

function inputFrom(draft: ReportDraft, overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    id: draft.id,
    idempotencyKey: draft.idempotencyKey,
    createdAt: draft.createdAt,
    lang: draft.lang,
    kind: 'no-prescription',
    comment: '',
    evidence: { ...draft.evidence[draft.lang], url: draft.redactedUrl },
    channels: { maintainers: true, registrar: true, authorities: true, endpoint: true },
    blockSite: false,
    ...overrides,
  };
}

async function draftAndSave(overrides: Partial<ReportInput> = {}): Promise<SavedReport> {
  const draft = await ask<ReportDraft>({ type: 'report.draft', tabId: TAB });
  return ask<SavedReport>({ type: 'report.save', input: inputFrom(draft, overrides) });
}

/** The endpoint: answers each POST with the next status, records every request. */
function serveEndpoint(...statuses: number[]) {
  const received: { key: string; body: Record<string, unknown> }[] = [];
  platform.net.route(ENDPOINT, (init) => {
    received.push({
      key: (init?.headers as Record<string, string>)['idempotency-key']!,
      body: JSON.parse(String(init?.body)) as Record<string, unknown>,
    });
    return new Response(null, { status: statuses.shift() ?? 200 });
  });
  return received;
}

/** Let the background's fire-and-forget outbox pass finish. */
async function settle(): Promise<void> {
  await background.reports.processOutbox();
}

const endpointOf = async (id: string) => (await getReport(id))!.channels.endpoint;

describe('the draft: evidence from the tab', () => {
  it('gathers the address, title, reasons with snippets, registrar and abuse contact, in both languages', async () => {
    await openRoguePage();
    const draft = await ask<ReportDraft>({ type: 'report.draft', tabId: TAB });
    expect(draft.lang).toBe('ja');
    expect(draft.redactedUrl).toBe(`https://www.${SITE}/kamagra`);
    expect(draft.hasQuery).toBe(true);
    expect(draft.canScreenshot).toBe(true);
    expect(draft.channels).toEqual({
      issuesUrl: 'https://tracker.example/issues/new',
      maintainersEmail: null,
      registrar: 'abuse@registrar.example',
      endpoint: null,
    });
    const ja = draft.evidence.ja;
    expect(ja.url).toBe(PAGE);
    expect(ja.title).toBe('カマグラゴールド通販|最安値');
    expect(ja.registrar).toMatchObject({ ianaId: 49, abuseEmail: 'abuse@registrar.example' });
    expect(ja.reasons.some((r) => r.snippet?.includes('処方箋不要'))).toBe(true);
    expect(draft.evidence.en.reasons.map((r) => r.code)).toEqual(ja.reasons.map((r) => r.code));
    expect(draft.evidence.en.reasons[0]!.text).not.toBe(ja.reasons[0]!.text);
  });

  it('cleans a hostile 5 MB title down to one short line', async () => {
    await openRoguePage(
      `<script>alert(1)</script>\r\nBcc: x@y.example ${'薬'.repeat(5 * 1024 * 1024)}`,
    );
    const draft = await ask<ReportDraft>({ type: 'report.draft', tabId: TAB });
    expect(draft.evidence.en.title.length).toBeLessThanOrEqual(300);
    expect(draft.evidence.en.title).not.toMatch(/[\r\n]/);
  });

  it('for a site stopped by the warning page: the blocked address, no title, no screenshot', async () => {
    await ask({ type: 'userBlocks.add', site: SITE, note: '' }, pageSender('/options.html'));
    await background.tabs.onNavigationStarting(TAB, PAGE); // where the browser said the tab went
    platform.tabs.tabs.set(TAB, `chrome-extension://testextensionid/warning.html#${PAGE}`);
    platform.tabs.titles.set(TAB, 'Warning');
    const draft = await ask<ReportDraft>({ type: 'report.draft', tabId: TAB });
    expect(draft.evidence.en.url).toBe(PAGE);
    expect(draft.evidence.en.title).toBe('');
    expect(draft.canScreenshot).toBe(false);
    expect(draft.alreadyBlocked).toBe(true);
    expect(draft.evidence.en.reasons.map((r) => r.code)).toContain('list.user');
  });

  it('has nothing to report for browser pages or closed tabs', async () => {
    platform.tabs.tabs.set(3, 'chrome://settings/');
    expect(await ask({ type: 'report.draft', tabId: 3 })).toBeNull();
    expect(await ask({ type: 'report.draft', tabId: 99 })).toBeNull();
  });
});

describe('saving', () => {
  it('stores the report before any channel is tried, even when every channel then fails', async () => {
    await openRoguePage();
    await ask(
      { type: 'settings.set', patch: { reportEndpoint: ENDPOINT } },
      pageSender('/options.html'),
    );
    platform.net.route(ENDPOINT, () => {
      throw new TypeError('Failed to fetch');
    });
    const saved = await draftAndSave({ comment: 'テスト' });
    expect(saved.existing).toBe(false);
    expect((await getReports()).map((r) => r.id)).toEqual([saved.report.id]);
    await settle();
    const endpoint = await endpointOf(saved.report.id);
    expect(endpoint).toMatchObject({ state: 'queued', attempts: 1, lastError: 'Failed to fetch' });
    expect(platform.alarmsAt.get(OUTBOX_ALARM)).toBe(endpoint.nextAttempt);
  });

  it('gives each chosen channel its ready link and text, in the report’s language', async () => {
    await openRoguePage();
    const saved = await draftAndSave({ lang: 'en' });
    expect(saved.report.channels.maintainers.state).toBe('ready');
    expect(saved.report.channels.endpoint.state).toBe('not-used');
    expect(saved.links.issue!.url.startsWith('https://tracker.example/issues/new?title=')).toBe(
      true,
    );
    expect(saved.links.mailto!.url.startsWith('mailto:abuse@registrar.example?subject=')).toBe(
      true,
    );
    expect(saved.links.authority.text).toContain(`https://www.${SITE}/kamagra`);
    expect(saved.links.authority.links.map((l) => l.url)).toContain(
      'https://www.yakubutsu.mhlw.go.jp/',
    );
    await ask({ type: 'report.opened', id: saved.report.id, channel: 'maintainers' });
    expect((await getReport(saved.report.id))!.channels.maintainers).toEqual({
      state: 'opened',
      at: platform.clock.now,
    });
  });

  it('a second click on Save stores and sends nothing new', async () => {
    await openRoguePage();
    await ask(
      { type: 'settings.set', patch: { reportEndpoint: ENDPOINT } },
      pageSender('/options.html'),
    );
    const received = serveEndpoint(200);
    const draft = await ask<ReportDraft>({ type: 'report.draft', tabId: TAB });
    const first = await ask<SavedReport>({ type: 'report.save', input: inputFrom(draft) });
    const second = await ask<SavedReport>({ type: 'report.save', input: inputFrom(draft) });
    await settle();
    expect(second.existing).toBe(true);
    expect(await getReports()).toHaveLength(1);
    expect(received).toHaveLength(1);
    expect(first.report.id).toBe(second.report.id);
  });

  it('“block this site for me” puts the site on the user’s list and the pre-load rules at once', async () => {
    await openRoguePage();
    const saved = await draftAndSave({ blockSite: true });
    expect(saved.report.blockedSite).toBe(true);
    expect((await getUserBlocks()).map((b) => [b.site, b.via])).toEqual([[SITE, 'report']]);
    const verdict = await background.verdicts.verdictFor(`https://shop.${SITE}/`);
    expect(verdict.blocked).toBe(true);
    const redirects = platform.dnr.dynamic.filter((r) => r.action.type === 'redirect');
    expect(redirects.some((r) => r.condition.requestDomains?.includes(SITE))).toBe(true);
  });

  it('rejects input that is not a report', async () => {
    await openRoguePage();
    const draft = await ask<ReportDraft>({ type: 'report.draft', tabId: TAB });
    const bad = { ...inputFrom(draft), evidence: { ...draft.evidence.en, title: 'x'.repeat(301) } };
    expect(
      await background.handleMessage(
        { type: 'report.save', input: bad },
        pageSender('/report.html'),
      ),
    ).toEqual({
      ok: false,
      error: 'bad-request',
    });
    const badId = { ...inputFrom(draft), id: '../../etc' };
    expect(
      (
        await background.handleMessage(
          { type: 'report.save', input: badId },
          pageSender('/report.html'),
        )
      ).ok,
    ).toBe(false);
    expect(await getReports()).toEqual([]);
  });
});

describe('a Save cut off half-way (issue 14, case 6)', () => {
  /** A worker that stored the report and stopped before blocking and queueing (the reply lost). */
  async function saveCutOff(): Promise<ReportDraft> {
    await openRoguePage();
    await ask(
      { type: 'settings.set', patch: { reportEndpoint: ENDPOINT } },
      pageSender('/options.html'),
    );
    const draft = await ask<ReportDraft>({ type: 'report.draft', tabId: TAB });
    vi.spyOn(background.decisions, 'blockSite').mockRejectedValueOnce(new Error('worker stopped'));
    await expect(
      ask({ type: 'report.save', input: inputFrom(draft, { blockSite: true }) }),
    ).rejects.toThrow();
    // The next worker (the page's next request wakes one).
    background = composeBackground(platform, defaultCatalog(null));
    return draft;
  }

  it('the report is stored; reading it back says "saved, not yet sent", and Send it now finishes it', async () => {
    const received = serveEndpoint(200);
    const draft = await saveCutOff();
    const read = await ask<{ report: Report; unfinished: boolean }>({
      type: 'reports.get',
      id: draft.id,
    });
    expect(read.report.id).toBe(draft.id);
    expect(read.unfinished).toBe(true);
    expect(await getUserBlocks()).toEqual([]);
    expect(received).toHaveLength(0);

    const finished = await ask<SavedReport>({ type: 'report.finish', id: draft.id });
    expect(finished).toMatchObject({ existing: true, unfinished: false });
    await settle();
    expect((await getUserBlocks()).map((b) => b.site)).toEqual([SITE]);
    expect(received.map((r) => r.key)).toEqual([draft.idempotencyKey]);
    expect(
      (await ask<{ unfinished: boolean }>({ type: 'reports.get', id: draft.id })).unfinished,
    ).toBe(false);
    // Finishing again sends nothing twice.
    await ask({ type: 'report.finish', id: draft.id });
    await settle();
    expect(received).toHaveLength(1);
  });

  it('a second Save of the cut-off report finishes it too (the block and the first send)', async () => {
    const received = serveEndpoint(200);
    const draft = await saveCutOff();
    const again = await ask<SavedReport>({
      type: 'report.save',
      input: inputFrom(draft, { blockSite: true }),
    });
    expect(again.existing).toBe(true);
    await settle();
    expect((await getUserBlocks()).map((b) => b.site)).toEqual([SITE]);
    expect(received).toHaveLength(1);
    expect(await getReports()).toHaveLength(1);
  });

  it('the form opened again for the site names the report saved and not sent', async () => {
    serveEndpoint(200);
    const draft = await saveCutOff();
    const reopened = await ask<ReportDraft>({ type: 'report.draft', tabId: TAB });
    expect(reopened.id).not.toBe(draft.id);
    expect(reopened.earlier).toEqual({ id: draft.id, createdAt: draft.createdAt });
    // Another site: nothing to say.
    expect(
      (await ask<ReportDraft>({ type: 'report.draft', url: 'https://other-shop.example/' }))
        .earlier,
    ).toBeNull();
    // Once sent (the endpoint delivered it), the form no longer mentions it.
    await ask({ type: 'report.finish', id: draft.id });
    await settle();
    expect((await ask<ReportDraft>({ type: 'report.draft', tabId: TAB })).earlier).toBeNull();
  });

  it('an unsent report saved more than a day ago is not brought up again', async () => {
    serveEndpoint(200);
    const draft = await saveCutOff();
    platform.clock.now += 25 * 3600_000;
    expect((await ask<ReportDraft>({ type: 'report.draft', tabId: TAB })).earlier).toBeNull();
    expect(await getReport(draft.id)).not.toBeNull();
  });
});

describe('the HTTPS endpoint', () => {
  beforeEach(async () => {
    await openRoguePage();
    await ask(
      { type: 'settings.set', patch: { reportEndpoint: ENDPOINT } },
      pageSender('/options.html'),
    );
  });

  it('500 then 200: retried after the backoff with the same idempotency key, delivered once', async () => {
    const received = serveEndpoint(500, 200);
    const saved = await draftAndSave();
    await settle();
    let endpoint = await endpointOf(saved.report.id);
    expect(endpoint).toMatchObject({ state: 'queued', attempts: 1, lastError: 'HTTP 500' });
    expect(endpoint.nextAttempt).toBe(platform.clock.now + 30_000);

    // Not before it is due, even if the alarm fires early.
    await background.lifecycle.onAlarm(OUTBOX_ALARM);
    expect(received).toHaveLength(1);

    platform.clock.now += 30_000;
    await background.lifecycle.onAlarm(OUTBOX_ALARM);
    endpoint = await endpointOf(saved.report.id);
    expect(endpoint).toMatchObject({
      state: 'delivered',
      attempts: 2,
      deliveredAt: platform.clock.now,
    });
    expect(received.map((r) => r.key)).toEqual([
      saved.report.idempotencyKey,
      saved.report.idempotencyKey,
    ]);
    expect(received[1]!.body).toMatchObject({
      schema: 'kusuri-guard-report/1',
      id: saved.report.id,
    });

    // Delivered is final: more alarms, a re-send, a restart send nothing.
    platform.clock.now += 3600_000;
    await background.lifecycle.onAlarm(OUTBOX_ALARM);
    await ask({ type: 'reports.resend', id: saved.report.id });
    await composeBackground(platform, defaultCatalog(null)).lifecycle.onStartup();
    expect(received).toHaveLength(2);
  });

  it('a worker that stops mid-send: the next worker retries with the same key after the time-out', async () => {
    const keys: string[] = [];
    let hang = true;
    platform.net.route(ENDPOINT, (init) => {
      keys.push((init?.headers as Record<string, string>)['idempotency-key']!);
      // The first request never answers in this worker's lifetime (the worker is "killed").
      return hang ? new Promise<Response>(() => undefined) : new Response(null, { status: 201 });
    });
    const draft = await ask<ReportDraft>({ type: 'report.draft', tabId: TAB });
    void background.handleMessage(
      { type: 'report.save', input: inputFrom(draft) },
      pageSender('/report.html'),
    );
    await expect.poll(() => keys.length).toBe(1);
    expect((await endpointOf(draft.id)).state).toBe('sending');

    // A fresh worker (nothing in memory) wakes up at once: the send is not stale yet.
    const next = composeBackground(platform, defaultCatalog(null));
    hang = false;
    await next.reports.processOutbox();
    expect(keys).toHaveLength(1);
    expect(platform.alarmsAt.get(OUTBOX_ALARM)).toBeGreaterThan(platform.clock.now);

    platform.clock.now += 1000; // more than twice the (test) time-out of 200 ms
    await next.lifecycle.onAlarm(OUTBOX_ALARM);
    expect(keys).toEqual([draft.idempotencyKey, draft.idempotencyKey]);
    expect(await endpointOf(draft.id)).toMatchObject({ state: 'delivered', attempts: 2 });
  });

  it('a slow endpoint times out and is retried later; two passes at once send once', async () => {
    let calls = 0;
    platform.net.route(ENDPOINT, () => {
      calls += 1;
      return calls === 1
        ? new Promise<Response>(() => undefined)
        : new Response(null, { status: 200 });
    });
    const saved = await draftAndSave();
    await Promise.all([settle(), settle(), background.lifecycle.onAlarm(OUTBOX_ALARM)]);
    expect(calls).toBe(1);
    expect(await endpointOf(saved.report.id)).toMatchObject({
      state: 'queued',
      lastError: 'timeout',
    });
    platform.clock.now += 60_000;
    await Promise.all([
      background.lifecycle.onAlarm(OUTBOX_ALARM),
      composeBackground(platform, defaultCatalog(null)).lifecycle.onAlarm(OUTBOX_ALARM),
    ]);
    expect(calls).toBe(2);
    expect((await endpointOf(saved.report.id)).state).toBe('delivered');
  });

  it('gives up on a refusal, keeps the report, and sends it again on request with the same key', async () => {
    const received = serveEndpoint(400, 200);
    const saved = await draftAndSave();
    await settle();
    expect(await endpointOf(saved.report.id)).toMatchObject({
      state: 'failed',
      lastError: 'HTTP 400',
      nextAttempt: null,
    });
    platform.clock.now += 24 * 3600_000;
    await background.lifecycle.onAlarm(OUTBOX_ALARM);
    expect(received).toHaveLength(1);
    await ask({ type: 'reports.resend', id: saved.report.id }, pageSender('/reports.html'));
    await settle();
    expect((await endpointOf(saved.report.id)).state).toBe('delivered');
    expect(new Set(received.map((r) => r.key))).toEqual(new Set([saved.report.idempotencyKey]));
  });

  it('stops after the last attempt, with the error kept for "My reports"', async () => {
    serveEndpoint(...Array.from({ length: 20 }, () => 503));
    const saved = await draftAndSave();
    for (let i = 0; i < 12; i++) {
      await settle();
      platform.clock.now += 7 * 3600_000;
    }
    expect(await endpointOf(saved.report.id)).toMatchObject({
      state: 'failed',
      attempts: 8,
      lastError: 'HTTP 503',
    });
  });

  it('honours Retry-After', async () => {
    platform.net.route(
      ENDPOINT,
      () => new Response(null, { status: 429, headers: { 'retry-after': '600' } }),
    );
    const saved = await draftAndSave();
    await settle();
    expect((await endpointOf(saved.report.id)).nextAttempt).toBe(platform.clock.now + 600_000);
  });

  it.each([302, 307])(
    'a server answering %s fails the report at once with what happened, not "Failed to fetch"',
    async (status) => {
      platform.net.route(
        ENDPOINT,
        () => new Response(null, { status, headers: { location: 'https://elsewhere.example/' } }),
      );
      const saved = await draftAndSave();
      await settle();
      expect(await endpointOf(saved.report.id)).toMatchObject({
        state: 'failed',
        attempts: 1,
        nextAttempt: null,
        lastError: `the server redirected (HTTP ${status}); reports are not sent on to another address`,
      });
      expect(platform.net.count('https://elsewhere.example/')).toBe(0);
    },
  );

  it('a report queued when the browser closed goes out at the next start', async () => {
    platform.net.route(ENDPOINT, () => {
      throw new TypeError('offline');
    });
    const saved = await draftAndSave();
    await settle();
    const received = serveEndpoint(200);
    platform.clock.now += 3600_000;
    await composeBackground(platform, defaultCatalog(null)).lifecycle.onStartup();
    expect(received).toHaveLength(1);
    expect((await endpointOf(saved.report.id)).state).toBe('delivered');
  });
});

describe('the endpoint setting', () => {
  it('survives a change of another setting (a patch changes only what it names)', async () => {
    const options = pageSender('/options.html');
    await ask(
      { type: 'settings.set', patch: { reportEndpoint: ENDPOINT, autoLookups: false } },
      options,
    );
    await ask({ type: 'settings.set', patch: { language: 'en' } }, options);
    expect(await getSettings()).toEqual({
      language: 'en',
      autoLookups: false,
      reportEndpoint: ENDPOINT,
    });
  });

  it('takes https addresses only, and an empty one turns the build’s endpoint off', async () => {
    const options = pageSender('/options.html');
    expect(
      await background.handleMessage(
        { type: 'settings.set', patch: { reportEndpoint: 'http://reports.example/' } },
        options,
      ),
    ).toEqual({
      ok: false,
      error: 'bad-request',
      detail: 'endpoint-not-https',
    });
    platform.config.reportEndpoint = 'https://build.example/reports';
    expect(await background.settings.reportEndpoint()).toBe('https://build.example/reports');
    await ask({ type: 'settings.set', patch: { reportEndpoint: '' } }, options);
    expect(await background.settings.reportEndpoint()).toBeNull();
    await ask(
      { type: 'settings.set', patch: { reportEndpoint: ' https://mine.example/r ' } },
      options,
    );
    expect(await background.settings.reportEndpoint()).toBe('https://mine.example/r');
    await ask({ type: 'settings.set', patch: { reportEndpoint: null } }, options);
    expect(await background.settings.reportEndpoint()).toBe('https://build.example/reports');
  });
});

describe('screenshots', () => {
  beforeEach(() => openRoguePage());

  it('captures the reported tab', async () => {
    expect(await ask({ type: 'report.screenshot', tabId: TAB })).toEqual({
      ok: true,
      dataUrl: TINY_JPEG,
    });
    expect(platform.tabs.captures).toEqual([TAB]);
  });

  it('says why there is none: no permission, too large, not an image, tab not on a page', async () => {
    platform.tabs.captureResult = new Error(
      "Either the '<all_urls>' or 'activeTab' permission is required.",
    );
    expect(await ask({ type: 'report.screenshot', tabId: TAB })).toEqual({
      ok: false,
      error: 'no-permission',
    });
    platform.tabs.captureResult = `data:image/jpeg;base64,${'A'.repeat(3 * 1024 * 1024)}`;
    expect(await ask({ type: 'report.screenshot', tabId: TAB })).toEqual({
      ok: false,
      error: 'too-large',
    });
    platform.tabs.captureResult = 'data:text/html,<script>';
    expect(await ask({ type: 'report.screenshot', tabId: TAB })).toEqual({
      ok: false,
      error: 'failed',
    });
    platform.tabs.tabs.set(TAB, 'chrome://newtab/');
    expect(await ask({ type: 'report.screenshot', tabId: TAB })).toEqual({
      ok: false,
      error: 'not-loaded',
    });
  });

  it('is kept out of the report list but in the export', async () => {
    const draft = await ask<ReportDraft>({ type: 'report.draft', tabId: TAB });
    const input = inputFrom(draft);
    await ask({
      type: 'report.save',
      input: { ...input, evidence: { ...input.evidence, screenshot: TINY_JPEG } },
    });
    const [listed] = await ask<(Report & { hasScreenshot: boolean })[]>({ type: 'reports.list' });
    expect(listed!.hasScreenshot).toBe(true);
    expect(listed!.evidence.screenshot).toBeNull();
    const exported = JSON.parse(await ask<string>({ type: 'reports.export' })) as {
      reports: Report[];
    };
    expect(exported.reports[0]!.evidence.screenshot).toBe(TINY_JPEG);
    expect(await ask({ type: 'reports.delete', id: draft.id })).toEqual({ removed: true });
    expect(await ask({ type: 'reports.list' })).toEqual([]);
  });
});

describe('who may ask', () => {
  it('a content script may only open the report form for its own tab', async () => {
    await openRoguePage();
    const page = contentSender(PAGE, TAB);
    for (const message of [
      { type: 'report.draft', tabId: TAB },
      { type: 'report.screenshot', tabId: TAB },
      { type: 'reports.list' },
      { type: 'reports.export' },
      { type: 'report.open', tabId: 1 },
    ]) {
      expect(await background.handleMessage(message, page)).toEqual({
        ok: false,
        error: 'forbidden',
      });
    }
    expect(await background.handleMessage({ type: 'page.report', tabId: 1 }, page)).toEqual({
      ok: true,
      data: null,
    });
    expect(platform.windowsOpened).toEqual([
      `chrome-extension://testextensionid/report.html?tab=${TAB}`,
    ]);
  });

  const warningPage = (tabId: number, frameId: number) => ({
    ...pageSender('/warning.html#https://www.kusuri-rogue.com/', tabId),
    frameId,
  });

  it('the warning page opens the form for its own tab; the popup for a tab or a typed site', async () => {
    await background.tabs.onNavigationStarting(12, `https://www.${SITE}/`);
    await ask({ type: 'report.open' }, warningPage(12, 0));
    await ask({ type: 'report.open', kind: 'false-positive' }, warningPage(12, 0));
    await ask({ type: 'report.open', url: 'https://typed.example/a b' }, pageSender('/popup.html'));
    await ask({ type: 'report.open', tabId: 3, kind: 'false-positive' }, pageSender('/popup.html'));
    expect(platform.windowsOpened).toEqual([
      'chrome-extension://testextensionid/report.html?tab=12',
      'chrome-extension://testextensionid/report.html?tab=12&kind=false-positive',
      'chrome-extension://testextensionid/report.html?url=https%3A%2F%2Ftyped.example%2Fa%20b',
      'chrome-extension://testextensionid/report.html?tab=3&kind=false-positive',
    ]);
  });

  it('"Listed by mistake?" and "Report" work only from a top-level warning page the background sent there', async () => {
    await background.tabs.onNavigationStarting(12, `https://www.${SITE}/`);
    for (const sender of [warningPage(12, 4), warningPage(13, 0)]) {
      for (const message of [
        { type: 'report.open' },
        { type: 'report.open', kind: 'false-positive' },
      ]) {
        expect(await background.handleMessage(message, sender)).toMatchObject({
          ok: false,
          error: 'forbidden',
        });
      }
    }
    // An unknown kind is refused at the boundary.
    expect(
      await background.handleMessage({ type: 'report.open', kind: 'spam' }, warningPage(12, 0)),
    ).toMatchObject({ ok: false, error: 'bad-request' });
    expect(platform.windowsOpened).toEqual([]);
  });
});

describe('listed by mistake (a false-positive report)', () => {
  it('goes to the maintainers (issue and e-mail) and the endpoint, never to the abuse desk or the authorities, and blocks nothing', async () => {
    platform.config.maintainersEmail = 'lists@maintainers.example';
    await openRoguePage();
    const draft = await ask<ReportDraft>({ type: 'report.draft', tabId: TAB });
    expect(draft.channels.maintainersEmail).toBe('lists@maintainers.example');
    const saved = await ask<SavedReport>({
      type: 'report.save',
      input: inputFrom(draft, { kind: 'false-positive', blockSite: true }),
    });
    expect(saved.report.kind).toBe('false-positive');
    expect(saved.report.channels.maintainers.state).toBe('ready');
    expect(saved.report.channels.registrar.state).toBe('not-used');
    expect(saved.report.channels.authorities.state).toBe('not-used');
    expect(saved.report.blockedSite).toBe(false);
    expect(await getUserBlocks()).toEqual([]);
    expect(saved.links.mailto).toBeNull();
    const mail = new URL(saved.links.maintainersMail!.url);
    expect(mail.protocol).toBe('mailto:');
    expect(mail.pathname).toBe('lists@maintainers.example');
    expect(mail.searchParams.get('subject')).toBe(`誤掲載の申し立て：www.${SITE}`);
    expect(mail.searchParams.get('body')).toContain('誤ってリストに掲載されているか');
    expect(new URL(saved.links.issue!.url).searchParams.get('title')).toBe(
      `[誤掲載の申し立て] www.${SITE}`,
    );
  });

  it('reaches the maintainers by e-mail alone when the build has no tracker', async () => {
    platform.config.issuesUrl = '';
    platform.config.maintainersEmail = 'lists@maintainers.example';
    await openRoguePage();
    const saved = await draftAndSave({ kind: 'false-positive' });
    expect(saved.links.issue).toBeNull();
    expect(saved.report.channels.maintainers.state).toBe('ready');
    expect(saved.links.maintainersMail!.url.startsWith('mailto:lists@maintainers.example?')).toBe(
      true,
    );
  });

  it('offers no e-mail route for an address that is not a plain address', async () => {
    platform.config.maintainersEmail = 'lists@maintainers.example\r\nBcc: victim@example.com';
    await openRoguePage();
    const draft = await ask<ReportDraft>({ type: 'report.draft', tabId: TAB });
    expect(draft.channels.maintainersEmail).toBeNull();
    const saved = await draftAndSave({ kind: 'false-positive' });
    expect(saved.links.maintainersMail).toBeNull();
  });
});

describe('the context menu', () => {
  it('is set up in the user’s language and follows a language change', async () => {
    expect(platform.menuItems.map((m) => [m.id, m.title, m.contexts])).toEqual([
      [MENU_REPORT_PAGE, 'このページをくすりガードで通報', ['page']],
      [MENU_REPORT_LINK, 'リンク先のサイトをくすりガードで通報', ['link']],
    ]);
    await ask({ type: 'settings.set', patch: { language: 'en' } }, pageSender('/options.html'));
    expect(platform.menuItems[0]!.title).toBe('Report this page with Kusuri Guard');
  });

  it('opens the form for the page, or for the link’s target', async () => {
    await background.menus.onClicked(MENU_REPORT_PAGE, { tabId: 5 });
    await background.menus.onClicked(MENU_REPORT_LINK, {
      tabId: 5,
      linkUrl: 'https://linked.example/x',
    });
    await background.menus.onClicked(MENU_REPORT_LINK, {
      tabId: 5,
      linkUrl: 'javascript:alert(1)',
    });
    expect(platform.windowsOpened).toEqual([
      'chrome-extension://testextensionid/report.html?tab=5',
      'chrome-extension://testextensionid/report.html?url=https%3A%2F%2Flinked.example%2Fx',
    ]);
  });
});
