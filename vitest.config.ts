import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests (Node, fake browser and fake IndexedDB) and end-to-end tests that
// drive the built extension in Debian's Chromium. `npm test` builds first, then runs both: the
// unit tests first (groupOrder), so their CPU-heavy files (millions of fingerprints) do not slow
// the browsers down on a 2-core machine.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          setupFiles: ['tests/unit/setup.ts'],
          // Many tests install the bundled list (44,000 domains since NABP's list joined it),
          // about a second each; on a loaded 2-core machine the 5 s default is too tight.
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          sequence: { concurrent: false, groupOrder: 1 },
          // A page or a rule change can take a second or two while the extension holds a
          // million-domain list; polls wait up to ten seconds.
          expect: { poll: { timeout: 10_000, interval: 100 } },
        },
      },
    ],
  },
});
