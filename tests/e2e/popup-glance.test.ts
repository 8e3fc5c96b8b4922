// The popup at a glance and "Listed by mistake?", in real Chromium, in English and Japanese: on a
// rogue page with many page signals and a registrar with a long record, the verdict, the three
// main reasons and the action buttons lie within the first 600 px (measured from their bounding
// boxes), the rest is grouped under disclosures with counts; "Listed by mistake?" from the popup
// and from the full-page warning opens a prefilled false-positive report whose preview goes to
// the list maintainers (issue and e-mail), not to an abuse desk. Uses the e2e build (local RDAP,
// a test address for the maintainers' e-mail).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { ARTIFACTS, type ExtensionBrowser } from './browser';
import type { FixtureServer } from './fixture-server';
import { gotoTyped, tabIdOf } from './helpers';
import { LISTED, openRogueSite, popupFor as popupAfterLookup, type RogueSite } from './rogue-site';

const ROGUE = 'glance-kamagra-shop.com';
const MAINTAINERS = 'lists@kusuri-guard-test.example';
/** Chrome's popup is at most 600 px tall: what is below needs scrolling. */
const FIRST_SCREEN = 600;

const TEXT = {
  en: {
    registrar: 'Registered through GMO Internet (お名前.com) (IANA ID 49).',
    dispute: 'Listed by mistake?',
    disputeFlagged: 'Warned by mistake?',
    disputeTitle: 'Listed or warned by mistake?',
    kind: 'Listed or flagged by mistake (I think this site is fine)',
    issueTitle: '[Listed by mistake?] ',
    mailSentence: 'but I believe the site is listed or flagged by mistake.',
    subject: 'Listed by mistake: ',
    notForDispute: 'Not for a “listed by mistake” request',
  },
  ja: {
    registrar: 'このドメインはGMOインターネット（お名前.com）（IANA ID 49）で登録されています。',
    dispute: '誤って掲載されていますか？',
    disputeFlagged: '誤って警告されていますか？',
    disputeTitle: '誤って掲載・警告されていますか？',
    kind: '誤って掲載・警告されている（問題のないサイトだと思う）',
    issueTitle: '[誤掲載の申し立て] ',
    mailSentence: 'このサイトは誤ってリストに掲載されているか、誤って判定されていると考えます。',
    subject: '誤掲載の申し立て：',
    notForDispute: '誤掲載の申し立てには使いません',
  },
} as const;

for (const lang of ['en', 'ja'] as const) {
  describe(`the popup at a glance and "Listed by mistake?" (${lang})`, () => {
    let site: RogueSite;
    let server: FixtureServer;
    let ext: ExtensionBrowser;
    const text = TEXT[lang];

    beforeAll(async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      site = await openRogueSite(ROGUE, { lang });
      ({ server, ext } = site);
    });

    afterAll(async () => {
      await site?.close();
    });

    /** The popup for `page`, as tall as Chrome allows (600 px), once the registrar lookup is in. */
    const popupFor = (page: Page): Promise<Page> => popupAfterLookup(ext, page, text.registrar);

    it('shows the verdict, three main reasons and the actions within the first 600 px', async () => {
      const page = await ext.context.newPage();
      await page.goto(server.url(ROGUE));
      const popup = await popupFor(page);
      expect(await popup.locator('#verdict').getAttribute('data-level')).toBe('danger');
      // Many reasons in all (the page's signals, the registrar's record): more than fit at once.
      const all = await popup.locator('.reasons-section li.reason').count();
      expect(all).toBeGreaterThanOrEqual(8);
      expect(await popup.locator('#reasons-registrar li.reason').count()).toBeGreaterThanOrEqual(4);

      const boxes = {
        verdict: await popup.locator('#verdict').boundingBox(),
        reasons: await Promise.all(
          (await popup.locator('#top-reasons li.reason').all()).map((r) => r.boundingBox()),
        ),
        actions: await Promise.all(
          (await popup.locator('#site-actions button').all()).map((b) => b.boundingBox()),
        ),
      };
      await popup.screenshot({ path: `${ARTIFACTS}/popup-glance-${lang}.png` });
      expect(boxes.reasons).toHaveLength(3);
      expect(boxes.actions.length).toBeGreaterThanOrEqual(3); // report, block, listed by mistake
      for (const box of [boxes.verdict, ...boxes.reasons, ...boxes.actions]) {
        expect(box).not.toBeNull();
        expect(box!.y).toBeGreaterThanOrEqual(0);
        expect(box!.y + box!.height).toBeLessThanOrEqual(FIRST_SCREEN);
      }

      // The rest is grouped under closed disclosures whose summaries give the counts.
      for (const id of ['reasons-page', 'reasons-registrar']) {
        const group = popup.locator(`#${id} > details`);
        expect(await group.evaluate((d: HTMLDetailsElement) => d.open), id).toBe(false);
        const count = await popup.locator(`#${id} li.reason`).count();
        expect(await popup.locator(`#${id} summary.group-title`).textContent(), id).toContain(
          lang === 'ja' ? `（${count}）` : `(${count})`,
        );
      }
      // A disclosure opens from the keyboard.
      await popup.locator('#reasons-page summary.group-title').focus();
      await popup.keyboard.press('Enter');
      expect(
        await popup.locator('#reasons-page > details').evaluate((d: HTMLDetailsElement) => d.open),
      ).toBe(true);
      await popup.screenshot({
        path: `${ARTIFACTS}/popup-glance-${lang}-full.png`,
        fullPage: true,
      });
      await popup.close();
      await page.close();
    }, 60_000);

    /** The report form's preview of a false-positive report, checked in full. */
    async function expectDisputePreview(form: Page, host: string): Promise<void> {
      await form.locator('#report-site').waitFor();
      expect(await form.locator('#report-site').textContent()).toBe(host);
      expect(await form.locator('input[name=kind][value=false-positive]').isChecked()).toBe(true);
      expect(await form.locator('h1').textContent()).toBe(text.disputeTitle);
      expect(await form.locator('fieldset').first().textContent()).toContain(text.kind);
      // No abuse desk, no authorities for a dispute, and nothing to block.
      expect(await form.locator('#ch-registrar').isDisabled()).toBe(true);
      expect(await form.locator('#ch-authorities').isDisabled()).toBe(true);
      expect(await form.locator('.where').textContent()).toContain(text.notForDispute);
      expect(await form.locator('#block-site').count()).toBe(0);
      expect(await form.locator('#tab-registrar').count()).toBe(0);
      await form.locator('#tab-maintainers').click();
      const panel = (await form.locator('#preview-panel').textContent()) ?? '';
      expect(panel).toContain(`${text.issueTitle}${host}`);
      expect(panel).toContain(MAINTAINERS);
      expect(panel).toContain(`${text.subject}${host}`);
      expect(await form.locator('#preview-maintainers-mail').textContent()).toContain(
        text.mailSentence,
      );
    }

    it('"Warned by mistake?" in the popup of a page the detector warns on opens the prefilled dispute for the tab', async () => {
      const page = await ext.context.newPage();
      await page.goto(server.url(ROGUE, '/'));
      const popup = await popupFor(page);
      const tabId = await tabIdOf(ext, page);
      const opened = ext.context.waitForEvent('page', {
        predicate: (p) => p.url().includes(`/report.html?tab=${tabId}&kind=false-positive`),
      });
      // The page is on no list: the popup does not say "listed".
      expect(await popup.locator('#dispute').textContent()).toBe(text.disputeFlagged);
      await popup.locator('#dispute').click();
      const form = await opened;
      await form.setViewportSize({ width: 1280, height: 800 });
      await expectDisputePreview(form, ROGUE);
      await form.screenshot({ path: `${ARTIFACTS}/dispute-popup-${lang}.png`, fullPage: true });
      await form.close();
      if (!popup.isClosed()) await popup.close();
      await page.close();
    }, 60_000);

    it('"Listed by mistake?" on the full-page warning opens the prefilled dispute', async () => {
      const page = await ext.context.newPage();
      await gotoTyped(page, server.url(LISTED, '/')).catch(() => undefined);
      await expect.poll(() => page.url()).toContain('/warning.html#');
      await page.locator('#dispute').waitFor();
      expect(await page.locator('#dispute').textContent()).toBe(text.dispute);
      const opened = ext.context.waitForEvent('page', {
        predicate: (p) =>
          p.url().includes('/report.html?tab=') && p.url().includes('false-positive'),
      });
      await page.locator('#dispute').click();
      const form = await opened;
      await expectDisputePreview(form, LISTED);
      await form.close();
      await page.close();
    }, 60_000);
  });
}
