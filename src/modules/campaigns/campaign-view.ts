import { formatCommissionValue } from '../commissions/index.ts';
import { effectiveCampaignStatus, isCampaignApproved, isCampaignListed, isCampaignLive } from './campaign-status.ts';
import type { CampaignView } from './campaigns.schemas.ts';
import type { CampaignRow } from './campaigns.tables.ts';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** A stored campaign as the API shows it: read status, decimal-string commission, derived flags. */
export function toCampaignView(row: CampaignRow, now: Date = new Date()): CampaignView {
  return {
    id: row.id,
    campaignCode: row.campaignCode,
    merchantId: row.merchantId,
    title: row.title,
    description: row.description,
    category: row.category,
    landingUrl: row.landingUrl,
    status: effectiveCampaignStatus(row, now),
    startDate: iso(row.startDate),
    endDate: iso(row.endDate),
    defaultCommissionType: row.defaultCommissionType,
    defaultCommissionValue:
      row.defaultCommissionType && row.defaultCommissionValue !== null
        ? formatCommissionValue(row.defaultCommissionType, row.defaultCommissionValue, row.currency)
        : null,
    currency: row.currency,
    cookieDurationDays: row.cookieDurationDays,
    allowedTrafficSources: row.allowedTrafficSources,
    termsAndConditions: row.termsAndConditions,
    approvalRequired: row.approvalRequired,
    approved: isCampaignApproved(row),
    approvedAt: iso(row.approvedAt),
    publicListing: row.publicListing,
    listed: isCampaignListed(row, now),
    live: isCampaignLive(row, now),
    holdDays: row.holdDays,
    livemode: row.livemode,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
