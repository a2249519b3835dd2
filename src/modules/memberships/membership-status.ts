import type { Executor } from '../../platform/db/client.ts';
import type { MembershipStatus } from './memberships.tables.ts';
import { findMembership } from './memberships.repository.ts';

/** The affiliate's membership status in a campaign; undefined when they have none. */
export async function findMembershipStatus(executor: Executor, campaignId: string, affiliateId: string): Promise<MembershipStatus | undefined> {
  return (await findMembership(campaignId, affiliateId, executor))?.status;
}
