// English singular forms. en.ts holds each counted message in its plural ("other") form; this
// table holds the "one" form and names the parameter whose number selects it, so every caller of
// t() gets "1 entry" / "2 entries" without choosing a key itself. Japanese has one form
// (Intl.PluralRules('ja') knows only "other"), so ja.ts needs nothing here. Messages with two
// counts are worded so that only one count governs the grammar ("browser rules: 12").
import type { MessageKey } from './en';

export interface OneForm {
  /** The parameter whose count selects this form. */
  by: string;
  text: string;
}

export const EN_ONE: Partial<Record<MessageKey, OneForm>> = {
  'popup.licensedConflict': {
    by: 'count',
    text: 'Kusuri Guard does not warn on this site: {count} list entry or page signal disagrees with the register (shown below).',
  },
  'options.list.entries': { by: 'count', text: '{count} entry' },
  'reason.page.listedLinksMore': {
    by: 'count',
    text: 'Also links to {count} more site on a block list: {hosts}',
  },
  'options.disagree.more': { by: 'count', text: 'and {count} more site' },
  'options.disagree.show': { by: 'count', text: 'Show the {count} site' },
  'options.data.checking': { by: 'total', text: '{checked} / {total} entry checked…' },
  'options.data.writing': { by: 'total', text: 'The {total} entry is valid; importing it…' },
  'options.list.rejected': { by: 'count', text: '{count} line rejected ({kinds})' },
  'options.list.held': {
    by: 'count',
    text: '{count} entry held because it would block an important site',
  },
  'options.list.pendingShrink': {
    by: 'to',
    text: 'A new version would shrink this list from {from} to {to} entry. Such a change is held back until you decide.',
  },
  'options.list.result.updated': { by: 'count', text: 'Updated: {count} entry.' },
  'options.licensed.intro': {
    by: 'count',
    text: '{count} pharmacy, drugstore, clinic or drug-information site named by a public register or by its own legally required licence display. Kusuri Guard does not warn on it because of a warn-level list or the page check; a block-level list entry still applies and is shown below.',
  },
  'options.data.invalidEntries': {
    by: 'count',
    text: 'The file has {count} invalid entry, so nothing was imported: {examples}',
  },
  'options.rules.status': {
    by: 'domains',
    text: '{domains} domain is stopped before it loads (browser rules: {rules}).',
  },
  'options.rules.overflow': {
    by: 'left',
    text: 'Not every block-level domain got a browser rule ({error}; block-level domains: {total}). The remaining {left} domain is stopped as soon as its page starts loading, which means the site is contacted once.',
  },
  'reason.records': { by: 'count', text: '{count} record' },
  'reason.age.new': { by: 'days', text: 'The domain was registered only {days} day ago ({date}).' },
  'reason.age.established': {
    by: 'years',
    text: 'The domain was registered on {date} ({years} year ago).',
  },
};

const rules = new Intl.PluralRules('en-US');

/** The English template for `key` with these parameters: the "one" form when its count is one. */
export function enTemplate(
  key: MessageKey,
  other: string,
  params: Record<string, unknown>,
): string {
  const one = EN_ONE[key];
  if (!one) return other;
  const count = params[one.by];
  return typeof count === 'number' && rules.select(count) === 'one' ? one.text : other;
}
