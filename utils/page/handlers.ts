// Messages from the content script, about the sender's own tab.
import type { PageService } from './service';
import { ESCALATION_REASONS } from '../content/escalation';
import { SAMPLE_LIMITS } from '../content/sample';
import { STRUCTURE_LIMITS } from '../content/structure';
import { PAGES_AND_CONTENT, handler } from '../core/handler';
import { FRAME_LIMITS } from './frame-samples';
import { z } from '../core/zod';
import type { ReportsService } from '../reports/service';

/** A page's text as the content script read it (it caps every part; so do we). */
export const TextSampleSchema = z.object({
  title: z.string().check(z.maxLength(SAMPLE_LIMITS.title)),
  meta: z.string().check(z.maxLength(SAMPLE_LIMITS.meta)),
  headings: z.string().check(z.maxLength(SAMPLE_LIMITS.headings)),
  text: z.string().check(z.maxLength(SAMPLE_LIMITS.text)),
});

/** A page's structural facts as the content script read them (utils/content/structure.ts). */
export const StructureSchema = z.object({
  cart: z.optional(z.string().check(z.maxLength(STRUCTURE_LIMITS.link))),
  products: z.optional(
    z
      .array(z.string().check(z.maxLength(STRUCTURE_LIMITS.product)))
      .check(z.maxLength(STRUCTURE_LIMITS.products)),
  ),
  links: z
    .array(z.string().check(z.maxLength(STRUCTURE_LIMITS.link)))
    .check(z.maxLength(STRUCTURE_LIMITS.links)),
  footer: z.string().check(z.maxLength(STRUCTURE_LIMITS.footer)),
  // Host names the page's links lead to; an older content script sends none. The browser does
  // not hold a link's host to a host name's 253 characters: a longer one (the page wrote it) is
  // read as none ('', dropped by listedLinks) instead of refusing the whole page check, which
  // would let one long link switch the detector off.
  hosts: z.optional(
    z
      .array(z.catch(z.string().check(z.maxLength(253)), ''))
      .check(z.maxLength(STRUCTURE_LIMITS.links)),
  ),
});

export function pageHandlers(page: PageService, reports: ReportsService) {
  return {
    'page.check': handler({
      from: PAGES_AND_CONTENT,
      // The URL is the page's own report of itself; the background uses the sender's.
      input: z.object({
        url: z.string().check(z.minLength(1), z.maxLength(65_536)),
        sample: z.optional(TextSampleSchema),
        // Sent only with a sample: facts of a page that does not mention medicines are not read.
        structure: z.optional(StructureSchema),
      }),
      run: ({ sample, structure }, context) =>
        page.check(context, sample ?? null, sample ? structure : undefined),
    }),
    // A cross-origin frame's own sample; the sender must be a content script in a sub-frame.
    'page.frame': handler({
      from: ['content-script'],
      input: z.object({
        sample: z.extend(TextSampleSchema, {
          text: z.string().check(z.maxLength(FRAME_LIMITS.text)),
        }),
      }),
      run: async ({ sample }, context) => {
        await page.frameSample(context, sample);
        return null;
      },
    }),
    'page.details': handler({
      from: PAGES_AND_CONTENT,
      input: z.object({}),
      run: async (_input, { sender }) => {
        await page.details(sender);
        return null;
      },
    }),
    'page.dismiss': handler({
      from: PAGES_AND_CONTENT,
      input: z.object({}),
      run: async (_input, { sender }) => {
        await page.askToDismiss(sender);
        return null;
      },
    }),
    'page.report': handler({
      from: PAGES_AND_CONTENT,
      input: z.object({}),
      run: async (_input, { sender }) => {
        if (sender.tabId !== undefined) await reports.open({ tabId: sender.tabId });
        return null;
      },
    }),
    'page.noticeDismiss': handler({
      from: PAGES_AND_CONTENT,
      input: z.object({
        names: z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.maxLength(50)),
      }),
      run: async ({ names }, { sender }) => {
        await page.dismissNotice(sender, names);
        return null;
      },
    }),
    'page.noticeSeen': handler({
      from: PAGES_AND_CONTENT,
      input: z.object({
        names: z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.maxLength(50)),
      }),
      run: async ({ names }, { sender }) => {
        await page.noticeSeen(sender, names);
        return null;
      },
    }),
    'page.escalate': handler({
      from: PAGES_AND_CONTENT,
      input: z.object({ reason: z.enum(ESCALATION_REASONS) }),
      run: (_input, context) => page.escalate(context),
    }),
  };
}
