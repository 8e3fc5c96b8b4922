// Reasons (codes and data) into sentences in one language. The popup, the warning page, the
// in-page banner, the reports and the CLI all use these, so a reason reads the same everywhere.
import { formatPartialDate, pick, t, type Lang } from '../i18n';
import { displayHost } from '../core/hostname';
import type { Source } from '../lists/model';
import type { Reason, RegistrarReason, RegistrarRef } from './model';
import { dataClass } from '../i18n/data-classes';
import { dateOnly } from '../i18n/time';

/** Linked hosts named in the listed-links reason's sentence; the others follow in its details. */
const LISTED_LINKS_SHOWN = 3;

export interface RenderedSource {
  label: string;
  url: string | null;
  date: string | null;
}

export interface RenderedReason {
  /** One sentence that stands on its own. */
  title: string;
  /** Supporting sentences (evidence summaries, notes). */
  details: string[];
  sources: RenderedSource[];
}

export function renderSource(
  lang: Lang,
  source: Source,
  date: string | null = null,
): RenderedSource {
  return {
    label: source.citation ?? source.url ?? '',
    url: source.url ?? null,
    date: date === null ? null : formatPartialDate(lang, date),
  };
}

export function renderReason(lang: Lang, reason: Reason): RenderedReason {
  switch (reason.code) {
    case 'list.user': {
      // The user's own block: their note and the day they added it, not a "source".
      const entry = reason.evidence[0];
      const note = entry?.source.citation;
      const details = [
        ...(note && note !== 'you' ? [note] : []),
        ...(entry ? [t(lang, 'popup.addedOn', { date: formatPartialDate(lang, entry.date) })] : []),
      ];
      return { title: t(lang, 'reason.list.user'), details, sources: [] };
    }
    case 'list.block':
    case 'list.warn': {
      const title = t(
        lang,
        reason.code === 'list.block' ? 'reason.list.block' : 'reason.list.warn',
        {
          category: t(lang, `category.${reason.category}`),
          list: pick(lang, reason.list.title),
        },
      );
      const details: string[] = [];
      if (reason.note) details.push(pick(lang, reason.note));
      for (const item of reason.evidence) {
        if (item.summary) details.push(pick(lang, item.summary));
      }
      if (reason.evidence.length === 0 && reason.list.attribution.length > 0) {
        details.push(
          t(lang, 'warning.noDetails', {
            attribution: reason.list.attribution.join(t(lang, 'ui.listSep')),
          }),
        );
      }
      return {
        title,
        details,
        sources: reason.evidence.map((e) => renderSource(lang, e.source, e.date)),
      };
    }
    case 'registrar.identity':
    case 'registrar.breach':
    case 'registrar.noncooperation':
    case 'registrar.positive':
    case 'registrar.abuse-rank':
    case 'registrar.no-rdap':
    case 'registrar.lookup-failed':
    case 'registrar.not-found':
    case 'registrar.not-looked-up':
      return renderRegistrar(lang, reason);
    case 'age.new':
    case 'age.young':
    case 'age.established': {
      const date = formatPartialDate(lang, reason.registered.slice(0, 10));
      const title = t(lang, `reason.${reason.code}`, {
        days: reason.days,
        date,
        years: Math.floor(reason.days / 365),
      });
      const details = reason.expiration
        ? [
            t(lang, 'reason.age.expires', {
              date: formatPartialDate(lang, reason.expiration.slice(0, 10)),
            }),
          ]
        : [];
      return { title, details, sources: [] };
    }
    case 'breach.site': {
      const b = reason.breach;
      const details: string[] = [];
      if (b.summary) details.push(pick(lang, b.summary));
      else if (lang === 'en' && b.description) details.push(b.description);
      if (b.dataClasses.length > 0) {
        details.push(
          t(lang, 'reason.breach.data', {
            classes: b.dataClasses.map((c) => dataClass(lang, c)).join(lang === 'ja' ? '、' : ', '),
          }),
        );
      }
      if (b.pwnCount !== null) details.push(t(lang, 'reason.breach.count', { count: b.pwnCount }));
      return {
        title: t(lang, 'reason.breach.site', {
          title: b.title,
          date: formatPartialDate(lang, b.breachDate),
        }),
        details,
        sources: [renderSource(lang, b.source, b.addedDate)],
      };
    }
    case 'page.site-evidence':
      return {
        title: t(lang, 'reason.page.site-evidence'),
        details: [
          t(lang, 'reason.page.siteEvidenceQuote', {
            url: reason.evidence,
            date: reason.seenAt === undefined ? '' : dateOnly(lang, reason.seenAt),
          }),
        ],
        sources: [],
      };
    case 'page.listed-links': {
      // The linked hosts (canonical ASCII, space-separated): the first three in the sentence the
      // banner shows, every further one below it.
      const hosts = (reason.evidence ?? '')
        .split(' ')
        .filter((h) => h !== '')
        .map((h) => displayHost(h));
      const sep = lang === 'ja' ? '、' : ', ';
      const rest = hosts.slice(LISTED_LINKS_SHOWN);
      return {
        title: t(lang, 'reason.page.listed-links', {
          hosts: hosts.slice(0, LISTED_LINKS_SHOWN).join(sep),
        }),
        details:
          rest.length > 0
            ? [
                t(lang, 'reason.page.listedLinksMore', {
                  count: rest.length,
                  hosts: rest.join(sep),
                }),
              ]
            : [],
        sources: [],
      };
    }
    case 'page.lookalike':
      // The evidence is the licensed seller's domain the address imitates.
      return {
        title: t(lang, 'reason.page.lookalike', { domain: reason.evidence ?? '' }),
        details: [],
        sources: [],
      };
    default: {
      // Page signals: the sentence, and the page's own words that triggered it.
      const title = t(
        lang,
        `reason.${reason.code}`,
        reason.drug ? { drug: pick(lang, reason.drug) } : undefined,
      );
      const quote =
        reason.code === 'page.drug-domain' ? 'reason.page.domainQuote' : 'reason.page.quote';
      const details = reason.evidence ? [t(lang, quote, { text: reason.evidence })] : [];
      return { title, details, sources: [] };
    }
  }
}

/** The registrar's name for sentences: the curated short name, else what RDAP or IANA gives. */
export function registrarName(lang: Lang, ref: RegistrarRef | null): string {
  if (!ref) return '';
  if (ref.displayName) return pick(lang, ref.displayName);
  return ref.name ?? (ref.ianaId !== null ? `IANA ${ref.ianaId}` : '');
}

function renderRegistrar(lang: Lang, reason: RegistrarReason): RenderedReason {
  const registrar = registrarName(lang, reason.registrar);
  switch (reason.code) {
    case 'registrar.identity': {
      const id = reason.registrar?.ianaId != null ? ` (IANA ID ${reason.registrar.ianaId})` : '';
      const contact = [reason.abuse?.email, reason.abuse?.phone]
        .filter((c): c is string => !!c)
        .join(' / ');
      return {
        title: t(lang, 'reason.registrar.identity', {
          registrar,
          id: lang === 'ja' ? id.replace(' (', '（').replace(/\)$/, '）') : id,
        }),
        details: contact ? [t(lang, 'reason.registrar.abuse', { contact })] : [],
        sources: [],
      };
    }
    case 'registrar.breach':
    case 'registrar.noncooperation': {
      const incident = reason.incident!;
      const date = formatPartialDate(lang, incident.date);
      const records =
        incident.records !== null
          ? t(lang, 'reason.records', { count: incident.records })
          : t(lang, 'reason.records.unknown');
      const details = [pick(lang, incident.summary)];
      if (reason.code === 'registrar.noncooperation') {
        details.push(
          t(
            lang,
            reason.pharmacyContext
              ? 'reason.registrar.noncooperation.context'
              : 'reason.registrar.noncooperation.alone',
          ),
        );
      }
      return {
        title: t(
          lang,
          reason.code === 'registrar.breach'
            ? 'reason.registrar.breach'
            : 'reason.registrar.noncooperation',
          { registrar, date, records },
        ),
        details,
        sources: [renderSource(lang, incident.source, incident.date)],
      };
    }
    case 'registrar.positive':
      return {
        title: t(lang, 'reason.registrar.positive', { registrar }),
        details: reason.note ? [pick(lang, reason.note.summary)] : [],
        sources: reason.note ? [renderSource(lang, reason.note.source)] : [],
      };
    case 'registrar.abuse-rank':
      return {
        title: t(lang, 'reason.registrar.abuse-rank', {
          registrar,
          rank: reason.stat!.rank,
          period: reason.stat!.period,
        }),
        details: [pick(lang, reason.stat!.metric)],
        sources: [renderSource(lang, reason.stat!.source)],
      };
    case 'registrar.no-rdap':
      return {
        title: t(lang, 'reason.registrar.no-rdap'),
        details: reason.whois
          ? [t(lang, 'reason.registrar.no-rdap.whois', { registry: reason.whois.registry })]
          : [],
        sources: reason.whois
          ? [{ label: reason.whois.url, url: reason.whois.url, date: null }]
          : [],
      };
    case 'registrar.lookup-failed':
      return {
        title: t(lang, 'reason.registrar.lookup-failed', {
          error: t(lang, `lookup.error.${(reason.error ?? 'network') as 'network'}`),
        }),
        details: [],
        sources: [],
      };
    case 'registrar.not-found':
    case 'registrar.not-looked-up':
      return { title: t(lang, `reason.${reason.code}`), details: [], sources: [] };
  }
}

/** The listed entry for display, Unicode for IDNs. */
export function listedForDisplay(listed: string): string {
  return displayHost(listed);
}
