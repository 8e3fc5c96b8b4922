// The evaluation's whole-site figure replays the extension's site evidence: a page is raised
// when another page of its site was warned, not when the site's licensed pages are as many, and
// never across sites.
import { describe, expect, it } from 'vitest';
import { warnedAfterSite, type BrowsedPage } from '../../tools/lib/site-browsing';
import type { DetectedPage } from '../../utils/detector/model-score';

const warned: DetectedPage = { score: 90, level: 'warning', signals: [] };
const quiet: DetectedPage = { score: 20, level: 'none', signals: [] };
const licensed: DetectedPage = {
  score: 5,
  level: 'none',
  signals: [{ code: 'licence-present', weight: -30, evidence: '許可番号', terms: ['許可番号'] }],
};

function page(site: string, path: string, detected: DetectedPage): BrowsedPage {
  return { site, url: `https://${site}/${path}`, detected };
}

describe('warnedAfterSite', () => {
  it("raises a shop's FAQ page when its product page was warned, whatever the order", () => {
    const pages = [page('pills.example', 'faq', quiet), page('pills.example', 'cialis', warned)];
    expect(warnedAfterSite(pages)).toEqual([true, true]);
    expect(warnedAfterSite([...pages].reverse())).toEqual([true, true]);
  });

  it('leaves a page alone on a site with no warned page, and a single page as it was', () => {
    expect(
      warnedAfterSite([
        page('drugstore.example', 'a', quiet),
        page('drugstore.example', 'b', quiet),
        page('lonely.example', 'x', warned),
        page('other.example', 'y', quiet),
      ]),
    ).toEqual([false, false, true, false]);
  });

  it('does not let one outlier condemn a site whose other pages look licensed', () => {
    const pages = [
      page('pharmacy.example', 'product', warned),
      page('pharmacy.example', 'licence', licensed),
      page('pharmacy.example', 'company', licensed),
    ];
    // The outlier keeps its own warning; the licensed pages are not raised by it.
    expect(warnedAfterSite(pages)).toEqual([true, false, false]);
  });

  it('does not raise a page by its own earlier result (the same address)', () => {
    const a = page('shop.example', 'same', quiet);
    const b = { ...page('shop.example', 'same', warned) };
    // Two rows of one address: the warned one does not lift the quiet one, as the extension
    // replaces a page's remembered result instead of keeping both.
    expect(warnedAfterSite([a, b])).toEqual([false, true]);
  });
});

describe('warnedAfterSite with pages the content script does not send', () => {
  it('raises a page that sent no sample by its site, and takes no evidence from it', () => {
    // A shop's shipping page names no medicine: the pre-check sends nothing (detected null).
    const shipping: BrowsedPage = {
      site: 'peps.example',
      url: 'https://peps.example/shipping',
      detected: null,
    };
    expect(warnedAfterSite([shipping, page('peps.example', 'bpc-157', warned)])).toEqual([
      true,
      true,
    ]);
    // Alone, or beside a quiet page, it stays quiet, and it lifts nothing.
    expect(warnedAfterSite([shipping, page('peps.example', 'about', quiet)])).toEqual([
      false,
      false,
    ]);
    expect(warnedAfterSite([shipping])).toEqual([false]);
  });
});
