import { Type, type Static } from '@sinclair/typebox';
import { ListFormatQuery } from '../../platform/http/csv-export.ts';
import { PageQuery } from '../../platform/http/pagination.ts';
import { Money, Nullable, StringEnum } from '../../platform/http/schemas.ts';
import { COMMISSION_TYPES } from '../commissions/index.ts';
import { PRODUCT_STATUSES, STOCK_STATUSES } from './products.tables.ts';

/** A single import/upsert call accepts at most this many items (seed: Products API). */
export const MAX_BULK_ITEMS = 5000;

const Url = (description: string) => Type.String({ format: 'uri', maxLength: 2048, description });
const Label = (description: string) => Type.String({ minLength: 1, maxLength: 120, description });
const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code, e.g. NPR; the account currency when omitted.' });
const Stock = StringEnum(STOCK_STATUSES);
const CommissionType = StringEnum(COMMISSION_TYPES);
const CommissionValue = Money('Decimal string: a percentage 0–100 ("10") for PERCENTAGE, money per unit sold ("150.00") for FIXED');
const Uuid = (description: string) => Type.String({ format: 'uuid', description });

/**
 * ProductInput: one product in import/upsert, or the body of a single create. In an upsert of an
 * existing product an omitted optional field keeps its value and null clears it.
 */
export const ProductInput = Type.Object(
  {
    externalProductId: Type.String({ minLength: 1, maxLength: 120, description: 'Your own product id (SKU); unique per merchant and mode.' }),
    name: Type.String({ minLength: 1, maxLength: 255 }),
    description: Type.Optional(Nullable(Type.String({ maxLength: 10_000 }))),
    productUrl: Url('Landing URL; must be on one of your approved domains (or a subdomain).'),
    imageUrl: Type.Optional(Nullable(Url('Product image URL.'))),
    category: Type.Optional(Nullable(Label('Category label.'))),
    brand: Type.Optional(Nullable(Label('Brand label.'))),
    price: Money('Decimal string, e.g. "2999.00". Not a number.'),
    discountPrice: Type.Optional(Nullable(Money('Sale price as a decimal string; not above price.'))),
    currency: Type.Optional(Currency),
    stockStatus: Type.Optional(Nullable(Stock)),
    commissionType: Type.Optional(Nullable(CommissionType)),
    commissionValue: Type.Optional(Nullable(CommissionValue)),
    campaignId: Type.Optional(Nullable(Uuid('One of your campaigns in the same mode.'))),
  },
  { additionalProperties: false },
);
export type ProductInput = Static<typeof ProductInput>;

export const BulkProductsBody = Type.Object(
  {
    products: Type.Array(
      Type.Unknown({
        description: 'A ProductInput (the body of POST /api/v1/products). Each item is validated on its own, so one bad item never blocks the others.',
      }),
      {
        maxItems: MAX_BULK_ITEMS,
        description: `Up to ${MAX_BULK_ITEMS} ProductInput objects.`,
      },
    ),
  },
  { additionalProperties: false },
);

export const ItemError = Type.Object({
  index: Type.Integer({ description: 'Position of the item in `products`.' }),
  externalProductId: Nullable(Type.String()),
  status: Type.Integer({ description: 'The HTTP status this item alone would have had.' }),
  code: Type.String(),
  message: Type.String(),
  details: Type.Optional(Type.Array(Type.Object({ field: Type.Optional(Type.String()), code: Type.Optional(Type.String()), message: Type.String() }))),
});
export type ItemError = Static<typeof ItemError>;

export const BulkProductsResult = Type.Object({
  received: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  failed: Type.Integer(),
  errors: Type.Array(ItemError, { description: 'The failed items, in input order.' }),
  results: Type.Array(
    Type.Object({
      index: Type.Integer(),
      externalProductId: Nullable(Type.String()),
      outcome: StringEnum(['created', 'updated', 'failed'] as const),
      id: Nullable(Type.String({ format: 'uuid' })),
    }),
    { description: 'One entry per item, in input order.' },
  ),
});
export type BulkProductsResult = Static<typeof BulkProductsResult>;

export const ProductPatch = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
    description: Type.Optional(Nullable(Type.String({ maxLength: 10_000 }))),
    productUrl: Type.Optional(Url('Must be on one of your approved domains.')),
    imageUrl: Type.Optional(Nullable(Url('Product image URL.'))),
    category: Type.Optional(Nullable(Label('Category label.'))),
    brand: Type.Optional(Nullable(Label('Brand label.'))),
    price: Type.Optional(Money('Decimal string, e.g. "2599.00".')),
    discountPrice: Type.Optional(Nullable(Money('Sale price; null ends the sale.'))),
    currency: Type.Optional(Currency),
    stockStatus: Type.Optional(Nullable(Stock)),
    commissionType: Type.Optional(Nullable(CommissionType)),
    commissionValue: Type.Optional(Nullable(CommissionValue)),
    campaignId: Type.Optional(Nullable(Uuid('Attach to one of your campaigns; null detaches.'))),
    status: Type.Optional(StringEnum(PRODUCT_STATUSES)),
  },
  { additionalProperties: false },
);
export type ProductPatch = Static<typeof ProductPatch>;

const ProductListFilter = Type.Object({
  status: Type.Optional(StringEnum(PRODUCT_STATUSES)),
  category: Type.Optional(Type.String({ minLength: 1, maxLength: 120, description: 'Exact category, case-insensitive.' })),
  campaignId: Type.Optional(Type.String({ format: 'uuid' })),
  search: Type.Optional(Type.String({ minLength: 1, maxLength: 120, description: 'Part of the name or externalProductId, case-insensitive.' })),
});
export type ProductListFilter = Static<typeof ProductListFilter>;

export const ProductListQuery = Type.Composite([PageQuery, ProductListFilter, ListFormatQuery]);
export type ProductListQuery = Static<typeof ProductListQuery>;

export const ProductParams = Type.Object({ id: Type.String({ description: 'Product id (uuid)' }) });

export const ArchiveProductsBody = Type.Object(
  { productIds: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: MAX_BULK_ITEMS, uniqueItems: true }) },
  { additionalProperties: false },
);

const Timestamp = Type.String({ format: 'date-time' });

export const Product = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    externalProductId: Type.String(),
    name: Type.String(),
    description: Nullable(Type.String()),
    productUrl: Type.String(),
    imageUrl: Nullable(Type.String()),
    category: Nullable(Type.String()),
    brand: Nullable(Type.String()),
    price: Type.String({ description: 'Decimal string with the currency’s decimals.' }),
    discountPrice: Nullable(Type.String()),
    currency: Type.String(),
    stockStatus: Nullable(Stock),
    commissionType: Nullable(CommissionType),
    commissionValue: Nullable(Type.String()),
    campaignId: Nullable(Type.String({ format: 'uuid' })),
    status: StringEnum(PRODUCT_STATUSES),
    sourceFeedId: Nullable(Type.String({ description: 'The product feed that last wrote it; null when written through the API.' })),
    livemode: Type.Boolean(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'Product' },
);
export type ProductView = Static<typeof Product>;
