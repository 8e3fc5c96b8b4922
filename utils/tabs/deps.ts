// What a service that acts on one tab needs: the tab services (navigation, grants, badge) and the
// page check (the content script's requests about its own tab) read the same verdicts, decisions,
// lists and page scores and paint the same badge, so they share one dependency type.
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
