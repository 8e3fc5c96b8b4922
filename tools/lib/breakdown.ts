// Error analysis for `npm run eval -- [--cv] --breakdown`: the misses (pages to warn on that were
// not warned, pages to leave alone that were) by class × language × page kind, and the spread of
// the scores of each side per language. For looking at *kinds* of misses, never for choosing
// weights or thresholds (those come from cross-validation only).
import { pageKind, PAGE_KINDS, type PageKind } from './page-kind';

export interface BreakdownRow {
  slug: string;
  url: string;
  class: string;
  lang: string;
  positive: boolean;
  warned: boolean;
  /** The value compared with the thresholds (the probability under --cv, else the score). */
  value: number;
}

export interface MissCell {
  class: string;
  lang: string;
  kind: PageKind;
  missed: number;
  total: number;
}

export function missesByKind(rows: readonly BreakdownRow[]): MissCell[] {
  const cells = new Map<string, MissCell>();
  for (const r of rows) {
    const kind = pageKind(r.url, r.slug);
    const key = `${r.class}\t${r.lang}\t${kind}`;
    const cell = cells.get(key) ?? { class: r.class, lang: r.lang, kind, missed: 0, total: 0 };
    cell.total += 1;
    if (r.positive !== r.warned) cell.missed += 1;
    cells.set(key, cell);
  }
  const kindRank = (k: PageKind) => PAGE_KINDS.indexOf(k);
  return [...cells.values()].sort(
    (a, b) =>
      (a.class < b.class ? -1 : a.class > b.class ? 1 : 0) ||
      (a.lang < b.lang ? -1 : a.lang > b.lang ? 1 : 0) ||
      kindRank(a.kind) - kindRank(b.kind),
  );
}

export const QUANTILES = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95] as const;

/** The value below which a share q of the sorted values lies (nearest rank). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[at]!;
}

export interface Spread {
  lang: string;
  side: 'warn-on' | 'leave-alone';
  count: number;
  quantiles: number[];
}

export function spreads(rows: readonly BreakdownRow[]): Spread[] {
  const out: Spread[] = [];
  for (const lang of [...new Set(rows.map((r) => r.lang))].sort())
    for (const positive of [true, false]) {
      const values = rows
        .filter((r) => r.lang === lang && r.positive === positive)
        .map((r) => r.value)
        .sort((a, b) => a - b);
      out.push({
        lang,
        side: positive ? 'warn-on' : 'leave-alone',
        count: values.length,
        quantiles: QUANTILES.map((q) => quantile(values, q)),
      });
    }
  return out;
}

export function formatBreakdown(rows: readonly BreakdownRow[]): string {
  const lines = ['class      lang  kind            missed/pages'];
  for (const c of missesByKind(rows))
    lines.push(
      `${c.class.padEnd(10)} ${c.lang.padEnd(5)} ${c.kind.padEnd(15)} ${String(c.missed).padStart(3)}/${c.total}`,
    );
  lines.push('', `lang  side         pages  ${QUANTILES.map((q) => `q${q}`.padEnd(7)).join('')}`);
  for (const s of spreads(rows))
    lines.push(
      `${s.lang.padEnd(5)} ${s.side.padEnd(12)} ${String(s.count).padStart(5)}  ${s.quantiles.map((v) => v.toFixed(3).padEnd(7)).join('')}`,
    );
  return lines.join('\n');
}
