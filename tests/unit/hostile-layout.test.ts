// Text a hostile page reorders, draws or frames (issue 11): bidi overrides read in display order,
// generated `content` strings, the canvas recorder's hand-over, and the background's folding of
// cross-origin frames' samples into the top frame's verdict (bounded, sender checked).
import { beforeEach, describe, expect, it } from 'vitest';
import { bidiVisual, contentStrings } from '../../utils/content/layout-text';
import { CANVAS_LIMIT, joinPieces, recordCanvasText } from '../../utils/content/canvas-text';
import { FRAME_LIMITS, FrameSamples } from '../../utils/page/frame-samples';
import { withFrames } from '../../utils/page/service';
import { SAMPLE_LIMITS } from '../../utils/content/sample';
import { composeBackground, type Background } from '../../utils/background/root';
import { defaultCatalog } from '../../utils/lists/catalog';
import { contentSender, fakePlatform, type TestPlatform } from './fakes';

const rev = (s: string) => [...s].reverse().join('');

describe('bidi overrides read in display order', () => {
  it.each([
    ['an RLO run to the PDF', `Buy \u202e${rev('Viagra')}\u202c now`, 'Buy Viagra now'],
    ['an RLO run to the end of the line', `\u202e${rev('Cialis 20mg')}\nnext`, 'Cialis 20mg\nnext'],
    ['Japanese under RLO', `\u202e${rev('処方箋不要')}\u202c`, '処方箋不要'],
    ['an LRO run inside an RLO run stays in order', '\u202eb\u202dxy\u202ca\u202c', 'axyb'],
    ['embeddings keep their order', '\u202bab\u202c', 'ab'],
    ['a stray PDF ends nothing', 'ab\u202ccd', 'abcd'],
    ['astral characters stay whole', '\u202e\u{1f48a}x\u202c', 'x\u{1f48a}'],
  ])('%s', (_name, input, output) => {
    expect(bidiVisual(input)).toBe(output);
  });

  it('leaves text without overrides untouched (the same string)', () => {
    const text = 'An ordinary line\nand another (RLI \u2067 isolates do not reverse Latin)';
    expect(bidiVisual(text)).toBe(text);
  });
});

describe('generated content', () => {
  it.each([
    ['"Buy Viagra"', 'Buy Viagra'],
    ['"Buy " counter(item) "Cialis"', 'Buy Cialis'],
    ['"say \\"no\\" to prescriptions"', 'say "no" to prescriptions'],
    ['none', ''],
    ['url("x.png")', 'x.png'], // what a computed url() looks like; harmless
    ['counter(item)', ''],
  ])('%s', (value, text) => {
    expect(contentStrings(value)).toBe(text);
  });
});

describe('the canvas recorder', () => {
  /** A window with a 2D context prototype, as far as the recorder looks. */
  function fakeWindow() {
    const drawn: string[] = [];
    const listeners: ((e: { target: unknown }) => void)[] = [];
    class Ctx {
      fillText(text: string) {
        drawn.push(text);
      }
      strokeText(text: string) {
        drawn.push(text);
      }
    }
    const win = {
      CanvasRenderingContext2D: Ctx,
      addEventListener: (_name: string, f: (e: { target: unknown }) => void) => listeners.push(f),
    };
    recordCanvasText(win as unknown as Window);
    const answer = () => {
      const attrs = new Map<string, string>();
      const target = { setAttribute: (k: string, v: string) => attrs.set(k, v) };
      for (const f of listeners) f({ target });
      return [...attrs.values()][0] ?? '';
    };
    return { ctx: new Ctx(), drawn, answer };
  }

  it('records drawn strings once, letters every time, and still draws', () => {
    const { ctx, drawn, answer } = fakeWindow();
    for (let frame = 0; frame < 3; frame += 1) ctx.fillText('Buy Viagra online');
    for (const c of 'Cialis') ctx.strokeText(c);
    ctx.fillText(42 as unknown as string);
    ctx.fillText({} as unknown as string); // not text: drawn, not recorded
    expect(drawn).toHaveLength(3 + 6 + 2);
    expect(answer()).toBe('Buy Viagra online\nCialis\n42');
  });

  it('keeps at most CANVAS_LIMIT characters however much is drawn', () => {
    const { ctx, answer } = fakeWindow();
    for (let i = 0; i < 10_000; i += 1) ctx.fillText(`line ${i} `.repeat(5));
    expect(answer().length).toBeLessThanOrEqual(CANVAS_LIMIT + 10_000);
    expect(answer().replace(/\n/g, '').length).toBeLessThanOrEqual(CANVAS_LIMIT);
  });

  it('joins letters drawn one call each into a word', () => {
    expect(joinPieces(['V', 'i', 'a', 'Price list', 'x'])).toBe('Via\nPrice list\nx');
  });
});

describe("cross-origin frames' samples", () => {
  let platform: TestPlatform;
  let background: Background;
  const ROGUE =
    '処方箋不要でカマグラゴールドをお届けします。個人輸入代行。お支払いはJCBのみ。カートに入れる';
  const sample = (text: string) => ({ title: '', meta: '', headings: '', text });
  const frameSender = (url: string, tabId: number, frameId: number) => ({
    ...contentSender(url, tabId),
    frameId,
  });
  const check = (tabId: number, text: string | null) =>
    background.handleMessage(
      {
        type: 'page.check',
        url: 'https://news.example/',
        ...(text ? { sample: sample(text) } : {}),
      },
      contentSender('https://news.example/', tabId),
    );

  beforeEach(async () => {
    platform = fakePlatform();
    background = composeBackground(platform, defaultCatalog(null));
    await background.lifecycle.onInstalled();
  });

  it("a frame's rogue text gives the top page its banner, after the top frame is asked again", async () => {
    expect(await check(5, null)).toMatchObject({ ok: true, data: { banner: null } });
    const sent = await background.handleMessage(
      { type: 'page.frame', sample: sample(ROGUE) },
      frameSender('https://shop-frame.example/', 5, 3),
    );
    expect(sent).toEqual({ ok: true, data: null });
    expect(platform.tabs.rescans).toEqual([5]);
    expect(await check(5, null)).toMatchObject({
      ok: true,
      data: { banner: { title: 'This page looks like a rogue online pharmacy' } },
    });
    // The same text again asks nothing more.
    await background.handleMessage(
      { type: 'page.frame', sample: sample(ROGUE) },
      frameSender('https://shop-frame.example/', 5, 3),
    );
    expect(platform.tabs.rescans).toEqual([5]);
  });

  it('is refused from the top frame, an extension page, or a frame too large; ignored elsewhere', async () => {
    // From the top frame: accepted by the router (a content script) but not stored.
    await background.handleMessage(
      { type: 'page.frame', sample: sample(ROGUE) },
      contentSender('https://news.example/', 5),
    );
    expect(platform.tabs.rescans).toEqual([]);
    expect(await check(5, null)).toMatchObject({ data: { banner: null } });
    const fromPage = await background.handleMessage(
      { type: 'page.frame', sample: sample(ROGUE) },
      { id: 'testextensionid', url: 'chrome-extension://testextensionid/options.html' },
    );
    expect(fromPage).toMatchObject({ ok: false });
    const tooBig = await background.handleMessage(
      { type: 'page.frame', sample: sample('x'.repeat(FRAME_LIMITS.text + 1)) },
      frameSender('https://shop-frame.example/', 5, 3),
    );
    expect(tooBig).toMatchObject({ ok: false });
    // A sub-frame's page.check does not decide the tab's verdict.
    const fromFrame = await background.handleMessage(
      { type: 'page.check', url: 'https://shop-frame.example/', sample: sample(ROGUE) },
      frameSender('https://shop-frame.example/', 5, 4),
    );
    expect(fromFrame).toEqual({ ok: true, data: { banner: null, notice: null } });
    expect(platform.badges.get(5)?.text ?? '').toBe('');
  });

  it("forgets a tab's frames when its top frame loads another document", async () => {
    await background.handleMessage(
      { type: 'page.frame', sample: sample(ROGUE) },
      frameSender('https://shop-frame.example/', 5, 3),
    );
    await background.page.forgetFrames(5);
    expect(await check(5, null)).toMatchObject({ data: { banner: null } });
  });

  it('keeps the latest frames, each clipped, the total bounded', async () => {
    const store = new FrameSamples(platform.session);
    for (let frame = 1; frame <= FRAME_LIMITS.frames + 4; frame += 1)
      await store.put(9, frame, `frame${frame} ${'y'.repeat(FRAME_LIMITS.text)}`, frame);
    const text = await store.text(9);
    expect(text.length).toBe(FRAME_LIMITS.total);
    expect(text.startsWith(`frame5 `)).toBe(true); // frames 1–4 were the oldest
    // A damaged record reads as none.
    await platform.session.set('frameSamples', { 9: 'garbage' });
    expect(await store.text(9)).toBe('');
  });

  it("the top page's own text gives way so the frames' text always fits", () => {
    const own = sample('filler '.repeat(SAMPLE_LIMITS.text));
    const folded = withFrames(own, ROGUE)!;
    expect(folded.text.length).toBeLessThanOrEqual(SAMPLE_LIMITS.text);
    expect(folded.text.endsWith(ROGUE)).toBe(true);
    expect(withFrames(null, '')).toBeNull();
    expect(withFrames(null, ROGUE)).toEqual(sample(ROGUE));
  });
});
