// The sampler asks Chrome for closed shadow roots (chrome.dom.openOrClosedShadowRoot), which
// throws a TypeError for any element that is not an HTML element. Until session 18 that error
// ended the whole scan: a page with an inline SVG icon or a MathML formula was never checked.
// Here the API is faked with Chrome's behaviour (tests/e2e/hostile.test.ts has the real one).
import { afterEach, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { collectSample } from '../../utils/content/sample';
import { shadowOpener } from '../../utils/content/tree-walk';

const XHTML = 'http://www.w3.org/1999/xhtml';
const g = globalThis as unknown as { chrome?: unknown };
const saved = g.chrome;
afterEach(() => {
  g.chrome = saved;
});

/** chrome.dom as Chrome has it: HTML elements only; `closed` is what it finds on them. */
function fakeChrome(closed: Map<Element, ShadowRoot> = new Map()) {
  g.chrome = {
    dom: {
      openOrClosedShadowRoot(e: Element) {
        if (e.namespaceURI !== XHTML)
          throw new TypeError(
            'Error in invocation of dom.openOrClosedShadowRoot(HTMLElement element)',
          );
        return closed.get(e) ?? null;
      },
    },
  };
}

const doc = (body: string) =>
  parseHTML(`<!doctype html><html><body>${body}</body></html>`).document as unknown as Document;
const quick = { yieldFn: async () => undefined };

describe('closed shadow roots and elements that cannot have one', () => {
  it('reads a page with an inline SVG icon or a MathML formula before its text', async () => {
    fakeChrome();
    for (const first of [
      '<svg width="24" height="24"><a href="/"><path d="M1 1L2 2Z"/></a></svg>',
      '<math><mi>x</mi></math>',
    ]) {
      const sample = await collectSample(doc(`${first}<p>Kamagra without prescription</p>`), quick);
      expect(sample.text).toContain('Kamagra without prescription');
    }
  });

  it('still opens a closed shadow root of an HTML element, and gives none without the API', () => {
    const page = doc('<div id="h"></div><svg></svg>');
    const host = page.getElementById('h')!;
    const root = { mode: 'closed' } as unknown as ShadowRoot;
    fakeChrome(new Map([[host, root]]));
    const open = shadowOpener();
    expect(open(host)).toBe(root);
    expect(open(page.querySelector('svg')!)).toBeFalsy();
    g.chrome = undefined;
    expect(shadowOpener()(host)).toBeFalsy();
  });
});
