// The test oracle for host matching: given a canonical host, which listed entry covers it? A
// listing of `example.com` covers `example.com` and every subdomain; the most specific listed
// suffix wins so that a page of details about `shop.example.com` beats one about `example.com`.
// The extension uses the compact index (utils/match/compact-index.ts); this plain Set version
// lives under tests/ because only the tests compare the index with it (the lint config forbids
// product code importing from tests/).
import { hostSuffixes } from '../../utils/core/hostname';

/** Straightforward matcher over a Set: exact, obviously correct, and the oracle for faster ones. */
export class SetMatcher {
  private readonly hosts: Set<string>;

  constructor(hosts: Iterable<string>) {
    this.hosts = new Set(hosts);
  }

  /** Number of listed hosts. */
  get size(): number {
    return this.hosts.size;
  }

  /** The most specific listed host that covers `host` (canonical ASCII), or null. */
  match(host: string): string | null {
    for (const suffix of hostSuffixes(host)) {
      if (this.hosts.has(suffix)) return suffix;
    }
    return null;
  }
}
