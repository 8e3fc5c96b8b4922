// Rates with Wilson 95% intervals, per page and per site, for the evaluation reports.

export interface Rate {
  hits: number;
  total: number;
  rate: number;
  /** Wilson score interval, 95%. */
  low: number;
  high: number;
}

const Z95 = 1.959964;

export function wilson(hits: number, total: number, z = Z95): Rate {
  if (total === 0) return { hits, total, rate: 0, low: 0, high: 1 };
  const p = hits / total;
  const z2 = z * z;
  const centre = (p + z2 / (2 * total)) / (1 + z2 / total);
  const half = (z * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total))) / (1 + z2 / total);
  return {
    hits,
    total,
    rate: p,
    low: Math.max(0, centre - half),
    high: Math.min(1, centre + half),
  };
}

export interface JudgedRow {
  site: string;
  lang: string;
  positive: boolean;
  warned: boolean;
}

export interface Rates {
  recall: Rate;
  falsePositiveRate: Rate;
}

/** Recall on pages to warn on and false alarms on the others. */
export function pageRates(rows: readonly JudgedRow[]): Rates {
  const pos = rows.filter((r) => r.positive);
  const neg = rows.filter((r) => !r.positive);
  return {
    recall: wilson(pos.filter((r) => r.warned).length, pos.length),
    falsePositiveRate: wilson(neg.filter((r) => r.warned).length, neg.length),
  };
}

/**
 * The same per site: a site is one to warn on when most of its pages are, and counts as warned
 * when any of its pages is (one warned page is enough for a user to be warned on that site).
 */
export function siteRates(rows: readonly JudgedRow[]): Rates {
  const sites = new Map<string, JudgedRow[]>();
  for (const r of rows) sites.set(r.site, [...(sites.get(r.site) ?? []), r]);
  const merged: JudgedRow[] = [...sites].map(([site, list]) => ({
    site,
    lang: list[0]!.lang,
    positive: list.filter((r) => r.positive).length * 2 > list.length,
    warned: list.some((r) => r.warned),
  }));
  return pageRates(merged);
}

export function formatRate(r: Rate): string {
  const pct = (x: number) => (x * 100).toFixed(1);
  return `${r.hits}/${r.total} = ${pct(r.rate)}% [${pct(r.low)}–${pct(r.high)}]`;
}
