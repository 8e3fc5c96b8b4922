// Dates and ages for people: "3 days ago", "in 5 hours", and a full date when it matters.
import type { Lang } from './index';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

export function relativeTime(lang: Lang, at: number, now: number): string {
  const diff = at - now;
  const format = new Intl.RelativeTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    numeric: 'auto',
  });
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms || unit === 'minute')
      return format.format(Math.round(diff / ms), unit);
  }
  return format.format(0, 'minute');
}

export function dateTime(lang: Lang, at: number): string {
  return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(at));
}

export function dateOnly(lang: Lang, at: number): string {
  return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium' }).format(
    new Date(at),
  );
}
