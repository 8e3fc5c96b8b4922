// What the tabs feature sends over messages (the warning page's view of a blocked address).
import type { ListReason } from '../verdicts/model';

export type BlockInfo =
  | { status: 'bad-url'; raw: string }
  | {
      status: 'listed' | 'not-listed';
      url: string;
      host: string;
      displayHost: string;
      site: string;
      reasons: ListReason[];
      allowlisted: boolean;
    };
