import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { findAnyCampaign, type CampaignRow } from '../campaigns/index.ts';
import { findMerchantStatus, type MerchantStatus } from '../merchants/index.ts';
import { campaignMemberships, type MembershipRow, type MembershipStatus } from './memberships.tables.ts';

export async function findCampaignWithMerchant(
  campaignId: string,
  executor: Executor,
): Promise<{ campaign: CampaignRow; merchantStatus: MerchantStatus } | undefined> {
  const campaign = await findAnyCampaign(executor, campaignId);
  const merchantStatus = campaign && (await findMerchantStatus(executor, campaign.merchantId));
  return campaign && merchantStatus ? { campaign, merchantStatus } : undefined;
}

export async function findMembership(
  campaignId: string,
  affiliateId: string,
  executor: Executor,
  options: { forUpdate?: boolean } = {},
): Promise<MembershipRow | undefined> {
  const query = executor
    .select()
    .from(campaignMemberships)
    .where(and(eq(campaignMemberships.campaignId, campaignId), eq(campaignMemberships.affiliateId, affiliateId)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export interface MembershipChange {
  campaignId: string;
  affiliateId: string;
  merchantId: string;
  status: MembershipStatus;
  /** Which timestamp the change sets, and who made it (merchant decisions and invitations). */
  stamp: 'requested' | 'invited' | 'decided';
  actorUserId: string | null;
}

/**
 * Write a membership's new status. Inserting when there is none races with a concurrent request for
 * the same pair; the primary key makes the loser's insert a no-op and it reports false to retry.
 */
export async function saveMembership(change: MembershipChange, exists: boolean, executor: Executor): Promise<boolean> {
  const stamps = {
    requestedAt: change.stamp === 'requested' ? sql`now()` : undefined,
    invitedAt: change.stamp === 'invited' ? sql`now()` : undefined,
    decidedAt: change.stamp === 'decided' || (change.stamp === 'requested' && change.status === 'APPROVED') ? sql`now()` : undefined,
    decidedBy: change.actorUserId ?? undefined,
  };
  if (exists) {
    await executor
      .update(campaignMemberships)
      .set({ status: change.status, ...stamps, updatedAt: sql`now()` })
      .where(and(eq(campaignMemberships.campaignId, change.campaignId), eq(campaignMemberships.affiliateId, change.affiliateId)));
    return true;
  }
  const inserted = await executor
    .insert(campaignMemberships)
    .values({ campaignId: change.campaignId, affiliateId: change.affiliateId, merchantId: change.merchantId, status: change.status, ...stamps })
    .onConflictDoNothing()
    .returning({ status: campaignMemberships.status });
  return inserted.length > 0;
}
