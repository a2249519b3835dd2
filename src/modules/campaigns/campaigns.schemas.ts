import { Type, type Static } from '@sinclair/typebox';
import { PageQuery } from '../../platform/http/pagination.ts';
import { IsoDateTime, Money, Nullable, StringEnum } from '../../platform/http/schemas.ts';
import { COMMISSION_TYPES } from './campaigns.tables.ts';

export const CAMPAIGN_READ_STATUSES = ['DRAFT', 'ACTIVE', 'PAUSED', 'EXPIRED', 'ARCHIVED'] as const;

const Title = Type.String({ minLength: 1, maxLength: 160, pattern: '\\S', description: 'Up to 160 characters.' });
const CommissionType = StringEnum(COMMISSION_TYPES);
const CommissionValue = Money('Decimal string: a percentage 0–100 with at most 2 decimals ("12.5") for PERCENTAGE, money ("250.00") for FIXED');
const CookieDays = Type.Integer({ minimum: 0, maximum: 365, description: 'Attribution window in days; 0 means last-click only.' });
const TrafficSources = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 50 });
const Text = (maxLength: number) => Type.String({ maxLength });
const Category = Type.String({ minLength: 1, maxLength: 80, description: 'Marketplace category, e.g. "Electronics".' });
const LandingUrl = Type.String({ format: 'uri', maxLength: 2048, description: 'Where a campaign link sends the buyer; must be on an approved domain.' });
const HoldDays = Type.Integer({ minimum: 0, maximum: 365, description: 'Return window before commissions are approved; the account setting when unset.' });

/** CreateCampaignDto: only title is required. */
export const CreateCampaignBody = Type.Object(
  {
    title: Title,
    description: Type.Optional(Text(10_000)),
    category: Type.Optional(Category),
    landingUrl: Type.Optional(LandingUrl),
    startDate: Type.Optional(IsoDateTime('ISO 8601 date-time with a time zone')),
    endDate: Type.Optional(IsoDateTime('ISO 8601 date-time with a time zone; after startDate')),
    defaultCommissionType: Type.Optional(CommissionType),
    defaultCommissionValue: Type.Optional(CommissionValue),
    cookieDurationDays: Type.Optional(CookieDays),
    allowedTrafficSources: Type.Optional(TrafficSources),
    termsAndConditions: Type.Optional(Text(20_000)),
    approvalRequired: Type.Optional(Type.Boolean()),
    holdDays: Type.Optional(HoldDays),
  },
  { additionalProperties: false },
);
export type CreateCampaignBody = Static<typeof CreateCampaignBody>;

/** Partial update; null clears an optional field. `status` accepts only ARCHIVED. */
export const UpdateCampaignBody = Type.Object(
  {
    title: Type.Optional(Title),
    description: Type.Optional(Nullable(Text(10_000))),
    category: Type.Optional(Nullable(Category)),
    landingUrl: Type.Optional(Nullable(LandingUrl)),
    startDate: Type.Optional(Nullable(IsoDateTime())),
    endDate: Type.Optional(Nullable(IsoDateTime())),
    defaultCommissionType: Type.Optional(Nullable(CommissionType)),
    defaultCommissionValue: Type.Optional(Nullable(CommissionValue)),
    cookieDurationDays: Type.Optional(CookieDays),
    allowedTrafficSources: Type.Optional(TrafficSources),
    termsAndConditions: Type.Optional(Nullable(Text(20_000))),
    approvalRequired: Type.Optional(Type.Boolean()),
    holdDays: Type.Optional(Nullable(HoldDays)),
    status: Type.Optional(StringEnum(['ARCHIVED'] as const, { description: 'Only ARCHIVED: use /activate and /pause for the rest.' })),
  },
  { additionalProperties: false },
);
export type UpdateCampaignBody = Static<typeof UpdateCampaignBody>;

export const CampaignListQuery = Type.Composite([PageQuery, Type.Object({ status: Type.Optional(StringEnum(CAMPAIGN_READ_STATUSES)) })]);
export type CampaignListQuery = Static<typeof CampaignListQuery>;

export const CampaignParams = Type.Object({ id: Type.String({ description: 'Campaign id (uuid)' }) });

const Timestamp = Type.String({ format: 'date-time' });

export const Campaign = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    campaignCode: Type.String({ examples: ['CMP-AB12CD'] }),
    merchantId: Type.String(),
    title: Type.String(),
    description: Nullable(Type.String()),
    category: Nullable(Type.String()),
    landingUrl: Nullable(Type.String()),
    status: StringEnum(CAMPAIGN_READ_STATUSES, { description: 'EXPIRED whenever endDate has passed (unless archived).' }),
    startDate: Nullable(Timestamp),
    endDate: Nullable(Timestamp),
    defaultCommissionType: Nullable(CommissionType),
    defaultCommissionValue: Nullable(Type.String()),
    currency: Type.String(),
    cookieDurationDays: Type.Integer(),
    allowedTrafficSources: Type.Array(Type.String()),
    termsAndConditions: Nullable(Type.String()),
    approvalRequired: Type.Boolean(),
    approved: Type.Boolean({ description: 'True without approvalRequired, or once an admin approved it.' }),
    approvedAt: Nullable(Timestamp),
    publicListing: Type.Boolean({ description: 'Opted in to the public listing.' }),
    listed: Type.Boolean({ description: 'Shown in the public listing now: opted in, active and approved.' }),
    live: Type.Boolean({ description: 'Links convert now: active and inside its date range.' }),
    holdDays: Nullable(Type.Integer()),
    livemode: Type.Boolean(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'Campaign' },
);
export type CampaignView = Static<typeof Campaign>;

export const ListingBody = Type.Object({ public: Type.Boolean() }, { additionalProperties: false });

export const PublicCampaign = Type.Object({
  id: Type.String({ format: 'uuid' }),
  campaignCode: Type.String(),
  title: Type.String(),
  description: Nullable(Type.String()),
  category: Nullable(Type.String()),
  merchant: Type.Object({ name: Type.String(), website: Nullable(Type.String()) }),
  commission: Type.Object({
    type: CommissionType,
    value: Type.String(),
    currency: Type.String(),
    source: StringEnum(['campaign', 'merchant', 'platform'] as const, { description: 'Where the rate comes from; products may set their own.' }),
  }),
  cookieDurationDays: Type.Integer(),
  termsAndConditions: Nullable(Type.String()),
  allowedTrafficSources: Type.Array(Type.String()),
  approvalRequired: Type.Boolean({ description: 'Affiliates who join need the merchant’s approval.' }),
  startDate: Nullable(Timestamp),
  endDate: Nullable(Timestamp),
  livemode: Type.Boolean({ description: 'Always true: test-mode campaigns are never listed.' }),
});

export const PublicCampaignQuery = Type.Composite([
  PageQuery,
  Type.Object({
    category: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
    search: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Part of the title, case-insensitive' })),
  }),
]);
export type PublicCampaignQuery = Static<typeof PublicCampaignQuery>;
