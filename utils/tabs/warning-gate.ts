// Who may drive the warning page's privileged actions (explain, continue, always allow, report):
// only the warning page itself, loaded as the top-level document of a tab, in a tab the
// background recorded a real navigation for. A web page can frame warning.html (it must be web
// accessible for the pre-load redirect) or open it with any fragment; neither passes here.
import type { SenderInfo } from '../core/sender';
import type { TabTarget, TabTargets } from './tab-targets';

export interface WarningSender {
  tabId: number;
  target: TabTarget;
}

/** The tab and its recorded target, or why the request is refused. */
export async function warningSender(
  sender: SenderInfo,
  warningPageUrl: string,
  targets: TabTargets,
): Promise<WarningSender | 'framed' | 'unverified'> {
  const { tabId, frameId, url } = sender;
  if (tabId === undefined || url === undefined || !url.startsWith(warningPageUrl))
    return 'unverified';
  // frameId 0 is the tab's top-level document; a warning page inside another page's frame
  // (clickjacking) has another id.
  if (frameId !== 0) return 'framed';
  const target = await targets.get(tabId);
  if (!target || !/^https?:\/\//i.test(target.url)) return 'unverified';
  return { tabId, target };
}
