import { describe, expect, it } from 'vitest';
import { flagValue, positional } from '../../tools/lib/args';

describe("the tools' command lines", () => {
  it('keeps the arguments that are neither flags nor their values', () => {
    const argv = ['--cv', 'data/holdout', '--repeats', '3', '--variant', 'shipped+miss', '--json'];
    expect(positional(argv, ['--repeats', '--variant'])).toEqual(['data/holdout']);
    expect(positional(['shipped', '--corpus', 'x', 'shipped+nb'], ['--corpus'])).toEqual([
      'shipped',
      'shipped+nb',
    ]);
    // A flag without a value takes nothing with it.
    expect(positional(['--json', 'data/corpus'], ['--repeats'])).toEqual(['data/corpus']);
  });

  it("reads a flag's value, or nothing when the flag is absent", () => {
    expect(flagValue(['--variant', 'shipped', 'dir'], '--variant')).toBe('shipped');
    expect(flagValue(['dir'], '--variant')).toBeUndefined();
  });
});
