// What the background answers to each request type (see protocol.ts).
import type { AllowEntry } from '../store/allowlist';
import type { Settings } from '../store/settings';
import type { Lang } from '../i18n';
import type { ListReason, Verdict } from '../verdict/model';
import type { BannerModel } from '../detect/banner';

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

export interface SettingsView {
  settings: Settings;
  /** The language in effect (settings.language resolved against the browser's). */
  lang: Lang;
}

export interface ResponseMap {
  'verdict.get': Verdict;
  'block.info': BlockInfo;
  'block.continue': { navigated: boolean };
  'block.leave': null;
  'allowlist.get': AllowEntry[];
  'allowlist.remove': { removed: boolean };
  'dismissal.remove': { removed: boolean };
  'page.check': { banner: BannerModel | null };
  'page.details': null;
  'page.dismiss': null;
  'settings.get': SettingsView;
  'settings.set': SettingsView;
}
