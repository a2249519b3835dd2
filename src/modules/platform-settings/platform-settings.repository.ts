import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { platformSettings, type PlatformSettingsRow } from './platform-settings.tables.ts';

/** Defaults for a fresh platform: what a missing settings row means. */
export const PLATFORM_DEFAULTS = {
  defaultCommissionType: 'PERCENTAGE',
  defaultCommissionValue: 500, // 5 %
  currency: 'NPR',
} as const satisfies Partial<PlatformSettingsRow>;

export type PlatformSettings = Pick<PlatformSettingsRow, 'defaultCommissionType' | 'defaultCommissionValue' | 'currency'> & { updatedAt: Date | null };

export async function getPlatformSettings(executor: Executor): Promise<PlatformSettings> {
  const [row] = await executor.select().from(platformSettings);
  if (!row) return { ...PLATFORM_DEFAULTS, updatedAt: null };
  return { defaultCommissionType: row.defaultCommissionType, defaultCommissionValue: row.defaultCommissionValue, currency: row.currency, updatedAt: row.updatedAt };
}

/** Write settings; the single row is created on first write. */
export async function savePlatformSettings(values: Partial<Omit<PlatformSettingsRow, 'id' | 'updatedAt'>>, executor: Executor): Promise<PlatformSettings> {
  const [row] = await executor
    .insert(platformSettings)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: platformSettings.id, set: { ...values, updatedAt: sql`now()` } })
    .returning();
  if (!row) throw new Error('platform settings upsert returned nothing');
  return { defaultCommissionType: row.defaultCommissionType, defaultCommissionValue: row.defaultCommissionValue, currency: row.currency, updatedAt: row.updatedAt };
}
