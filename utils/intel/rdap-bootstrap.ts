// The IANA RDAP bootstrap for domains (RFC 9224): which RDAP server answers for which TLD, and
// the IANA registrar-ID table. Both are packaged with the extension; the bootstrap is refreshed
// weekly from IANA.
import { z } from '../core/zod';

export const IANA_BOOTSTRAP_URL = 'https://data.iana.org/rdap/dns.json';

export const BootstrapSchema = z.object({
  description: z.optional(z.string()),
  publication: z.optional(z.string()),
  services: z
    .array(
      z.tuple([
        z.array(z.string().check(z.maxLength(100))).check(z.maxLength(2000)),
        z.array(z.string().check(z.maxLength(500))).check(z.maxLength(20)),
      ]),
    )
    .check(z.minLength(1), z.maxLength(5000)),
});
export type Bootstrap = z.infer<typeof BootstrapSchema>;

/** TLD → RDAP base URLs, https first. */
export function indexBootstrap(bootstrap: Bootstrap): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const [tlds, urls] of bootstrap.services) {
    const usable = urls
      .filter((u) => /^https?:\/\//i.test(u))
      .sort((a, b) => Number(b.startsWith('https')) - Number(a.startsWith('https')));
    if (usable.length === 0) continue;
    for (const tld of tlds)
      index.set(
        tld.toLowerCase(),
        usable.map((u) => (u.endsWith('/') ? u : `${u}/`)),
      );
  }
  return index;
}

/** The RDAP base URL for a domain (its longest matching label suffix), or null if none serves it. */
export function rdapBaseFor(index: Map<string, string[]>, domain: string): string | null {
  const labels = domain.toLowerCase().split('.');
  for (let i = 0; i < labels.length; i += 1) {
    const suffix = labels.slice(i).join('.');
    const urls = index.get(suffix);
    if (urls && urls.length > 0) return urls[0]!;
  }
  return null;
}

/** Where a person can look a domain up when its TLD has no RDAP service (e.g. .jp). */
export function whoisPageFor(domain: string): { url: string; registry: string } {
  const tld = domain.split('.').pop() ?? '';
  if (tld === 'jp') return { url: `https://whois.jprs.jp/`, registry: 'JPRS (.jp)' };
  return {
    url: `https://www.iana.org/whois?q=${encodeURIComponent(tld)}`,
    registry: `IANA (.${tld})`,
  };
}

/** Parse the IANA registrar-ID CSV (quoted fields) into ID → name. */
export function parseRegistrarIds(csv: string): Record<number, string> {
  const out: Record<number, string> = {};
  for (const line of csv.split(/\r?\n/).slice(1)) {
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < line.length; i += 1) {
      const ch = line[i]!;
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          field += '"';
          i += 1;
        } else if (ch === '"') quoted = false;
        else field += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') {
        fields.push(field);
        field = '';
      } else field += ch;
    }
    fields.push(field);
    const id = Number(fields[0]);
    const name = fields[1]?.trim();
    const status = fields[2]?.trim();
    if (Number.isInteger(id) && id > 0 && name && status !== 'Reserved') out[id] = name;
  }
  return out;
}
