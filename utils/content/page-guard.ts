// The content script's logic: sample the page off the critical path, ask the background for a
// verdict (it scores the sample with the detector and checks its lists), show the banner it asks
// for, and do it again after a single-page-app navigation or when the page fills itself in later.
// It never listens to window messages: a page can post whatever it likes, nothing here reads it.
// A page that hides the banner gets the full-page warning instead (banner.ts, escalation.ts).
import { collectSample } from './sample';
import { collectStructure } from './structure';
import { Banner, type BannerAction } from './banner';
import { showNotice } from './notice';
import { sampleMentionsMedicines } from './medicine-gate';
import { MAX_RESCANS, watchLateContent } from './late-content';
import type { Reply, ReplyTo, Request } from '../background/contract';

/**
 * What the content script sends; the background validates it (utils/page/handlers.ts) and
 * scores the sample with the detector (utils/detector/score.ts). The sample is only attached when
 * the page mentions medicines at all; otherwise the background only checks its lists.
 */
export type PageCheckMessage = Request<'page.check'>;

type Send = (message: Request) => Promise<unknown>;

/** A page with no visible text yet is looked at again this often (MAX_RESCANS times at most). */
const BLANK_DELAY_MS = 1500;
const URL_POLL_MS = 1000;
/** URL changes are read at most this often (a page calling pushState every 10 ms is one). */
const URL_SCAN_MIN_MS = 500;

/**
 * `onRescan` registers the background's "read the page again" (a cross-origin frame of this tab
 * said something: the check now folds it in).
 */
export function startPageGuard(
  win: Window,
  send: Send,
  onRescan?: (rescan: () => void) => void,
): void {
  const doc = win.document;
  let scannedUrl = '';
  let running = false;
  /** A scan was asked for while one ran: it runs right after (never dropped). */
  let queued = false;
  let noticeShown = false;
  /** Looks at a page with no visible text yet, since its address last changed. */
  let blanks = 0;
  /** The user closed the banner (×): it stays closed for this address, whatever is read again. */
  let closed = false;
  /** The address the banner was shown for. */
  let shownFor = '';
  const banner = new Banner(
    doc,
    (action: BannerAction) => {
      if (action === 'close') return void (closed = true);
      void send({ type: `page.${action}` }).catch(() => undefined);
    },
    (reason) => void send({ type: 'page.escalate', reason }).catch(() => undefined),
  );

  const scan = async (): Promise<void> => {
    if (running) {
      queued = true;
      return;
    }
    running = true;
    try {
      const sample = await collectSample(doc, {
        // Not past the count: a widget changing its shadow root for ever must not keep us reading.
        onShadow: (root) => late.watch(root),
      });
      // Nothing on screen yet (an AMP page's body stays hidden until its runtime loads, up to
      // 8 s; a page fading itself in from opacity 0): read it again in a moment, with no DOM
      // change to wait for, on a count of its own (the rescans for content added later stay
      // whole). The background hears of a blank page once, not on every look.
      if (!sample.text) {
        if (blanks < MAX_RESCANS) setTimeout(scan, BLANK_DELAY_MS);
        if (blanks++) return;
      }
      const message: PageCheckMessage = { type: 'page.check', url: win.location.href };
      if (sampleMentionsMedicines(win.location.hostname, sample)) {
        message.sample = sample;
        // Structural facts leave the tab only with the sample (utils/content/structure.ts).
        message.structure = collectStructure(doc);
      }
      const reply = (await send(message)) as Reply<ReplyTo<'page.check'>> | undefined;
      // The URL may have changed meanwhile (a single-page app, or a page calling pushState in a
      // loop to outrun us): this is still the document that was read, so its answer stands; a
      // scan for the new URL is queued and corrects it if the content changed.
      // No answer (the worker restarting, a busy background): keep what is shown.
      if (!reply?.ok) return;
      const model = reply.data?.banner ?? null;
      // Shown again only when there was none: a page changing its URL in a loop must not keep
      // the banner off the screen by making it start over.
      if (model && !banner.shown && !closed) {
        banner.show(model);
        shownFor = message.url;
      }
      // Taken down only for another address (a single-page app's next page): on the same one a
      // read that finds less (a tab hiding the shop's text after a click, a page swapping its
      // words once warned) must not lift the warning. A reload reads the page afresh.
      else if (!model && message.url !== shownFor) banner.hide();
      const notice = reply.data?.notice ?? null;
      if (notice && !noticeShown) {
        noticeShown = true;
        showNotice(doc, notice, (action) => {
          const out: Request =
            action === 'details'
              ? { type: 'page.details' }
              : {
                  type: action === 'dismiss' ? 'page.noticeDismiss' : 'page.noticeSeen',
                  names: notice.names,
                };
          void send(out).catch(() => undefined);
        });
      }
    } catch {
      // The extension was updated or reloaded: this script is orphaned and stays quiet.
    } finally {
      running = false;
      if (queued) {
        queued = false;
        void scan();
      }
    }
  };

  // Single-page apps change the URL without loading a page: read it again, at most every
  // URL_SCAN_MIN_MS, and always once after the last change.
  let lastUrlScan = 0;
  let urlTimer: ReturnType<typeof setTimeout> | null = null;
  const onUrlChange = () => {
    if (win.location.href === scannedUrl) return;
    const wait = lastUrlScan + URL_SCAN_MIN_MS - Date.now();
    if (wait > 0) {
      urlTimer ??= setTimeout(() => {
        urlTimer = null;
        onUrlChange();
      }, wait);
      return;
    }
    scannedUrl = win.location.href;
    lastUrlScan = Date.now();
    // Another page of a single-page app: its own rescans, and the observer back if the last
    // page's rescans had used them up.
    blanks = 0;
    closed = false;
    late.reset();
    void scan();
  };
  const nav = (win as unknown as { navigation?: EventTarget }).navigation;
  nav?.addEventListener('navigatesuccess', onUrlChange);
  win.addEventListener('popstate', onUrlChange);
  setInterval(onUrlChange, URL_POLL_MS);

  // Pages that render their content late, or show it on a click: read them again once they settle
  // (utils/content/late-content.ts), a few times at most.
  const late = watchLateContent(win, scan);

  // The background asks again because a frame of another origin spoke: that check must go even
  // when this document shows nothing itself (a masked-forwarding frameset has no body at all).
  onRescan?.(() => {
    blanks = 0;
    void scan();
  });
  scannedUrl = win.location.href;
  void scan();
}
