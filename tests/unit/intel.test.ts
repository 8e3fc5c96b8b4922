// Site intelligence: registrar reputation, domain age, breaches, the privacy rules for lookups,
// the breach notice's once-per-site rule, and the reason texts in both languages.
import { beforeEach, describe, expect, it } from 'vitest';
import { composeBackground, type Background } from '../../utils/background/root';
import { defaultCatalog } from '../../utils/lists/catalog';
import { renderReason } from '../../utils/verdicts/render';
import { updateSettings } from '../../utils/settings/store';
import type { Reason, Verdict } from '../../utils/verdicts/model';
import { contentSender, pageSender, type TestPlatform } from './fakes';
import { installedBackground } from './installed';
import { rdapFor } from './rdap-fixture';

let platform: TestPlatform;
let background: Background;
const ROGUE = '処方箋不要でカマグラをお届けします。個人輸入代行。カートに入れる';

beforeEach(async () => {
  ({ platform, background } = await installedBackground());
});

function serveRdap(domain: string, ianaId: number, name: string, ageDays: number) {
  const url = `https://rdap.verisign.com/com/v1/domain/${domain}`;
  platform.net.route(
    url,
    () => new Response(JSON.stringify(rdapFor(domain, ianaId, name, ageDays, platform.clock.now))),
  );
  return url;
}

const codes = (verdict: Verdict) => verdict.reasons.map((r) => r.code);
const find = (verdict: Verdict, code: string) =>
  verdict.reasons.find((r) => r.code === code) as Reason;

describe('registrar, age and breaches in the verdict', () => {
  it('a new domain at a registrar that ignores takedowns, on a rogue page: every reason, and a higher score', async () => {
    serveRdap('new-pills.com', 49, 'GMO Internet Group, Inc. d/b/a Onamae.com', 20);
    await background.handleMessage(
      {
        type: 'page.check',
        url: 'https://new-pills.com/',
        sample: { title: '', meta: '', headings: '', text: ROGUE },
      },
      contentSender('https://new-pills.com/', 3),
    );
    platform.tabs.tabs.set(3, 'https://new-pills.com/');
    const verdict = await background.verdicts.verdictForTab(3, 'explicit');
    expect(codes(verdict)).toEqual(
      expect.arrayContaining([
        'registrar.identity',
        'registrar.breach',
        'registrar.noncooperation',
        'age.new',
      ]),
    );
    expect(find(verdict, 'registrar.noncooperation')).toMatchObject({
      level: 'caution',
      pharmacyContext: true,
    });
    expect(verdict.intel).toMatchObject({
      domain: 'new-pills.com',
      state: 'done',
      registrar: { ianaId: 49 },
      abuse: { email: 'abuse@registrar.example' },
    });
    expect(verdict.score).toBe(100);
  });

  it('the same registrar on an ordinary page raises nothing, and says most sites there are fine', async () => {
    serveRdap('ordinary-shop.com', 49, 'GMO Internet Group, Inc. d/b/a Onamae.com', 3000);
    const result = await background.verdicts.checkSite('ordinary-shop.com');
    if (!result.ok) throw new Error('check failed');
    const reason = find(result.verdict, 'registrar.noncooperation');
    expect(reason).toMatchObject({ level: 'none', pharmacyContext: false });
    expect(renderReason('en', reason).details).toContain(
      'This says nothing about this site by itself: most sites registered there are legitimate.',
    );
    expect(find(result.verdict, 'age.established')).toMatchObject({ days: 3000 });
    expect(result.verdict.level).toBe('none');
  });

  it('domain age: under 90 days caution, under a year slightly, older nothing', async () => {
    for (const [days, code, level] of [
      [10, 'age.new', 'caution'],
      [200, 'age.young', 'none'],
      [800, 'age.established', 'none'],
    ] as const) {
      const domain = `age-${days}.com`;
      serveRdap(domain, 146, 'GoDaddy.com, LLC', days);
      const result = await background.verdicts.checkSite(domain);
      if (!result.ok) throw new Error('check failed');
      expect(find(result.verdict, code)).toMatchObject({ level, days });
    }
  });

  it('shows known breaches of the site from HIBP and from the curated Japanese list', async () => {
    const adobe = await background.verdicts.checkSite('https://www.adobe.com/');
    if (!adobe.ok) throw new Error('check failed');
    const breach = find(adobe.verdict, 'breach.site');
    expect(breach).toMatchObject({
      level: 'caution',
      breach: { name: 'Adobe', domain: 'adobe.com' },
    });
    expect(renderReason('en', breach).title).toBe(
      'This site’s service had a data breach: Adobe (4 October 2013).',
    );
    const onamae = await background.verdicts.checkSite('onamae.com');
    if (!onamae.ok) throw new Error('check failed');
    const jp = find(onamae.verdict, 'breach.site');
    expect(renderReason('ja', jp).title).toBe(
      'このサイトのサービスで情報漏えいがありました（お名前.com (GMO Internet)、2014年12月4日）。',
    );
    expect(renderReason('ja', jp).details).toEqual(
      expect.arrayContaining([
        '漏えいした情報：アカウントID、氏名、ドメイン名。',
        '影響を受けたアカウント：164,650件。',
      ]),
    );
  });

  it('says honestly that .jp has no RDAP and links to JPRS WHOIS', async () => {
    const result = await background.verdicts.checkSite('https://www.joa2020.jp/faq.php');
    if (!result.ok) throw new Error('check failed');
    const reason = find(result.verdict, 'registrar.no-rdap');
    const rendered = renderReason('ja', reason);
    expect(rendered.title).toBe(
      'このドメインのレジストリはRDAPに対応していないため、レジストラや登録日をここに表示できません。',
    );
    expect(rendered.sources).toEqual([
      { label: 'https://whois.jprs.jp/', url: 'https://whois.jprs.jp/', date: null },
    ]);
    expect(platform.net.requests).toHaveLength(0);
  });

  it('renders every registrar reason in both languages', async () => {
    serveRdap('texts.com', 49, 'GMO Internet Group, Inc. d/b/a Onamae.com', 20);
    const result = await background.verdicts.checkSite('texts.com');
    if (!result.ok) throw new Error('check failed');
    const identity = find(result.verdict, 'registrar.identity');
    expect(renderReason('en', identity).title).toBe(
      'Registered through GMO Internet (お名前.com) (IANA ID 49).',
    );
    expect(renderReason('ja', identity).title).toBe(
      'このドメインはGMOインターネット（お名前.com）（IANA ID 49）で登録されています。',
    );
    expect(renderReason('en', identity).details).toEqual([
      'Abuse contact: abuse@registrar.example / +81.312345678',
    ]);
    const breach = result.verdict.reasons.find((r) => r.code === 'registrar.breach')!;
    expect(renderReason('en', breach).title).toBe(
      'GMO Internet (お名前.com) had a data breach (4 December 2014; 164,650 records).',
    );
    expect(renderReason('ja', breach).title).toBe(
      'GMOインターネット（お名前.com）で情報漏えいがありました（2014年12月4日、164,650件）。',
    );
    const age = find(result.verdict, 'age.new');
    expect(renderReason('en', age).title).toMatch(
      /^The domain was registered only 20 days ago \(\d+ \w+ 2026\)\.$/,
    );
    expect(renderReason('ja', age).title).toMatch(
      /^このドメインは20日前（2026年\d+月\d+日）に登録されたばかりです。$/,
    );
  });
});

describe('privacy: what is looked up, and when', () => {
  it('opening the popup looks the site up only if automatic lookups are on', async () => {
    const url = serveRdap('popup-site.com', 146, 'GoDaddy.com, LLC', 900);
    platform.tabs.tabs.set(4, 'https://popup-site.com/page?secret=1');
    await updateSettings({ autoLookups: false });
    const off = await background.handleMessage(
      { type: 'intel.lookup', tabId: 4, explicit: false },
      pageSender('/popup.html'),
    );
    expect(off).toMatchObject({ ok: true, data: { intel: { state: 'not-asked' } } });
    expect(platform.net.requests).toHaveLength(0);
    // The user presses "Look up": sent now, and only the domain.
    await background.handleMessage(
      { type: 'intel.lookup', tabId: 4, explicit: true },
      pageSender('/popup.html'),
    );
    expect(platform.net.requests.map((r) => r.url)).toEqual([url]);
    await updateSettings({ autoLookups: true });
    platform.tabs.tabs.set(5, 'https://other-site.com/');
    const other = serveRdap('other-site.com', 146, 'GoDaddy.com, LLC', 900);
    await background.handleMessage(
      { type: 'intel.lookup', tabId: 5, explicit: false },
      pageSender('/popup.html'),
    );
    expect(platform.net.requests.map((r) => r.url)).toEqual([url, other]);
  });

  it('two lookups of one domain at once send one request and both get its answer', async () => {
    await updateSettings({ autoLookups: true });
    const url = `https://rdap.verisign.com/com/v1/domain/twice-site.com`;
    let reply: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (reply = resolve));
    platform.net.route(url, async () => {
      await held; // the registry answers only after both askers are waiting
      return new Response(
        JSON.stringify(rdapFor('twice-site.com', 146, 'GoDaddy.com, LLC', 900, platform.clock.now)),
      );
    });
    platform.tabs.tabs.set(9, 'https://twice-site.com/');
    const ask = (explicit: boolean) =>
      background.handleMessage(
        { type: 'intel.lookup', tabId: 9, explicit },
        pageSender('/popup.html'),
      );
    const both = Promise.all([ask(false), ask(true)]);
    await new Promise((r) => setTimeout(r, 20));
    reply();
    const [first, second] = await both;
    expect(platform.net.count(url)).toBe(1);
    for (const answer of [first, second])
      expect(answer).toMatchObject({
        ok: true,
        data: { intel: { state: 'done', domain: 'twice-site.com', registrar: { ianaId: 146 } } },
      });
    // Once settled, a later explicit lookup is the cache's (fresh) answer: still one request.
    await ask(true);
    expect(platform.net.count(url)).toBe(1);
  });

  it('a page scoring caution or above is looked up by itself, an ordinary page never', async () => {
    const plain = serveRdap('plain-site.com', 146, 'GoDaddy.com, LLC', 900);
    await background.handleMessage(
      {
        type: 'page.check',
        url: 'https://plain-site.com/',
        sample: { title: '', meta: '', headings: '', text: 'Garden tools and seeds.' },
      },
      contentSender('https://plain-site.com/', 6),
    );
    const rogue = serveRdap('rogue-site.com', 49, 'GMO', 10);
    platform.tabs.tabs.set(7, 'https://rogue-site.com/');
    await background.handleMessage(
      {
        type: 'page.check',
        url: 'https://rogue-site.com/',
        sample: { title: '', meta: '', headings: '', text: ROGUE },
      },
      contentSender('https://rogue-site.com/', 7),
    );
    await new Promise((r) => setTimeout(r, 50)); // the lookup runs after the banner answer
    expect(platform.net.count(plain)).toBe(0);
    expect(platform.net.count(rogue)).toBe(1);
    await updateSettings({ autoLookups: false });
    const quiet = serveRdap('rogue-quiet.com', 49, 'GMO', 10);
    platform.tabs.tabs.set(8, 'https://rogue-quiet.com/');
    await background.handleMessage(
      {
        type: 'page.check',
        url: 'https://rogue-quiet.com/',
        sample: { title: '', meta: '', headings: '', text: ROGUE },
      },
      contentSender('https://rogue-quiet.com/', 8),
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(platform.net.count(quiet)).toBe(0);
  });

  it.each([
    ['', 'empty'],
    ['!!!', 'invalid'],
    ['javascript:alert(1)', 'unsupported-scheme'],
    ['data:text/html,<b>hi</b>', 'unsupported-scheme'],
    ['https://user:pass@example.com/', 'credentials'],
    [`${'a'.repeat(60)}.`.repeat(5) + 'com', 'too-long'],
    ['http://localhost:8080/', 'local'],
  ])('check a site: %j is refused clearly (%s), nothing sent or stored', async (input, error) => {
    expect(await background.verdicts.checkSite(input)).toEqual({ ok: false, error });
    expect(platform.net.requests).toHaveLength(0);
  });

  it('check a site: an IP address is checked against the lists without a lookup', async () => {
    const result = await background.verdicts.checkSite('203.0.113.7');
    expect(result).toMatchObject({
      ok: true,
      verdict: { status: 'checked', host: '203.0.113.7', intel: null },
    });
    expect(platform.net.requests).toHaveLength(0);
  });
});

describe('breach notices', () => {
  const check = (url: string, tabId = 9) =>
    background.handleMessage({ type: 'page.check', url }, contentSender(url, tabId)) as Promise<{
      ok: true;
      data: { notice: { names: string[]; title: string; text: string } | null };
    }>;

  it('curated Japanese breaches follow the 12-month rule: a breach from 2014 is not announced today', async () => {
    expect((await check('https://www.onamae.com/')).data.notice).toBeNull();
    expect((await check('https://www.yahoo.co.jp/')).data.notice).toBeNull(); // 2013
  });

  it('curated Japanese breaches: once per site, and a dismissal is remembered per breach', async () => {
    // Within 12 months of the お名前.com breach (4 December 2014), it is announced.
    platform.clock.now = Date.parse('2015-06-01T00:00:00Z');
    const first = await check('https://www.onamae.com/');
    expect(first.data.notice).toMatchObject({
      names: ['OnamaeCom2014'],
      title: 'Kusuri Guard: onamae.com had a data breach',
    });
    expect(first.data.notice!.text).toContain('Accounts affected: 164,650.');
    // Not seen yet (a page may remove it on sight): the next visit shows it again…
    expect((await check('https://www.onamae.com/domain/')).data.notice).not.toBeNull();
    // …a forged "seen" for another site's breach does nothing…
    await background.handleMessage(
      { type: 'page.noticeSeen', names: ['OnamaeCom2014'] },
      contentSender('https://adobe.com/'),
    );
    expect((await check('https://www.onamae.com/domain/')).data.notice).not.toBeNull();
    // …and once the content script saw it on screen, it is shown once: the next visit is quiet.
    await background.handleMessage(
      { type: 'page.noticeSeen', names: ['OnamaeCom2014'] },
      contentSender('https://www.onamae.com/'),
    );
    expect((await check('https://www.onamae.com/domain/')).data.notice).toBeNull();
    // A forged dismissal for another site's breach does nothing; the real one is stored.
    await background.handleMessage(
      { type: 'page.noticeDismiss', names: ['Adobe'] },
      contentSender('https://www.onamae.com/'),
    );
    await background.handleMessage(
      { type: 'page.noticeDismiss', names: ['OnamaeCom2014'] },
      contentSender('https://www.onamae.com/'),
    );
    const restarted = composeBackground(platform, defaultCatalog(null));
    expect(
      (
        (await restarted.handleMessage(
          { type: 'page.check', url: 'https://onamae.com/' },
          contentSender('https://onamae.com/'),
        )) as { data: { notice: unknown } }
      ).data.notice,
    ).toBeNull();
    expect((await check('https://adobe.com/')).data.notice).toBeNull(); // an old HIBP breach: not announced
  });

  it('HIBP breaches are announced when added in the last 12 months', async () => {
    const url = 'https://hibp.test/breaches';
    platform.net.route(
      url,
      () =>
        new Response(
          JSON.stringify([
            {
              Name: 'FreshShop',
              Title: 'Fresh Shop',
              Domain: 'fresh-shop.example',
              BreachDate: '2026-09-01',
              AddedDate: '2026-10-01T00:00:00Z',
              PwnCount: 1200,
              Description: 'Fresh breach.',
              DataClasses: ['Email addresses', 'Passwords'],
              IsVerified: true,
              IsFabricated: false,
              IsSensitive: false,
              IsRetired: false,
              IsSpamList: false,
            },
            {
              Name: 'StaleShop',
              Title: 'Stale Shop',
              Domain: 'stale-shop.example',
              BreachDate: '2020-01-01',
              AddedDate: '2020-02-01T00:00:00Z',
              PwnCount: 5,
              Description: 'Old.',
              DataClasses: ['Email addresses'],
            },
          ]),
        ),
    );
    await background.refresher.subscribe({
      url,
      format: 'hibp',
      action: 'warn',
      name: 'Local HIBP',
    });
    const fresh = await check('https://fresh-shop.example/');
    expect(fresh.data.notice).toMatchObject({ names: ['FreshShop'] });
    expect(fresh.data.notice!.text).toBe(
      'This site’s service had a data breach: Fresh Shop (1 September 2026). Data exposed: Email addresses, Passwords. Accounts affected: 1,200.',
    );
    expect((await check('https://stale-shop.example/')).data.notice).toBeNull();
  });
});
