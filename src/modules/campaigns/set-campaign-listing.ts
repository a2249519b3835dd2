import { inTransaction, type Db } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { toCampaignView } from './campaign-view.ts';
import { getAnyCampaignOrThrow, updateCampaign } from './campaigns.repository.ts';
import type { CampaignView } from './campaigns.schemas.ts';

/**
 * Opt a campaign in or out of the public listing. A merchant may only change its own campaigns
 * (in either mode: the dashboard sees both); an admin (`merchantId` null) any campaign. Opting in
 * is a wish: the campaign shows only while it is also active and approved (`listed`).
 */
export async function setCampaignListing(db: Db, actor: { merchantId: string | null }, id: string, listed: boolean): Promise<CampaignView> {
  return inTransaction(db, async (tx) => {
    const campaign = await getAnyCampaignOrThrow(id, tx, { forUpdate: true });
    if (actor.merchantId !== null && campaign.merchantId !== actor.merchantId) throw notFound('Campaign');
    if (campaign.publicListing === listed) return toCampaignView(campaign);
    return toCampaignView(await updateCampaign(campaign.id, { publicListing: listed }, tx));
  });
}
