// Small typed records in the `kv` store. Every read goes through a zod schema: data written by an
// older version, or damaged, falls back to the schema's default instead of breaking the caller.
import type { ZodType } from './zod';
import { db, type KgDatabase } from './db';

export async function readKv<T>(
  key: string,
  schema: ZodType<T>,
  fallback: T,
  database?: KgDatabase,
): Promise<T> {
  const store = database ?? (await db());
  const raw: unknown = await store.get('kv', key);
  if (raw === undefined) return fallback;
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : fallback;
}

export async function writeKv<T>(
  key: string,
  schema: ZodType<T>,
  value: T,
  database?: KgDatabase,
): Promise<T> {
  const store = database ?? (await db());
  const checked = schema.parse(value);
  await store.put('kv', checked, key);
  return checked;
}
