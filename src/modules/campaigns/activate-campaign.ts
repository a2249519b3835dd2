import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { isCampaignApproved } from './campaign-status.ts';
import type { Tenant } from './campaigns.repository.ts';
import { transitionCampaign } from './transition-campaign.ts';

/** DRAFT or PAUSED → ACTIVE; refused while the campaign needs an admin's approval it lacks. */
export const activateCampaign = (db: Db, tenant: Tenant, id: string) =>
  transitionCampaign(db, tenant, id, 'activate', (campaign) => {
    if (!isCampaignApproved(campaign)) {
      throw new AppError('CAMPAIGN_APPROVAL_REQUIRED', 'This campaign requires approval and has not been approved by the platform yet');
    }
  });
