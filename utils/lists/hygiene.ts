// List hygiene: hosts no list may name, whoever publishes it. A list entry blocks its subdomains
// too, so one careless line (`192.168.1.1`, `google.com`, `github.com`) could cut a user off from
// their router, from a search engine, or from the extension's own report channel and update
// sources. Importers refuse such entries with a reason (counted like every other rejection).
import neverBlockData from '../../data/never-block.json';
import { hostSuffixes } from '../core/hostname';
import { hostFingerprint, suffixFingerprints } from '../match/fingerprint';

export type HygieneReason = 'private-address' | 'never-block' | 'popular-site';

/** Sections of the never-block set that are popular sites (the others protect the extension). */
const POPULAR_SECTIONS = new Set(['cloudflare-radar', 'commoncrawl-japanese']);

/**
 * IPv4 ranges that are not on the public internet: "this network", private (RFC 1918), loopback,
 * link-local (cloud metadata at 169.254.169.254), carrier-grade NAT (RFC 6598).
 */
export function isPrivateIPv4(host: string): boolean {
  const parts = host.split('.');
  if (parts.length !== 4) return false;
  const [a, b] = parts.map(Number) as [number, number];
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127)
  );
}

export interface NeverBlockSection {
  id: string;
  name: string;
  url?: string;
  licence: string;
  note?: string;
  hosts: string[];
}

/**
 * The packaged never-block set (data/never-block.json): the project's own channels, the RDAP
 * servers, and very popular sites. An entry is refused when it is one of these hosts, a parent of
 * one (`iana.org` would block `data.iana.org`), or a host under one (`www.google.com`).
 */
export class NeverBlock {
  private readonly exact = new Map<string, string>();
  private readonly parents = new Map<string, string>();
  /**
   * The high fingerprint half of every key of `parents` (which holds every key of `exact`): a host
   * none of whose dot-suffixes has one of these cannot be protected, and is answered without
   * asking the public suffix list for its registrable domain or cutting substrings (most of a
   * million-host import's hosts).
   */
  private readonly tags = new Set<number>();

  constructor(sections: readonly NeverBlockSection[]) {
    // The first section that names a host is the one shown (the project's own channels first).
    for (const section of sections) {
      for (const host of section.hosts) {
        if (!this.exact.has(host)) this.exact.set(host, section.id);
        for (const parent of hostSuffixes(host)) {
          if (!this.parents.has(parent)) this.parents.set(parent, section.id);
        }
      }
    }
    for (const key of this.parents.keys()) this.tags.add(hostFingerprint(key).hi);
  }

  /**
   * False when no suffix of `host` at a dot, nor the host itself, is a key of `parents`: then
   * sectionFor is null (the suffixes it checks are among these). True may be a rare false alarm.
   */
  private mayProtect(host: string): boolean {
    const count = suffixFingerprints(host, SCRATCH_PAIRS, SCRATCH_STARTS);
    for (let i = 0; i < count; i += 1) if (this.tags.has(SCRATCH_PAIRS[i * 2]!)) return true;
    // A host of more labels than the scratch holds lost its most specific suffixes: ask in full.
    return count === SCRATCH_STARTS.length;
  }

  /** The section that protects this canonical host, or null. */
  sectionFor(host: string): string | null {
    if (!this.mayProtect(host)) return null;
    const direct = this.parents.get(host);
    if (direct !== undefined) return direct;
    for (const suffix of hostSuffixes(host)) {
      const section = this.exact.get(suffix);
      if (section !== undefined) return section;
    }
    return null;
  }
}

/** Room for every suffix of a host of 253 characters (at most 127 labels). */
const SCRATCH_STARTS = new Int32Array(128);
const SCRATCH_PAIRS = new Uint32Array(SCRATCH_STARTS.length * 2);

export const NEVER_BLOCK_SECTIONS = (neverBlockData as { sections: NeverBlockSection[] }).sections;

let packaged: NeverBlock | null = null;

/** The packaged set, built on first use (about 1,300 hosts). */
export function packagedNeverBlock(): NeverBlock {
  packaged ??= new NeverBlock(NEVER_BLOCK_SECTIONS);
  return packaged;
}

/** Why a canonical listed host must not be imported, with the detail shown to the user. */
export function hygieneProblem(
  host: string,
  kind: 'domain' | 'ipv4',
  neverBlock: NeverBlock = packagedNeverBlock(),
): { reason: HygieneReason; detail: string } | null {
  if (kind === 'ipv4') {
    return isPrivateIPv4(host)
      ? { reason: 'private-address', detail: 'a private, loopback, link-local or CGNAT address' }
      : null;
  }
  const section = neverBlock.sectionFor(host);
  if (section === null) return null;
  return {
    reason: POPULAR_SECTIONS.has(section) ? 'popular-site' : 'never-block',
    detail: `on the packaged never-block set (${section})`,
  };
}
