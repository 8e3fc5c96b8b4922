// A short run of the benchmarks: they must run and produce well-formed rows. Timings are printed
// by `npm run bench`, never asserted here (a loaded CI machine is not a measurement).
import { describe, expect, it } from 'vitest';
import { runBench, formatTable } from '../../tools/bench';

describe('benchmark smoke run', () => {
  it('produces a row per budget, with finite values', async () => {
    const rows = await runBench({ quick: true, chromium: true });
    console.log(formatTable(rows));
    expect(rows.map((r) => r.name)).toEqual(
      expect.arrayContaining([
        'content script size (gzip)',
        'service worker script size, first-verdict script (what every wake compiles)',
        'service worker script size, second script (loaded when first needed)',
        expect.stringMatching(/^service worker start → first verdict answered/),
        expect.stringMatching(/^scoring p95, 10 KB page/),
        expect.stringMatching(/^scoring p95, 2 MB page/),
        expect.stringMatching(/^longest content-script task/),
        expect.stringMatching(/^ordinary .* page, main thread with \/ without the extension/),
        expect.stringMatching(/^host lookup median/),
        expect.stringMatching(/^host lookup p99/),
        expect.stringMatching(/^domain index memory/),
        expect.stringMatching(
          /^building the index from a [0-9k]+-domain list \(Node\), × split \+ sort/,
        ),
        expect.stringMatching(/^false hits among /),
        expect.stringMatching(/^host lookup median, .* \(all under one .*-character suffix\)/),
        expect.stringMatching(/^building the index from .* \(all single labels under \.com\)/),
        expect.stringMatching(/^building and storing the index from .* \(Chromium\)/),
        expect.stringMatching(/^service worker wake → first verdict p95/),
        expect.stringMatching(/^block-level domains without a pre-load rule/),
        expect.stringMatching(/^pre-load rule install, 10k domains/),
        expect.stringMatching(/^unchanged list on refresh/),
        expect.stringMatching(/^changed list, per added or removed domain/),
        expect.stringMatching(/^report save with .* stored vs 1 \(ratio\)/),
        expect.stringMatching(/^import [0-9kM]+ junk lines: worst answer to a ping/),
      ]),
    );
    for (const row of rows) {
      expect(Number.isFinite(row.value), row.name).toBe(true);
      // Counts of what is missing can be zero; measurements cannot.
      if (row.unit !== 'domains' && row.unit !== 'hosts')
        expect(row.value, row.name).toBeGreaterThan(0);
      expect(['ms', 'µs', '×', 'bytes', 'bytes/domain', 'domains', 'hosts', 'ratio']).toContain(
        row.unit,
      );
    }
    // Deterministic results are checked here too: every block-level domain gets a rule, and an
    // unchanged list costs a 304.
    expect(rows.find((r) => r.name.startsWith('block-level domains without'))!.value).toBe(0);
    // No unlisted host may ever be a hit (candidates are confirmed against the exact host).
    expect(rows.find((r) => r.name.startsWith('false hits among'))!.value).toBe(0);
    expect(rows.find((r) => r.name.startsWith('unchanged list on refresh'))!.pass).toBe(true);
    // Size is deterministic for a build, so this budget is checked here too.
    expect(rows.find((r) => r.name === 'content script size (gzip)')!.pass).toBe(true);
  }, 300_000); // every row, small lists: about 1.5 minutes alone, several on a shared machine

  it('runs only the detector’s rows with --detector-only', async () => {
    const rows = await runBench({ quick: true, chromium: false, detectorOnly: true });
    const names = rows.map((r) => r.name);
    expect(names[0]).toBe('content script size (gzip)');
    expect(names.slice(1, 3)).toEqual([
      'detector model size (gzip)',
      'detector model load (decode into weights)',
    ]);
    expect(names.slice(3).every((n) => n.startsWith('scoring p95, '))).toBe(true);
    expect(names.some((n) => /capped at 40,000 chars/.test(n))).toBe(true);
    expect(names.some((n) => /lookup|index|wake|Chromium/.test(n))).toBe(false);
  }, 120_000);

  it('runs only the report save row with --only-reports, in a process of its own', async () => {
    const rows = await runBench({ quick: true, chromium: false, onlyReports: true });
    expect(rows.map((r) => r.name)).toEqual(['report save with 100 stored vs 1 (ratio)']);
    const [row] = rows;
    expect(Number.isFinite(row!.value) && row!.value > 0).toBe(true);
    expect(row!.note).toMatch(/5 saves × 2 turns, own process/);
  }, 120_000);
});
