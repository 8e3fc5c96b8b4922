// Shared pieces of the importers: body sanity checks and the bounded log of rejected entries.
import { normalizeListedHost } from '../core/hostname';
import { hygieneProblem } from './hygiene';
import { ellipsize } from '../core/text';
import {
  MAX_HELD,
  MAX_LIST_BYTES,
  MAX_REJECTED_KEPT,
  type ImportError,
  type ImportResult,
  type RejectReason,
  type RejectSummary,
  type Rejected,
} from './model';

const DISPLAY_LIMIT = 120;

/**
 * A long import gives the event loop a turn every this many lines or entries, so the worker keeps
 * answering messages while it reads a million-line list (issue 14, case 5)...
 */
export const YIELD_EVERY = 50_000;
/** ...or sooner, once this much time has gone by: junk lines cost more than hosts, slow machines more. */
export const MAX_SLICE_MS = 100;

/** Says when an import has worked long enough to give the event loop a turn. */
export class Pacer {
  private count = 0;
  private since = performance.now();

  /** Called once per line or entry. The clock is read once every 1,000 calls. */
  due(): boolean {
    this.count += 1;
    if (this.count % 1000 !== 0) return false;
    if (this.count < YIELD_EVERY && performance.now() - this.since < MAX_SLICE_MS) return false;
    this.count = 0;
    this.since = performance.now();
    return true;
  }
}

/** An import written as steps: each `yield` is a point where other work may run. */
export type ImportSteps = Generator<void, ImportResult, void>;

/** Run an import's steps to the end at once (tests, tools, the command line). */
export function runSteps(steps: ImportSteps): ImportResult {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** A turn of the event loop: messages and timers queued meanwhile run before the import goes on. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Run an import's steps, letting the event loop run between them. */
export async function runStepsYielding(
  steps: ImportSteps,
  pause: () => Promise<void> = nextTurn,
): Promise<ImportResult> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

export function clip(text: string, limit = DISPLAY_LIMIT): string {
  return ellipsize(text, limit);
}

/**
 * Collects rejected entries. Only the first MAX_REJECTED_KEPT are kept (a 1M-line garbage file
 * must not produce a 1M-entry report), but every rejection is counted.
 */
export class RejectLog {
  readonly kept: Rejected[] = [];
  total = 0;
  /** Every rejection by reason, for the list card's "N lines rejected (kinds)". */
  readonly kinds: Partial<Record<RejectReason, number>> = {};
  /** Hosts refused for the never-block set, which the user may still confirm (see RejectSummary). */
  readonly held: string[] = [];
  /**
   * Where in the input the next rejection is (set by an importer that logs some rejections late,
   * see addLate); `keptAt` and `kindAt` record it for each kept entry and each reason's first.
   */
  at = 0;
  private readonly keptAt: number[] = [];
  private readonly kindAt: Partial<Record<RejectReason, number>> = {};

  /** Count a rejection without keeping its line (past a limit, nothing more is looked at). */
  count(reason: RejectReason): void {
    this.total += 1;
    const before = this.kinds[reason];
    if (before === undefined) this.kindAt[reason] = this.at;
    this.kinds[reason] = (before ?? 0) + 1;
  }

  summary(): RejectSummary {
    const summary: RejectSummary = { total: this.total, kinds: { ...this.kinds } };
    if (this.held.length > 0) summary.held = [...this.held];
    return summary;
  }

  /** A canonical host refused for the never-block set: counted, and held for the user. */
  hold(where: string, input: string, host: string, reason: RejectReason, detail?: string): void {
    this.add(where, input, reason, detail);
    if (this.held.length < MAX_HELD && !this.held.includes(host)) this.held.push(host);
  }

  add(where: string, input: string, reason: RejectReason, detail?: string): void {
    this.count(reason);
    if (this.kept.length < MAX_REJECTED_KEPT) {
      const entry: Rejected = { where, input: clip(input), reason };
      if (detail !== undefined) entry.detail = clip(detail, 300);
      this.kept.push(entry);
      this.keptAt.push(this.at);
    }
  }

  /**
   * Rejections of one reason found after the input was read (repeats), as if each had been added
   * at its place: `total` of them, of which `first` are the earliest (at most MAX_REJECTED_KEPT,
   * with their `at`, in input order). The kept entries and the order of `kinds` come out as the
   * same calls made in input order would have left them.
   */
  addLate(reason: RejectReason, total: number, first: { at: number; entry: Rejected }[]): void {
    if (total === 0) return;
    const firstAt = first[0]!.at;
    this.total += total;
    const known = this.kinds[reason];
    if (known === undefined || firstAt < this.kindAt[reason]!) this.kindAt[reason] = firstAt;
    this.kinds[reason] = (known ?? 0) + total;
    // Keys in the order of their first rejection, as count() would have inserted them.
    const reasons = (Object.keys(this.kinds) as RejectReason[]).sort(
      (x, y) => this.kindAt[x]! - this.kindAt[y]!,
    );
    const counts = reasons.map((r) => this.kinds[r]!);
    for (const r of reasons) delete this.kinds[r];
    reasons.forEach((r, i) => (this.kinds[r] = counts[i]));
    // Merge by position; the kept entries were the first MAX_REJECTED_KEPT of the others.
    const merged: { at: number; entry: Rejected }[] = this.kept.map((entry, i) => ({
      at: this.keptAt[i]!,
      entry,
    }));
    merged.push(...first.slice(0, MAX_REJECTED_KEPT));
    merged.sort((x, y) => x.at - y.at);
    merged.length = Math.min(merged.length, MAX_REJECTED_KEPT);
    this.kept.length = 0;
    this.keptAt.length = 0;
    for (const { at, entry } of merged) {
      this.kept.push(entry);
      this.keptAt.push(at);
    }
  }
}

export function fail(
  error: ImportError,
  detail: string,
  log: RejectLog = new RejectLog(),
): ImportResult {
  return { ok: false, error, detail, rejected: log.kept, summary: log.summary() };
}

/**
 * Problems that make a body unusable whatever its claimed format. Servers that fail often answer
 * 200 with an HTML error page; captive portals do too.
 */
export function checkBody(text: string): { error: ImportError; detail: string } | null {
  if (text.length > MAX_LIST_BYTES) {
    return {
      error: 'too-large',
      detail: `${text.length} characters; the limit is ${MAX_LIST_BYTES}`,
    };
  }
  if (text.trim() === '') return { error: 'empty', detail: 'the body is empty' };
  if (text.includes('\u0000')) return { error: 'binary', detail: 'the body contains NUL bytes' };
  if (looksLikeHtml(text)) return { error: 'html-page', detail: 'the body is an HTML page' };
  return null;
}

export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  return (
    head.startsWith('<!doctype html') ||
    head.startsWith('<html') ||
    head.startsWith('<head') ||
    head.startsWith('<body') ||
    (head.startsWith('<') && /<(html|body|head|title)[\s>]/.test(head))
  );
}

/** Parse JSON without throwing. */
export function parseJson(
  text: string,
): { ok: true; value: unknown } | { ok: false; detail: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return {
      ok: false,
      detail: error instanceof Error ? clip(error.message, 200) : 'invalid JSON',
    };
  }
}

/** First zod issue as one readable line: `path: message`. */
export function describeIssue(
  issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>,
): string {
  const first = issues[0];
  if (!first) return 'invalid';
  const path = first.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  return `${path.replace(/^\./, '') || '(root)'}: ${first.message}`;
}

/** Split text into lines without building one huge array of substrings up front. */
export function* lines(text: string): Generator<{ line: string; number: number }> {
  let start = 0;
  let number = 1;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let line = text.slice(start, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    yield { line, number };
    number += 1;
    start = end + 1;
  }
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** Plain text from the small HTML fragments sources use in descriptions (HIBP). */
export function htmlToText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code =
          name[1] === 'x' || name[1] === 'X'
            ? parseInt(name.slice(2), 16)
            : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000
          ? String.fromCodePoint(code)
          : '';
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** A refused suffix is a bare top-level domain (`com`, `jp`) or a longer one (`co.jp`). */
export function suffixReason(name: string): 'bare-tld' | 'public-suffix' {
  return name
    .trim()
    .replace(/^\.+|\.+$/g, '')
    .includes('.')
    ? 'public-suffix'
    : 'bare-tld';
}

/**
 * One listed host checked: its canonical form, or null after logging why it was rejected
 * (invalid, a public suffix, a private address or a never-block host). Repeats are not looked at.
 */
export function checkHost(
  name: string,
  where: string,
  log: RejectLog,
  /** What the log shows as the input (the whole rule, when the host came from one). */
  shown = name,
): string | null {
  const result = normalizeListedHost(name);
  if (!result.ok) {
    const reason = result.error === 'public-suffix' ? suffixReason(name) : 'invalid-host';
    log.add(where, shown, reason, result.error);
    return null;
  }
  const host = result.value.host;
  const problem = hygieneProblem(host, result.value.kind === 'ipv4' ? 'ipv4' : 'domain');
  if (problem) {
    if (problem.reason === 'private-address') log.add(where, shown, problem.reason, problem.detail);
    else log.hold(where, shown, host, problem.reason, problem.detail);
    return null;
  }
  return host;
}

/**
 * One listed host checked and deduplicated: its canonical form, or null after logging why it was
 * rejected (invalid, a public suffix, a private address or a never-block host, already listed,
 * or one too many).
 */
export function acceptHost(
  name: string,
  where: string,
  seen: Set<string>,
  log: RejectLog,
  limit: number,
  /** What the log shows as the input (the whole rule, when the host came from one). */
  shown = name,
): string | null {
  const host = checkHost(name, where, log, shown);
  if (host === null) return null;
  if (seen.has(host)) {
    log.add(where, shown, 'duplicate');
    return null;
  }
  if (seen.size >= limit) {
    log.add(where, shown, 'too-many', `more than ${limit} entries`);
    return null;
  }
  seen.add(host);
  return host;
}
