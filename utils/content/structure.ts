// Structural facts of a page, read beside the text sample (issue 12 item 5): what real shops
// have and paraphrased text lacks. One bounded querySelectorAll, visible elements only (the
// sampler's visibility rule; JSON-LD is never visible, so it is read whatever its box). The
// content script collects only raw, capped facts; what they mean (a link naming a drug, a licence
// number in the footer) is decided in the worker (utils/detector/structure.ts), with the same
// definitions it applies to text pages.
import { clean } from './dom';
import { visibility } from './text-visibility';

export interface PageStructure {
  /**
   * A visible add-to-cart button's label, or the name of a visible form's quantity field; '' when
   * the page has neither; unknown (undefined) for text pages.
   */
  cart?: string;
  /** schema.org Product/Offer names (JSON-LD or microdata); unknown for text pages. */
  products?: string[];
  /** Visible link texts (menus, product grids, footer links), in document order. */
  links: string[];
  /** The end of the page's footer text (where licence numbers stand). */
  footer: string;
  /**
   * Hosts that visible links lead to, distinct, in document order (whatever the scheme: mailto:,
   * javascript: and data: links have none): the worker looks them up in the user's lists (a page
   * sending readers to a listed shop). Unknown for text pages and for an older content script.
   */
  hosts?: string[];
}

export const STRUCTURE_LIMITS = {
  /** Elements looked at, at most (a page with 100,000 links costs what one with 3,000 does). */
  elements: 3_000,
  links: 80,
  link: 60,
  products: 5,
  product: 100,
  footer: 600,
  /** Characters of one JSON-LD block parsed at most, and objects of it visited. */
  json: 50_000,
  objects: 500,
};

const CART = /cart|basket|カート|かご|カゴ/i;
/** A quantity field, by its name or id (qty, quantity, 数量, 個数). */
const QUANTITY = ['name', 'id']
  .flatMap((a) => ['qty', 'quantity', '数量', '個数'].map((w) => `[${a}*="${w}" i]`))
  .join();

export function collectStructure(doc: Document): PageStructure {
  const L = STRUCTURE_LIMITS;
  const shown = visibility();
  const links: string[] = [];
  const hosts = new Set<string>();
  const products = new Set<string>();
  let cart = '';
  let footer = '';
  let objects = L.objects;
  const product = (name: unknown) => {
    const text = clean(name, L.product);
    if (text && products.size < L.products) products.add(text);
  };
  // JSON-LD: objects typed Product, Offer or Drug anywhere in the graph name a product.
  const walk = (value: unknown): void => {
    if (!value || typeof value !== 'object' || --objects < 0) return;
    const o = value as Record<string, unknown>;
    if (/Product|Offer|Drug/.test(String(o['@type']))) product(o.name);
    for (const key in o) walk(o[key]);
  };
  const found = doc.querySelectorAll(
    'a[href],button,input[type=submit],form,[itemtype],footer,#footer,.footer,script[type="application/ld+json"]',
  );
  for (let i = 0; i < found.length && i < L.elements; i += 1) {
    const e = found[i]!;
    const tag = e.tagName.toUpperCase();
    if (tag === 'SCRIPT') {
      const json = e.textContent ?? '';
      if (json.length <= L.json)
        try {
          walk(JSON.parse(json));
        } catch {
          // not JSON: nothing to read
        }
    } else if (!shown(e)) continue;
    else if (tag === 'A') {
      const text = clean(e.textContent, L.link);
      if (text && links.length < L.links) links.push(text);
      // As many hosts as link texts, at most. mailto: and javascript: links have no host, and an
      // SVG <a> has no hostname at all (undefined in the message would fail its schema).
      const host = (e as HTMLAnchorElement).hostname;
      if (host && hosts.size < L.links) hosts.add(host);
    } else if (tag === 'FORM') {
      const field = e.querySelector(QUANTITY);
      if (field) cart ||= clean(field.getAttribute('name') || field.id, L.link);
    } else if (tag === 'BUTTON' || tag === 'INPUT') {
      const label = clean(e.textContent || e.getAttribute('value'), L.link);
      if (CART.test(label)) cart ||= label;
    } else if (e.hasAttribute('itemtype')) {
      if (/Product|Offer/.test(e.getAttribute('itemtype')!))
        product(e.querySelector('[itemprop=name]')?.textContent);
    } else footer ||= clean(e.textContent?.slice(-L.footer), L.footer);
  }
  return { cart, products: [...products], links, footer, hosts: [...hosts] };
}
