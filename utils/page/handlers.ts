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
  title: z.string().max(SAMPLE_LIMITS.title),
  meta: z.string().max(SAMPLE_LIMITS.meta),
  headings: z.string().max(SAMPLE_LIMITS.headings),
  text: z.string().max(SAMPLE_LIMITS.text),
});

/** A page's structural facts as the content script read them (utils/content/structure.ts). */
export const StructureSchema = z.object({
  cart: z.string().max(STRUCTURE_LIMITS.link).optional(),
  products: z
    .array(z.string().max(STRUCTURE_LIMITS.product))
    .max(STRUCTURE_LIMITS.products)
    .optional(),
  links: z.array(z.string().max(STRUCTURE_LIMITS.link)).max(STRUCTURE_LIMITS.links),
  footer: z.string().max(STRUCTURE_LIMITS.footer),
});

export function pageHandlers(page: PageService, reports: ReportsService) {
  return {
    'page.check': handler({
      from: PAGES_AND_CONTENT,
      // The URL is the page's own report of itself; the background uses the sender's.
      input: z.object({
        url: z.string().min(1).max(65_536),
        sample: TextSampleSchema.optional(),
        // Sent only with a sample: facts of a page that does not mention medicines are not read.
        structure: StructureSchema.optional(),
      }),
      run: ({ sample, structure }, context) =>
        page.check(context, sample ?? null, sample ? structure : undefined),
    }),
    // A cross-origin frame's own sample; the sender must be a content script in a sub-frame.
    'page.frame': handler({
      from: ['content-script'],
      input: z.object({
        sample: TextSampleSchema.extend({ text: z.string().max(FRAME_LIMITS.text) }),
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
      input: z.object({ names: z.array(z.string().min(1).max(200)).max(50) }),
      run: async ({ names }, { sender }) => {
        await page.dismissNotice(sender, names);
        return null;
      },
    }),
    'page.noticeSeen': handler({
      from: PAGES_AND_CONTENT,
      input: z.object({ names: z.array(z.string().min(1).max(200)).max(50) }),
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
