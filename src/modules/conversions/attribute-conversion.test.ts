import { describe, expect, it } from 'vitest';
import { attributeConversion, type AttributionInput, type CampaignTerms } from './attribute-conversion.ts';
import type { ClickRecord } from './click-record.ts';

const clickedAt = new Date('2026-06-14T09:00:00Z');
const at = (ms: number) => new Date(clickedAt.getTime() + ms);
const MIN = 60_000;
const DAY = 86_400_000;

const click: ClickRecord = {
  id: 'clk_1',
  merchantId: 'mer_a',
  livemode: true,
  affiliateId: 'aff_1',
  linkId: 'lnk_1',
  campaignId: 'c1',
  productId: null,
  clickedAt,
  ipHash: 'h',
  attributable: true,
  subIds: {},
};
const campaign: CampaignTerms = { status: 'ACTIVE', startDate: null, endDate: null, cookieDurationDays: 30 };
const base: AttributionInput = { merchantId: 'mer_a', livemode: true, clickId: 'clk_1', click, campaign, occurredAt: at(MIN), lastClickWindowMinutes: 60 };

describe('attributeConversion', () => {
  const cases: Array<[string, Partial<AttributionInput>, string]> = [
    ['a click of this merchant and mode inside the window', {}, 'ATTRIBUTED'],
    ['no click id', { clickId: undefined }, 'NO_CLICK_ID'],
    ['an empty click id', { clickId: '' }, 'NO_CLICK_ID'],
    ['a click id that matches no recorded click', { click: null }, 'UNKNOWN_CLICK'],
    ["another merchant's click", { click: { ...click, merchantId: 'mer_b' } }, 'UNKNOWN_CLICK'],
    ['a test-mode click reported with a live key', { click: { ...click, livemode: false } }, 'UNKNOWN_CLICK'],
    ['a live click reported with a test key', { livemode: false }, 'UNKNOWN_CLICK'],
    ['a click that was not attributable (bot, inactive campaign)', { click: { ...click, attributable: false } }, 'CLICK_NOT_ATTRIBUTABLE'],
    ['a paused campaign', { campaign: { ...campaign, status: 'PAUSED' } }, 'CAMPAIGN_INACTIVE'],
    ['an archived campaign', { campaign: { ...campaign, status: 'ARCHIVED' } }, 'CAMPAIGN_INACTIVE'],
    ['a draft campaign', { campaign: { ...campaign, status: 'DRAFT' } }, 'CAMPAIGN_INACTIVE'],
    ['a campaign that no longer exists', { campaign: null }, 'CAMPAIGN_INACTIVE'],
    ['a campaign past its endDate at conversion time', { campaign: { ...campaign, endDate: at(30 * 1000) } }, 'CAMPAIGN_INACTIVE'],
    ['a campaign whose endDate is after the order', { campaign: { ...campaign, endDate: at(2 * MIN) } }, 'ATTRIBUTED'],
    ['a campaign not started at conversion time', { campaign: { ...campaign, startDate: at(2 * MIN) } }, 'CAMPAIGN_INACTIVE'],
    ['exactly at the end of a 30-day window', { occurredAt: at(30 * DAY) }, 'ATTRIBUTED'],
    ['one millisecond past a 30-day window', { occurredAt: at(30 * DAY + 1) }, 'EXPIRED_WINDOW'],
    ['cookieDurationDays 0: 59 minutes after the click', { campaign: { ...campaign, cookieDurationDays: 0 }, occurredAt: at(59 * MIN) }, 'ATTRIBUTED'],
    ['cookieDurationDays 0: exactly 60 minutes after the click', { campaign: { ...campaign, cookieDurationDays: 0 }, occurredAt: at(60 * MIN) }, 'ATTRIBUTED'],
    ['cookieDurationDays 0: 61 minutes after the click', { campaign: { ...campaign, cookieDurationDays: 0 }, occurredAt: at(61 * MIN) }, 'EXPIRED_WINDOW'],
    [
      'cookieDurationDays 0 with the window set to 10 minutes',
      { campaign: { ...campaign, cookieDurationDays: 0 }, occurredAt: at(11 * MIN), lastClickWindowMinutes: 10 },
      'EXPIRED_WINDOW',
    ],
    ['an order a little before the click (clock skew)', { occurredAt: at(-2 * MIN) }, 'ATTRIBUTED'],
    ['an order well before the click', { occurredAt: at(-10 * MIN) }, 'ORDER_BEFORE_CLICK'],
  ];
  for (const [name, change, expected] of cases) {
    it(`${name} → ${expected}`, () => {
      const result = attributeConversion({ ...base, ...change });
      expect(result.attributed ? 'ATTRIBUTED' : result.reason).toBe(expected);
    });
  }
});
