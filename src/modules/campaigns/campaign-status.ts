import type { CampaignStatus, StoredCampaignStatus } from './campaigns.tables.ts';

/** What a merchant can do to a campaign's status. `archive` is PATCH { status: "ARCHIVED" }. */
export type CampaignAction = 'activate' | 'pause' | 'archive';

/**
 * The campaign state machine, declared once. Rows are the status a campaign reads as (EXPIRED
 * included: it is never stored, a past endDate makes any non-archived campaign read so); a
 * missing entry is an invalid transition (409 INVALID_TRANSITION).
 */
export const CAMPAIGN_TRANSITIONS: Readonly<Record<CampaignStatus, Readonly<Partial<Record<CampaignAction, StoredCampaignStatus>>>>> = {
  DRAFT: { activate: 'ACTIVE', archive: 'ARCHIVED' },
  ACTIVE: { pause: 'PAUSED', archive: 'ARCHIVED' },
  PAUSED: { activate: 'ACTIVE', archive: 'ARCHIVED' },
  // An expired campaign can only be archived; extend its endDate to bring it back.
  EXPIRED: { archive: 'ARCHIVED' },
  ARCHIVED: {},
};

export function nextCampaignStatus(current: CampaignStatus, action: CampaignAction): StoredCampaignStatus | null {
  return CAMPAIGN_TRANSITIONS[current][action] ?? null;
}

interface StatusFields {
  status: StoredCampaignStatus;
  endDate: Date | null;
}

/**
 * The status a campaign reads as: EXPIRED once its endDate has passed, whatever is stored —
 * except ARCHIVED, which is final and stays visible as such.
 */
export function effectiveCampaignStatus(campaign: StatusFields, now: Date): CampaignStatus {
  if (campaign.status === 'ARCHIVED') return 'ARCHIVED';
  if (campaign.endDate && campaign.endDate.getTime() <= now.getTime()) return 'EXPIRED';
  return campaign.status;
}

/** A campaign without approvalRequired counts as approved. */
export function isCampaignApproved(campaign: { approvalRequired: boolean; approvedAt: Date | null }): boolean {
  return !campaign.approvalRequired || campaign.approvedAt !== null;
}

/**
 * The listing rule, for the public campaigns page and the affiliates' marketplace alike: a live
 * campaign, opted in, active (not expired) and approved (one without approvalRequired counts as
 * approved). A test-mode campaign is never listed: test data stays in the merchant's sandbox. Its
 * merchant must also be approved; `listedCampaignsWhere` (campaign-listing.ts) is the SQL form of both.
 */
export function isCampaignListed(
  campaign: StatusFields & { livemode: boolean; publicListing: boolean; approvalRequired: boolean; approvedAt: Date | null },
  now: Date,
): boolean {
  return campaign.livemode && campaign.publicListing && effectiveCampaignStatus(campaign, now) === 'ACTIVE' && isCampaignApproved(campaign);
}

/** Links convert only while the campaign is active and inside its date range. */
export function isCampaignLive(campaign: StatusFields & { startDate: Date | null }, now: Date): boolean {
  if (effectiveCampaignStatus(campaign, now) !== 'ACTIVE') return false;
  return !campaign.startDate || campaign.startDate.getTime() <= now.getTime();
}
