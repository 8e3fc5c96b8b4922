// The local RDAP server of the end-to-end tests: a minimal domain answer (registration date,
// registrar with IANA id and abuse contact), a request handler for the fixture server, and the
// test-only switch that points .com lookups at it (compiled out of production builds).
import type { ExtensionBrowser } from './browser';
import type { FixtureServer, Handler } from './fixture-server';

export const RDAP_HOST = 'rdap.kusuri-guard-test.example';
const DAY = 24 * 3600_000;

export function rdapAnswer(domain: string, ageDays: number, ianaId: number, registrar: string) {
  return {
    objectClassName: 'domain',
    ldhName: domain.toUpperCase(),
    status: ['client transfer prohibited'],
    events: [
      {
        eventAction: 'registration',
        eventDate: new Date(Date.now() - ageDays * DAY).toISOString(),
      },
      { eventAction: 'expiration', eventDate: new Date(Date.now() + 300 * DAY).toISOString() },
    ],
    entities: [
      {
        objectClassName: 'entity',
        roles: ['registrar'],
        publicIds: [{ type: 'IANA Registrar ID', identifier: String(ianaId) }],
        vcardArray: [
          'vcard',
          [
            ['version', {}, 'text', '4.0'],
            ['fn', {}, 'text', registrar],
          ],
        ],
        entities: [
          {
            objectClassName: 'entity',
            roles: ['abuse'],
            vcardArray: [
              'vcard',
              [
                ['email', {}, 'text', 'abuse@gmo.example'],
                ['tel', { type: 'voice' }, 'uri', 'tel:+81.354567890'],
              ],
            ],
          },
        ],
      },
    ],
  };
}

/**
 * Answers `GET /com/domain/<name>` on RDAP_HOST with `answer(name)`, or 404 when it gives null;
 * every name asked for is recorded in `seen`.
 */
export function rdapHandler(
  answer: (domain: string) => object | null,
  seen: string[] = [],
): Handler {
  return (req, res) => {
    if (req.headers.host?.split(':')[0] !== RDAP_HOST) return false;
    const domain = decodeURIComponent((req.url ?? '').split('/domain/')[1] ?? '');
    seen.push(domain);
    const body = answer(domain);
    res
      .writeHead(body ? 200 : 404, { 'content-type': 'application/rdap+json' })
      .end(JSON.stringify(body ?? { errorCode: 404 }));
    return true;
  };
}

/** Point the extension's .com lookups at the local RDAP server (e2e builds only). */
export async function useLocalRdap(ext: ExtensionBrowser, server: FixtureServer): Promise<void> {
  const worker = await ext.worker();
  await worker.evaluate(
    (base) => chrome.storage.local.set({ kgTestRdapOverrides: { com: base } }),
    server.url(RDAP_HOST, '/com/'),
  );
}
