import type { Tx } from '../../platform/db/client.ts';
import { findCampaignHoldDays } from '../campaigns/index.ts';
import { findMerchantHoldDays } from '../merchants/index.ts';
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
  const campaignHoldDays = await findCampaignHoldDays(tx, commission.campaignId);
  const merchantHoldDays = await findMerchantHoldDays(tx, commission.merchantId);
  const days = resolveHoldDays(campaignHoldDays, merchantHoldDays, platformHoldDays);
  return transitionCommission(tx, commission, 'hold', ctx, { holdUntil: holdUntil(deliveredAt, days) });
}
