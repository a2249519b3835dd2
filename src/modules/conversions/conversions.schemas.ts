import { Type, type Static } from '@sinclair/typebox';
import { Money } from '../../platform/http/schemas.ts';
import { StringEnum } from '../../platform/http/schemas.ts';
import { INITIAL_ORDER_STATUSES } from '../orders/index.ts';
import { UNATTRIBUTED_REASONS } from './conversions.tables.ts';

export const MAX_ITEMS = 500;

export const ConversionItem = Type.Object(
  {
    sku: Type.String({ minLength: 1, maxLength: 255, description: "Matched on the product's externalProductId" }),
    qty: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
    price: Money('Unit price, net of discounts'),
  },
  { additionalProperties: false },
);

export const ConversionBody = Type.Object(
  {
    orderId: Type.String({ minLength: 1, maxLength: 255, description: 'Your order id; reporting it again is deduplicated' }),
    clickId: Type.Optional(Type.Union([Type.String({ maxLength: 255 }), Type.Null()], { description: 'The affiliate_click_id captured on landing' })),
    amount: Money('Order amount in major units, e.g. "49.90"'),
    currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217; defaults to the merchant currency' })),
    status: Type.Optional(StringEnum(INITIAL_ORDER_STATUSES, { description: 'The order status now; pending when omitted' })),
    occurredAt: Type.Optional(Type.String({ format: 'date-time', description: 'When the order was placed; now when omitted' })),
    items: Type.Optional(Type.Array(ConversionItem, { maxItems: MAX_ITEMS })),
  },
  { additionalProperties: false },
);
export type ConversionBody = Static<typeof ConversionBody>;

export const ConversionResponse = Type.Object(
  {
    conversionId: Type.String(),
    orderId: Type.String(),
    livemode: Type.Boolean(),
    attributed: Type.Boolean(),
    unattributedReason: Type.Optional(StringEnum(UNATTRIBUTED_REASONS, { description: 'Why the order earns no commission; only when attributed is false' })),
    affiliateRef: Type.Union([Type.String(), Type.Null()]),
    commission: Type.Union([Type.Object({ amount: Money(), currency: Type.String(), status: Type.String() }), Type.Null()]),
    risk: Type.Union(
      [
        Type.Object({
          score: Type.Integer({ description: '0–100; at or above the review threshold the commission waits for a review' }),
          reasons: Type.Array(Type.String(), { description: 'CLICK_TO_ORDER_TOO_SHORT, MANY_ORDERS_ON_CLICK, SELF_REFERRAL, AMOUNT_OUTLIER' }),
          reviewRequired: Type.Boolean(),
        }),
        Type.Null(),
      ],
      { description: 'The risk checks of an attributed order; null when unattributed' },
    ),
    deduplicated: Type.Boolean(),
  },
  {},
);
export type ConversionResponse = Static<typeof ConversionResponse>;
