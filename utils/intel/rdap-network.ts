// Registrar lookups over the network: the RDAP bootstrap in use (the weekly download from IANA, else
// the packaged copy), one lookup per domain at a time, and the bootstrap's weekly refresh. In the
// worker's second script (entrypoints/background-rest.ts): a first verdict only reads the registrar
// cache (utils/intel/service.ts), so a wake neither loads nor evaluates this, the RDAP client and
// parser, the list fetcher and their schemas (docs/performance-history.md, "Where a wake's time
// goes", session 14).
import { z } from '../core/zod';
import {
  BootstrapSchema,
  IANA_BOOTSTRAP_URL,
  indexBootstrap,
  type Bootstrap,
} from './rdap-bootstrap';
import { lookupRdap, type RdapResult } from './rdap-client';
import { fetchList } from '../lists/fetch-list';
import { idbRdapCache, kvRdapHolds } from './rdap-cache';
import { readKv, writeKv } from '../core/kv';
import type { Platform } from '../platform/platform';

const WEEK = 7 * 24 * 3600_000;
const StoredBootstrapSchema = z.object({
  bootstrap: BootstrapSchema,
  fetchedAt: z.number(),
  etag: z.nullable(z.string()),
});

export class RdapNetwork {
  private bootstrapIndex: Promise<Map<string, string[]>> | null = null;
  /**
   * Network lookups under way, by domain: a page's automatic lookup and the popup's opened beside
   * it ask for the same domain at once, and the cache only answers once the first reply is in, so
   * without this both would go to the registry (twice the traffic about the user's visit). Gone
   * when the lookup settles, so nothing outlives a worker's stop but the cache.
   */
  private readonly inFlight = new Map<string, Promise<RdapResult>>();

  constructor(private readonly platform: Platform) {}

  /** The bootstrap in use: the weekly download if there is one, else the packaged copy. */
  private bootstrap(): Promise<Map<string, string[]>> {
    if (!this.bootstrapIndex) {
      this.bootstrapIndex = (async () => {
        const stored = await readKv('rdapBootstrap', z.nullable(StoredBootstrapSchema), null);
        const bootstrap: Bootstrap =
          stored?.bootstrap ??
          BootstrapSchema.parse(JSON.parse(await this.platform.readPackaged('rdap/dns.json')));
        const index = indexBootstrap(bootstrap);
        // End-to-end test builds only: point TLDs at a local RDAP server.
        for (const [tld, url] of Object.entries(await this.platform.rdapOverrides()))
          index.set(tld, [url]);
        return index;
      })().catch((error: unknown) => {
        this.bootstrapIndex = null;
        throw error;
      });
    }
    return this.bootstrapIndex;
  }

  /** One network lookup per domain at a time; a second asker shares the first one's answer. */
  lookup(domain: string): Promise<RdapResult> {
    const running = this.inFlight.get(domain);
    if (running) return running;
    const lookup = lookupRdap(domain, {
      fetch: this.platform.fetch,
      now: () => this.platform.now(),
      bootstrap: () => this.bootstrap(),
      cache: idbRdapCache,
      holds: kvRdapHolds,
      allowHttp: this.platform.config.allowHttpEndpoint === true,
    }).finally(() => this.inFlight.delete(domain));
    this.inFlight.set(domain, lookup);
    return lookup;
  }

  /** Weekly: fetch IANA's bootstrap; keep the previous one on any failure. */
  async refreshBootstrap(force = false): Promise<'updated' | 'unchanged' | 'failed' | 'not-due'> {
    const stored = await readKv('rdapBootstrap', z.nullable(StoredBootstrapSchema), null);
    const now = this.platform.now();
    if (!force && stored && now - stored.fetchedAt < WEEK && stored.fetchedAt <= now)
      return 'not-due';
    const outcome = await fetchList(
      {
        url: IANA_BOOTSTRAP_URL,
        etag: stored?.etag ?? null,
        lastModified: null,
        maxBytes: 2 * 1024 * 1024,
        timeoutMs: 30_000,
      },
      this.platform.fetch,
    );
    if (outcome.kind === 'not-modified' && stored) {
      await writeKv('rdapBootstrap', StoredBootstrapSchema, { ...stored, fetchedAt: now });
      return 'unchanged';
    }
    if (outcome.kind !== 'ok') return 'failed';
    let bootstrap: Bootstrap;
    try {
      bootstrap = BootstrapSchema.parse(JSON.parse(outcome.text));
    } catch {
      return 'failed';
    }
    await writeKv('rdapBootstrap', StoredBootstrapSchema, {
      bootstrap,
      fetchedAt: now,
      etag: outcome.etag,
    });
    this.bootstrapIndex = null;
    return 'updated';
  }
}

/** Builds the network side on the first script's platform (handed over by the second script). */
export function createRdapNetwork(platform: Platform): RdapNetwork {
  return new RdapNetwork(platform);
}

/** Loads the network side: from the second script in the worker, at once in tests and Firefox. */
export type LoadRdapNetwork = () => Promise<typeof createRdapNetwork>;
