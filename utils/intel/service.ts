// Domain lookups for the background: which RDAP server to ask (the bootstrap packaged with the
// extension, refreshed weekly from IANA), the IANA registrar names, the cache, and the privacy
// rule — a lookup sends only the registered domain, and only when the user asked (popup, "check a
// site") or, if automatic lookups are on, when a page already scores caution or above.
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
import type { LookupInput } from '../verdicts/compute';
import type { Platform } from '../platform/platform';

const WEEK = 7 * 24 * 3600_000;
const StoredBootstrapSchema = z.object({
  bootstrap: BootstrapSchema,
  fetchedAt: z.number(),
  etag: z.nullable(z.string()),
});

/** How a lookup may happen: from the cache only, if automatic lookups allow, or because the user asked. */
export type LookupMode = 'cache-only' | 'automatic' | 'explicit';

export class IntelService {
  private bootstrapIndex: Promise<Map<string, string[]>> | null = null;
  private ianaNames: Promise<Record<number, string>> | null = null;
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

  private names(): Promise<Record<number, string>> {
    if (!this.ianaNames) {
      this.ianaNames = this.platform
        .readPackaged('rdap/registrar-ids.json')
        .then(
          (text) =>
            z.record(z.string(), z.string()).parse(JSON.parse(text)) as unknown as Record<
              number,
              string
            >,
        )
        .catch(() => ({}));
    }
    return this.ianaNames;
  }

  /**
   * The lookup input for a verdict. `cache-only` never touches the network; `automatic` does if
   * the setting allows; `explicit` does because the user asked.
   */
  async lookup(
    domain: string | null,
    mode: LookupMode,
    autoLookups: boolean,
  ): Promise<LookupInput> {
    if (domain === null) return { result: null, ianaName: () => null };
    const network = mode === 'explicit' || (mode === 'automatic' && autoLookups);
    let result: RdapResult | null = null;
    if (network) {
      result = await this.lookupOnce(domain);
    } else {
      const cached = await idbRdapCache.get(domain);
      if (cached && cached.expiresAt > this.platform.now()) result = cached.result;
    }
    // The registrar names (a 125 KB table) only when there is a registrar to name: a verdict on
    // a worker's wake does not wait for them.
    if (result?.status !== 'ok') return { result, ianaName: () => null };
    const names = await this.names();
    return { result, ianaName: (id: number) => names[id] ?? null };
  }

  /** One network lookup per domain at a time; a second asker shares the first one's answer. */
  private lookupOnce(domain: string): Promise<RdapResult> {
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
