// Who sent a message, as the background sees it (from runtime.MessageSender), and the class of
// sender each handler accepts. Content scripts run inside web pages (a hostile page can make its
// content script's life hard), so they only get the `page.*` requests, about their own tab.

export interface SenderInfo {
  id?: string | undefined;
  url?: string | undefined;
  tabId?: number | undefined;
  frameId?: number | undefined;
  /** The sending document (Chromium's documentId; Firefox gives none). */
  documentId?: string | undefined;
}

export type SenderKind = 'extension-page' | 'content-script' | 'foreign';

/**
 * Classify a sender. Only messages from this extension count; a page of the extension has a URL
 * under the extension's origin; a content script has an http(s) URL and a tab.
 */
export function classifySender(
  sender: SenderInfo,
  extensionId: string,
  extensionOrigin: string,
): SenderKind {
  if (sender.id !== extensionId || sender.url === undefined) return 'foreign';
  if (sender.url.startsWith(extensionOrigin)) return 'extension-page';
  if (/^https?:/.test(sender.url) && sender.tabId !== undefined) return 'content-script';
  return 'foreign';
}
