// What the tabs service (navigation, grants, the warning page's choices, the badge) is given by
// the composition root. The page check (page/) gets the same minus `targets`: it reaches the
// tab's grant and the warning page through TabsService, which alone records where a tab went.
import type { Badge } from './badge';
import type { TabTargets } from './tab-targets';
import type { DecisionsService } from '../decisions/service';
import type { ListsService } from '../lists/service';
import type { Platform } from '../platform/platform';
import type { PageScores } from '../verdicts/page-scores';
import type { VerdictsService } from '../verdicts/service';

export interface TabServiceDeps {
  platform: Platform;
  verdicts: VerdictsService;
  decisions: DecisionsService;
  lists: ListsService;
  pageScores: PageScores;
  badge: Badge;
  /** Where each tab was really heading (webNavigation): what the warning page acts on. */
  targets: TabTargets;
}
