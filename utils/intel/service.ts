// Domain lookups for the background: the registrar cache, the IANA registrar names, and the
// privacy rule — a lookup sends only the registered domain, and only when the user asked (popup,
// "check a site") or, if automatic lookups are on, when a page already scores caution or above.
// The network side (the RDAP bootstrap, client and parser: utils/intel/rdap-network.ts) is loaded
// the first time a lookup may go to the network: every verdict the first script gives reads the
// cache only, so a waking worker carries none of it.
import { z } from '../core/zod';
import type { RdapResult } from './rdap-client';
import { idbRdapCache } from './rdap-cache';
import type { LoadRdapNetwork, RdapNetwork } from './rdap-network';
import type { LookupInput } from '../verdicts/compute';
import type { Platform } from '../platform/platform';

/** How a lookup may happen: from the cache only, if automatic lookups allow, or because the user asked. */
export type LookupMode = 'cache-only' | 'automatic' | 'explicit';

export class IntelService {
  private ianaNames: Promise<Record<number, string>> | null = null;
  private networkSide: Promise<RdapNetwork> | null = null;

  constructor(
    private readonly platform: Platform,
    private readonly loadNetwork: LoadRdapNetwork,
  ) {}

  /** The network side, loaded once (a load that fails is tried again by the next lookup). */
  private network(): Promise<RdapNetwork> {
    this.networkSide ??= this.loadNetwork()
      .then((create) => create(this.platform))
      .catch((error: unknown) => {
        this.networkSide = null;
        throw error;
      });
    return this.networkSide;
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
      result = await (await this.network()).lookup(domain);
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

  /** Weekly: fetch IANA's bootstrap; keep the previous one on any failure. */
  async refreshBootstrap(force = false): Promise<'updated' | 'unchanged' | 'failed' | 'not-due'> {
    return (await this.network()).refreshBootstrap(force);
  }
}
