import { Type } from '@sinclair/typebox';
import { PageQuery, Paginated } from '../../platform/http/pagination.ts';
import { Channel, Nullable } from '../affiliates/index.ts';

export const MembershipStatus = Type.Union([Type.Literal('PENDING'), Type.Literal('APPROVED'), Type.Literal('REJECTED'), Type.Literal('INVITED')]);

const DateTime = Type.String({ format: 'date-time' });

export const CampaignOffer = Type.Object({
  id: Type.String(),
  campaignCode: Type.String(),
  title: Type.String(),
  description: Nullable(Type.String()),
  category: Nullable(Type.String()),
  merchant: Type.Object({ id: Type.String(), name: Type.String(), website: Nullable(Type.String()) }),
  commission: Nullable(
    Type.Object({
      type: Type.Union([Type.Literal('PERCENTAGE'), Type.Literal('FIXED')]),
      value: Type.String({ description: 'Percent ("12.5") or money in major units ("250.00")' }),
      currency: Type.String(),
    }),
  ),
  cookieDurationDays: Type.Integer(),
  allowedTrafficSources: Type.Array(Type.String()),
  termsAndConditions: Nullable(Type.String()),
  approvalRequired: Type.Boolean({ description: 'Joining waits for the merchant’s approval' }),
  startDate: Nullable(DateTime),
  endDate: Nullable(DateTime),
  membershipStatus: Nullable(MembershipStatus),
});

export const MarketplaceQuery = Type.Composite([
  PageQuery,
  Type.Object({
    category: Type.Optional(Type.String({ maxLength: 100 })),
    search: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Part of the title, case-insensitive' })),
  }),
]);

export const AffiliateCampaignsQuery = Type.Composite([PageQuery, Type.Object({ status: Type.Optional(MembershipStatus) })]);

export const CampaignOfferPage = Paginated(CampaignOffer);

export const CampaignParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
export const MembershipParams = Type.Object({ id: Type.String({ maxLength: 64 }), affiliateId: Type.String({ maxLength: 64 }) });

export const JoinResult = Type.Object({ campaignId: Type.String(), status: MembershipStatus });
export const MembershipResult = Type.Object({ campaignId: Type.String(), affiliateId: Type.String(), status: MembershipStatus });

export const InviteBody = Type.Object({ affiliateEmail: Type.String({ format: 'email', maxLength: 254 }) }, { additionalProperties: false });

export const JoinRequestQuery = Type.Composite([
  PageQuery,
  Type.Object({ status: Type.Optional(MembershipStatus), campaignId: Type.Optional(Type.String({ format: 'uuid' })) }),
]);

export const JoinRequest = Type.Object({
  campaignId: Type.String(),
  campaignTitle: Type.String(),
  status: MembershipStatus,
  affiliate: Type.Object({
    id: Type.String(),
    displayName: Type.String(),
    channels: Type.Array(Channel),
    website: Nullable(Type.String()),
    socialHandles: Type.Record(Type.String(), Type.String()),
  }),
  requestedAt: Nullable(DateTime),
  invitedAt: Nullable(DateTime),
  decidedAt: Nullable(DateTime),
});

export const JoinRequestPage = Paginated(JoinRequest);
