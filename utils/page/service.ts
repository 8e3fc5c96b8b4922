// The content script's requests, about the sender's own tab: the page check (the detector scores
// the sample here, in the worker), the banner's buttons and the breach notice's "Got it". The tab
// and URL always come from the browser (the sender), never from the message.
import { bannerFor, noticeFor } from './models';
import type { BannerModel } from '../content/banner';
import type { NoticeModel } from '../content/notice';
import { SAMPLE_LIMITS, type TextSample } from '../content/sample';
import type { PageStructure } from '../content/structure';
import { FrameSamples } from './frame-samples';
import { displayHost, hostOfUrl, registrableDomain } from '../core/hostname';
import type { MessageContext } from '../core/handler';
import { dismissConfirmUrl, popupUrl, type ExtensionUrl } from '../core/routes';
import type { SenderInfo } from '../core/sender';
import { scoreDetected } from '../detector/shipped';
import type { DetectedPage, DetectorScore } from '../detector/model-score';
import { recordPage, siteFinding, sitePage, withSiteEvidence } from '../detector/site-evidence';
import {
  clearSiteEvidence,
  readSiteEvidence,
  writeSiteEvidence,
} from '../detector/site-evidence-store';
import { listedLinks, withListedLinks } from './listed-links';
import { getBreachNotices, markBreachNotices } from '../intel/breach-notices';
import { noticeWorthy } from '../intel/model';
import type { Lang } from '../i18n';
import type { TabServiceDeps } from '../tabs/deps';
import type { TabsService } from '../tabs/service';
import { levelRank, type Verdict } from '../verdicts/model';

export interface PageCheckReply {
  banner: BannerModel | null;
  notice: NoticeModel | null;
}

/** What the page check reads: the tab services' dependencies except where each tab was heading,
 * which only the tabs feature records (it alone sends a tab to the warning page, and owns
 * whether the user continued to a site in a tab). */
export interface PageDeps extends Omit<TabServiceDeps, 'targets'> {
  tabs: TabsService;
}

export class PageService {
  private readonly frames: FrameSamples;

  constructor(private readonly deps: PageDeps) {
    this.frames = new FrameSamples(deps.platform.session);
  }

  /** A content script read its page; the sample, when the page mentions medicines, is scored. */
  async check(
    context: MessageContext,
    own: TextSample | null,
    structure?: PageStructure,
  ): Promise<PageCheckReply> {
    const { platform, pageScores, verdicts, badge } = this.deps;
    const { tabId, url, frameId, documentId } = context.sender;
    // The tab's verdict is the top frame's (frames send page.frame instead).
    if (tabId === undefined || url === undefined || (frameId !== undefined && frameId !== 0))
      return { banner: null, notice: null };
    const host = hostOfUrl(url);
    if (!host) return { banner: null, notice: null };
    const sample = withFrames(own, await this.frames.text(tabId));
    const score = sample
      ? scoreDetected({
          url,
          host: host.host,
          hostUnicode: displayHost(host.host),
          ...sample,
          ...(structure && { structure }),
        })
      : null;
    const now = platform.now();
    // The record as written, not read back: a same-document refresh of this tab may rewrite
    // storage in between (a page calling pushState in a loop).
    const evidence = await this.siteEvidence(url, score, now);
    const linked =
      score && structure?.hosts?.length ? await this.listedLinks(host.host, structure.hosts) : [];
    const page = await pageScores.set(
      tabId,
      url,
      withListedLinks(evidence, linked),
      now,
      documentId,
    );
    const settings = await context.settings();
    const verdict = await verdicts.verdictFor(url, page, 'cache-only', settings);
    const lang = await context.lang();
    await badge.show(tabId, verdict, lang);
    // A page that already looks suspicious gets its registrar looked up (if automatic lookups are
    // on), in the background: the banner does not wait for the network.
    if (page && levelRank(page.level) >= levelRank('caution') && !verdict.allowlisted) {
      void verdicts.verdictForTab(tabId, 'automatic').catch(() => undefined);
    }
    const banner = bannerFor(verdict, lang);
    // After "continue anyway" to this site in this tab, the banner stays but no longer escalates.
    if (banner && (await this.deps.tabs.granted(tabId, verdict.site))) banner.escalate = false;
    return { banner, notice: await this.breachNotice(verdict, lang) };
  }

  /**
   * The page's result with what the other pages of its site said (whole-site verdicts): this
   * page's result is remembered for its site; an allowlisted (licensed) site keeps no evidence.
   */
  private async siteEvidence(
    url: string,
    score: DetectorScore | null,
    now: number,
  ): Promise<DetectedPage | null> {
    const host = hostOfUrl(url);
    if (!host || host.kind !== 'domain') return score;
    const site = registrableDomain(host.host);
    if ((await this.deps.decisions.allowSites()).has(site)) {
      await clearSiteEvidence(site);
      return score;
    }
    let evidence = await readSiteEvidence(site);
    if (score) {
      evidence = recordPage(evidence, site, sitePage(url, score, now), now);
      await writeSiteEvidence(evidence);
    }
    return withSiteEvidence(score, siteFinding(evidence, now), url);
  }

  /**
   * The page's linked hosts that a block-level list names (utils/page/listed-links.ts). A list
   * that cannot be read now (a chunk lost, storage failing) costs this reason, not the page's
   * verdict: the check goes on without it.
   */
  private async listedLinks(pageHost: string, hosts: readonly string[]): Promise<string[]> {
    try {
      const allowSites = await this.deps.decisions.allowSites();
      if (allowSites.has(registrableDomain(pageHost))) return [];
      return await listedLinks(pageHost, hosts, await this.deps.lists.lookupIndex(), allowSites);
    } catch {
      return [];
    }
  }

  /**
   * A frame the top document cannot read (another origin) sent what it says: remembered for its
   * tab, and the top frame is asked to check again, now with it. Only from a content script in
   * a sub-frame of a tab; nothing is asked when the frame says what it said before.
   */
  async frameSample(context: MessageContext, sample: TextSample): Promise<void> {
    const { tabId, frameId, url } = context.sender;
    if (tabId === undefined || frameId === undefined || frameId === 0) return;
    if (url === undefined || !/^https?:/.test(url)) return;
    const text = [sample.title, sample.headings, sample.text].filter((t) => t !== '').join('\n');
    if (await this.frames.put(tabId, frameId, text, this.deps.platform.now()))
      await this.deps.platform.tabs.rescanTopFrame(tabId);
  }

  /** The tab's top frame committed another document, or the tab closed. */
  forgetFrames(tabId: number): Promise<void> {
    return this.frames.clear(tabId);
  }

  /**
   * A small notice about breaches of the site's own service, once: HIBP breaches added in the
   * last 12 months, and the curated Japanese breaches the user has not been told about.
   */
  private async breachNotice(verdict: Verdict, lang: Lang): Promise<NoticeModel | null> {
    if (verdict.status !== 'checked' || verdict.site === null) return null;
    const now = this.deps.platform.now();
    const index = await this.deps.lists.lookupIndex();
    const candidates = noticeWorthy(await index.breachesFor(verdict.site), now);
    if (candidates.length === 0) return null;
    const seen = await getBreachNotices(candidates.map((c) => c.breach.name));
    const fresh = candidates.filter(
      (c) => !seen.get(c.breach.name)?.shownAt && !seen.get(c.breach.name)?.dismissedAt,
    );
    // Counted as shown only when the content script saw it on screen (page.noticeSeen): a page
    // that removes it on sight does not use up the user's one notice.
    if (fresh.length === 0) return null;
    return noticeFor(verdict.site, fresh, lang);
  }

  /** The notice's "Got it": remembered per breach, only for breaches of the sender's own site. */
  async dismissNotice(sender: SenderInfo, names: string[]): Promise<void> {
    await this.markNotice(sender, names, { dismissedAt: this.deps.platform.now() });
  }

  /** The notice was on screen long enough to be read: it is not announced again. */
  async noticeSeen(sender: SenderInfo, names: string[]): Promise<void> {
    await this.markNotice(sender, names, { shownAt: this.deps.platform.now() });
  }

  private async markNotice(
    sender: SenderInfo,
    names: string[],
    mark: { shownAt: number } | { dismissedAt: number },
  ): Promise<void> {
    const host = sender.url ? hostOfUrl(sender.url) : null;
    if (!host) return;
    const site = registrableDomain(host.host);
    const own = new Set(
      (await (await this.deps.lists.lookupIndex()).breachesFor(site)).map((b) => b.breach.name),
    );
    const valid = names.filter((n) => own.has(n));
    if (valid.length > 0) await markBreachNotices(valid, site, mark);
  }

  /**
   * "Don't warn me on this site", from the banner. Lowering protection is never decided by one
   * click inside the page (a decoy can be drawn over the button): the popup asks, in a page the
   * site cannot reach (`dismissal.add`).
   */
  askToDismiss(sender: SenderInfo): Promise<void> {
    return this.openBeside(sender, dismissConfirmUrl);
  }

  /**
   * The content script says the page hid, covered, shrank, erased or kept removing the banner
   * the background asked for: the tab goes to the full-page warning ("this page tried to hide
   * Kusuri Guard's warning"). Only for a page that does get a banner, and not after the user
   * chose to continue to that site in this tab.
   */
  async escalate(context: MessageContext): Promise<{ escalated: boolean }> {
    const { verdicts, tabs } = this.deps;
    const { tabId, url, frameId } = context.sender;
    if (tabId === undefined || url === undefined || frameId !== 0) return { escalated: false };
    const verdict = await verdicts.verdictForPage(tabId, url);
    if (!bannerFor(verdict, await context.lang())) return { escalated: false };
    if (await tabs.granted(tabId, verdict.site)) return { escalated: false };
    await tabs.sendToWarning(tabId, url, 'hid-warning');
    return { escalated: true };
  }

  /** The banner's "Details": the popup's view of this tab, as a page next to it. */
  details(sender: SenderInfo): Promise<void> {
    return this.openBeside(sender, popupUrl);
  }

  /** Opens one of the extension's pages about the sender's tab, next to that tab. */
  private async openBeside(
    sender: SenderInfo,
    route: (extensionUrl: ExtensionUrl, tabId: number) => string,
  ): Promise<void> {
    if (sender.tabId === undefined) return;
    const { platform } = this.deps;
    await platform.tabs.open(
      route((p) => platform.extensionUrl(p), sender.tabId),
      sender.tabId,
    );
  }
}

/**
 * The top frame's sample with its frames' text after its own (the top's text gives way so that
 * the frames' text always fits: a page cannot push a framed shop out with filler).
 */
export function withFrames(own: TextSample | null, framesText: string): TextSample | null {
  if (framesText === '') return own;
  const base = own ?? { title: '', meta: '', headings: '', text: '' };
  const room = Math.max(0, SAMPLE_LIMITS.text - framesText.length - 1);
  const text = base.text.slice(0, room);
  return { ...base, text: text ? `${text}\n${framesText}` : framesText };
}
