import type { ErrorDetail } from '../../platform/errors.ts';
import { readCommissionInput } from '../commissions/index.ts';
import { isUrlOnDomains } from '../merchants/index.ts';
import type { CreateCampaignBody, UpdateCampaignBody } from './campaigns.schemas.ts';
import type { CampaignRow, campaigns } from './campaigns.tables.ts';

export type CampaignColumns = Partial<typeof campaigns.$inferInsert>;

export interface CampaignInputContext {
  /** The campaign's currency (FIXED commissions are money in it). */
  currency: string;
  approvedDomains: readonly string[];
  /** The stored campaign, for a partial update. */
  current?: CampaignRow;
}

const toDate = (value: string | null | undefined): Date | null | undefined => (value === undefined || value === null ? value : new Date(value));

/**
 * Turn a create or update body (already schema-valid) into column values, checking the rules that
 * span fields or need context: endDate after startDate (against stored dates on update), the
 * commission type/value pair, and a landing URL on an approved domain. Every problem is reported.
 */
export function readCampaignInput(
  body: CreateCampaignBody | UpdateCampaignBody,
  context: CampaignInputContext,
): { ok: true; values: CampaignColumns } | { ok: false; details: ErrorDetail[] } {
  const details: ErrorDetail[] = [];
  const values: CampaignColumns = {};
  const { current } = context;

  if (body.title !== undefined) values.title = body.title.trim();
  if (body.description !== undefined) values.description = body.description;
  if (body.category !== undefined) values.category = body.category?.trim() ?? null;
  if (body.termsAndConditions !== undefined) values.termsAndConditions = body.termsAndConditions;
  if (body.cookieDurationDays !== undefined) values.cookieDurationDays = body.cookieDurationDays;
  if (body.allowedTrafficSources !== undefined) values.allowedTrafficSources = [...new Set(body.allowedTrafficSources.map((s) => s.trim().toLowerCase()))];
  if (body.approvalRequired !== undefined) values.approvalRequired = body.approvalRequired;
  if (body.holdDays !== undefined) values.holdDays = body.holdDays;

  if (body.landingUrl !== undefined && body.landingUrl !== null && !isUrlOnDomains(body.landingUrl, context.approvedDomains)) {
    details.push({ field: 'landingUrl', code: 'DOMAIN_NOT_APPROVED', message: 'must be on one of your approved domains (or a subdomain of one)' });
  } else if (body.landingUrl !== undefined) {
    values.landingUrl = body.landingUrl;
  }

  const startDate = toDate(body.startDate);
  const endDate = toDate(body.endDate);
  if (startDate !== undefined) values.startDate = startDate;
  if (endDate !== undefined) values.endDate = endDate;
  const start = startDate === undefined ? (current?.startDate ?? null) : startDate;
  const end = endDate === undefined ? (current?.endDate ?? null) : endDate;
  if (start && end && end.getTime() <= start.getTime()) {
    details.push({ field: endDate !== undefined ? 'endDate' : 'startDate', code: 'END_BEFORE_START', message: 'endDate must be after startDate' });
  }

  const commission = readCommissionInput(
    { type: body.defaultCommissionType, value: body.defaultCommissionValue },
    {
      currency: context.currency,
      typeField: 'defaultCommissionType',
      valueField: 'defaultCommissionValue',
      ...(current ? { current: { type: current.defaultCommissionType } } : {}),
    },
  );
  if (!commission.ok) details.push(...commission.details);
  else if (commission.change.kind === 'set')
    Object.assign(values, { defaultCommissionType: commission.change.type, defaultCommissionValue: commission.change.value });
  else if (commission.change.kind === 'clear') Object.assign(values, { defaultCommissionType: null, defaultCommissionValue: null });

  return details.length > 0 ? { ok: false, details } : { ok: true, values };
}
