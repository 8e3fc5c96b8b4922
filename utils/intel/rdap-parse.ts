// Reading an RDAP domain response (RFC 9083): registrar, IANA ID, abuse contact, dates, status.
// RDAP servers differ a lot (vCards in odd shapes, nested entities, missing fields), so the
// schema only fixes what must be there and every field is read defensively.
import { z, type ZodType } from '../core/zod';
import { cleanRemoteText } from '../core/text';

/** Dates outside this window are a server's placeholder or error (9999-12-31): unknown. */
export const EARLIEST_DATE = Date.UTC(1985, 0, 1);
const DAY_MS = 24 * 3600_000;

const LinkSchema = z.object({
  rel: z.optional(z.string()),
  href: z.optional(z.string()),
  type: z.optional(z.string()),
  value: z.optional(z.string()),
});

type Entity = {
  roles?: string[];
  vcardArray?: unknown;
  publicIds?: { type?: string; identifier?: string }[];
  entities?: Entity[];
  handle?: string;
  links?: z.infer<typeof LinkSchema>[];
};

/** An array whose malformed items are dropped one by one instead of failing the whole answer. */
function lenientArray<T>(item: ZodType<T>, max: number) {
  return z.catch(
    z.optional(
      z.pipe(
        z.array(z.unknown()).check(z.maxLength(max)),
        z.transform((items) =>
          items.flatMap((value) => {
            const parsed = item.safeParse(value);
            return parsed.success ? [parsed.data] : [];
          }),
        ),
      ),
    ),
    undefined,
  );
}

const EntitySchema: ZodType<Entity> = z.lazy(() =>
  z.object({
    roles: z.catch(z.optional(z.array(z.string())), undefined),
    vcardArray: z.optional(z.unknown()),
    publicIds: lenientArray(
      z.object({ type: z.optional(z.string()), identifier: z.optional(z.string()) }),
      20,
    ),
    entities: lenientArray(EntitySchema, 50),
    handle: z.catch(z.optional(z.string()), undefined),
    links: lenientArray(LinkSchema, 50),
  }),
) as ZodType<Entity>;

export const RdapDomainSchema = z.object({
  objectClassName: z.literal('domain'),
  ldhName: z.optional(z.string().check(z.maxLength(300))),
  unicodeName: z.optional(z.string().check(z.maxLength(300))),
  status: z.catch(
    z.optional(z.array(z.string().check(z.maxLength(100))).check(z.maxLength(50))),
    undefined,
  ),
  events: z.catch(
    z.optional(
      z
        .array(z.object({ eventAction: z.string(), eventDate: z.optional(z.string()) }))
        .check(z.maxLength(100)),
    ),
    undefined,
  ),
  entities: lenientArray(EntitySchema, 100),
  links: lenientArray(LinkSchema, 100),
});

export interface RdapDomain {
  domain: string;
  status: string[];
  registration: string | null;
  expiration: string | null;
  lastChanged: string | null;
  registrar: { name: string | null; ianaId: number | null };
  abuse: { email: string | null; phone: string | null };
  /** The registrar's own RDAP record for this domain, when the registry links to it. */
  registrarRdapUrl: string | null;
}

export type ParseResult = { ok: true; value: RdapDomain } | { ok: false; detail: string };

export function parseRdapDomain(json: unknown, now: number = Date.now()): ParseResult {
  const parsed = RdapDomainSchema.safeParse(json);
  if (!parsed.success) {
    const error = (json as { errorCode?: unknown })?.errorCode;
    return {
      ok: false,
      detail: error !== undefined ? `RDAP error ${String(error)}` : 'not an RDAP domain object',
    };
  }
  const data = parsed.data;
  const event = (action: string) => {
    const date = data.events?.find((e) => e.eventAction.toLowerCase() === action)?.eventDate;
    const time = date ? Date.parse(date) : NaN;
    // 1985 is when the first domain was registered; a date more than a day ahead is wrong too.
    return Number.isFinite(time) && time >= EARLIEST_DATE && time <= now + DAY_MS
      ? new Date(time).toISOString()
      : null;
  };
  const registrarEntity = findEntity(data.entities ?? [], 'registrar', 0);
  const abuseEntity =
    (registrarEntity && findEntity(registrarEntity.entities ?? [], 'abuse', 0)) ??
    findEntity(data.entities ?? [], 'abuse', 0);
  const related = data.links?.find(
    (l) =>
      l.rel === 'related' && (l.type ?? '').includes('rdap') && /^https?:\/\//i.test(l.href ?? ''),
  );
  return {
    ok: true,
    value: {
      domain: cleanRemoteText(data.ldhName ?? '')
        .toLowerCase()
        .replace(/\.$/, ''),
      status: (data.status ?? []).map(cleanRemoteText).filter((v) => v !== ''),
      registration: event('registration'),
      expiration: event('expiration'),
      lastChanged: event('last changed'),
      registrar: {
        name: registrarEntity
          ? (vcardText(registrarEntity.vcardArray, 'fn') ??
            vcardText(registrarEntity.vcardArray, 'org'))
          : null,
        ianaId: registrarEntity ? ianaIdOf(registrarEntity) : null,
      },
      abuse: {
        email: abuseEntity ? normalizeEmail(vcardText(abuseEntity.vcardArray, 'email')) : null,
        phone: abuseEntity ? normalizePhone(vcardText(abuseEntity.vcardArray, 'tel')) : null,
      },
      registrarRdapUrl: related?.href ?? null,
    },
  };
}

/** Registry data is authoritative for dates; the registrar adds its abuse contact and name. */
export function mergeRdap(registry: RdapDomain, registrar: RdapDomain | null): RdapDomain {
  if (!registrar) return registry;
  return {
    ...registry,
    registration: registry.registration ?? registrar.registration,
    expiration: registry.expiration ?? registrar.expiration,
    lastChanged: registry.lastChanged ?? registrar.lastChanged,
    registrar: {
      name: registry.registrar.name ?? registrar.registrar.name,
      ianaId: registry.registrar.ianaId ?? registrar.registrar.ianaId,
    },
    abuse: {
      email: registry.abuse.email ?? registrar.abuse.email,
      phone: registry.abuse.phone ?? registrar.abuse.phone,
    },
  };
}

function findEntity(entities: Entity[], role: string, depth: number): Entity | null {
  if (depth > 4) return null;
  for (const entity of entities)
    if (entity.roles?.some((r) => r.toLowerCase() === role)) return entity;
  for (const entity of entities) {
    const nested = findEntity(entity.entities ?? [], role, depth + 1);
    if (nested) return nested;
  }
  return null;
}

function ianaIdOf(entity: Entity): number | null {
  const id = entity.publicIds?.find((p) =>
    (p.type ?? '').toLowerCase().includes('iana'),
  )?.identifier;
  const value = Number(id);
  if (Number.isInteger(value) && value > 0) return value;
  return null;
}

/** The text value of the first vCard property called `name`, whatever shape the server used. */
export function vcardText(vcardArray: unknown, name: string): string | null {
  if (!Array.isArray(vcardArray)) return null;
  const properties = vcardArray[1];
  if (!Array.isArray(properties)) return null;
  for (const property of properties) {
    if (!Array.isArray(property) || String(property[0]).toLowerCase() !== name) continue;
    const value: unknown = property[3];
    const text = Array.isArray(value)
      ? value.filter((v) => typeof v === 'string' && v !== '').join(' ')
      : value;
    const clean = typeof text === 'string' ? cleanRemoteText(text) : '';
    if (clean !== '') return clean.slice(0, 300);
  }
  return null;
}

function normalizeEmail(value: string | null): string | null {
  if (!value) return null;
  const email = value.replace(/^mailto:/i, '').trim();
  return /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(email) ? email : null;
}

function normalizePhone(value: string | null): string | null {
  if (!value) return null;
  const phone = value.replace(/^tel:/i, '').trim();
  return /^[+\d][\d\s().-]{4,30}(;ext=\d+)?$/.test(phone) ? phone : null;
}
