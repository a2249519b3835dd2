import type { StoredCampaignStatus } from '../campaigns/index.ts';
import type { ClickRecord } from './click-record.ts';
import type { UnattributedReason } from './conversions.tables.ts';

/** The parts of the click's campaign that decide whether it still converts. */
export interface CampaignTerms {
  status: StoredCampaignStatus;
  startDate: Date | null;
  endDate: Date | null;
  cookieDurationDays: number;
}

export interface AttributionInput {
  merchantId: string;
  livemode: boolean;
  clickId: string | null | undefined;
  click: ClickRecord | null;
  /** The click's campaign, or null when it no longer exists. */
  campaign: CampaignTerms | null;
  occurredAt: Date;
  /** The window for campaigns with cookieDurationDays = 0 (last click only). */
  lastClickWindowMinutes: number;
}

export type Attribution = { attributed: true; click: ClickRecord } | { attributed: false; reason: UnattributedReason };

/** Merchant and platform clocks differ a little; an order this much "before" its click still counts. */
export const CLOCK_SKEW_MS = 5 * 60_000;

const DAY_MS = 86_400_000;

export function attributionWindowMs(cookieDurationDays: number, lastClickWindowMinutes: number): number {
  return cookieDurationDays === 0 ? lastClickWindowMinutes * 60_000 : cookieDurationDays * DAY_MS;
}

/**
 * SPEC §2 attribution rules. The click must be a recorded click of this merchant in the same mode
 * (anything else is indistinguishable from an unknown id, so other tenants' ids leak nothing); it
 * must have been attributable when it happened; its campaign must be live when the order happened;
 * and the order must fall inside the campaign's window.
 */
export function attributeConversion(input: AttributionInput): Attribution {
  const { click, campaign, occurredAt } = input;
  if (!input.clickId) return { attributed: false, reason: 'NO_CLICK_ID' };
  if (!click || click.id !== input.clickId || click.merchantId !== input.merchantId || click.livemode !== input.livemode) {
    return { attributed: false, reason: 'UNKNOWN_CLICK' };
  }
  if (!click.attributable) return { attributed: false, reason: 'CLICK_NOT_ATTRIBUTABLE' };
  // The stored status is all we know of the campaign's history: paused or archived now means no.
  if (!campaign || campaign.status !== 'ACTIVE') return { attributed: false, reason: 'CAMPAIGN_INACTIVE' };
  if (campaign.endDate && occurredAt.getTime() >= campaign.endDate.getTime()) return { attributed: false, reason: 'CAMPAIGN_INACTIVE' };
  if (campaign.startDate && occurredAt.getTime() < campaign.startDate.getTime()) return { attributed: false, reason: 'CAMPAIGN_INACTIVE' };
  const elapsed = occurredAt.getTime() - click.clickedAt.getTime();
  if (elapsed < -CLOCK_SKEW_MS) return { attributed: false, reason: 'ORDER_BEFORE_CLICK' };
  if (elapsed > attributionWindowMs(campaign.cookieDurationDays, input.lastClickWindowMinutes)) return { attributed: false, reason: 'EXPIRED_WINDOW' };
  return { attributed: true, click };
}
