import { eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { campaigns } from '../campaigns/campaigns.tables.ts';
import { merchants } from '../merchants/merchants.tables.ts';
import { transitionCommission, type ChangeContext } from './change-commission.ts';
import type { CommissionRecord } from './commission-record.ts';
import { holdUntil, resolveHoldDays } from './hold-period.ts';

/**
 * PENDING → HOLD when the order is delivered: the hold runs `holdDays` from delivery (campaign
 * override, else the merchant's setting, else the platform's).
 */
export async function startHold(
  tx: Tx,
  commission: CommissionRecord,
  deliveredAt: Date,
  platformHoldDays: number,
  ctx: ChangeContext,
): Promise<CommissionRecord> {
  const [campaign] = await tx.select({ holdDays: campaigns.holdDays }).from(campaigns).where(eq(campaigns.id, commission.campaignId));
  const [merchant] = await tx.select({ holdDays: merchants.holdDays }).from(merchants).where(eq(merchants.id, commission.merchantId));
  const days = resolveHoldDays(campaign?.holdDays, merchant?.holdDays, platformHoldDays);
  return transitionCommission(tx, commission, 'hold', ctx, { holdUntil: holdUntil(deliveredAt, days) });
}
