// The small breach notice in the page's corner (Firefox Monitor style): closed shadow root, fixed
// position, dismissible. A page that removes it gets it back (the user has not seen it yet; the
// background counts it as shown when it is sent). Its host is a plain <div>, its font generic.
// Part of the content script: no dependencies but its DOM helper.
import { el, OWN_HOSTS } from './dom';
import { rendered } from './text-visibility';

export interface NoticeModel {
  lang: 'ja' | 'en';
  title: string;
  text: string;
  /** The breaches it announces (sent back when dismissed). */
  names: string[];
  labels: { brand: string; details: string; dismiss: string };
}

const STYLE =
  'all:initial!important;position:fixed!important;right:16px!important;bottom:16px!important;z-index:2147483646!important;display:block!important;max-width:min(380px,calc(100vw - 32px))!important';
const CSS = `.n{box-sizing:border-box;font:13px/1.5 sans-serif;color:#1c1b1f;background:#fff;border:1px solid #d6d4dc;border-left:4px solid #8a6d00;border-radius:8px;box-shadow:0 4px 14px rgba(0,0,0,.2);padding:10px 12px}
.t{font-weight:700;margin:0 0 4px}.s{font-size:11px;color:#55535d}.a{display:flex;gap:8px;margin-top:8px}
button{font:inherit;cursor:pointer;border-radius:6px;border:1px solid #c9c7d1;background:#f5f5f7;color:#1c1b1f;padding:2px 10px}
button:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}`;

/** Times a removed notice is put back (a page fighting it cannot make it loop forever). */
const RESTORES = 50;

export function showNotice(
  doc: Document,
  model: NoticeModel,
  onAction: (action: 'details' | 'dismiss' | 'seen') => void,
): void {
  let dismissed = false;
  const host = doc.createElement('div');
  OWN_HOSTS.add(host);
  host.setAttribute('style', STYLE);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const box = el(doc, 'div', 'n');
  box.setAttribute('role', 'status');
  box.setAttribute('lang', model.lang);
  const brand = el(doc, 'div', 's', model.labels.brand);
  const title = el(doc, 'p', 't', model.title);
  const text = el(doc, 'p', '', model.text);
  text.style.margin = '0';
  const actions = el(doc, 'div', 'a');
  for (const action of ['details', 'dismiss'] as const) {
    const button = el(doc, 'button', '', model.labels[action]) as HTMLButtonElement;
    button.type = 'button';
    button.addEventListener('click', (event) => {
      if (!event.isTrusted) return;
      if (action === 'dismiss') {
        dismissed = true;
        guard.disconnect();
        host.remove();
      }
      onAction(action);
    });
    actions.appendChild(button);
  }
  box.append(brand, title, text, actions);
  root.append(style, box);
  doc.documentElement.appendChild(host);
  let restores = 0;
  const guard = new MutationObserver(() => {
    if (dismissed || host.isConnected) return;
    restores += 1;
    if (restores > RESTORES) return guard.disconnect();
    host.setAttribute('style', STYLE);
    doc.documentElement.appendChild(host);
  });
  guard.observe(doc.documentElement, { childList: true });
  // Seen: on screen at two looks a second apart. Only then is it counted as shown, so a page that
  // removes it on sight gets it again on the next visit.
  let looks = 0;
  const seen = setInterval(() => {
    if (dismissed) return clearInterval(seen);
    const rect = box.getBoundingClientRect();
    const visible = host.isConnected && rect.width > 100 && rect.height > 20 && rendered(box);
    looks = visible ? looks + 1 : 0;
    if (looks >= 2) {
      clearInterval(seen);
      onAction('seen');
    }
  }, 1000);
}
