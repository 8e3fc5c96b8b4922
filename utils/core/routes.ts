// Every extension page address, built and parsed here: the warning page carries the blocked URL in
// its fragment (the pre-load rule's redirect puts it there), the popup and the report form take a
// tab or a URL in their query. Dependency-free: pages, the worker and the rule compiler share it.

/** The extension's URL for a path (runtime.getURL, or the Platform's extensionUrl). */
export type ExtensionUrl = (path: string) => string;

export const PAGE_PATHS = {
  warning: '/warning.html',
  popup: '/popup.html',
  report: '/report.html',
  reports: '/reports.html',
  options: '/options.html',
  welcome: '/welcome.html',
  privacy: '/privacy.html',
} as const;

/** The warning page without a fragment (the pre-load rule appends `#<url>` itself). */
export function warningPage(extensionUrl: ExtensionUrl): string {
  return extensionUrl(PAGE_PATHS.warning);
}

export function warningUrl(extensionUrl: ExtensionUrl, blockedUrl: string): string {
  return `${warningPage(extensionUrl)}#${blockedUrl}`;
}

export function isWarningPage(extensionUrl: ExtensionUrl, url: string): boolean {
  return url.startsWith(warningPage(extensionUrl));
}

/** The URL a tab shows, or the blocked URL behind the warning page it shows. */
export function pageUrlOfTab(extensionUrl: ExtensionUrl, tabUrl: string): string {
  const prefix = `${warningPage(extensionUrl)}#`;
  return tabUrl.startsWith(prefix) ? tabUrl.slice(prefix.length) : tabUrl;
}

/** The warning page's own reading of its fragment. */
export function blockedUrlFromHash(hash: string): string {
  return hash.startsWith('#') ? hash.slice(1) : hash;
}

/** The popup opened as a page about one tab (from the banner's "Details"). */
export function popupUrl(extensionUrl: ExtensionUrl, tabId: number): string {
  return extensionUrl(`${PAGE_PATHS.popup}?tab=${tabId}`);
}

/** The popup about one tab, asking to confirm "don't warn me on this site" (the banner's button). */
export function dismissConfirmUrl(extensionUrl: ExtensionUrl, tabId: number): string {
  return extensionUrl(`${PAGE_PATHS.popup}?tab=${tabId}&confirm=dismiss`);
}

export function asksToDismiss(search: string): boolean {
  return new URLSearchParams(search).get('confirm') === 'dismiss';
}

export function popupTabFromSearch(search: string): number | null {
  const param = new URLSearchParams(search).get('tab');
  return param !== null && /^\d+$/.test(param) ? Number(param) : null;
}

/** What to report: a page in a tab, or a site typed or linked. */
export type ReportTarget = { tabId: number } | { url: string } | null;

export function reportUrl(
  extensionUrl: ExtensionUrl,
  target: { tabId?: number | undefined; url?: string | undefined; kind?: string | undefined },
): string | null {
  const kind = target.kind ? `&kind=${encodeURIComponent(target.kind)}` : '';
  if (target.tabId !== undefined)
    return extensionUrl(`${PAGE_PATHS.report}?tab=${target.tabId}${kind}`);
  if (target.url !== undefined)
    return extensionUrl(`${PAGE_PATHS.report}?url=${encodeURIComponent(target.url)}${kind}`);
  return null;
}

/** The report kind the form starts with (?kind=…), when it names one the caller accepts. */
export function reportKindFromSearch<K extends string>(
  search: string,
  kinds: readonly K[],
): K | null {
  const kind = new URLSearchParams(search).get('kind');
  return kind !== null && (kinds as readonly string[]).includes(kind) ? (kind as K) : null;
}

export function reportTargetFromSearch(search: string): ReportTarget {
  const params = new URLSearchParams(search);
  const tab = params.get('tab');
  if (tab !== null && /^\d{1,10}$/.test(tab)) return { tabId: Number(tab) };
  const url = params.get('url');
  if (url !== null && /^https?:\/\//i.test(url)) return { url };
  return null;
}
