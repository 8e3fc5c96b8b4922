// When a frame of another origin reads itself again (utils/content/frame-guard.ts with
// late-content.ts, the top frame's rescans): once a little later whatever happens, then after a
// burst of added content or a click of the user's settles, six times at most; a frame the top
// document reads itself never does. Fake timers, linkedom's DOM and MutationObserver, the sampler
// replaced by a script of what the frame shows.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';

const shown = { text: '' };
/** How long a read takes (fake time): what it returns is what the frame showed when it began. */
const reading = { ms: 0 };
const looks = vi.fn();
vi.mock('../../utils/content/sample', () => ({
  collectSample: async () => {
    looks();
    const text = shown.text;
    if (reading.ms > 0) await new Promise((r) => setTimeout(r, reading.ms));
    return { title: '', meta: '', headings: '', text };
  },
}));
const { startFrameGuard } = await import('../../utils/content/frame-guard');

/**
 * A frame whose parent is of another origin (reading its document throws, its `frameElement` is
 * null), or the same one, holding it in `holder` (an IFRAME unless told).
 */
function frame(crossOrigin = true, holder = 'IFRAME') {
  const window = parseHTML('<!doctype html><html><body><main></main></body></html>');
  const g = globalThis as unknown as { MutationObserver?: unknown };
  g.MutationObserver = (window as unknown as { MutationObserver: unknown }).MutationObserver;
  const top = { document: window.document };
  const parent = crossOrigin
    ? Object.defineProperty({}, 'document', {
        get() {
          throw new DOMException('Blocked a frame with origin', 'SecurityError');
        },
      })
    : top;
  const listeners = new Map<string, (event: { isTrusted: boolean }) => void>();
  const win = {
    document: window.document,
    location: { href: 'https://shop.example/', hostname: 'shop.example' },
    innerWidth: 900,
    innerHeight: 700,
    frameElement: crossOrigin ? null : { tagName: holder },
    top,
    parent,
    addEventListener: (type: string, listener: (event: { isTrusted: boolean }) => void) =>
      listeners.set(type, listener),
  } as unknown as Window;
  (parent as { top?: unknown }).top = top;
  const send = vi.fn(async (_message: unknown) => ({ ok: true, data: null }));
  startFrameGuard(win, send);
  const burst = () => {
    const main = window.document.querySelector('main')!;
    for (let i = 0; i < 50; i += 1) main.appendChild(window.document.createElement('p'));
  };
  return { send, burst, click: (isTrusted = true) => listeners.get('click')!({ isTrusted }) };
}

const reports = (send: { mock: { calls: unknown[][] } }) =>
  send.mock.calls.filter(([m]) => (m as { type: string }).type === 'page.frame').length;

beforeEach(() => {
  vi.useFakeTimers();
  looks.mockClear();
  shown.text = '';
  reading.ms = 0;
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a frame of another origin', () => {
  it('reads itself at once and once more 3 s later, then only when it changes', async () => {
    shown.text = 'カマグラ通販 処方箋不要';
    const { send } = frame();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(looks).toHaveBeenCalledTimes(2);
    expect(reports(send)).toBe(2);
  });

  it('reads itself again after a burst of added content (a shop filling the frame in late), six times at most', async () => {
    const { send, burst } = frame();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(looks).toHaveBeenCalledTimes(2);
    expect(reports(send)).toBe(0); // nothing about medicines yet: nothing sent
    shown.text = 'カマグラ通販 処方箋不要';
    burst();
    await vi.advanceTimersByTimeAsync(1_499);
    expect(reports(send)).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(reports(send)).toBe(1);
    for (let i = 0; i < 8; i += 1) {
      burst();
      await vi.advanceTimersByTimeAsync(2_000);
    }
    expect(looks).toHaveBeenCalledTimes(2 + 6);
  });

  it("reads itself again after the user's click settles (an entry gate inside the frame), not after the page's own", async () => {
    shown.text = 'This site is for adults resident in Japan only. Enter';
    const { send, click } = frame();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(reports(send)).toBe(0);
    shown.text = 'カマグラ通販 処方箋不要';
    click(false);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(reports(send)).toBe(0);
    click();
    await vi.advanceTimersByTimeAsync(1_500);
    expect(reports(send)).toBe(1);
  });

  it('a rescan due while a slow read runs is not lost (a skeleton first, the shop a moment later)', async () => {
    reading.ms = 200;
    const { send, burst } = frame();
    await vi.advanceTimersByTimeAsync(1_600);
    burst(); // the skeleton: a rescan is due at 3.1 s
    await vi.advanceTimersByTimeAsync(1_450); // 3.05 s: the 3 s look is reading the skeleton
    shown.text = 'カマグラ通販 処方箋不要';
    await vi.advanceTimersByTimeAsync(2_000);
    expect(reports(send)).toBe(1);
  });

  it("each series of the user's clicks is one read, at most every 1.5 s, past the count for added content", async () => {
    shown.text = 'カマグラ通販 処方箋不要';
    const { click } = frame();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(looks).toHaveBeenCalledTimes(2);
    for (let i = 0; i < 10; i += 1) {
      click();
      click();
      await vi.advanceTimersByTimeAsync(2_000);
    }
    expect(looks).toHaveBeenCalledTimes(12);
  });
});

describe('a frame the top document reads itself (same origin all the way up)', () => {
  it('never reads or watches itself', async () => {
    shown.text = 'カマグラ通販 処方箋不要';
    const { send, burst } = frame(false);
    burst();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(looks).not.toHaveBeenCalled();
    expect(send).not.toHaveBeenCalled();
  });
});

describe('a frame of the same origin held in an <object> or <embed> (the sampler skips them)', () => {
  it.each(['OBJECT', 'EMBED'])(
    '%s: reads itself and sends its sample, as a frame of another origin',
    async (holder) => {
      shown.text = 'カマグラ通販 処方箋不要';
      const { send } = frame(false, holder);
      await vi.advanceTimersByTimeAsync(30_000);
      expect(looks).toHaveBeenCalledTimes(2);
      expect(reports(send)).toBe(2);
    },
  );
});
