import { describe, expect, it } from 'vitest';
import { replaceList } from '../../utils/lists/store';
import { IMPORT_MARKS_GLOBAL, importMark, startImportMarks } from '../../utils/lists/import-marks';
import { listContent, listRecordInput } from './list-fixture';

const global = globalThis as unknown as Record<string, [string, number][] | undefined>;

const record = listRecordInput;

describe('import marks (where an import’s time goes, for the benchmark)', () => {
  it('marks nothing until an import starts the trace', () => {
    importMark('stray');
    expect(global[IMPORT_MARKS_GLOBAL]).toBeUndefined();
  });

  it('traces a swap step by step, in order, and starts over with each import', async () => {
    const domains = Array.from({ length: 3000 }, (_, i) => `shop${i}.example`);
    startImportMarks(performance.now());
    importMark('imported');
    await replaceList(record('m1'), listContent('m1', domains), undefined, {
      importStartedAt: performance.now(),
    });
    const marks = global[IMPORT_MARKS_GLOBAL]!;
    expect(marks.map(([label]) => label)).toEqual([
      'imported',
      'packed',
      'rows',
      'old parts deleted',
      `${marks[4]![0].split(' ')[0]} parts put`,
      'record put',
      'committed',
    ]);
    // 3,000 hosts: 4 chunks, besides the index, head and small parts.
    expect(Number(marks[4]![0].split(' ')[0])).toBeGreaterThan(4);
    const times = marks.map(([, ms]) => ms);
    expect(times.every((ms, i) => ms >= 0 && (i === 0 || ms >= times[i - 1]!))).toBe(true);
    startImportMarks(performance.now());
    expect(global[IMPORT_MARKS_GLOBAL]).toEqual([]);
  });
});
