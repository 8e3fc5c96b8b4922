// Whether text the sampler meets is on screen (sample.ts): decided by the element's actual
// visibility, not by its tag or aria-hidden, so a page cannot hide shop text from the sampler by
// marking it up, nor fill the sample with text nobody sees.

type CheckVisibility = (options: object) => boolean;

/** Not hidden by CSS (display, visibility, opacity), whatever the size of its box. */
export function rendered(parent: Node | null): boolean {
  const check = (parent as { checkVisibility?: CheckVisibility } | null)?.checkVisibility;
  return !check || check.call(parent, { opacityProperty: true, visibilityProperty: true });
}

/**
 * Whether text in an element is on screen: checkVisibility (display, visibility, opacity,
 * content-visibility, on every ancestor) and a non-empty box, cached per element. Where the
 * DOM has neither (linkedom in Node), the `hidden` attribute and inline display:none decide.
 */
export function visibility(): (parent: Node | null) => boolean {
  const cache = new Map<Node, boolean>();
  return (parent) => {
    if (!parent || parent.nodeType !== 1) return true;
    const known = cache.get(parent);
    if (known !== undefined) return known;
    const element = parent as Element;
    let shown: boolean;
    if (typeof (element as { checkVisibility?: unknown }).checkVisibility === 'function') {
      shown = rendered(element);
      if (shown) {
        const rect = element.getBoundingClientRect();
        shown = rect.width >= 1 && rect.height >= 1;
      }
    } else {
      shown = !element.closest('[hidden],[style*="display:none"],[style*="display: none"]');
    }
    cache.set(parent, shown);
    return shown;
  };
}
