// The toolbar badge's tooltip: it says "on a list" only when a list put the site there, and "the
// page looks like…" when the detector did (a page can reach danger on its own words alone).
import type { MessageKey } from '../i18n';
import { namedByList, type Verdict } from './model';

export function badgeTitleKey(verdict: Verdict): MessageKey {
  if (verdict.status !== 'checked') return 'badge.title.unchecked';
  if (verdict.level === 'warning' || verdict.level === 'danger') {
    return namedByList(verdict)
      ? `badge.title.${verdict.level}`
      : `badge.title.page.${verdict.level}`;
  }
  return `badge.title.${verdict.level}`;
}
