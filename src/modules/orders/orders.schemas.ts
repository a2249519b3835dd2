import { Type, type Static } from '@sinclair/typebox';
import { ListFormatQuery } from '../../platform/http/csv-export.ts';
import { PageQuery } from '../../platform/http/pagination.ts';
import { CommissionSchema } from '../commissions/index.ts';
import { Money, StringEnum } from '../../platform/http/schemas.ts';
import { UNATTRIBUTED_REASONS } from '../conversions/conversions.tables.ts';
import { REQUESTABLE_ORDER_STATUSES } from './order-status.ts';
import { ORDER_STATUSES } from './orders.tables.ts';

export const OrderParams = Type.Object({ orderId: Type.String({ minLength: 1, maxLength: 255 }) });

export const OrderStatusBody = Type.Object(
  {
    status: StringEnum(REQUESTABLE_ORDER_STATUSES),
    refundAmount: Type.Optional(Money('With status "refunded": the amount this update refunds; omitted = everything not yet refunded')),
    amount: Type.Optional(Money('Same as refundAmount (accepted for older integrations)')),
    occurredAt: Type.Optional(Type.String({ format: 'date-time', description: 'When it happened at your store; now when omitted' })),
  },
  { additionalProperties: false },
);
export type OrderStatusBody = Static<typeof OrderStatusBody>;

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const OrderSchema = Type.Object(
  {
    orderId: Type.String(),
    conversionId: Type.String(),
    livemode: Type.Boolean(),
    status: StringEnum(ORDER_STATUSES),
    amount: Money(),
    refundedAmount: Money(),
    currency: Type.String(),
    occurredAt: Type.String({ format: 'date-time' }),
    deliveredAt: Nullable(Type.String({ format: 'date-time' })),
    attributed: Type.Boolean(),
    unattributedReason: Type.Union([StringEnum(UNATTRIBUTED_REASONS), Type.Null()]),
    clickId: Nullable(Type.String()),
    affiliateRef: Nullable(Type.String()),
    items: Type.Array(Type.Object({ sku: Type.String(), qty: Type.Integer(), price: Money() })),
    commission: Type.Union([CommissionSchema, Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  {},
);
export type OrderView = Static<typeof OrderSchema>;

export const OrderHistoryEntry = Type.Object({
  from: Type.Union([StringEnum(ORDER_STATUSES), Type.Null()]),
  to: StringEnum(ORDER_STATUSES),
  refundAmount: Type.Union([Money(), Type.Null()]),
  occurredAt: Type.String({ format: 'date-time' }),
  recordedAt: Type.String({ format: 'date-time' }),
});

export const OrderDetail = Type.Object({ ...OrderSchema.properties, history: Type.Array(OrderHistoryEntry) });
export type OrderDetail = Static<typeof OrderDetail>;

const OrderListFilter = Type.Object({
  status: Type.Optional(StringEnum(ORDER_STATUSES)),
  attributed: Type.Optional(Type.Boolean()),
  affiliateId: Type.Optional(Type.String({ maxLength: 64 })),
  clickId: Type.Optional(Type.String({ maxLength: 255 })),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Placed at or after' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Placed before' })),
});
export type OrderListFilter = Static<typeof OrderListFilter>;

export const OrderListQuery = Type.Composite([PageQuery, OrderListFilter, ListFormatQuery]);
export type OrderListQuery = Static<typeof OrderListQuery>;
