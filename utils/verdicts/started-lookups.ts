// One verdict's reads of the lists for its host, asked for as soon as the lists' index is there
// rather than once every other read (the registrar cache, the page's score) has come back: on a
// waking worker these are IndexedDB reads of their own (the chunks that could hold the host, the
// site's per-site rows), and asked for last they were one more round after the others
// (docs/performance-history.md, "Where a wake's time goes", session 12). Not a cache: the
// wrapper lives for one verdict, and a question about any other host or site goes to the index as
// it would have.
import { registrableDomain } from '../core/hostname';
import type { ListLookup } from './list-index';

/** `index`, with `host`'s lookups already asked for (licensed seller first, as compute.ts does). */
export function withStartedLookups(index: ListLookup, host: string): ListLookup {
  const site = registrableDomain(host);
  const licensed = index.licensedFor(host);
  const hits = index.lookup(host);
  const breaches = index.breachesFor(site);
  // Whoever asks gets the failure; these copies must not be reported as unhandled meanwhile.
  for (const read of [licensed, hits, breaches]) read.catch(() => undefined);
  return {
    lookup: (asked) => (asked === host ? hits : index.lookup(asked)),
    licensedFor: (asked) => (asked === host ? licensed : index.licensedFor(asked)),
    breachesFor: (asked) => (asked === site ? breaches : index.breachesFor(asked)),
    registrar: (ianaId) => index.registrar(ianaId),
  };
}
