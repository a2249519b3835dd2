import type { Db } from '../../platform/db/client.ts';
import { findCampaignWithMerchant, findMembership } from './memberships.repository.ts';

/** Whose catalogue a joined campaign shows: its merchant in the campaign's mode. */
export interface JoinedCampaign {
  id: string;
  merchantId: string;
  livemode: boolean;
}

/** A campaign the affiliate is an approved member of; undefined for any other (not joined, pending, rejected, unknown). */
export async function findJoinedCampaign(db: Db, affiliateId: string, campaignId: string): Promise<JoinedCampaign | undefined> {
  const found = await findCampaignWithMerchant(campaignId, db);
  if (!found) return undefined;
  const membership = await findMembership(found.campaign.id, affiliateId, db);
  if (membership?.status !== 'APPROVED') return undefined;
  return { id: found.campaign.id, merchantId: found.campaign.merchantId, livemode: found.campaign.livemode };
}
