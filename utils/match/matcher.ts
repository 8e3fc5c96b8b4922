// The matcher interface: given a canonical host, which listed entry covers it?
// A listing of `example.com` covers `example.com` and every subdomain; the most specific listed
// suffix wins so that a page of details about `shop.example.com` beats one about `example.com`.
import { hostSuffixes } from '../hostname';

export interface DomainMatcher {
  /** The most specific listed host that covers `host` (canonical ASCII), or null. */
  match(host: string): string | null;
  /** Number of listed hosts. */
  readonly size: number;
}

/** Straightforward matcher over a Set: exact, obviously correct, and the oracle for faster ones. */
export class SetMatcher implements DomainMatcher {
  private readonly hosts_: Set<string>;

  constructor(hosts: Iterable<string>) {
    this.hosts_ = new Set(hosts);
  }

  get size(): number {
    return this.hosts_.size;
  }

  hosts(): IterableIterator<string> {
    return this.hosts_.values();
  }

  match(host: string): string | null {
    for (const suffix of hostSuffixes(host)) {
      if (this.hosts_.has(suffix)) return suffix;
    }
    return null;
  }
}
