// When the content script reads a page again (utils/content/page-guard.ts): a page with no
// visible text yet (an AMP page's body stays hidden until its runtime loads) is looked at again
// every 1.5 s, six times at most, and the background hears of it once while it stays blank; those
// looks have a count of their own, so the rescans for content added later stay whole; a
// single-page app's next address gets its rescans back. Fake timers, linkedom's DOM and
// MutationObserver, the sampler replaced by a script of what the page shows.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';

const shown = { text: '' };
const looks = vi.fn();
vi.mock('../../utils/content/sample', () => ({
  collectSample: async () => {
    looks();
    return { title: 'お薬', meta: '', headings: '', text: shown.text };
  },
}));
vi.mock('../../utils/content/structure', () => ({
  collectStructure: () => ({ links: [], footer: '' }),
}));
const { startPageGuard } = await import('../../utils/content/page-guard');

function page() {
  const window = parseHTML('<!doctype html><html><body><main></main></body></html>');
  const g = globalThis as unknown as { MutationObserver?: unknown };
  g.MutationObserver = (window as unknown as { MutationObserver: unknown }).MutationObserver;
  const location = { href: 'https://shop.example/', hostname: 'shop.example' };
  const listeners = new Map<string, (event: { isTrusted: boolean }) => void>();
  const win = {
    document: window.document,
    location,
    addEventListener: (type: string, listener: (event: { isTrusted: boolean }) => void) =>
      listeners.set(type, listener),
  } as unknown as Window;
  const send = vi.fn(async (_message: unknown) => ({
    ok: true,
    data: { banner: null, notice: null },
  }));
  /** The background's "read the page again" (a frame of another origin spoke). */
  let rescan = () => undefined as void;
  startPageGuard(win, send, (r) => (rescan = r));
  /** Add a burst of content (enough to count as the page filling itself in). */
  const burst = () => {
    const main = window.document.querySelector('main')!;
    for (let i = 0; i < 50; i += 1) main.appendChild(window.document.createElement('p'));
  };
  return {
    send,
    location,
    burst,
    rescan: () => rescan(),
    click: (isTrusted = true) => listeners.get('click')!({ isTrusted }),
  };
}

const checks = (send: { mock: { calls: unknown[][] } }) =>
  send.mock.calls.filter(([m]) => (m as { type: string }).type === 'page.check').length;

beforeEach(() => {
  vi.useFakeTimers();
  looks.mockClear();
  shown.text = '';
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a page with no visible text yet', () => {
  it('is looked at again every 1.5 s, six times at most, and reported once', async () => {
    const { send } = page();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(looks).toHaveBeenCalledTimes(7);
    expect(checks(send)).toBe(1);
  });

  it('is reported again as soon as its text shows', async () => {
    const { send } = page();
    await vi.advanceTimersByTimeAsync(3_100); // the first look and two more, all blank
    shown.text = 'カマグラ通販';
    await vi.advanceTimersByTimeAsync(1_500);
    expect(checks(send)).toBe(2);
    const last = send.mock.calls.at(-1)![0] as { sample?: { text: string } } | undefined;
    expect(last?.sample?.text).toBe('カマグラ通販');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(looks).toHaveBeenCalledTimes(4); // no more looks once it has text
  });

  it('is reported again whenever the background asks, even after its blank looks are used (a frameset of another origin)', async () => {
    const { send, rescan } = page();
    await vi.advanceTimersByTimeAsync(20_000); // every blank look used, reported once
    expect(checks(send)).toBe(1);
    // A cross-origin frame reported a sample: the top document, still blank, must ask again, or
    // the frame's words never reach the tab's verdict.
    rescan();
    await vi.advanceTimersByTimeAsync(10);
    expect(checks(send)).toBe(2);
    rescan();
    await vi.advanceTimersByTimeAsync(10);
    expect(checks(send)).toBe(3);
  });

  it('leaves the rescans for content added later whole', async () => {
    const { send, burst } = page();
    await vi.advanceTimersByTimeAsync(20_000); // every blank look used
    expect(looks).toHaveBeenCalledTimes(7);
    // The page then fills itself in, six times: each is read.
    shown.text = 'カマグラ通販';
    for (let i = 0; i < 6; i += 1) {
      burst();
      await vi.advanceTimersByTimeAsync(2_000);
    }
    expect(looks).toHaveBeenCalledTimes(13);
    expect(checks(send)).toBe(7);
  });
});

describe('a page with text', () => {
  it('is looked at once, then again only after it fills itself in (six times at most)', async () => {
    shown.text = '医薬品のご案内';
    const { send, burst } = page();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(looks).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 8; i += 1) {
      burst();
      await vi.advanceTimersByTimeAsync(2_000);
    }
    expect(looks).toHaveBeenCalledTimes(7);
    expect(checks(send)).toBe(7);
  });

  it('a single-page app’s next address gets its rescans back', async () => {
    shown.text = '医薬品のご案内';
    const { location, burst } = page();
    for (let i = 0; i < 8; i += 1) {
      burst();
      await vi.advanceTimersByTimeAsync(2_000);
    }
    expect(looks).toHaveBeenCalledTimes(7); // the first and six rescans: the observer is off
    location.href = 'https://shop.example/next';
    await vi.advanceTimersByTimeAsync(1_100); // the address poll sees it
    expect(looks).toHaveBeenCalledTimes(8);
    burst();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(looks).toHaveBeenCalledTimes(9);
  });
});

describe('a click', () => {
  it('a click that shows what the page held all along (an entry gate) is read once it settles', async () => {
    shown.text = 'This site is for adults only. Enter';
    const { send, click } = page();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(checks(send)).toBe(1);
    shown.text = 'カマグラ通販 処方箋不要';
    click(false); // the page's own click() counts for nothing
    await vi.advanceTimersByTimeAsync(3_000);
    expect(checks(send)).toBe(1);
    click();
    click(); // a burst of clicks is one read
    await vi.advanceTimersByTimeAsync(1_499);
    expect(checks(send)).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(checks(send)).toBe(2);
    const last = send.mock.calls.at(-1)![0] as { sample?: { text: string } } | undefined;
    expect(last?.sample?.text).toBe('カマグラ通販 処方箋不要');
  });
});
