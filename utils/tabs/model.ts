// What the tabs feature sends over messages (the warning page's view of a blocked address).
import type { ListReason } from '../verdicts/model';

export type BlockInfo =
  | { status: 'bad-url'; raw: string }
  /** Asked from inside a frame, or from a tab the background did not send to the warning page. */
  | { status: 'framed' | 'unverified' }
  | {
      status: 'listed' | 'not-listed';
      url: string;
      host: string;
      displayHost: string;
      site: string;
      reasons: ListReason[];
      allowlisted: boolean;
      /** Sent here because the page hid Kusuri Guard's in-page warning. */
      hidden?: boolean;
    };
