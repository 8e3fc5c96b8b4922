// The options page's view of everything that decides what is blocked.
import type { ListRecord } from './record';
import type { AllowEntry } from '../decisions/allowlist';
import type { Dismissal } from '../decisions/dismissals';
import type { UserBlock } from '../decisions/user-blocks';
import type { DnrMarker } from '../preload/service';

export interface ListsView {
  lists: ListRecord[];
  dnr: DnrMarker | null;
  userBlocks: UserBlock[];
  allowlist: AllowEntry[];
  dismissals: Dismissal[];
  now: number;
}
