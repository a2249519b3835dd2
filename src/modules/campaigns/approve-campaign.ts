import { inTransaction, type Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { toCampaignView } from './campaign-view.ts';
import { getAnyCampaignOrThrow, updateCampaign } from './campaigns.repository.ts';
import type { CampaignView } from './campaigns.schemas.ts';

/** An admin approves a campaign that requires approval; approving it again changes nothing. */
export async function approveCampaign(db: Db, id: string, adminUserId: string): Promise<CampaignView> {
  return inTransaction(db, async (tx) => {
    const campaign = await getAnyCampaignOrThrow(id, tx, { forUpdate: true });
    if (campaign.status === 'ARCHIVED') throw new AppError('INVALID_TRANSITION', 'An archived campaign cannot be approved');
    if (!campaign.approvalRequired) throw new AppError('CONFLICT', 'This campaign does not require approval');
    if (campaign.approvedAt) return toCampaignView(campaign);
    return toCampaignView(await updateCampaign(campaign.id, { approvedAt: new Date(), approvedBy: adminUserId }, tx));
  });
}
