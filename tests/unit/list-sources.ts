// What a full read of the lists says — every enabled record with its small parts — for the tests
// that compare the first-verdict row (and the early read of it) with the lists themselves.
import { db } from '../../utils/core/db';
import { getListRecords } from '../../utils/lists/store';
import { getProbeParts } from '../../utils/lists/store-parts';

export async function fullReadSources() {
  const database = await db();
  const records = (await getListRecords(database)).filter((r) => r.enabled);
  return Promise.all(
    records.map(async (record) => ({
      record,
      parts: await getProbeParts(record.id, record.format === 'licensed', database),
    })),
  );
}
