// The content script's requests, about the sender's own tab: the page check (the detector scores
// the sample here, in the worker), the banner's buttons and the breach notice's "Got it". The tab
// and URL always come from the browser (the sender), never from the message.
import { bannerFor, noticeFor } from './models';
import type { BannerModel } from '../content/banner';
import type { NoticeModel } from '../content/notice';
import type { TextSample } from '../content/sample';
import { displayHost, hostOfUrl, registrableDomain } from '../core/hostname';
import type { MessageContext } from '../core/handler';
import { popupUrl } from '../core/routes';
import type { SenderInfo } from '../core/sender';
import { scoreDetected } from '../detector/shipped';
import type { DetectedPage, DetectorScore } from '../detector/model-score';
import { recordPage, siteFinding, sitePage, withSiteEvidence } from '../detector/site-evidence';
import {
  clearSiteEvidence,
  readSiteEvidence,
  writeSiteEvidence,
} from '../detector/site-evidence-store';
import { getBreachNotices, markBreachNotices } from '../intel/breach-notices';
import { noticeWorthy } from '../intel/model';
import type { Lang } from '../i18n';
import type { TabServiceDeps } from '../tabs/deps';
import { levelRank, type Verdict } from '../verdicts/model';

export interface PageCheckReply {
  banner: BannerModel | null;
  notice: NoticeModel | null;
}

export class PageService {
  constructor(private readonly deps: TabServiceDeps) {}

  /** A content script read its page; the sample, when the page mentions medicines, is scored. */
  async check(context: MessageContext, sample: TextSample | null): Promise<PageCheckReply> {
    const { platform, pageScores, verdicts, badge } = this.deps;
    const { tabId, url } = context.sender;
    if (tabId === undefined || url === undefined) return { banner: null, notice: null };
    const host = hostOfUrl(url);
    if (!host) return { banner: null, notice: null };
    const score = sample
      ? scoreDetected({ url, host: host.host, hostUnicode: displayHost(host.host), ...sample })
      : null;
    const now = platform.now();
    await pageScores.set(tabId, url, await this.siteEvidence(url, score, now), now);
    const page = await pageScores.get(tabId, url);
    const settings = await context.settings();
    const verdict = await verdicts.verdictFor(url, page, 'cache-only', settings);
    const lang = await context.lang();
    await badge.show(tabId, verdict, lang);
    // A page that already looks suspicious gets its registrar looked up (if automatic lookups are
    // on), in the background: the banner does not wait for the network.
    if (page && levelRank(page.level) >= levelRank('caution') && !verdict.allowlisted) {
      void verdicts.verdictForTab(tabId, 'automatic').catch(() => undefined);
    }
    return { banner: bannerFor(verdict, lang), notice: await this.breachNotice(verdict, lang) };
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
   * A small notice about breaches of the site's own service, once: HIBP breaches added in the
   * last 12 months, and the curated Japanese breaches the user has not been told about.
   */
  private async breachNotice(verdict: Verdict, lang: Lang): Promise<NoticeModel | null> {
    if (verdict.status !== 'checked' || verdict.site === null) return null;
    const now = this.deps.platform.now();
    const index = await this.deps.lists.index();
    const candidates = noticeWorthy(index.breachesFor(verdict.site), now);
    if (candidates.length === 0) return null;
    const seen = await getBreachNotices(candidates.map((c) => c.breach.name));
    const fresh = candidates.filter(
      (c) => !seen.get(c.breach.name)?.shownAt && !seen.get(c.breach.name)?.dismissedAt,
    );
    if (fresh.length === 0) return null;
    await markBreachNotices(
      fresh.map((c) => c.breach.name),
      verdict.site,
      { shownAt: now },
    );
    return noticeFor(verdict.site, fresh, lang);
  }

  /** The notice's "Got it": remembered per breach, only for breaches of the sender's own site. */
  async dismissNotice(sender: SenderInfo, names: string[]): Promise<void> {
    const host = sender.url ? hostOfUrl(sender.url) : null;
    if (!host) return;
    const site = registrableDomain(host.host);
    const own = new Set(
      (await this.deps.lists.index()).breachesFor(site).map((b) => b.breach.name),
    );
    const valid = names.filter((n) => own.has(n));
    if (valid.length > 0)
      await markBreachNotices(valid, site, { dismissedAt: this.deps.platform.now() });
  }

  /** "Don't warn me on this site", from the banner. */
  async dismissSite(sender: SenderInfo): Promise<void> {
    if (sender.url) await this.deps.decisions.dismissPage(sender.url);
  }

  /** The banner's "Details": the popup's view of this tab, as a page next to it. */
  async details(sender: SenderInfo): Promise<void> {
    if (sender.tabId === undefined) return;
    const { platform } = this.deps;
    await platform.tabs.open(
      popupUrl((p) => platform.extensionUrl(p), sender.tabId),
      sender.tabId,
    );
  }
}
