import { expect } from 'vitest';
import type { CampaignRow } from '../../src/modules/campaigns/campaigns.tables.ts';
import { matureHeldCommissions } from '../../src/modules/commissions/mature-held-commissions.ts';
import { insertClick, orderId } from './conversion-factories.ts';
import type { TestMerchant } from './factories.ts';
import type { TestApp } from './test-app.ts';

const DAY = 86_400_000;

/**
 * A live order reported through the signed API, delivered long enough ago that its hold has ended,
 * and matured: its commission is APPROVED, ready to bill.
 */
export async function approvedCommission(t: TestApp, merchant: TestMerchant, campaign: CampaignRow, affiliateId: string, amount = '100.00') {
  const id = orderId('BILL');
  const created = await merchant.live.post('/api/v1/conversions', {
    orderId: id,
    clickId: await insertClick(t.platform.db, campaign, affiliateId),
    amount,
    currency: campaign.currency,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const delivered = await merchant.live.patch(`/api/v1/orders/${id}`, { status: 'delivered', occurredAt: new Date(Date.now() - 30 * DAY).toISOString() });
  expect(delivered.status, JSON.stringify(delivered.body)).toBe(200);
  await matureHeldCommissions(t.platform.db);
  const order = await merchant.live.get(`/api/v1/orders/${id}`);
  expect(order.body.commission.status).toBe('approved');
  return { orderId: id, commissionId: order.body.commission.id as string, amount: order.body.commission.amount as string };
}
