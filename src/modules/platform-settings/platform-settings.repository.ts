import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { platformSettings, type PlatformSettingsRow } from './platform-settings.tables.ts';

export type PlatformSettings = Omit<PlatformSettingsRow, 'id' | 'updatedBy' | 'updatedAt'> & { updatedAt: Date | null };

/** Defaults for a fresh platform: what a missing settings row means. */
export const PLATFORM_DEFAULTS: Omit<PlatformSettings, 'updatedAt'> = {
  defaultCommissionType: 'PERCENTAGE',
  defaultCommissionValue: 500, // 5 %
  currency: 'NPR',
  minimumPayout: 100_000n, // NPR 1,000.00
  platformFeePercent: 0,
  payoutWithholdingPercent: 0,
  billingPeriod: 'monthly',
  // Nepal Rastra Bank limits per transfer: NPR 50,000 on wallets, NPR 2,00,000 on bank transfers.
  walletTransferLimit: 5_000_000n,
  bankTransferLimit: 20_000_000n,
};

const toSettings = ({ id: _id, updatedBy: _by, ...row }: PlatformSettingsRow): PlatformSettings => row;

export async function getPlatformSettings(executor: Executor): Promise<PlatformSettings> {
  const [row] = await executor.select().from(platformSettings);
  return row ? toSettings(row) : { ...PLATFORM_DEFAULTS, updatedAt: null };
}

/** Write settings; the single row is created on first write. */
export async function savePlatformSettings(values: Partial<Omit<PlatformSettingsRow, 'id' | 'updatedAt'>>, executor: Executor): Promise<PlatformSettings> {
  const [row] = await executor
    .insert(platformSettings)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: platformSettings.id, set: { ...values, updatedAt: sql`now()` } })
    .returning();
  if (!row) throw new Error('platform settings upsert returned nothing');
  return toSettings(row);
}
