// Unit tests run in Node: fake-indexeddb provides IndexedDB; each test file gets a fresh factory.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach } from 'vitest';
import { closeSharedDb } from '../../utils/core/db';

beforeEach(async () => {
  await closeSharedDb();
  globalThis.indexedDB = new IDBFactory();
});
