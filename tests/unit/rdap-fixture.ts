// An RDAP domain answer built on a real Verisign response, for tests that need a registrar.
import { readFileSync } from 'node:fs';

const verisign = JSON.parse(
  readFileSync('tests/fixtures/rdap-verisign-hhgames.com.json', 'utf8'),
) as Record<string, unknown>;
export const DAY = 24 * 3600_000;

/** An RDAP answer for `domain`, registered `ageDays` ago through registrar `ianaId`. */
export function rdapFor(
  domain: string,
  ianaId: number,
  name: string,
  ageDays: number,
  now: number,
) {
  return {
    ...verisign,
    ldhName: domain.toUpperCase(),
    links: [],
    events: [
      { eventAction: 'registration', eventDate: new Date(now - ageDays * DAY).toISOString() },
      { eventAction: 'expiration', eventDate: new Date(now + 365 * DAY).toISOString() },
    ],
    entities: [
      {
        objectClassName: 'entity',
        roles: ['registrar'],
        publicIds: [{ type: 'IANA Registrar ID', identifier: String(ianaId) }],
        vcardArray: ['vcard', [['fn', {}, 'text', name]]],
        entities: [
          {
            roles: ['abuse'],
            vcardArray: [
              'vcard',
              [
                ['email', {}, 'text', 'abuse@registrar.example'],
                ['tel', {}, 'uri', 'tel:+81.312345678'],
              ],
            ],
          },
        ],
      },
    ],
  };
}
