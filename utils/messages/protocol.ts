// The one message protocol between the extension's contexts. Every message that reaches the
// background is parsed by RequestSchema; the sender decides what it may ask for: content scripts
// run inside web pages (a hostile page can make its content script's life hard), so they only get
// the `page.*` requests, about their own tab. Everything else needs an extension page.
import { z } from '../core/zod';
import { SettingsPatchSchema } from '../settings/store';
import { SAMPLE_LIMITS } from '../content/sample';
import { MANUAL_CHANNELS, ReportIdSchema as ReportId, ReportInputSchema } from '../reports/model';

const Url = z.string().min(1).max(65_536);
const Site = z.string().min(1).max(300);

/** A page's text as the content script read it (it caps every part; so do we). */
export const TextSampleSchema = z.object({
  title: z.string().max(SAMPLE_LIMITS.title),
  meta: z.string().max(SAMPLE_LIMITS.meta),
  headings: z.string().max(SAMPLE_LIMITS.headings),
  text: z.string().max(SAMPLE_LIMITS.text),
});

export const RequestSchema = z.discriminatedUnion('type', [
  // Extension pages (popup, warning page, options)
  z.object({ type: z.literal('verdict.get'), tabId: z.number().int().nonnegative() }),
  z.object({ type: z.literal('block.info'), url: z.string().max(65_536) }),
  z.object({ type: z.literal('block.continue'), url: Url, mode: z.enum(['once', 'always']) }),
  z.object({ type: z.literal('block.leave') }),
  z.object({ type: z.literal('allowlist.get') }),
  z.object({ type: z.literal('allowlist.remove'), site: Site }),
  z.object({ type: z.literal('dismissal.remove'), site: Site }),
  z.object({
    type: z.literal('intel.lookup'),
    tabId: z.number().int().nonnegative(),
    explicit: z.boolean(),
  }),
  z.object({ type: z.literal('check.site'), input: z.string().max(5000) }),
  z.object({ type: z.literal('lists.get') }),
  z.object({
    type: z.literal('lists.refresh'),
    id: z.string().min(1).max(100),
    acceptShrink: z.boolean().optional(),
  }),
  z.object({
    type: z.literal('lists.setEnabled'),
    id: z.string().min(1).max(100),
    enabled: z.boolean(),
  }),
  z.object({
    type: z.literal('lists.setAction'),
    id: z.string().min(1).max(100),
    action: z.enum(['block', 'warn']),
  }),
  z.object({
    type: z.literal('lists.add'),
    url: z
      .string()
      .max(2048)
      .refine((v) => /^https?:\/\//i.test(v), 'an http(s) URL'),
    format: z.enum(['kusuri-guard', 'domains', 'hibp', 'ublacklist']),
    action: z.enum(['block', 'warn']),
    name: z.string().max(100),
  }),
  z.object({ type: z.literal('lists.remove'), id: z.string().min(1).max(100) }),
  z.object({
    type: z.literal('userBlocks.add'),
    site: z.string().min(1).max(2048),
    note: z.string().max(500),
    via: z.enum(['popup', 'options']).optional(),
  }),
  z.object({ type: z.literal('userBlocks.remove'), site: Site }),
  z.object({ type: z.literal('allowlist.add'), site: z.string().min(1).max(2048) }),
  z.object({ type: z.literal('data.export') }),
  z.object({ type: z.literal('data.import'), text: z.string().max(50 * 1024 * 1024) }),
  // Reports (the report page, "My reports", the popup and the warning page)
  z.object({
    type: z.literal('report.open'),
    tabId: z.number().int().nonnegative().optional(),
    url: Url.optional(),
  }),
  z.object({
    type: z.literal('report.draft'),
    tabId: z.number().int().nonnegative().optional(),
    url: Url.optional(),
  }),
  z.object({ type: z.literal('report.screenshot'), tabId: z.number().int().nonnegative() }),
  z.object({ type: z.literal('report.save'), input: ReportInputSchema }),
  z.object({ type: z.literal('report.opened'), id: ReportId, channel: z.enum(MANUAL_CHANNELS) }),
  z.object({ type: z.literal('reports.list') }),
  z.object({ type: z.literal('reports.get'), id: ReportId }),
  z.object({ type: z.literal('reports.delete'), id: ReportId }),
  z.object({ type: z.literal('reports.resend'), id: ReportId }),
  z.object({ type: z.literal('reports.export') }),
  z.object({ type: z.literal('settings.get') }),
  z.object({ type: z.literal('settings.set'), patch: SettingsPatchSchema }),
  // Content scripts, about their own tab (the background uses the sender's tab and URL, never a
  // URL or tab named in the message)
  z.object({ type: z.literal('page.check'), url: Url, sample: TextSampleSchema.optional() }),
  z.object({ type: z.literal('page.details') }),
  z.object({ type: z.literal('page.dismiss') }),
  z.object({ type: z.literal('page.report') }),
  z.object({
    type: z.literal('page.noticeDismiss'),
    names: z.array(z.string().min(1).max(200)).max(50),
  }),
]);
export type Request = z.infer<typeof RequestSchema>;
export type RequestType = Request['type'];

/** Requests a content script may make; all are about the sender's own tab. */
export const PAGE_REQUESTS: ReadonlySet<RequestType> = new Set<RequestType>([
  'page.check',
  'page.details',
  'page.dismiss',
  'page.report',
]);

export type ErrorCode = 'bad-request' | 'forbidden' | 'not-found' | 'internal';

export type Response<T> = { ok: true; data: T } | { ok: false; error: ErrorCode; detail?: string };

/** Who sent a message, as the background sees it (from runtime.MessageSender). */
export interface SenderInfo {
  id?: string;
  url?: string;
  tabId?: number;
  frameId?: number;
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

export function isAllowed(type: RequestType, kind: SenderKind): boolean {
  if (kind === 'extension-page') return true;
  if (kind === 'content-script') return PAGE_REQUESTS.has(type);
  return false;
}
