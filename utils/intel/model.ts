// Site intelligence as reasons (pure): who the registrar is and its record, how old the domain
// is, and known breaches of the site. Registrar non-cooperation with rogue-pharmacy takedowns
// raises risk only together with pharmacy signals: most sites at any registrar are fine.
import type { Breach, Registrar } from '../lists/model';
import type { RdapResult } from './rdap-client';
import type {
  AgeReason,
  BreachReason,
  IntelSummary,
  ListRef,
  Reason,
  RegistrarReason,
  RegistrarRef,
} from '../verdicts/model';

export const NEW_DOMAIN_DAYS = 90;
export const YOUNG_DOMAIN_DAYS = 365;
/** Score added to the page's for a domain registered within 90 days / within a year. */
export const NEW_DOMAIN_BONUS = 15;
export const YOUNG_DOMAIN_BONUS = 5;
/** Score added when the registrar ignores rogue-pharmacy takedowns and the site looks like one. */
export const NONCOOPERATION_BONUS = 10;
/** Breaches are announced when they became known within this window (see noticeWorthy). */
export const RECENT_BREACH_DAYS = 365;

const DAY = 24 * 3600_000;

export interface MatchedBreach {
  breach: Breach;
  list: ListRef;
  /** From the project's curated data (dated by breachDate) or HIBP (dated by addedDate). */
  curated: boolean;
}

export interface IntelInput {
  domain: string;
  /** Null when no lookup was made (automatic lookups off, nothing asked). */
  lookup: RdapResult | null;
  /** Curated record of the registrar, by IANA ID. */
  registrar: Registrar | null;
  /** Name from IANA's registrar-ID table. */
  ianaName: string | null;
  breaches: MatchedBreach[];
}

export interface IntelReasons {
  reasons: Reason[];
  bonus: number;
  summary: IntelSummary;
}

export function intelReasons(
  input: IntelInput,
  context: { pharmacy: boolean; now: number },
): IntelReasons {
  const reasons: Reason[] = [];
  let bonus = 0;
  const lookup = input.lookup;
  const data = lookup?.status === 'ok' ? lookup.data : null;
  const ref: RegistrarRef | null = data
    ? {
        ianaId: data.registrar.ianaId,
        name: data.registrar.name ?? input.ianaName,
        ...(input.registrar?.displayName ? { displayName: input.registrar.displayName } : {}),
      }
    : null;

  if (lookup === null) {
    reasons.push(registrarReason('registrar.not-looked-up', null));
  } else if (lookup.status === 'no-rdap') {
    reasons.push({ ...registrarReason('registrar.no-rdap', null), whois: lookup.whois });
  } else if (lookup.status === 'not-found') {
    reasons.push(registrarReason('registrar.not-found', null));
  } else if (lookup.status === 'error') {
    reasons.push({ ...registrarReason('registrar.lookup-failed', null), error: lookup.error });
  } else if (data) {
    reasons.push({ ...registrarReason('registrar.identity', ref), abuse: data.abuse });
    const record = input.registrar;
    if (record) {
      for (const incident of record.incidents) {
        if (incident.kind === 'breach') {
          reasons.push({ ...registrarReason('registrar.breach', ref), incident });
        } else {
          reasons.push({
            ...registrarReason('registrar.noncooperation', ref),
            level: context.pharmacy ? 'caution' : 'none',
            incident,
            pharmacyContext: context.pharmacy,
          });
        }
      }
      if (context.pharmacy && record.incidents.some((i) => i.kind === 'noncooperation'))
        bonus += NONCOOPERATION_BONUS;
      for (const note of record.positiveNotes)
        reasons.push({ ...registrarReason('registrar.positive', ref), note });
      for (const stat of record.abuseStats)
        reasons.push({ ...registrarReason('registrar.abuse-rank', ref), stat });
    }
    if (data.registration) {
      const days = Math.floor((context.now - Date.parse(data.registration)) / DAY);
      const age: AgeReason = {
        group: 'age',
        code:
          days < NEW_DOMAIN_DAYS
            ? 'age.new'
            : days < YOUNG_DOMAIN_DAYS
              ? 'age.young'
              : 'age.established',
        level: days < NEW_DOMAIN_DAYS ? 'caution' : 'none',
        registered: data.registration,
        days: Math.max(0, days),
        expiration: data.expiration,
      };
      reasons.push(age);
      bonus +=
        days < NEW_DOMAIN_DAYS
          ? NEW_DOMAIN_BONUS
          : days < YOUNG_DOMAIN_DAYS
            ? YOUNG_DOMAIN_BONUS
            : 0;
    }
  }
  for (const matched of input.breaches) {
    const reason: BreachReason = {
      group: 'breach',
      code: 'breach.site',
      level: 'caution',
      breach: matched.breach,
      list: matched.list,
    };
    reasons.push(reason);
  }
  return {
    reasons,
    bonus,
    summary: {
      domain: input.domain,
      state: lookup === null ? 'not-asked' : 'done',
      registrar: ref,
      registered: data?.registration ?? null,
      expiration: data?.expiration ?? null,
      abuse: data?.abuse ?? null,
      rdapServers: lookup?.status === 'ok' ? lookup.servers : [],
    },
  };
}

function registrarReason(
  code: RegistrarReason['code'],
  registrar: RegistrarRef | null,
): RegistrarReason {
  return { group: 'registrar', code, level: 'none', registrar };
}

/**
 * Breaches to announce in the page: only recent ones, by the same 12-month rule for both sources.
 * HIBP's AddedDate is when the breach became known; a curated breach's addedDate is only when the
 * project curated it, so its own date (as the source gives it, e.g. 2014-12) stands in for that:
 * a visit to a big portal does not announce a breach from 2013.
 */
export function noticeWorthy(breaches: readonly MatchedBreach[], now: number): MatchedBreach[] {
  return breaches.filter((b) => {
    const known = Date.parse(b.curated ? b.breach.breachDate : b.breach.addedDate);
    return !Number.isNaN(known) && now - known <= RECENT_BREACH_DAYS * DAY && known <= now + DAY;
  });
}
