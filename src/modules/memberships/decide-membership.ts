import { inTransaction, type Db } from '../../platform/db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { findUserIdByEmail } from '../accounts/index.ts';
import { findAffiliateIdOfUser } from '../affiliates/index.ts';
import { findMerchantCampaignOrThrow } from '../campaigns/index.ts';
import { notifyJoinDecided } from '../email/index.ts';
import type { MembershipStatus } from './memberships.tables.ts';
import { findMembership, saveMembership } from './memberships.repository.ts';
import { nextMembershipStatus } from './membership-rules.ts';

export interface MerchantActor {
  merchantId: string;
  userId: string;
}

export interface MembershipResult {
  campaignId: string;
  affiliateId: string;
  status: MembershipStatus;
}

async function applyMerchantAction(
  db: Db,
  actor: MerchantActor,
  campaignId: string,
  affiliateId: string,
  action: 'APPROVE' | 'REJECT' | 'INVITE',
): Promise<MembershipResult> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const result = await inTransaction(db, async (tx) => {
      const campaign = await findMerchantCampaignOrThrow(tx, actor.merchantId, campaignId);
      const membership = await findMembership(campaignId, affiliateId, tx, { forUpdate: true });
      const next = nextMembershipStatus(membership?.status ?? null, action, campaign);
      if (!next.ok) throw next.reason === 'NOT_FOUND' ? notFound('Join request') : new AppError(next.reason, next.message);
      if (!next.changed) return { campaignId, affiliateId, status: next.status };
      const saved = await saveMembership(
        {
          campaignId,
          affiliateId,
          merchantId: actor.merchantId,
          status: next.status,
          stamp: action === 'INVITE' && next.status === 'INVITED' ? 'invited' : 'decided',
          actorUserId: actor.userId,
        },
        membership !== undefined,
        tx,
      );
      if (saved && membership?.status === 'PENDING' && (next.status === 'APPROVED' || next.status === 'REJECTED')) {
        await notifyJoinDecided(tx, campaign, affiliateId, next.status === 'APPROVED');
      }
      return saved ? { campaignId, affiliateId, status: next.status } : null;
    });
    if (result) return result;
  }
  throw new AppError('CONFLICT', 'The membership changed meanwhile; try again');
}

export const approveJoinRequest = (db: Db, actor: MerchantActor, campaignId: string, affiliateId: string) =>
  applyMerchantAction(db, actor, campaignId, affiliateId, 'APPROVE');

export const rejectJoinRequest = (db: Db, actor: MerchantActor, campaignId: string, affiliateId: string) =>
  applyMerchantAction(db, actor, campaignId, affiliateId, 'REJECT');

/** Invite an affiliate by the email they signed up with; private campaigns are joined this way. */
export async function inviteAffiliate(db: Db, actor: MerchantActor, campaignId: string, affiliateEmail: string): Promise<MembershipResult> {
  // Check the campaign first, so an unknown campaign is reported as such whatever the email.
  await findMerchantCampaignOrThrow(db, actor.merchantId, campaignId);
  const userId = await findUserIdByEmail(db, affiliateEmail);
  const affiliateId = userId && (await findAffiliateIdOfUser(db, userId));
  if (!affiliateId)
    throw new AppError('NOT_FOUND', 'No affiliate has signed up with this email', [
      { field: 'affiliateEmail', code: 'UNKNOWN_AFFILIATE', message: 'no affiliate account uses this email' },
    ]);
  return applyMerchantAction(db, actor, campaignId, affiliateId, 'INVITE');
}
