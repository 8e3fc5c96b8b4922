// The options page's view of everything that decides what is blocked.
import type { ListRecord } from './record';
import type { AllowEntry } from '../decisions/allowlist';
import type { Dismissal } from '../decisions/dismissals';
import type { UserBlock } from '../decisions/user-blocks';
import type { DnrMarker } from '../preload/service';
import type { Bilingual } from './model';
import type { LicensedEntry } from './licensed';
import type { Disagreements } from './disagreements';

/** A licensed seller that one or more lists name: both sides are shown, nothing is dropped. */
export interface LicensedConflict {
  entry: LicensedEntry;
  lists: { id: string; title: Bilingual; listed: string; blocks: boolean }[];
}

export interface ListsView {
  lists: ListRecord[];
  dnr: DnrMarker | null;
  userBlocks: UserBlock[];
  allowlist: AllowEntry[];
  dismissals: Dismissal[];
  /** The licensed-seller allowlist and the list entries that disagree with it. */
  licensed: { entries: LicensedEntry[]; conflicts: LicensedConflict[] };
  /** Hosts that a block-level and a warn-level list (or the user's allowlist and a list) disagree on. */
  disagreements: Disagreements;
  now: number;
}
