// Lists that disagree about one host: a block-level list stops it while a warn-level list only
// warns, or the user allowed a site that a list names. Both sides are shown on the options page
// (and the popup shows the current site's), nothing is dropped. Lists can hold a million hosts, so
// the comparison walks only the smaller side (block-level or warn-level hosts, whichever are
// fewer), checks each host against the other side's in-memory fingerprints first (no storage
// read), confirms only fingerprint hits, lets the event loop run after every stored chunk, and
// keeps at most `cap` rows while counting the rest. Pure: no browser globals.
import type { AllowEntry } from '../decisions/allowlist';
import type { ListHit, ListIndex } from '../verdicts/list-index';
import { nextTurn } from './import-common';
import type { Bilingual } from './model';

export interface DisagreeingList {
  id: string;
  title: Bilingual;
  /** The entry the list names (the host or a parent of it). */
  listed: string;
  blocks: boolean;
}

export interface Disagreement {
  host: string;
  /** Every list naming the host, blocking ones first. */
  lists: DisagreeingList[];
  /** The user's "always allow" entry for the site, when that is one side of the disagreement. */
  allowed?: { site: string; addedAt: number };
}

export interface Disagreements {
  rows: Disagreement[];
  /** Disagreements found beyond the rows kept. */
  more: number;
  /** Hosts compared (the smaller side), for the bounded-work test and the benchmark. */
  compared: number;
}

export const DISAGREEMENT_ROWS = 50;

export interface DisagreementOptions {
  cap?: number;
  /** Called after each stored chunk (default: a turn of the event loop). */
  pause?: () => Promise<void>;
  /**
   * Lists whose disagreements come first (the lists the user added, the user's own blocks): a
   * list the user just added is not hidden behind the packaged lists' disagreements.
   */
  prefer?: ReadonlySet<string>;
}

/** What the lists that name a host say about it: a disagreement if one blocks and one only warns. */
export function listsOf(hits: readonly ListHit[]): DisagreeingList[] {
  return hits.map((h) => ({
    id: h.listId,
    title: h.reason.list.title,
    listed: h.reason.listed,
    blocks: h.blocks,
  }));
}

export function listsDisagree(hits: readonly ListHit[]): boolean {
  return hits.some((h) => h.blocks) && hits.some((h) => !h.blocks);
}

export async function findDisagreements(
  index: ListIndex,
  allowlist: readonly AllowEntry[],
  options: DisagreementOptions = {},
): Promise<Disagreements> {
  const cap = options.cap ?? DISAGREEMENT_ROWS;
  const pause = options.pause ?? nextTurn;
  const prefer = options.prefer ?? new Set<string>();
  const out: Disagreements = { rows: [], more: 0, compared: 0 };
  // Preferred rows (and the user's allowed sites) in one bucket, the rest in another; each is
  // capped, so memory stays bounded whatever the walk order.
  const first: Disagreement[] = [];
  const rest: Disagreement[] = [];
  let found = 0;
  const add = (row: Disagreement) => {
    found += 1;
    const bucket = row.allowed || row.lists.some((l) => prefer.has(l.id)) ? first : rest;
    if (bucket.length < cap) bucket.push(row);
  };
  const finish = (): Disagreements => {
    out.rows = [...first, ...rest].slice(0, cap);
    out.more = found - out.rows.length;
    return out;
  };

  // The user's allowlist is small: each allowed site against every list that names it.
  for (const entry of allowlist) {
    const seen = new Map<string, DisagreeingList>();
    for (const host of [entry.site, `www.${entry.site}`]) {
      for (const l of listsOf(await index.lookup(host))) seen.set(`${l.id} ${l.listed}`, l);
    }
    const lists = [...seen.values()].sort((a, b) => Number(b.blocks) - Number(a.blocks));
    if (lists.length > 0)
      add({ host: entry.site, lists, allowed: { site: entry.site, addedAt: entry.addedAt } });
  }

  // Block-level against warn-level lists, walking the side with fewer hosts.
  const sizes = index.listSizes();
  const side = (action: string) => sizes.filter((l) => l.action === action);
  const blocking = side('block');
  const warning = side('warn');
  if (blocking.length === 0 || warning.length === 0) return finish();
  const total = (ls: typeof sizes) => ls.reduce((n, l) => n + l.size, 0);
  const walkBlocking = total(blocking) <= total(warning);
  const walked = walkBlocking ? blocking : warning;
  const otherAction = walkBlocking ? 'warn' : 'block';
  const other = new Set(sizes.flatMap((l, i) => (l.action === otherAction ? [i] : [])));
  const reported = new Set<string>();
  for (const list of walked) {
    for await (const hosts of index.hostChunks(list.id)) {
      for (const host of hosts) {
        out.compared += 1;
        // Fingerprints only: almost every host stops here without a storage read.
        if (!index.candidates(host).some((c) => other.has(c.list))) continue;
        if (reported.has(host)) continue;
        const hits = await index.lookup(host);
        if (!listsDisagree(hits)) continue;
        reported.add(host);
        add({ host, lists: listsOf(hits) });
      }
      await pause();
    }
  }
  return finish();
}
