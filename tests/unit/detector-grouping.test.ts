// Cross-validation keeps near-copies of one site on other domains in the same fold.
import { describe, expect, it } from 'vitest';
import { groupFolds, similarSiteGroups, SIMILAR_SITES } from '../../utils/detector/cv';

const set = (...xs: number[]) => Int32Array.from(xs).sort();
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('similarSiteGroups', () => {
  const pages = [
    { site: 'jimmycarterlibrary.org' },
    { site: 'tsukubainfo.jp' },
    { site: 'alexandrianews.org' },
    { site: 'boots.com' },
    { site: 'boots.com' },
  ];
  const template = range(0, 100);
  const features = [
    set(...template),
    set(...template.slice(10), ...range(1000, 1010)), // a paraphrase of the same template
    set(...template.slice(30), ...range(2000, 2050)), // ...and one of that paraphrase
    set(...range(5000, 5100)),
    set(...range(5050, 5150)),
  ];

  it('joins sites with similar pages (transitively) and names the group by its smallest site', () => {
    expect(similarSiteGroups(pages, features)).toEqual([
      'alexandrianews.org',
      'alexandrianews.org',
      'alexandrianews.org',
      'boots.com',
      'boots.com',
    ]);
  });

  it('keeps dissimilar sites apart, and does not depend on page order', () => {
    const apart = similarSiteGroups(pages, features, 0.9);
    expect(apart).toEqual(pages.map((p) => p.site));
    const order = [4, 2, 0, 3, 1];
    expect(
      similarSiteGroups(
        order.map((i) => pages[i]!),
        order.map((i) => features[i]!),
      ),
    ).toEqual(order.map((i) => similarSiteGroups(pages, features)[i]));
  });

  it('puts a group in one fold', () => {
    const groups = similarSiteGroups(pages, features, SIMILAR_SITES);
    const folds = groupFolds(
      groups.map((site) => ({ site, positive: true })),
      3,
    );
    expect(new Set(folds.slice(0, 3)).size).toBe(1);
  });

  it('copes with empty feature sets', () => {
    expect(similarSiteGroups([{ site: 'a.jp' }, { site: 'b.jp' }], [set(), set()])).toEqual([
      'a.jp',
      'b.jp',
    ]);
  });
});

/** Every pair compared: what similarSiteGroups did before session 14, kept as the reference. */
function allPairsGroups(
  pages: readonly { site: string }[],
  features: readonly Int32Array[],
  threshold: number,
): string[] {
  const jaccard = (a: Int32Array, b: Int32Array) => {
    const inB = new Set(b);
    const both = [...a].filter((x) => inB.has(x)).length;
    const union = a.length + b.length - both;
    return union === 0 ? 0 : both / union;
  };
  const parent = new Map(pages.map((p) => [p.site, p.site]));
  const find = (x: string): string => (parent.get(x) === x ? x : find(parent.get(x)!));
  for (let i = 0; i < pages.length; i += 1)
    for (let j = i + 1; j < pages.length; j += 1) {
      const a = find(pages[i]!.site);
      const b = find(pages[j]!.site);
      if (a !== b && jaccard(features[i]!, features[j]!) >= threshold)
        parent.set(a < b ? b : a, a < b ? a : b);
    }
  return pages.map((p) => find(p.site));
}

describe('similarSiteGroups counts overlaps through an inverted index', () => {
  // A seeded generator: the same sets on every run.
  let state = 14;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const pick = (n: number, from: number) =>
    Array.from({ length: n }, () => Math.floor(random() * from));
  // 400 pages on 300 sites: common words (drawn from a small vocabulary), rare words, and
  // paraphrases of 20 templates that share a varying part of a template's features.
  const templates = Array.from({ length: 20 }, (_, t) =>
    range(100_000 * (t + 1), 100_000 * (t + 1) + 120),
  );
  const pages = Array.from({ length: 400 }, (_, i) => ({ site: `s${i % 300}.example` }));
  const features = pages.map((_, i) => {
    const own = [...pick(40, 300), ...pick(60, 50_000)];
    if (i % 3 === 0) {
      const template = templates[i % 20]!;
      const share = Math.floor(random() * template.length);
      own.push(...template.slice(0, share));
    }
    return Int32Array.from(new Set(own)).sort();
  });

  for (const threshold of [SIMILAR_SITES, 0.1, 0.35, 0.6, 1])
    it(`gives the groups of comparing every pair (threshold ${threshold})`, () => {
      const groups = similarSiteGroups(pages, features, threshold);
      expect(groups).toEqual(allPairsGroups(pages, features, threshold));
      if (threshold === SIMILAR_SITES) expect(new Set(groups).size).toBeLessThan(300);
    });

  it('joins pairs exactly at the threshold (Jaccard 0.2: 2 shared of 10)', () => {
    const at = [set(1, 2, 3, 4, 5, 6), set(1, 2, 7, 8, 9, 10)];
    const sites = [{ site: 'a.example' }, { site: 'b.example' }];
    expect(similarSiteGroups(sites, at, 0.2)).toEqual(['a.example', 'a.example']);
    // A set inside one five times its size: Jaccard 0.2, the largest size ratio allowed.
    expect(similarSiteGroups(sites, [set(3, 9), set(...range(1, 11))], 0.2)).toEqual([
      'a.example',
      'a.example',
    ]);
    expect(similarSiteGroups(sites, [at[0]!, set(1, 7, 8, 9, 10, 11)], 0.2)).toEqual([
      'a.example',
      'b.example',
    ]);
  });
});

describe('groupFolds seeds (repeated cross-validation)', () => {
  // 300 sites of one to three pages, half of them to warn on.
  const items = Array.from({ length: 600 }, (_, i) => ({
    site: `s${i % 300}.example`,
    positive: (i % 300) % 2 === 0,
  })).filter((_, i) => i < 300 || (i % 300) % 3 !== 0);

  it('never splits a site, whatever the seed', () => {
    for (const seed of [0, 1, 2, 7]) {
      const folds = groupFolds(items, 5, seed);
      const foldOf = new Map<string, number>();
      items.forEach((item, i) => {
        if (foldOf.has(item.site)) expect(folds[i]).toBe(foldOf.get(item.site));
        foldOf.set(item.site, folds[i]!);
      });
      expect(new Set(folds).size).toBe(5);
    }
  });

  it('is deterministic, seed 0 is the default split, and other seeds split otherwise', () => {
    expect(groupFolds(items, 5, 0)).toEqual(groupFolds(items, 5));
    expect(groupFolds(items, 5, 3)).toEqual(groupFolds(items, 5, 3));
    const a = groupFolds(items, 5, 0);
    for (const seed of [1, 2]) {
      const b = groupFolds(items, 5, seed);
      const moved = a.filter((f, i) => f !== b[i]).length;
      expect(moved).toBeGreaterThan(items.length / 2);
    }
  });

  it('keeps the folds balanced for every seed', () => {
    for (const seed of [0, 1, 2]) {
      const folds = groupFolds(items, 5, seed);
      const sizes = [0, 1, 2, 3, 4].map((f) => folds.filter((x) => x === f).length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(4);
    }
  });
});
