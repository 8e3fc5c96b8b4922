// Reading and clicking the in-page banner and breach notice. They live in closed shadow roots that
// page scripts and Playwright locators cannot see into; CDP's DOM.getDocument with pierce:true can.
import type { CDPSession, Page } from 'playwright-core';

interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

export interface BannerState {
  present: boolean;
  text: string;
  buttons: string[];
}

async function tree(cdp: CDPSession): Promise<CdpNode> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
    root: CdpNode;
  };
  return root;
}

function* walk(node: CdpNode): Generator<CdpNode> {
  yield node;
  for (const child of node.shadowRoots ?? []) yield* walk(child);
  for (const child of node.children ?? []) yield* walk(child);
}

function textOf(node: CdpNode): string {
  if (node.nodeName === 'STYLE') return '';
  if (node.nodeName === '#text') return node.nodeValue ?? '';
  const parts = [...(node.shadowRoots ?? []), ...(node.children ?? [])].map(textOf);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

function findBanners(root: CdpNode): CdpNode[] {
  return [...walk(root)].filter((n) => n.nodeName === 'KUSURI-GUARD-BANNER');
}

export async function bannerState(page: Page): Promise<BannerState> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const banners = findBanners(await tree(cdp));
    const banner = banners[0];
    if (!banner) return { present: false, text: '', buttons: [] };
    const buttons = [...walk(banner)].filter((n) => n.nodeName === 'BUTTON').map((b) => textOf(b));
    // The shadow root's style element is skipped, so `text` is what the user reads.
    return { present: true, text: textOf(banner), buttons };
  } finally {
    await cdp.detach();
  }
}

/** Click a banner button like a user (a trusted mouse click at its position). */
export function clickBannerButton(page: Page, label: string): Promise<void> {
  return clickShadowButton(page, 'KUSURI-GUARD-BANNER', label);
}

/** The text of the first `tag` element (shadow roots pierced), or null if there is none. */
export async function shadowElementText(page: Page, tag: string): Promise<string | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const element = [...walk(await tree(cdp))].find((n) => n.nodeName === tag);
    return element ? textOf(element) : null;
  } finally {
    await cdp.detach();
  }
}

/** Click a button of the first `tag` element like a user (a trusted click at its position). */
export async function clickShadowButton(page: Page, tag: string, label: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const element = [...walk(await tree(cdp))].find((n) => n.nodeName === tag);
    if (!element) throw new Error(`no ${tag.toLowerCase()}`);
    const button = [...walk(element)].find((n) => n.nodeName === 'BUTTON' && textOf(n) === label);
    if (!button) throw new Error(`no ${tag.toLowerCase()} button "${label}"`);
    const { model } = (await cdp.send('DOM.getBoxModel', {
      backendNodeId: button.backendNodeId,
    })) as {
      model: { content: number[] };
    };
    const [x1, y1, , , x3, y3] = model.content;
    await page.mouse.click((x1! + x3!) / 2, (y1! + y3!) / 2);
  } finally {
    await cdp.detach();
  }
}

export async function waitForBanner(
  page: Page,
  present = true,
  timeout = 10_000,
): Promise<BannerState> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const state = await bannerState(page);
    if (state.present === present) return state;
    if (Date.now() > deadline)
      throw new Error(`banner ${present ? 'did not appear' : 'did not go'}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Is the banner what the user sees at the top centre of the viewport (shadow roots pierced)? */
export async function bannerOnTop(page: Page): Promise<boolean> {
  const { x, y } = await page.evaluate(() => ({ x: Math.round(window.innerWidth / 2), y: 12 }));
  const cdp = await page.context().newCDPSession(page);
  try {
    const banner = findBanners(await tree(cdp))[0];
    if (!banner) return false;
    const inside = new Set([...walk(banner)].map((n) => n.backendNodeId));
    const { backendNodeId } = (await cdp.send('DOM.getNodeForLocation', {
      x,
      y,
      includeUserAgentShadowDOM: false,
    })) as {
      backendNodeId: number;
    };
    return inside.has(backendNodeId);
  } finally {
    await cdp.detach();
  }
}
