// English plurals: every message that takes a count reads right with 1 and with 2 ("1 entry",
// "2 entries", "1 day ago"), whoever calls t(). Japanese has one form and is unchanged.
import { describe, expect, it } from 'vitest';
import { t, tables, type MessageKey } from '../../utils/i18n';
import { EN_ONE } from '../../utils/i18n/plurals';

/** Placeholders that hold a number of things (not a score, a date, an id or a rank). */
const COUNT_PARAMS = [
  'count',
  'days',
  'years',
  'domains',
  'rules',
  'from',
  'to',
  'total',
  'left',
  'allowlist',
  'blocks',
  'dismissals',
];

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
const counted = (Object.keys(tables.en) as MessageKey[]).filter((key) =>
  placeholders(tables.en[key]).some((p) => COUNT_PARAMS.includes(p)),
);

function render(key: MessageKey, n: number): string {
  const params: Record<string, string | number> = {};
  for (const p of placeholders(tables.en[key])) params[p] = COUNT_PARAMS.includes(p) ? n : 'X';
  return t('en', key, params);
}

/** Nouns and verbs that follow a number in the plural rendering ("2 entries are"). */
function pluralWords(text: string): string[] {
  return [...text.matchAll(/\b2 ((?:[\w-]+ )?[\w-]+)/g)].map((m) => m[1]!);
}

describe('English plurals', () => {
  it('finds the counted messages', () => {
    expect(counted.length).toBeGreaterThanOrEqual(15);
    expect(counted).toContain('options.list.entries');
    expect(counted).toContain('reason.age.new');
  });

  it.each(counted)('%s reads right with 1 and with 2', (key) => {
    const one = render(key, 1);
    const two = render(key, 2);
    // With 2: the plural ("other") form, the message as en.ts holds it.
    expect(two).toBe(
      tables.en[key].replace(/\{(\w+)\}/g, (_, p: string) =>
        COUNT_PARAMS.includes(p) ? '2' : 'X',
      ),
    );
    for (const words of pluralWords(two)) {
      const noun = words.split(' ').at(-1)!;
      // "2 entries" must not turn into "1 entries" (nor "2 days ago" into "1 days ago").
      if (/[^s]s$/.test(noun)) expect(one, `${key}: "1 ${words}"`).not.toContain(`1 ${words}`);
    }
    expect(one).not.toMatch(/\b1 (entries|records|days|years|domains|pharmacies|sites)\b/);
    expect(two).not.toMatch(/\b2 (entry|record|day|year|domain|pharmacy)\b(?! \w+s\b)/);
    expect(one).not.toMatch(/\b1 [\w-]+ (are|disagree)\b/);
  });

  it('renders the familiar cases', () => {
    expect(t('en', 'options.list.entries', { count: 1 })).toBe('1 entry');
    expect(t('en', 'options.list.entries', { count: 2 })).toBe('2 entries');
    expect(t('en', 'options.list.entries', { count: 0 })).toBe('0 entries');
    expect(t('en', 'options.list.entries', { count: 1000 })).toBe('1,000 entries');
    expect(t('en', 'reason.records', { count: 1 })).toBe('1 record');
    expect(t('en', 'reason.age.new', { days: 1, date: 'D' })).toBe(
      'The domain was registered only 1 day ago (D).',
    );
    expect(t('en', 'reason.age.established', { years: 1, date: 'D' })).toBe(
      'The domain was registered on D (1 year ago).',
    );
    expect(t('en', 'options.rules.status', { domains: 1, rules: 1 })).toBe(
      '1 domain is stopped before it loads (browser rules: 1).',
    );
    // A count given as text (already formatted) is left to the plural form.
    expect(t('en', 'options.list.entries', { count: '1' })).toBe('1 entries');
  });

  it('leaves Japanese as it is', () => {
    expect(t('ja', 'options.list.entries', { count: 1 })).toBe(
      t('ja', 'options.list.entries', { count: 2 }).replace('2', '1'),
    );
    expect(new Intl.PluralRules('ja').resolvedOptions().pluralCategories).toEqual(['other']);
  });

  it('every singular form has the same placeholders as its plural', () => {
    for (const [key, one] of Object.entries(EN_ONE)) {
      const other = tables.en[key as MessageKey];
      expect(placeholders(one!.text).sort(), key).toEqual(placeholders(other).sort());
      expect(placeholders(other), key).toContain(one!.by);
    }
  });
});
