// The campaigns module's public face: what other modules may use. Its tables, repositories and every
// file not exported here are private to it; the app registers its routes from its *.routes.ts.
export { activateCampaign } from './activate-campaign.ts';
export { createCampaign } from './create-campaign.ts';
export { setCampaignListing } from './set-campaign-listing.ts';
export { isCampaignListed } from './campaign-status.ts';
export { listListedCampaigns, listListedCategories } from './campaign-listing.ts';
export type { ListedCampaign, ListedCampaignQuery } from './campaign-listing.ts';
export { campaignTitles } from './campaign-titles.ts';
export { findCampaign } from './campaigns.repository.ts';
export type { CampaignRow, StoredCampaignStatus } from './campaigns.tables.ts';
export { findCampaignHoldDays } from './campaign-hold-days.ts';
export { campaignColumns, campaignsByIds, findAnyCampaign, findMerchantCampaignOrThrow, tenantCampaignIds } from './find-campaigns.ts';
export { findCampaignIdsByTitle } from './campaign-by-title.ts';
