// Folds grouped by site: every page of a registrable domain lands in the same fold, so no site is
// both learned from and judged. Deterministic and balanced: sites go, largest first, to the fold
// with the fewest pages of their kind (pages to warn on and pages to leave alone are balanced
// separately), ties broken by a hash of the site's name rather than by corpus order.

export interface Grouped {
  site: string;
  positive: boolean;
}

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i += 1) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The fold (0 … k-1) of every item. */
export function groupFolds(items: readonly Grouped[], k: number): number[] {
  const sites = new Map<string, { size: number; positives: number }>();
  for (const item of items) {
    const s = sites.get(item.site) ?? { size: 0, positives: 0 };
    s.size += 1;
    if (item.positive) s.positives += 1;
    sites.set(item.site, s);
  }
  const order = [...sites].sort(
    (a, b) => b[1].size - a[1].size || fnv(a[0]) - fnv(b[0]) || (a[0] < b[0] ? -1 : 1),
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
