// The small breach notice in the page's corner (Firefox Monitor style): closed shadow root, fixed
// position, dismissible. Part of the content script: no dependencies but its DOM helper.
import { el } from './dom';

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
const CSS = `.n{box-sizing:border-box;font:13px/1.5 system-ui,-apple-system,"Hiragino Sans","Noto Sans JP","IPAPGothic","Meiryo",sans-serif;color:#1c1b1f;background:#fff;border:1px solid #d6d4dc;border-left:4px solid #8a6d00;border-radius:8px;box-shadow:0 4px 14px rgba(0,0,0,.2);padding:10px 12px}
.t{font-weight:700;margin:0 0 4px}.s{font-size:11px;color:#55535d}.a{display:flex;gap:8px;margin-top:8px}
button{font:inherit;cursor:pointer;border-radius:6px;border:1px solid #c9c7d1;background:#f5f5f7;color:#1c1b1f;padding:2px 10px}
button:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}`;

export function showNotice(
  doc: Document,
  model: NoticeModel,
  onAction: (action: 'details' | 'dismiss') => void,
): void {
  const host = doc.createElement('kusuri-guard-notice');
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
      if (action === 'dismiss') host.remove();
      onAction(action);
    });
    actions.appendChild(button);
  }
  box.append(brand, title, text, actions);
  root.append(style, box);
  doc.documentElement.appendChild(host);
}
