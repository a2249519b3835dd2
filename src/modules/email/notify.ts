import type { Executor } from '../../platform/db/client.ts';
import type { NewDomainEvent } from '../../platform/events/record-event.ts';
import { formatMoney } from '../../platform/money.ts';
import { findAffiliateRecipient } from '../affiliates/index.ts';
import { findMerchantRecipient } from '../merchants/index.ts';
import { queueEmail } from './queue-email.ts';

/*
 * The notification emails, each queued in the transaction of the change it reports (see
 * queue-email.ts). Callers pass ids (and the campaign or payout they already hold); the merchant
 * and affiliate an email goes to are looked up here.
 */

/** What a membership email says about the campaign. */
export interface CampaignMention {
  title: string;
  merchantId: string;
}

/** What a payout email says about the payout. */
export interface PayoutMention {
  affiliateId: string;
  netAmount: bigint;
  currency: string;
}

export async function notifyMerchantReviewed(
  tx: Executor,
  merchantId: string,
  decision: { approved: true } | { approved: false; reason: string },
): Promise<void> {
  const merchant = await findMerchantRecipient(tx, merchantId);
  if (!merchant) return;
  await queueEmail(
    tx,
    decision.approved
      ? { userId: merchant.userId, kind: 'merchant_approved', params: { businessName: merchant.businessName } }
      : { userId: merchant.userId, kind: 'merchant_rejected', params: { businessName: merchant.businessName, reason: decision.reason } },
  );
}

/** An affiliate asked to join a campaign that needs the merchant's approval. */
export async function notifyJoinRequested(tx: Executor, campaign: CampaignMention, affiliateId: string): Promise<void> {
  const affiliate = await findAffiliateRecipient(tx, affiliateId);
  const merchant = await findMerchantRecipient(tx, campaign.merchantId);
  if (!affiliate || !merchant) return;
  await queueEmail(tx, {
    userId: merchant.userId,
    kind: 'join_request_received',
    params: { affiliateName: affiliate.displayName, campaignName: campaign.title },
  });
}

/** The merchant approved or declined an affiliate's join request. */
export async function notifyJoinDecided(tx: Executor, campaign: CampaignMention, affiliateId: string, approved: boolean): Promise<void> {
  const affiliate = await findAffiliateRecipient(tx, affiliateId);
  const merchant = await findMerchantRecipient(tx, campaign.merchantId);
  if (!affiliate || !merchant) return;
  await queueEmail(tx, {
    userId: affiliate.userId,
    kind: 'join_request_decided',
    params: { campaignName: campaign.title, merchantName: merchant.businessName, decision: approved ? 'approved' : 'declined' },
  });
}

/** A payout was paid by the rail, or failed there. */
export async function notifyPayoutSettled(
  tx: Executor,
  payout: PayoutMention,
  outcome: { paid: true; reference: string } | { paid: false; reason: string },
): Promise<void> {
  const affiliate = await findAffiliateRecipient(tx, payout.affiliateId);
  if (!affiliate) return;
  const money = { amount: formatMoney(payout.netAmount, payout.currency), currency: payout.currency };
  await queueEmail(
    tx,
    outcome.paid
      ? { userId: affiliate.userId, kind: 'payout_paid', params: { ...money, reference: outcome.reference } }
      : { userId: affiliate.userId, kind: 'payout_failed', params: { ...money, reason: outcome.reason } },
  );
}

/** The platform disabled a merchant's webhook endpoint (it answered 410 Gone). */
export async function notifyWebhookEndpointDisabled(tx: Executor, endpoint: { merchantId: string; url: string }, reason: string): Promise<void> {
  const merchant = await findMerchantRecipient(tx, endpoint.merchantId);
  if (!merchant) return;
  await queueEmail(tx, { userId: merchant.userId, kind: 'webhook_endpoint_disabled', params: { url: endpoint.url, reason } });
}

/**
 * A domain event listener: a live commission reaching `approved` tells its affiliate. It runs in the
 * transaction recording the event, like every listener.
 */
export async function notifyCommissionApproved(tx: Executor, event: NewDomainEvent): Promise<void> {
  if (event.type !== 'commission.status_changed' || event.data.to !== 'approved' || !event.livemode || !event.merchantId) return;
  const commission = event.data.commission as { affiliateRef: string; amount: string; currency: string };
  const affiliate = await findAffiliateRecipient(tx, commission.affiliateRef);
  const merchant = await findMerchantRecipient(tx, event.merchantId);
  if (!affiliate || !merchant) return;
  await queueEmail(tx, {
    userId: affiliate.userId,
    kind: 'commission_approved',
    params: { amount: commission.amount, currency: commission.currency, merchantName: merchant.businessName },
  });
}
