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
        expect.stringMatching(/^scoring p95, 10 KB page/),
        expect.stringMatching(/^scoring p95, 2 MB page/),
        expect.stringMatching(/^longest content-script task/),
      ]),
    );
    for (const row of rows) {
      expect(Number.isFinite(row.value), row.name).toBe(true);
      expect(row.value, row.name).toBeGreaterThan(0);
      expect(['ms', 'bytes']).toContain(row.unit);
    }
    // Size is deterministic for a build, so this budget is checked here too.
    expect(rows.find((r) => r.name === 'content script size (gzip)')!.pass).toBe(true);
  });
});
