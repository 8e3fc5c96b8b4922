// Which sub-frames the top document's sampler reads (utils/content/frame-guard.ts `readByTop`):
// only those held, at every level up to the top, by an iframe or frame element of the same origin
// as the document holding it. A page in an `<object>` or `<embed>` (which the sampler skips, issue
// 12) or below a frame of another origin reads itself. Fake window chains: `frameElement` is what
// the browser gives, null when the holding document is of another origin.
import { describe, expect, it } from 'vitest';
import { readByTop } from '../../utils/content/frame-guard';

interface FakeWindow {
  top: FakeWindow;
  parent: FakeWindow;
  frameElement: { tagName: string } | null;
  document: object;
}

const blocked = () => {
  throw new DOMException('Blocked a frame with origin', 'SecurityError');
};

/**
 * A window held by the given elements, outermost first (null: a holder in a document of another
 * origin, whose frameElement the browser does not give and whose document cannot be read).
 */
function chain(...holders: (string | null)[]): Window {
  const top = { frameElement: null, document: {} } as unknown as FakeWindow;
  top.top = top;
  top.parent = top;
  let w = top;
  for (const holder of holders) {
    if (holder === null) Object.defineProperty(w, 'document', { get: blocked });
    w = {
      top,
      parent: w,
      frameElement: holder === null ? null : { tagName: holder },
      document: {},
    };
  }
  return w as unknown as Window;
}

describe('readByTop', () => {
  it('the top frame itself', () => {
    expect(readByTop(chain())).toBe(true);
  });

  it('a same-origin IFRAME or FRAME, at any depth: the top reads it (and the frame does not)', () => {
    expect(readByTop(chain('IFRAME'))).toBe(true);
    expect(readByTop(chain('FRAME'))).toBe(true);
    expect(readByTop(chain('FRAME', 'IFRAME', 'IFRAME'))).toBe(true);
  });

  it('a same-origin OBJECT or EMBED holding a page: the frame reads itself', () => {
    expect(readByTop(chain('OBJECT'))).toBe(false);
    expect(readByTop(chain('EMBED'))).toBe(false);
  });

  it('an IFRAME inside a page held by an OBJECT or EMBED: the frame reads itself', () => {
    expect(readByTop(chain('OBJECT', 'IFRAME'))).toBe(false);
    expect(readByTop(chain('EMBED', 'IFRAME'))).toBe(false);
    expect(readByTop(chain('IFRAME', 'EMBED'))).toBe(false);
  });

  it('a frame of another origin than its parent, at any level: the frame reads itself', () => {
    expect(readByTop(chain(null))).toBe(false);
    expect(readByTop(chain(null, 'IFRAME'))).toBe(false);
    expect(readByTop(chain('IFRAME', null))).toBe(false);
  });
});
