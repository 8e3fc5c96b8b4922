// Folds grouped by site: every page of a registrable domain lands in the same fold, so no site is
// both learned from and judged. Deterministic and balanced: sites go, largest first, to the fold
// with the fewest pages of their kind (pages to warn on and pages to leave alone are balanced
// separately), ties broken by a hash of the site's name rather than by corpus order. A seed other
// than 0 salts that hash: sites of one size meet the folds in another order, so repeated runs with
// different seeds measure how much a result owes to one split (`--repeats`, README "Session 11").

export interface Grouped {
  site: string;
  positive: boolean;
}

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i += 1) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Whether `site` is among the `fraction` of sites a learning curve keeps (`trainFraction` in
 * utils/detector/pipeline.ts): by a hash of its name and the split's seed, so that within a split a
 * smaller fraction keeps a subset of a larger one's sites, whatever the corpus order or fold, and
 * each split (`--repeats`) draws its own sites.
 */
export function siteInFraction(site: string, fraction: number, seed = 0): boolean {
  return fraction >= 1 || fnv(`fraction:${seed}:${site}`) / 2 ** 32 < fraction;
}

/** The fold (0 … k-1) of every item; seed 0 is the split every measure before session 11 used. */
export function groupFolds(items: readonly Grouped[], k: number, seed = 0): number[] {
  const sites = new Map<string, { size: number; positives: number }>();
  for (const item of items) {
    const s = sites.get(item.site) ?? { size: 0, positives: 0 };
    s.size += 1;
    if (item.positive) s.positives += 1;
    sites.set(item.site, s);
  }
  const salt = (site: string) => fnv(seed === 0 ? site : `${seed}:${site}`);
  const order = [...sites].sort(
    (a, b) => b[1].size - a[1].size || salt(a[0]) - salt(b[0]) || (a[0] < b[0] ? -1 : 1),
  );
  const load = [new Array<number>(k).fill(0), new Array<number>(k).fill(0)];
  const foldOf = new Map<string, number>();
  for (const [site, s] of order) {
    const kind = s.positives * 2 >= s.size ? 1 : 0;
    const counts = load[kind]!;
    let best = 0;
    for (let f = 1; f < k; f += 1) if (counts[f]! < counts[best]!) best = f;
    counts[best] = counts[best]! + s.size;
    foldOf.set(site, best);
  }
  return items.map((item) => foldOf.get(item.site)!);
}

/**
 * Pages of different sites at least this similar (Jaccard of their hashed n-gram and token sets)
 * are kept in one fold: paraphrases of one shop template on many domains (the same network's
 * sites) would otherwise be learned from on one domain and judged on another. At 0.2 the corpus's
 * 715 sites form 640 groups, the largest 22 pages; at 0.17 one group swallowed 139 pages.
 */
export const SIMILAR_SITES = 0.2;

function jaccard(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let both = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      both += 1;
      i += 1;
      j += 1;
    } else if (a[i]! < b[j]!) i += 1;
    else j += 1;
  }
  const union = a.length + b.length - both;
  return union === 0 ? 0 : both / union;
}

/**
 * The group of every page's site: sites joined (transitively) when any page of one is at least
 * `threshold` similar to a page of the other; a group is named by its smallest site name.
 * `features` are each page's sorted feature indices (the hashed part).
 *
 * Comparing every pair of pages with a merge of their features took 53–70 s of `npm run train`'s
 * 176–200 on 2,537 pages (session 14). The overlaps are now counted through an inverted index
 * (feature → pages that have it): each page adds one to every earlier page that shares a feature,
 * Σ df² / 2 ≈ 140 million additions on that corpus, and pairs that share nothing are never
 * visited. The Jaccard of a pair is the same ratio of the same integers as the merge gave, and a
 * group's name does not depend on the order its pairs are found in, so the groups are those of
 * comparing every pair (tests/unit/detector-grouping.test.ts checks it against that).
 */
export function similarSiteGroups(
  pages: readonly { site: string }[],
  features: readonly Int32Array[],
  threshold = SIMILAR_SITES,
): string[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  const join = (i: number, j: number) => {
    const a = find(pages[i]!.site);
    const b = find(pages[j]!.site);
    if (a === b) return;
    if (a < b) parent.set(b, a);
    else parent.set(a, b);
  };
  for (const p of pages) parent.set(p.site, p.site);
  if (!(threshold > 0)) {
    // Pairs that share nothing reach a threshold of 0 too: every pair is compared.
    for (let i = 0; i < pages.length; i += 1)
      for (let j = i + 1; j < pages.length; j += 1)
        if (jaccard(features[i]!, features[j]!) >= threshold) join(i, j);
    return pages.map((p) => find(p.site));
  }
  // Pages holding each feature, in page order (each page is added after it was counted).
  const holders = new Map<number, number[]>();
  const shared = new Int32Array(pages.length);
  const touched: number[] = [];
  for (let i = 0; i < features.length; i += 1) {
    const set = features[i]!;
    for (const f of set) {
      const list = holders.get(f);
      if (!list) {
        holders.set(f, [i]);
        continue;
      }
      for (const j of list) {
        if (shared[j] === 0) touched.push(j);
        shared[j] = shared[j]! + 1;
      }
      list.push(i);
    }
    for (const j of touched) {
      const both = shared[j]!;
      shared[j] = 0;
      const union = set.length + features[j]!.length - both;
      if (both / union >= threshold) join(j, i);
    }
    touched.length = 0;
  }
  return pages.map((p) => find(p.site));
}
