// The content script's logic: sample the page off the critical path, ask the background for a
// verdict (it scores the sample with the detector and checks its lists), show the banner it asks
// for, and do it again after a single-page-app navigation or when the page fills itself in later.
// It never listens to window messages: a page can post whatever it likes, nothing here reads it.
import { collectSample } from './sample';
import { Banner, type BannerAction } from './banner';
import { showNotice } from './notice';
import type { Reply, ReplyTo, Request } from '../background/contract';

/**
 * What the content script sends; the background validates it (utils/page/handlers.ts) and
 * scores the sample with the detector (utils/detector/score.ts). The sample is only attached when
 * the page mentions medicines at all; otherwise the background only checks its lists.
 */
export type PageCheckMessage = Request<'page.check'>;

/**
 * Cheap relevance gate: stems that any page about medicines contains. Pages without them (the
 * vast majority) are not sampled further; the full lexicon lives in the background.
 */
export const MEDICINE_GATE =
  /薬|処方|医薬|錠|治療|くすり|クスリ|ｸｽﾘ|pharm|drug|pill|medic|prescri|viagra|cialis|kamagra|tablet|generic|steroid|\brx\b/i;

type Send = (message: Request) => Promise<unknown>;

const RESCAN_DELAY_MS = 1500;
const MAX_RESCANS = 4;
/** Added nodes that count as "the page filled itself in". */
const RESCAN_MIN_NODES = 40;
const URL_POLL_MS = 1000;

export function startPageGuard(win: Window, send: Send): void {
  const doc = win.document;
  let scannedUrl = '';
  let rescans = 0;
  let running = false;
  let dismissedHere = false;
  let noticeShown = false;
  const banner = new Banner(doc, (action: BannerAction) => {
    if (action === 'close') return;
    // "Don't warn me on this site" also hides the banner for the rest of this page's life.
    if (action === 'dismiss') dismissedHere = true;
    void send({ type: `page.${action}` }).catch(() => undefined);
  });

  const scan = async () => {
    if (running) return;
    running = true;
    try {
      const url = win.location.href;
      const { title, meta, headings, text } = await collectSample(doc);
      const message: PageCheckMessage = { type: 'page.check', url };
      if (
        MEDICINE_GATE.test(win.location.hostname) ||
        MEDICINE_GATE.test(title) ||
        MEDICINE_GATE.test(meta) ||
        MEDICINE_GATE.test(text)
      ) {
        message.sample = { title, meta, headings, text };
      }
      const reply = (await send(message)) as Reply<ReplyTo<'page.check'>> | undefined;
      if (url !== win.location.href) return; // navigated meanwhile: the next scan decides
      const model = reply?.ok ? reply.data?.banner : null;
      if (model && !dismissedHere) banner.show(model);
      else banner.hide();
      const notice = reply?.ok ? reply.data?.notice : null;
      if (notice && !noticeShown) {
        noticeShown = true;
        showNotice(doc, notice, (action) => {
          const out: Request =
            action === 'dismiss'
              ? { type: 'page.noticeDismiss', names: notice.names }
              : { type: 'page.details' };
          void send(out).catch(() => undefined);
        });
      }
    } catch {
      // The extension was updated or reloaded: this script is orphaned and stays quiet.
    } finally {
      running = false;
    }
  };

  const onUrlChange = () => {
    if (win.location.href === scannedUrl) return;
    scannedUrl = win.location.href;
    rescans = 0;
    banner.hide();
    void scan();
  };

  // Single-page apps change the URL without loading a page.
  const nav = (win as unknown as { navigation?: EventTarget }).navigation;
  nav?.addEventListener('navigatesuccess', onUrlChange);
  win.addEventListener('popstate', onUrlChange);
  setInterval(onUrlChange, URL_POLL_MS);

  // Pages that render their content late: scan again after a burst of added content settles,
  // a few times at most (a page that changes constantly must not keep us busy).
  let added = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const observer = new MutationObserver((records) => {
    for (const record of records) added += record.addedNodes.length;
    if (timer !== null || added < RESCAN_MIN_NODES) return;
    timer = setTimeout(() => {
      timer = null;
      added = 0;
      rescans += 1;
      if (rescans >= MAX_RESCANS) observer.disconnect();
      void scan();
    }, RESCAN_DELAY_MS);
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });

  scannedUrl = win.location.href;
  void scan();
}
