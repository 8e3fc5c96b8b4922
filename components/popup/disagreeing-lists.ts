// The lists that disagree about the current site (issue 13): one stops it before it loads while
// another only warns. The popup names both sides in one line; the options page lists every such host.
import type { Reason } from '../../utils/verdicts/model';
import type { Bilingual } from '../../utils/lists/model';

export interface DisagreeingLists {
  blocking: Bilingual[];
  warning: Bilingual[];
}

/** Both sides by list title, or null when the lists naming the site agree (or only one does). */
export function disagreeingLists(reasons: readonly Reason[]): DisagreeingLists | null {
  const blocking: Bilingual[] = [];
  const warning: Bilingual[] = [];
  const seen = new Set<string>();
  for (const reason of reasons) {
    if (reason.group !== 'list' || seen.has(reason.list.id)) continue;
    seen.add(reason.list.id);
    // A list hit stops the page exactly when it is at the danger level.
    (reason.level === 'danger' ? blocking : warning).push(reason.list.title);
  }
  return blocking.length > 0 && warning.length > 0 ? { blocking, warning } : null;
}
