// "N lines rejected (kinds)" on a list card: how many lines or entries the import of the list's
// active content refused, and why, in the user's language.
import { t, type Lang } from '../../utils/i18n';
import type { ListStatus } from '../../utils/lists/record';
import type { RejectReason } from '../../utils/lists/model';

/** Reasons a line can be rejected for, in the order the card names them. */
const REJECT_KINDS: readonly RejectReason[] = [
  'invalid-host',
  'unsupported-rule',
  'bare-tld',
  'public-suffix',
  'private-address',
  'popular-site',
  'never-block',
  'free-hosting',
  'unsupported-host',
  'schema',
  'duplicate',
  'skipped-breach',
  'too-many',
];

/** "1,000,000 lines rejected (unparsable: 999,990 lines; public suffix: 10 lines)". */
export function rejectedText(lang: Lang, rejected: NonNullable<ListStatus['rejected']>): string {
  const kinds = REJECT_KINDS.filter((k) => (rejected.kinds[k] ?? 0) > 0)
    .map((k) =>
      t(lang, 'options.list.rejectedKind', {
        kind: t(lang, `reject.${k}`),
        count: rejected.kinds[k]!,
      }),
    )
    .join(t(lang, 'ui.listSep'));
  return t(lang, 'options.list.rejected', { count: rejected.total, kinds });
}
