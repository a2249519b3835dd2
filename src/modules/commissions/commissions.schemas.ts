import { Type, type Static } from '@sinclair/typebox';
import { Money, Nullable, StringEnum } from '../../platform/http/schemas.ts';
import { ListFormatQuery } from '../../platform/http/csv-export.ts';
import { PageQuery } from '../../platform/http/pagination.ts';
import { COMMISSION_STATUSES, RATE_SOURCES } from './commissions.tables.ts';

export const CommissionSchema = Type.Object(
  {
    id: Type.String(),
    orderId: Type.String({ description: "The merchant's order id" }),
    conversionId: Type.String(),
    affiliateRef: Type.String(),
    campaignId: Type.String(),
    livemode: Type.Boolean(),
    status: StringEnum(COMMISSION_STATUSES),
    amount: Money('What the commission is worth now (after partial refunds)'),
    originalAmount: Money('As computed when the order was reported'),
    currency: Type.String(),
    rate: Type.Object({
      type: StringEnum(['PERCENTAGE', 'FIXED'] as const),
      value: Type.String({ description: 'Percent ("5") or money per unit/order ("25.00")' }),
      source: StringEnum(RATE_SOURCES),
    }),
    holdUntil: Nullable(Type.String({ format: 'date-time' })),
    paidAmount: Nullable(Money()),
    payoutId: Nullable(Type.String()),
    risk: Type.Object({ score: Type.Integer(), reviewStatus: Type.String() }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  {},
);
export type CommissionView = Static<typeof CommissionSchema>;

const CommissionListFilter = Type.Object({
  status: Type.Optional(StringEnum(COMMISSION_STATUSES)),
  affiliateId: Type.Optional(Type.String({ maxLength: 64 })),
  orderId: Type.Optional(Type.String({ maxLength: 255 })),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Created at or after' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Created before' })),
});
export type CommissionListFilter = Static<typeof CommissionListFilter>;

export const CommissionListQuery = Type.Composite([PageQuery, CommissionListFilter, ListFormatQuery]);
export type CommissionListQuery = Static<typeof CommissionListQuery>;
