import { inTransaction, type Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { effectiveCampaignStatus, nextCampaignStatus, type CampaignAction } from './campaign-status.ts';
import { toCampaignView } from './campaign-view.ts';
import { getCampaignOrThrow, updateCampaign, type Tenant } from './campaigns.repository.ts';
import type { CampaignView } from './campaigns.schemas.ts';
import type { CampaignRow } from './campaigns.tables.ts';

const VERB: Record<CampaignAction, string> = { activate: 'activated', pause: 'paused', archive: 'archived' };

/**
 * Move a campaign through the state machine (campaign-status.ts). The row is locked for the
 * transaction, so concurrent changes of one campaign apply one after the other. `guard` runs
 * after the transition is known to be valid and may refuse it.
 */
export async function transitionCampaign(
  db: Db,
  tenant: Tenant,
  id: string,
  action: CampaignAction,
  guard?: (campaign: CampaignRow) => void,
): Promise<CampaignView> {
  return inTransaction(db, async (tx) => {
    const campaign = await getCampaignOrThrow(tenant, id, tx, { forUpdate: true });
    const now = new Date();
    const current = effectiveCampaignStatus(campaign, now);
    const next = nextCampaignStatus(current, action);
    if (!next) {
      const hint = current === 'EXPIRED' ? ' (its endDate has passed; move endDate into the future first)' : '';
      throw new AppError('INVALID_TRANSITION', `A ${current} campaign cannot be ${VERB[action]}${hint}`, [
        { field: 'status', code: current, message: `is ${current}` },
      ]);
    }
    guard?.(campaign);
    return toCampaignView(await updateCampaign(campaign.id, { status: next }, tx), now);
  });
}
