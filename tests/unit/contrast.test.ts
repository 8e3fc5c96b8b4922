// Both themes of the extension's pages (components/theme.css: light, and dark under
// prefers-color-scheme) keep every text colour the pages use on every background it appears on
// at WCAG AA contrast (4.5:1). Reads the stylesheet itself, so a new colour is checked too.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

const css = readFileSync('components/theme.css', 'utf8');

function palette(block: string): Record<string, string> {
  return Object.fromEntries(
    [...block.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})\s*;/g)].map((m) => [m[1]!, m[2]!]),
  );
}

const light = palette(css.slice(0, css.indexOf('@media (prefers-color-scheme: dark)')));
const dark = {
  ...light,
  ...palette(css.slice(css.indexOf('@media (prefers-color-scheme: dark)'))),
};

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Text colour → the backgrounds it is drawn on in the pages' stylesheets. */
const PAIRS: [string, string[]][] = [
  ['fg', ['bg', 'panel', 'surface', 'danger-bg', 'warning-bg', 'caution-bg', 'ok-bg']],
  ['muted', ['bg', 'panel', 'surface']],
  ['accent', ['bg', 'panel', 'surface']],
  ['on-accent', ['accent']],
  ['danger', ['bg', 'surface', 'danger-bg']],
  ['warning', ['bg', 'surface', 'warning-bg']],
  ['caution', ['bg', 'caution-bg']],
  ['ok', ['bg', 'ok-bg']],
];

describe('colour contrast', () => {
  it('computes WCAG ratios (black on white is 21:1, a colour on itself 1:1)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#1d4ed8', '#1d4ed8')).toBe(1);
  });

  for (const [name, theme] of [
    ['light', light],
    ['dark', dark],
  ] as const) {
    it(`keeps text at 4.5:1 or more in the ${name} theme`, () => {
      expect(Object.keys(theme).length).toBeGreaterThan(10);
      for (const [text, backgrounds] of PAIRS) {
        for (const background of backgrounds) {
          const ratio = contrast(theme[text]!, theme[background]!);
          expect(ratio, `${name}: ${text} on ${background}`).toBeGreaterThanOrEqual(4.5);
        }
      }
    });
  }

  it('really has a dark theme (its background is dark, its text light)', () => {
    expect(luminance(dark.bg!)).toBeLessThan(0.05);
    expect(luminance(dark.fg!)).toBeGreaterThan(0.6);
  });
});
