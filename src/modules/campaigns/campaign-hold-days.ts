import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { campaigns } from './campaigns.tables.ts';

/** The campaign's own hold period in days: null when it uses the merchant's, undefined for no such campaign. */
export async function findCampaignHoldDays(executor: Executor, campaignId: string): Promise<number | null | undefined> {
  const [row] = await executor.select({ holdDays: campaigns.holdDays }).from(campaigns).where(eq(campaigns.id, campaignId));
  return row?.holdDays;
}
