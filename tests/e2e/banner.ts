// Reading and clicking the in-page banner and breach notice. They live in closed shadow roots that
// page scripts and Playwright locators cannot see into; CDP's DOM.getDocument with pierce:true can.
import type { CDPSession, Page } from 'playwright-core';
import { expect } from 'vitest';

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

/** The banner's box has role=alert, the breach notice's role=status (the hosts are plain divs). */
export const BANNER = 'alert';
export const NOTICE = 'status';

function attribute(node: CdpNode, name: string): string | undefined {
  const attrs = node.attributes ?? [];
  for (let i = 0; i + 1 < attrs.length; i += 2) if (attrs[i] === name) return attrs[i + 1];
  return undefined;
}

/** Hosts whose closed shadow root holds an element with `role`: Kusuri Guard's own UI. */
function findHosts(root: CdpNode, role: string): CdpNode[] {
  return [...walk(root)].filter((n) =>
    (n.shadowRoots ?? []).some((shadow) =>
      [...walk(shadow)].some((inner) => attribute(inner, 'role') === role),
    ),
  );
}

function findBanners(root: CdpNode): CdpNode[] {
  return findHosts(root, BANNER);
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
  return clickShadowButton(page, BANNER, label);
}

/** The text of the first host of `role` (shadow roots pierced), or null if there is none. */
export async function shadowElementText(page: Page, role: string): Promise<string | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const element = findHosts(await tree(cdp), role)[0];
    return element ? textOf(element) : null;
  } finally {
    await cdp.detach();
  }
}

/** Click a button of the first host of `role` like a user (a trusted click at its position). */
export async function clickShadowButton(page: Page, role: string, label: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const element = findHosts(await tree(cdp), role)[0];
    const tag = role === BANNER ? 'banner' : 'notice';
    if (!element) throw new Error(`no ${tag}`);
    const button = [...walk(element)].find((n) => n.nodeName === 'BUTTON' && textOf(n) === label);
    if (!button) throw new Error(`no ${tag} button "${label}"`);
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

/** The computed font-family of the banner's box (read through CDP; the root is closed). */
export async function bannerFontFamily(page: Page): Promise<string | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const banner = findBanners(await tree(cdp))[0];
    if (!banner) return null;
    const box = [...walk(banner)].find((n) => attribute(n, 'role') === BANNER);
    if (!box) return null;
    const { computedStyle } = (await cdp.send('CSS.getComputedStyleForNode', {
      nodeId: box.nodeId,
    })) as { computedStyle: { name: string; value: string }[] };
    return computedStyle.find((p) => p.name === 'font-family')?.value ?? null;
  } finally {
    await cdp.detach();
  }
}

/** Give the page's check `ms` to run, then expect no banner on it. */
export async function expectNoBannerAfter(page: Page, ms: number): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
  expect((await bannerState(page)).present).toBe(false);
}
