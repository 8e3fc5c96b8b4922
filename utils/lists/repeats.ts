// Dropping repeated hosts of a large import without a Set of a million strings: the accepted hosts
// are kept in input order with their 64-bit fingerprints, which are sorted once at the end (the
// index's own bucket sort), so that equal hosts sit side by side; only hosts with equal
// fingerprints are compared as strings. The first of a repeated host is kept and every later one
// is logged as `duplicate` at its place in the input, as a Set read in input order would have.
import { buildCompactIndex } from '../match/compact-index';
import { hostFingerprintInto } from '../match/fingerprint';
import { clip, type RejectLog } from './import-common';
import { MAX_REJECTED_KEPT, type Rejected } from './model';
import { repeatsIn } from './pack';

export class LateRepeats {
  /** Accepted hosts, in input order, repeats included until finish(). */
  readonly hosts: string[] = [];
  private pairs: Uint32Array;
  /** The log's `where` (a line number) and position (RejectLog.at) of each accepted host. */
  private lines: Int32Array;
  private ats: Int32Array;
  /** What the log would show for an accepted host whose input differs from it (case, dots). */
  private readonly shown = new Map<number, string>();

  /** `expected`: about how many hosts will come (a million-host list grows its arrays once at most). */
  constructor(expected = 4096) {
    const size = Math.max(16, Math.ceil(expected));
    this.pairs = new Uint32Array(size * 2);
    this.lines = new Int32Array(size);
    this.ats = new Int32Array(size);
  }

  get size(): number {
    return this.hosts.length;
  }

  add(host: string, line: number, at: number, input: string): void {
    const i = this.hosts.length;
    if (i === this.lines.length) this.grow();
    this.hosts.push(host);
    hostFingerprintInto(host, this.pairs, i * 2);
    this.lines[i] = line;
    this.ats[i] = at;
    if (input !== host) this.shown.set(i, input);
  }

  private grow(): void {
    const size = this.lines.length * 2;
    const pairs = new Uint32Array(size * 2);
    pairs.set(this.pairs);
    this.pairs = pairs;
    const lines = new Int32Array(size);
    lines.set(this.lines);
    this.lines = lines;
    const ats = new Int32Array(size);
    ats.set(this.ats);
    this.ats = ats;
  }

  /** The hosts once each, in input order; every repeat is logged as `duplicate` at its place. */
  finish(log: RejectLog): string[] {
    const count = this.hosts.length;
    const drop = repeatsOf(this.pairs.subarray(0, count * 2), this.hosts);
    if (drop === null) return this.hosts;
    const kept: string[] = [];
    const first: { at: number; entry: Rejected }[] = [];
    let total = 0;
    for (let i = 0; i < count; i += 1) {
      if (drop[i] === 0) {
        kept.push(this.hosts[i]!);
        continue;
      }
      total += 1;
      if (first.length < MAX_REJECTED_KEPT) {
        const input = this.shown.get(i) ?? this.hosts[i]!;
        const entry: Rejected = {
          where: String(this.lines[i]),
          input: clip(input),
          reason: 'duplicate',
        };
        first.push({ at: this.ats[i]!, entry });
      }
    }
    log.addLate('duplicate', total, first);
    return kept;
  }
}

/**
 * Which of `hosts` (fingerprinted into `pairs`, hi/lo) repeat an earlier one: 1 = a repeat; null
 * when none does.
 */
export function repeatsOf(pairs: Uint32Array, hosts: readonly string[]): Uint8Array | null {
  const { data, order } = buildCompactIndex(pairs);
  return repeatsIn(data, order, hosts);
}
