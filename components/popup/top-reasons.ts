// Which reasons the popup shows first, before the grouped disclosures: the strongest three that
// speak against the site. Pure, so the order is tested without a browser.
import { levelRank, type Reason } from '../../utils/verdicts/model';

/** How many reasons the popup shows at a glance (the rest are grouped under disclosures). */
export const TOP_REASONS = 3;

/** At equal level: a list entry first (someone checked it), then the page's own words, then the rest. */
const GROUP_ORDER: Record<Reason['group'], number> = {
  list: 0,
  page: 1,
  breach: 2,
  age: 3,
  registrar: 4,
};

/** Whether a reason speaks against the site (a licence sign or a neutral registrar fact does not). */
export function countsAgainst(reason: Reason): boolean {
  if (reason.group === 'list') return true;
  if (reason.group === 'page') return reason.weight > 0;
  return reason.level !== 'none';
}

export function topReasons(reasons: readonly Reason[], count = TOP_REASONS): Reason[] {
  return reasons
    .map((reason, index) => ({ reason, index }))
    .filter(({ reason }) => countsAgainst(reason))
    .sort(
      (a, b) =>
        levelRank(b.reason.level) - levelRank(a.reason.level) ||
        GROUP_ORDER[a.reason.group] - GROUP_ORDER[b.reason.group] ||
        weight(b.reason) - weight(a.reason) ||
        a.index - b.index,
    )
    .slice(0, count)
    .map(({ reason }) => reason);
}

function weight(reason: Reason): number {
  return reason.group === 'page' ? reason.weight : 0;
}
