// Whole-site verdicts: a page that reached warning vouches for the rest of its site for 30 days;
// one outlier does not condemn a site whose other pages look licensed.
import { describe, expect, it } from 'vitest';
import {
  evidenceUrl,
  recordPage,
  siteFinding,
  SITE_EVIDENCE_PAGES,
  type SitePage,
} from '../../utils/detector/site-evidence';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 11, 1);
const page = (url: string, level: SitePage['level'], at = NOW, licensed = false): SitePage => ({
  url,
  at,
  level,
  score: level === 'none' ? 5 : 60,
  licensed,
});

describe('site evidence', () => {
  it('condemns the site after one of its pages reached warning', () => {
    const e = recordPage(null, 'shop.example', page('https://shop.example/item', 'warning'), NOW);
    const finding = siteFinding(e, NOW + DAY);
    expect(finding?.page.url).toBe('https://shop.example/item');
    expect(finding?.warnedPages).toBe(1);
  });

  it('says nothing when no page reached warning', () => {
    let e = recordPage(null, 'shop.example', page('https://shop.example/a', 'caution'), NOW);
    e = recordPage(e, 'shop.example', page('https://shop.example/b', 'none'), NOW);
    expect(siteFinding(e, NOW)).toBeNull();
    expect(siteFinding(null, NOW)).toBeNull();
  });

  it('lets one outlier not condemn a site whose other pages look licensed', () => {
    let e = recordPage(
      null,
      'drug.example',
      page('https://drug.example/a', 'none', NOW, true),
      NOW,
    );
    e = recordPage(e, 'drug.example', page('https://drug.example/b', 'warning'), NOW);
    expect(siteFinding(e, NOW)).toBeNull();
    e = recordPage(e, 'drug.example', page('https://drug.example/c', 'danger'), NOW);
    expect(siteFinding(e, NOW)?.warnedPages).toBe(2);
  });

  it('forgets evidence after 30 days', () => {
    const e = recordPage(null, 'shop.example', page('https://shop.example/', 'danger', NOW), NOW);
    expect(siteFinding(e, NOW + 29 * DAY)).not.toBeNull();
    expect(siteFinding(e, NOW + 31 * DAY)).toBeNull();
    const later = recordPage(
      e,
      'shop.example',
      page('https://shop.example/x', 'none'),
      NOW + 31 * DAY,
    );
    expect(later.pages.map((p) => p.url)).toEqual(['https://shop.example/x']);
  });

  it('keeps one result per address (the latest), without query or fragment, and a bounded list', () => {
    let e = recordPage(null, 's.example', page('https://s.example/p?id=1#top', 'warning'), NOW);
    e = recordPage(e, 's.example', page('https://s.example/p?id=2', 'none', NOW + 1), NOW + 1);
    expect(e.pages).toHaveLength(1);
    expect(e.pages[0]).toMatchObject({ url: 'https://s.example/p', level: 'none' });
    for (let i = 0; i < 50; i += 1)
      e = recordPage(e, 's.example', page(`https://s.example/${i}`, 'none', NOW + i), NOW + i);
    expect(e.pages).toHaveLength(SITE_EVIDENCE_PAGES);
    expect(e.pages[0]!.url).toBe('https://s.example/49');
    expect(evidenceUrl('not a url')).toBe('not a url');
  });
});
