import { inTransaction, type Db } from '../../platform/db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { notifyJoinRequested } from '../email/index.ts';
import type { MembershipStatus } from './memberships.tables.ts';
import { findCampaignWithMerchant, findMembership, saveMembership } from './memberships.repository.ts';
import { isCampaignListed } from '../campaigns/index.ts';
import { nextMembershipStatus } from './membership-rules.ts';

export interface JoinResult {
  campaignId: string;
  status: MembershipStatus;
}

/**
 * An affiliate joins a campaign: allowed when it is publicly listed or they were invited (or already
 * have a membership); any other campaign does not exist as far as they can tell.
 */
export async function joinCampaign(db: Db, affiliateId: string, campaignId: string, now = new Date()): Promise<JoinResult> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const result = await inTransaction(db, async (tx) => {
      const found = await findCampaignWithMerchant(campaignId, tx);
      if (!found) throw notFound('Campaign');
      const membership = await findMembership(campaignId, affiliateId, tx, { forUpdate: true });
      const listed = found.merchantStatus === 'APPROVED' && isCampaignListed(found.campaign, now);
      if (!listed && !membership) throw notFound('Campaign');

      const next = nextMembershipStatus(membership?.status ?? null, 'JOIN', found.campaign);
      if (!next.ok) throw new AppError(next.reason, next.message);
      if (!next.changed) return { campaignId, status: next.status };
      const saved = await saveMembership(
        { campaignId, affiliateId, merchantId: found.campaign.merchantId, status: next.status, stamp: 'requested', actorUserId: null },
        membership !== undefined,
        tx,
      );
      if (saved && next.status === 'PENDING') await notifyJoinRequested(tx, found.campaign, affiliateId);
      return saved ? { campaignId, status: next.status } : null;
    });
    if (result) return result;
  }
  throw new AppError('CONFLICT', 'The membership changed while joining; try again');
}
