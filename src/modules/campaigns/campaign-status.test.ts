import { describe, expect, it } from 'vitest';
import { effectiveCampaignStatus, isCampaignApproved, isCampaignListed, isCampaignLive, nextCampaignStatus, type CampaignAction } from './campaign-status.ts';
import type { CampaignStatus, StoredCampaignStatus } from './campaigns.tables.ts';

const now = new Date('2025-10-01T12:00:00Z');
const past = new Date('2025-09-30T12:00:00Z');
const future = new Date('2025-10-30T12:00:00Z');

describe('campaign transitions', () => {
  it.each<[CampaignStatus, CampaignAction, StoredCampaignStatus | null]>([
    ['DRAFT', 'activate', 'ACTIVE'],
    ['DRAFT', 'pause', null],
    ['DRAFT', 'archive', 'ARCHIVED'],
    ['ACTIVE', 'activate', null],
    ['ACTIVE', 'pause', 'PAUSED'],
    ['ACTIVE', 'archive', 'ARCHIVED'],
    ['PAUSED', 'activate', 'ACTIVE'],
    ['PAUSED', 'pause', null],
    ['PAUSED', 'archive', 'ARCHIVED'],
    ['EXPIRED', 'activate', null],
    ['EXPIRED', 'pause', null],
    ['EXPIRED', 'archive', 'ARCHIVED'],
    ['ARCHIVED', 'activate', null],
    ['ARCHIVED', 'pause', null],
    ['ARCHIVED', 'archive', null],
  ])('%s + %s → %s', (from, action, to) => {
    expect(nextCampaignStatus(from, action)).toBe(to);
  });
});

describe('effectiveCampaignStatus', () => {
  it.each<[StoredCampaignStatus, Date | null, CampaignStatus]>([
    ['DRAFT', null, 'DRAFT'],
    ['ACTIVE', future, 'ACTIVE'],
    ['ACTIVE', past, 'EXPIRED'],
    ['PAUSED', past, 'EXPIRED'],
    ['DRAFT', past, 'EXPIRED'],
    ['ACTIVE', now, 'EXPIRED'],
    ['ARCHIVED', past, 'ARCHIVED'],
  ])('stored %s with endDate %s reads %s', (status, endDate, expected) => {
    expect(effectiveCampaignStatus({ status, endDate }, now)).toBe(expected);
  });
});

describe('listing and liveness', () => {
  const campaign = {
    status: 'ACTIVE' as StoredCampaignStatus,
    endDate: null as Date | null,
    startDate: null as Date | null,
    livemode: true,
    publicListing: true,
    approvalRequired: false,
    approvedAt: null as Date | null,
  };

  it.each<[string, Partial<typeof campaign>, boolean]>([
    ['opted in, active, no approval needed', {}, true],
    ['not opted in', { publicListing: false }, false],
    ['in test mode (test data stays in the sandbox)', { livemode: false }, false],
    ['archived', { status: 'ARCHIVED' }, false],
    ['ending later', { endDate: future }, true],
    ['draft', { status: 'DRAFT' }, false],
    ['paused', { status: 'PAUSED' }, false],
    ['expired', { endDate: past }, false],
    ['approval required and pending', { approvalRequired: true }, false],
    ['approval required and granted', { approvalRequired: true, approvedAt: past }, true],
    ['not started yet (affiliates may join ahead)', { startDate: future }, true],
  ])('listed when %s → %s', (_name, patch, expected) => {
    expect(isCampaignListed({ ...campaign, ...patch }, now)).toBe(expected);
  });

  it('is approved without approvalRequired, or once approved', () => {
    expect(isCampaignApproved({ approvalRequired: false, approvedAt: null })).toBe(true);
    expect(isCampaignApproved({ approvalRequired: true, approvedAt: null })).toBe(false);
    expect(isCampaignApproved({ approvalRequired: true, approvedAt: past })).toBe(true);
  });

  it('is live only while active and between its dates', () => {
    expect(isCampaignLive(campaign, now)).toBe(true);
    expect(isCampaignLive({ ...campaign, startDate: future }, now)).toBe(false);
    expect(isCampaignLive({ ...campaign, startDate: past, endDate: future }, now)).toBe(true);
    expect(isCampaignLive({ ...campaign, endDate: past }, now)).toBe(false);
    expect(isCampaignLive({ ...campaign, status: 'PAUSED' }, now)).toBe(false);
  });
});
