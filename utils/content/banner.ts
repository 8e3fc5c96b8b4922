// The in-page warning banner. It lives in a closed shadow root (the page can neither read nor
// style its inside), sits in the top layer or fixed at the top (it never pushes the page's own
// layout), and heals itself: removed, restyled, hidden or covered, it comes back.
// Dependency-free and small: it is part of the content script.

import { el } from './dom';

export interface BannerModel {
  lang: 'ja' | 'en';
  level: 'caution' | 'warning' | 'danger';
  title: string;
  reasons: string[];
  labels: { details: string; report: string; dismiss: string; close: string; brand: string };
}

export type BannerAction = 'details' | 'report' | 'dismiss' | 'close';

const TAG = 'kusuri-guard-banner';

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
  'pointer-events:auto',
  'contain:layout style',
]
  .map((d) => `${d} !important`)
  .join(';');

const COLORS = { caution: '#8a6d00', warning: '#b45309', danger: '#b71c1c' };

const CSS = `
:host{all:initial}
.b{box-sizing:border-box;font:14px/1.5 system-ui,-apple-system,"Hiragino Sans","Noto Sans JP","IPAPGothic","Meiryo",sans-serif;color:#1c1b1f;background:#fff;border-bottom:4px solid var(--c);box-shadow:0 2px 8px rgba(0,0,0,.25);padding:10px 16px;display:flex;gap:12px;align-items:flex-start}
.i{flex:none;width:28px;height:28px;border-radius:50%;background:var(--c);color:#fff;font-weight:700;display:grid;place-items:center;font-size:18px}
.m{flex:1;min-width:0}
.t{font-weight:700;color:var(--c);font-size:15px;margin:0 0 2px}
ul{margin:2px 0 6px;padding-left:18px}
li{margin:0}
.a{display:flex;flex-wrap:wrap;gap:8px}
button{font:inherit;font-size:13px;cursor:pointer;border-radius:6px;border:1px solid #c9c7d1;background:#f5f5f7;color:#1c1b1f;padding:3px 10px}
button.p{background:var(--c);border-color:var(--c);color:#fff}
button.x{border:0;background:none;font-size:18px;line-height:1;padding:2px 6px}
button:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
.s{font-size:12px;color:#55535d}
`;

/** Restores within one second after which the banner retreats into the body's shadow root. */
const FORTRESS_AFTER = 5;

export class Banner {
  private host: HTMLElement | null = null;
  private observer: MutationObserver | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private restores = 0;
  /**
   * When a page keeps removing the banner, it moves into a closed shadow root attached to <body>
   * (next to a <slot> that renders the page as before). No page script can reach it there.
   */
  private fortress: ShadowRoot | null = null;

  constructor(
    private readonly doc: Document,
    private readonly onAction: (action: BannerAction) => void,
  ) {}

  get shown(): boolean {
    return this.host !== null;
  }

  show(model: BannerModel): void {
    this.hide();
    const host = this.doc.createElement(TAG);
    const root = host.attachShadow({ mode: 'closed' });
    root.appendChild(this.render(model));
    this.host = host;
    this.place();
    this.guard();
  }

  hide(): void {
    this.observer?.disconnect();
    this.observer = null;
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.host?.remove();
    this.host = null;
  }

  /** Where the banner lives now: the body's shadow root in fortress mode, else <html>. */
  private get container(): Node {
    return this.fortress && this.fortress.host.isConnected
      ? this.fortress
      : this.doc.documentElement;
  }

  private enterFortress(): void {
    const body = this.doc.body;
    if (!body || (this.fortress && this.fortress.host === body)) return;
    try {
      const root = body.attachShadow({ mode: 'closed' });
      root.appendChild(this.doc.createElement('slot'));
      this.fortress = root;
    } catch {
      // The page's body already has a shadow root: keep defending from <html>.
    }
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
      if (action === 'close' || action === 'dismiss') this.hide();
      this.onAction(action);
    });
    return button;
  }

  /** Last child of its container, in the top layer where supported, with inline !important styles. */
  private place(): void {
    const host = this.host;
    if (!host) return;
    const container = this.container;
    if (host.parentNode !== container || container.lastChild !== host) container.appendChild(host);
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
        // Not connected yet, or popovers unsupported for this element: fixed position still holds.
      }
    }
  }

  /**
   * Put the banner back when the page removes it, restyles it or covers it. Restoring is capped
   * per second so a page fighting it cannot make it loop.
   */
  private guard(): void {
    const html = this.doc.documentElement;
    const check = () => {
      if (!this.host) return;
      const container = this.container;
      const displaced =
        !this.host.isConnected ||
        this.host.parentNode !== container ||
        container.lastChild !== this.host ||
        this.host.getAttribute('style') !== HOST_STYLE ||
        this.host.attributes.length > 2;
      if (!displaced) return;
      this.restores += 1;
      if (this.restores >= FORTRESS_AFTER) this.enterFortress();
      if (this.restores < 60) this.place();
    };
    this.observer = new MutationObserver(check);
    this.observer.observe(html, { childList: true });
    this.observer.observe(this.host!, { attributes: true });
    // Covered by another element (a page overlay or its own top-layer dialog)? Come back on top.
    this.timer = setInterval(() => {
      this.restores = 0;
      check();
      const host = this.host;
      if (!host || typeof this.doc.elementFromPoint !== 'function') return;
      const rect = host.getBoundingClientRect();
      if (rect.height === 0) return this.place();
      const x = rect.left + rect.width / 2;
      const y = rect.top + Math.min(rect.height / 2, 20);
      const root = this.fortress ?? this.doc;
      const top = root.elementFromPoint(x, y);
      if (top !== null && top !== host) this.place();
    }, 1000);
  }
}
