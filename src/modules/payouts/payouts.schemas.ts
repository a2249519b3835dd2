import { Type } from '@sinclair/typebox';
import { PageQuery } from '../../platform/http/pagination.ts';
import { Money, Nullable, StringEnum } from '../../platform/http/schemas.ts';
import { PAYOUT_METHOD_TYPES } from '../affiliates/index.ts';
import { PAYOUT_STATUSES } from './payouts.tables.ts';

export const PayoutSchema = Type.Object({
  id: Type.String(),
  status: StringEnum(PAYOUT_STATUSES),
  amount: Money('The whole payable balance withdrawn: its commissions minus the clawbacks it nets'),
  currency: Type.String(),
  withholdingPercent: Type.String(),
  withheldAmount: Money('Tax withheld (platform setting payoutWithholdingPercent)'),
  netAmount: Money('What the rail transfers: amount − withheldAmount'),
  payoutMethodId: Type.String(),
  method: StringEnum(PAYOUT_METHOD_TYPES),
  commissionCount: Type.Integer(),
  reason: Nullable(Type.String({ description: 'Why it was rejected, cancelled or failed' })),
  reference: Nullable(Type.String({ description: "The rail's transfer reference, once paid" })),
  batchId: Nullable(Type.String()),
  requestedAt: Type.String({ format: 'date-time' }),
  reviewedAt: Nullable(Type.String({ format: 'date-time' })),
  settledAt: Nullable(Type.String({ format: 'date-time' })),
});

export const AdminPayoutSchema = Type.Composite([
  PayoutSchema,
  Type.Object({
    affiliateId: Type.String(),
    affiliateName: Type.String(),
    review: Type.Object({
      accountAgeDays: Type.Integer(),
      payoutMethodChangedRecently: Type.Boolean({ description: 'A payout method was added or removed in the last 7 days' }),
      openRiskReviews: Type.Integer({ description: 'Commissions flagged by risk scoring and still undecided' }),
      reversedShare: Type.String({ description: 'Percentage of the affiliate’s live commissions reversed or rejected' }),
    }),
  }),
]);

export const PayoutRequestBody = Type.Object(
  {
    currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', description: 'The platform currency when omitted' })),
    payoutMethodId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Your default payout method when omitted' })),
  },
  { additionalProperties: false },
);

export const PayoutParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const ReasonBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false });
export const ReferenceBody = Type.Object(
  { reference: Type.String({ minLength: 1, maxLength: 120, description: "The rail's transfer reference; unique" }) },
  { additionalProperties: false },
);
export const AdminPayoutQuery = Type.Composite([PageQuery, Type.Object({ status: Type.Optional(StringEnum(PAYOUT_STATUSES)) })]);

export const BatchBody = Type.Object({ method: StringEnum(PAYOUT_METHOD_TYPES) }, { additionalProperties: false });
export const BatchSchema = Type.Object({
  id: Type.String(),
  method: StringEnum(PAYOUT_METHOD_TYPES),
  count: Type.Integer(),
  total: Money('The sum of its payouts’ net amounts'),
  currency: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  payoutIds: Type.Array(Type.String()),
});
