// The in-page warning banner. It lives in a closed shadow root (the page can neither read nor
// style its inside), sits in the top layer or fixed at the top (it never pushes the page's own
// layout), and is checked, not defended: when the page removes, hides, covers, shrinks or blocks
// it, the content script escalates to the full-page warning (escalation.ts).
// Its host is a plain <div> (a page cannot pre-define a custom element with a name we chose) and
// its text uses generic font families only (a page's @font-face cannot redefine `sans-serif`).
// Dependency-free and small: it is part of the content script.

import { el, OWN_HOSTS } from './dom';
import { ESCALATION, SightWindow, judgeSight, type EscalationReason } from './escalation';
import { rendered } from './text-visibility';

export interface BannerModel {
  lang: 'ja' | 'en';
  level: 'caution' | 'warning' | 'danger';
  title: string;
  reasons: string[];
  labels: { details: string; report: string; dismiss: string; close: string; brand: string };
  /** Escalate when the page hides it (false after the user chose to continue to the site). */
  escalate?: boolean;
}

export type BannerAction = 'details' | 'report' | 'dismiss' | 'close';

/** Inline !important declarations beat any author stylesheet, !important included. */
const HOST_STYLE = [
  'all:initial',
  'position:fixed',
  'inset:0 0 auto 0',
  'top:0',
  'left:0',
  'right:0',
  'width:100%',
  'height:auto',
  'margin:0',
  'padding:0',
  'border:0',
  'background:transparent',
  'overflow:visible',
  'z-index:2147483647',
  'display:block',
  'visibility:visible',
  'opacity:1',
  'transform:none',
  'filter:none',
  'clip-path:none',
  'zoom:1',
  'pointer-events:auto',
  'contain:layout style',
]
  .map((d) => `${d} !important`)
  .join(';');

const COLORS = { caution: '#8a6d00', warning: '#b45309', danger: '#b71c1c' };

// One line, and no :host rule: the host's own style attribute already resets it (all:initial).
const CSS = [
  '.b{box-sizing:border-box;font:14px/1.5 sans-serif;color:#1c1b1f;background:#fff;border-bottom:4px solid var(--c);box-shadow:0 2px 8px rgba(0,0,0,.25);padding:10px 16px;display:flex;gap:12px;align-items:flex-start}',
  '.i{flex:none;width:28px;height:28px;border-radius:50%;background:var(--c);color:#fff;font-weight:700;display:grid;place-items:center;font-size:18px}',
  '.m{flex:1;min-width:0}',
  '.t{font-weight:700;color:var(--c);font-size:15px;margin:0 0 2px}',
  'ul{margin:2px 0 6px;padding-left:18px}',
  'li{margin:0}',
  '.a{display:flex;flex-wrap:wrap;gap:8px}',
  'button{font:inherit;font-size:13px;cursor:pointer;border-radius:6px;border:1px solid #c9c7d1;background:#f5f5f7;color:#1c1b1f;padding:3px 10px}',
  'button.p{background:var(--c);border-color:var(--c);color:#fff}',
  'button.x{border:0;background:none;font-size:18px;line-height:1;padding:2px 6px}',
  'button:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}',
  '.s{font-size:12px;color:#55535d}',
].join('');

type IntersectionOptionsV2 = IntersectionObserverInit & { trackVisibility: boolean; delay: number };

export class Banner {
  private host: HTMLElement | null = null;
  private box: HTMLElement | null = null;
  private observer: MutationObserver | null = null;
  private sight: IntersectionObserver | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private grace: ReturnType<typeof setTimeout> | null = null;
  private removals = 0;
  private paintVisible: boolean | null = null;
  private escalated = false;

  constructor(
    private readonly doc: Document,
    private readonly onAction: (action: BannerAction) => void,
    private readonly onEscalate: (reason: EscalationReason) => void = () => undefined,
  ) {}

  get shown(): boolean {
    return this.host !== null;
  }

  show(model: BannerModel): void {
    this.hide();
    const escalate = model.escalate !== false;
    try {
      const host = this.doc.createElement('div');
      OWN_HOSTS.add(host);
      const root = host.attachShadow({ mode: 'closed' });
      const frag = this.render(model);
      this.box = frag.lastChild as HTMLElement;
      root.appendChild(frag);
      this.host = host;
      this.place();
    } catch {
      // The page made creating or placing it fail: it will not be seen.
      if (escalate) this.escalate('blocked');
      return;
    }
    if (escalate) this.watch();
  }

  hide(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.sight?.disconnect();
    this.sight = null;
    if (this.timer !== null) clearInterval(this.timer);
    if (this.grace !== null) clearTimeout(this.grace);
    this.timer = this.grace = null;
    this.host?.remove();
    this.host = this.box = null;
    this.paintVisible = null;
  }

  private escalate(reason: EscalationReason): void {
    if (this.escalated) return;
    this.escalated = true;
    this.onEscalate(reason);
  }

  private render(model: BannerModel): DocumentFragment {
    const doc = this.doc;
    const frag = doc.createDocumentFragment();
    const style = doc.createElement('style');
    style.textContent = CSS;
    const box = doc.createElement('div');
    box.className = 'b';
    box.setAttribute('role', 'alert');
    box.setAttribute('lang', model.lang);
    box.style.setProperty('--c', COLORS[model.level]);
    const icon = el(doc, 'div', 'i', '!');
    const main = el(doc, 'div', 'm');
    main.append(el(doc, 'div', 's', model.labels.brand), el(doc, 'p', 't', model.title));
    const list = doc.createElement('ul');
    for (const reason of model.reasons) list.appendChild(el(doc, 'li', '', reason));
    main.appendChild(list);
    const actions = el(doc, 'div', 'a');
    actions.append(
      this.button('details', model.labels.details, 'p'),
      this.button('report', model.labels.report),
      this.button('dismiss', model.labels.dismiss),
    );
    main.appendChild(actions);
    const close = this.button('close', '×', 'x');
    close.setAttribute('aria-label', model.labels.close);
    box.append(icon, main, close);
    frag.append(style, box);
    return frag;
  }

  private button(action: BannerAction, label: string, className = ''): HTMLButtonElement {
    const button = el(this.doc, 'button', className, label) as HTMLButtonElement;
    button.type = 'button';
    button.addEventListener('click', (event) => {
      // Only a real click by the user counts; a page cannot script these buttons.
      if (!event.isTrusted) return;
      if (action === 'close') this.hide();
      this.onAction(action);
    });
    return button;
  }

  /** Last child of <html>, in the top layer where supported, with inline !important styles. */
  private place(): void {
    const host = this.host;
    if (!host) return;
    const html = this.doc.documentElement;
    if (host.parentNode !== html || html.lastChild !== host) html.appendChild(host);
    if (host.getAttribute('style') !== HOST_STYLE) host.setAttribute('style', HOST_STYLE);
    for (const name of Array.from(host.attributes)) {
      if (name.name !== 'style' && name.name !== 'popover') host.removeAttribute(name.name);
    }
    if (typeof host.showPopover === 'function') {
      host.setAttribute('popover', 'manual');
      try {
        if (host.matches(':popover-open')) host.hidePopover();
        host.showPopover();
      } catch {
        // Opening was cancelled (a page can cancel beforetoggle): the checks will tell.
      }
    }
  }

  /**
   * Check, a few times a second, that the user can read the banner. Removed or restyled, it is
   * put back once (a page's own code may have replaced the whole document); a page that keeps
   * doing it, or hides it in any way, gets the full-page warning instead.
   */
  private watch(): void {
    const host = this.host!;
    const win = this.doc.defaultView;
    this.observer = new MutationObserver(() => {
      if (!this.host) return;
      if (!this.host.isConnected || this.host.getAttribute('style') !== HOST_STYLE) {
        this.removals += 1;
        if (this.removals >= ESCALATION.removals) return this.escalate('removed');
        this.place();
      }
    });
    this.observer.observe(this.doc.documentElement, { childList: true });
    this.observer.observe(host, { attributes: true });
    if (typeof IntersectionObserver === 'function') {
      try {
        const options: IntersectionOptionsV2 = {
          threshold: [0, 1],
          trackVisibility: true,
          delay: 100,
        };
        this.sight = new IntersectionObserver((entries) => {
          const entry = entries[entries.length - 1] as
            (IntersectionObserverEntry & { isVisible?: boolean }) | undefined;
          if (entry && typeof entry.isVisible === 'boolean') this.paintVisible = entry.isVisible;
        }, options);
        this.sight.observe(this.box!);
      } catch {
        this.sight = null;
      }
    }
    const window = new SightWindow();
    this.grace = setTimeout(() => {
      this.grace = null;
      this.timer = setInterval(() => {
        const result = this.check(win);
        const failed = window.add(result);
        if (failed) this.escalate(failed);
        // Covered once (a page's own dialog opened after us)? Come back on top.
        else if (result !== null && this.host) this.place();
      }, ESCALATION.sampleMs);
    }, ESCALATION.graceMs);
  }

  /** One look at the banner as the user sees it. */
  private check(win: Window | null): EscalationReason | null {
    const host = this.host;
    const box = this.box;
    if (!host || !box) return null;
    const rect = box.getBoundingClientRect();
    // Hit-test along the box: whatever is on top there (page elements retarget to their own
    // nodes; ours retarget to the host).
    let onTop = true;
    const y = rect.top + Math.min(rect.height / 2, 20);
    for (const share of [0.1, 0.5, 0.9]) {
      const x = rect.left + rect.width * share;
      const top = this.doc.elementFromPoint(x, y);
      if (top !== null && top !== host) onTop = false;
    }
    return judgeSight({
      connected: host.isConnected,
      width: rect.width,
      height: rect.height,
      viewportWidth: win?.innerWidth ?? rect.width,
      // Where checkVisibility is missing, visible (as null was: not 'hidden').
      styleVisible: rendered(box),
      paintVisible: this.paintVisible,
      onTop,
    });
  }
}
